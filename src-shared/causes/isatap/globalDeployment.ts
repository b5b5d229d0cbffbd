/** isatap-global-deployment: the generic name isatap resolves, so every host builds ISATAP (knowledge E.2). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';

export const isatapGlobalDeployment = defineCause({
  id: 'isatap-global-deployment',
  rule: {
    roles: ['client', 'manageOut'],
    run: (ctx) => {
      const i = ctx.peek('isatap');
      if (!i || i.genericName.addresses.length === 0) return null;
      return finding({
        id: 'isatap-global-deployment',
        severity: 'warning',
        title: 'ISATAP is switched on for every computer in the network',
        plain:
          'The name "isatap" can be looked up on this network, which makes every Windows computer on your organisation’s network build an IPv6 tunnel to the DirectAccess server, not just the management computers that need it. It works, but it is not recommended; your organisation’s IT department should limit it to the computers that need it.',
        technical: `The generic name ${i.genericName.name} resolves to ${i.genericName.addresses.join(', ')}: ISATAP is deployed globally (the name was removed from the DNS global query block list).`,
        evidence: [ev('isatap', 'genericName.addresses', i.genericName.addresses, [], 'the generic ISATAP name resolves')],
        escalate: true,
        adminAction:
          'Use a targeted ISATAP deployment: rename the record (e.g. isatap-da), put "isatap" back on the DNS global query block list, and set the router name by GPO only for manage-out hosts.',
        commands: [`Resolve-DnsName ${i.genericName.name}`, 'dnscmd /info /globalqueryblocklist'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-global-deployment',
        title: 'ISATAP for everyone',
        plain: 'Checking that ISATAP is only given to the workstations that need it.',
        then: 'working-advice-global',
      },
    ],
    nodes: [
      {
        kind: 'outcome',
        id: 'working-advice-global',
        result: 'working',
        cause: 'isatap-global-deployment',
        title: 'Working, with advice for your administrator',
        plain:
          'Managing remote computers works, but ISATAP is given to every computer in your organisation, which can cause problems. The report tells your organisation’s IT department what to change.',
      },
    ],
  },
});

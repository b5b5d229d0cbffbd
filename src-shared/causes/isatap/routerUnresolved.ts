/** isatap-router-unresolved: the ISATAP router name does not resolve, e.g. the blocked name isatap (knowledge E.2). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { routerName, routerResolves, isatapCommands, orgRouter } from './isatap';
import { escalate, fixThenVerify, info } from '../../tree/build';
import { lookupTechnical } from '../dnsLookup';

export const isatapRouterUnresolved = defineCause({
  id: 'isatap-router-unresolved',
  explains: [{ group: 'isatapInterface' }],
  fixes: ['set-isatap-router'],
  rule: {
    roles: ['manageOut'],
    run: (ctx) => {
      const i = ctx.need('isatap');
      if (!i) return null;
      const name = routerName(i);
      if (name === null || routerResolves(i)) return null;
      const generic = name.toLowerCase() === 'isatap';
      const target = orgRouter(ctx);
      const canFix = target !== undefined && target.toLowerCase() !== name.toLowerCase();
      const evidence = [
        ev('isatap', 'configuration.router', name, target ?? "a name that resolves to the DirectAccess server's internal IPv4"),
        ev(
          'isatap',
          'router.addresses',
          i.router?.addresses ?? [],
          ['<DA internal IPv4>'],
          generic
            ? `the name "isatap" is on the DNS global query block list by default; ${lookupTechnical(i.router?.lookup)}`
            : `the name does not resolve: ${lookupTechnical(i.router?.lookup)}`,
        ),
      ];
      const lookup = i.router?.lookup;
      if (lookup) evidence.push(ev('isatap', 'router.lookup.outcome', lookup.outcome, 'answered', lookupTechnical(lookup)));
      if (i.interfaces.length === 0) evidence.push(ev('isatap', 'interfaces', [], ['isatap.{…}'], 'symptom: no ISATAP interface'));
      if (/^default$/i.test(i.configuration?.state ?? ''))
        evidence.push(
          ev('isatap', 'configuration.state', i.configuration?.state, 'Enabled', 'also set State Enabled on Windows 10 1703 / Server 2019 and later'),
        );
      return finding({
        id: 'isatap-router-unresolved',
        severity: 'error',
        title: 'The ISATAP router name cannot be found',
        plain: `This management computer is told to build its IPv6 tunnel (ISATAP) to "${name}", but that name cannot be looked up${generic ? ' — the name "isatap" is blocked by your organisation’s name servers on purpose, for security' : ''}. ${canFix ? `Your organisation uses "${target}" instead; the fix switches to it.` : 'Your organisation’s IT department must provide a name that works.'}`,
        technical: `ISATAP Router ${name} does not resolve (${lookupTechnical(lookup)})${generic ? ' (the generic name is on the DNS server global query block list: wpad, isatap)' : ''}; no ISATAP interface can get a global address.${canFix ? ` The organisation’s targeted router name is ${target}.` : ''}`,
        evidence,
        fixes: canFix ? ['set-isatap-router'] : [],
        escalate: !canFix,
        adminAction: generic
          ? `Do not unblock "isatap": create a targeted A record (e.g. isatap-da) for the DirectAccess server's internal IPv4 and set it with the GPO "Set ISATAP Router Name" for manage-out hosts${target ? ` (${target})` : ''}.`
          : lookup?.outcome === 'timedOut'
            ? `The lookup of ${name} timed out: check that this host reaches its internal DNS servers; then that an A record ${name} points to the DirectAccess server's internal IPv4 (or correct the GPO "Set ISATAP Router Name").`
            : `Create a DNS A record ${name} pointing to the DirectAccess server's internal IPv4, or correct the GPO "Set ISATAP Router Name" to a name that exists.`,
        commands: isatapCommands(i),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-router-unresolved',
        title: 'Finding the ISATAP router',
        plain: 'Checking that the ISATAP router’s name can be found.',
        then: 'mo-org-router',
      },
    ],
    nodes: [
      info(
        'mo-org-router',
        { orgIsatapRouter: true },
        'Company router name',
        'Your organisation has told this program the router’s name.',
        'fix-set-isatap-router',
        'escalate-router-unresolved',
      ),
      ...fixThenVerify({
        id: 'fix-set-isatap-router',
        fixes: ['set-isatap-router'],
        cause: 'isatap-router-unresolved',
        title: 'Use your organisation’s ISATAP router name',
        plain: 'The router name this workstation uses cannot be found. The program sets the name your organisation gave.',
        passed: 'fixed',
        failed: 'escalate-router-unresolved',
      }),
      escalate(
        'escalate-router-unresolved',
        'isatap-router-unresolved',
        'The ISATAP router cannot be found',
        'Your organisation’s IT department must publish a DNS name for the ISATAP router (not the blocked name "isatap") and set it on this workstation.',
      ),
    ],
  },
});

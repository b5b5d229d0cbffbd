/** isatap-not-configured: a manage-out host with no ISATAP router (knowledge E.2). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { routerName, globalIsatapAddresses, isatapCommands, markedManageOutHost, orgRouter } from './isatap';
import { escalate, fixThenVerify, info } from '../../tree/build';
import { isatapRouterUnresolved } from './routerUnresolved';

export const isatapNotConfigured = defineCause({
  id: 'isatap-not-configured',
  explains: [isatapRouterUnresolved, { group: 'isatapInterface' }],
  fixes: ['enable-isatap'],
  rule: {
    roles: ['manageOut'],
    run: (ctx) => {
      const i = ctx.need('isatap');
      if (!i) return null;
      const disabled = /^disabled$/i.test(i.configuration?.state ?? '');
      const name = routerName(i);
      if (globalIsatapAddresses(i).length > 0) return null;
      if (!disabled && (name !== null || i.genericName.addresses.length > 0)) return null;
      const target = orgRouter(ctx);
      // Turning ISATAP on is offered only where the organisation marks this computer as a manage-out host.
      const marked = markedManageOutHost(ctx);
      return finding({
        id: 'isatap-not-configured',
        severity: 'error',
        title: 'ISATAP is not set up on this management computer',
        plain: `To reach DirectAccess computers from inside your organisation’s network, this computer needs an IPv6 tunnel called ISATAP that points at the DirectAccess server. It is ${disabled ? 'switched off' : 'not set up'} here. ${!marked ? 'Your organisation has not listed this computer as a management computer, so the wizard does not turn it on: your organisation’s IT department decides which computers get it.' : target ? `The fix turns it on and points it at ${target}.` : 'The fix turns it on; you need the router name from your organisation’s IT department.'}`,
        technical: `Get-NetIsatapConfiguration: State ${i.configuration?.state ?? '(none)'}, Router ${name ?? '(none)'}; the generic name "isatap" does not resolve; no global ::5efe: address. Manage-out needs ISATAP (or native IPv6) towards the DirectAccess server's internal interface.`,
        evidence: [
          ev('isatap', 'configuration.state', i.configuration?.state ?? null, 'Enabled'),
          ev('isatap', 'configuration.router', name, target ?? '<ISATAP router name>'),
          ev(
            'isatap',
            'interfaces',
            i.interfaces.map((x) => x.alias),
            ['isatap.{…} with a ::5efe: address'],
          ),
        ],
        fixes: marked ? ['enable-isatap'] : [],
        escalate: !marked,
        adminAction: `Apply the GPO settings "Set ISATAP Router Name" (${target ?? 'e.g. isatap-da.<domain>'}) and "Set ISATAP State" = Enabled to the manage-out hosts' security group.`,
        commands: isatapCommands(i),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-isatap-not-configured',
        title: 'ISATAP router',
        plain: 'Checking that this workstation knows the router that leads to DirectAccess computers (ISATAP).',
        then: 'mo-isatap-marked',
      },
    ],
    nodes: [
      info(
        'mo-isatap-marked',
        { offers: 'enable-isatap' },
        'A management computer of your organisation',
        'Your organisation lists this computer as one that manages DirectAccess computers.',
        'fix-isatap-enable-notconf',
        'escalate-isatap',
      ),
      ...fixThenVerify({
        id: 'fix-isatap-enable-notconf',
        fixes: ['enable-isatap'],
        cause: 'isatap-not-configured',
        title: 'Turn on ISATAP',
        plain: 'This workstation has no ISATAP router, so it cannot reach DirectAccess computers. The program turns ISATAP on with your organisation’s router.',
        passed: 'fixed',
        failed: 'escalate-isatap',
      }),
      escalate(
        'escalate-isatap',
        undefined,
        'ISATAP could not be turned on',
        'Your organisation’s IT department needs to set ISATAP on this workstation (for example by Group Policy).',
      ),
    ],
  },
});

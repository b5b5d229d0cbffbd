/** isatap-default-state-no-interface: ISATAP State Default creates no interface on newer Windows (knowledge E.3). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { routerName, isatapCommands, markedManageOutHost, orgRouter, DEFAULT_STATE_NO_INTERFACE_BUILD } from './isatap';
import { fixThenVerify, info } from '../../tree/build';
import { isatapNoGlobalAddress } from './noGlobalAddress';

export const isatapDefaultState = defineCause({
  id: 'isatap-default-state-no-interface',
  groups: ['isatapInterface'],
  explains: [isatapNoGlobalAddress],
  fixes: ['enable-isatap'],
  rule: {
    roles: ['manageOut'],
    run: (ctx) => {
      const i = ctx.need('isatap');
      const os = ctx.need('os');
      if (!i || !os) return null;
      if (!/^default$/i.test(i.configuration?.state ?? '') || os.build < DEFAULT_STATE_NO_INTERFACE_BUILD) return null;
      if (i.interfaces.length > 0) return null;
      const name = routerName(i) ?? orgRouter(ctx) ?? null;
      // Turning ISATAP on is offered only where the organisation marks this computer as a manage-out host.
      const marked = markedManageOutHost(ctx);
      return finding({
        id: 'isatap-default-state-no-interface',
        severity: 'error',
        title: 'ISATAP is left on "Default", which no longer creates the tunnel',
        plain: `This management computer is told where the DirectAccess server is${name ? ` (${name})` : ''}, but its IPv6 tunnel (ISATAP) is left on the setting "Default". On this version of Windows "Default" means "off", so no tunnel is created and DirectAccess computers cannot be reached from here. ${marked ? 'The fix switches it to "Enabled".' : 'Your organisation has not listed this computer as a management computer, so the wizard leaves it to your organisation’s IT department to switch it to "Enabled".'}`,
        technical: `Get-NetIsatapConfiguration State Default, Router ${routerName(i) ?? '(none)'} on ${os.caption} build ${os.build} (≥ ${DEFAULT_STATE_NO_INTERFACE_BUILD}, Windows 10 1703 / Server 2019 and later): ISATAP is disabled by default there, so State Default creates no ISATAP interface. Set State Enabled explicitly.`,
        evidence: [
          ev('isatap', 'configuration.state', i.configuration?.state, 'Enabled'),
          ev('os', 'build', os.build, `< ${DEFAULT_STATE_NO_INTERFACE_BUILD} for Default to create an interface`),
          ev(
            'isatap',
            'interfaces',
            [],
            ['isatap.{…}'],
            i.router?.addresses.length ? `router ${i.router.name} resolves to ${i.router.addresses.join(', ')}` : undefined,
          ),
        ],
        fixes: marked ? ['enable-isatap'] : [],
        escalate: !marked,
        adminAction:
          'Set the GPO "Set ISATAP State" to Enabled (not Default) for manage-out hosts running Windows 10 1703 / Windows Server 2019 or later (on those, Default means no ISATAP interface).',
        commands: isatapCommands(i),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-isatap-default',
        title: 'ISATAP adapter',
        plain: 'Checking that Windows created the ISATAP adapter (newer Windows only does when ISATAP is switched on explicitly).',
        then: 'mo-isatap-default-marked',
      },
    ],
    nodes: [
      info(
        'mo-isatap-default-marked',
        { offers: 'enable-isatap' },
        'A management computer of your organisation',
        'Your organisation lists this computer as one that manages DirectAccess computers.',
        'fix-isatap-enable-default',
        'escalate-isatap',
      ),
      ...fixThenVerify({
        id: 'fix-isatap-enable-default',
        fixes: ['enable-isatap'],
        cause: 'isatap-default-state-no-interface',
        title: 'Turn on ISATAP explicitly',
        plain:
          'ISATAP is left at "Default", and this version of Windows then creates no ISATAP adapter. The program switches it to "Enabled" with the same router.',
        passed: 'fixed',
        failed: 'escalate-isatap',
      }),
    ],
  },
});

/** ip-helper-stopped: the IP Helper service carries IP-HTTPS, Teredo and ISATAP. */
import { defineCause } from '../cause';
import { ev, finding, ipHttpsCommands } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

export const ipHelperStopped = defineCause({
  id: 'ip-helper-stopped',
  explains: [{ group: 'iphttps' }, { group: 'isatapInterface' }],
  fixes: ['start-ip-helper'],
  rule: {
    roles: ['client', 'manageOut'],
    run: (ctx) => {
      const services = ctx.need('services');
      if (!services) return null;
      const svc = services['iphlpsvc'];
      const running = svc?.exists === true && /^running$/i.test(svc.status ?? '');
      const disabled = /^disabled$/i.test(svc?.startType ?? '');
      if (running && !disabled) return null;
      const evidence = [
        ev('services', 'iphlpsvc.status', svc?.exists ? svc.status : 'not installed', 'Running'),
        ev('services', 'iphlpsvc.startType', svc?.startType ?? null, 'Automatic'),
      ];
      const ip = ctx.peek('ipHttps');
      if (ip && ctx.role === 'client') {
        evidence.push(
          ev(
            'ipHttps',
            'state',
            ip.state,
            { lastErrorCode: 0, interfaceStatus: 'IPHTTPS interface active' },
            'symptom: no IP-HTTPS state while the IP Helper is not running',
          ),
        );
      }
      const isatap = ctx.peek('isatap');
      if (isatap && ctx.role === 'manageOut') {
        evidence.push(
          ev(
            'isatap',
            'interfaces',
            isatap.interfaces.map((i) => i.alias),
            ['isatap.{…}'],
            'symptom: the IP Helper creates the ISATAP interface',
          ),
        );
      }
      return finding({
        id: 'ip-helper-stopped',
        severity: 'error',
        title: 'The IP Helper service is not running',
        plain:
          'A Windows background service called "IP Helper" builds the secure tunnel to your organisation’s network. It is switched off on this computer, so the tunnel cannot start. Starting it (and setting it to start automatically) usually fixes the connection within a minute.',
        technical: `Service iphlpsvc is ${svc?.exists ? `${svc.status ?? 'in an unknown state'} (StartType ${svc.startType ?? 'unknown'})` : 'missing'}. It hosts the IP-HTTPS, Teredo, 6to4 and ISATAP tunnel interfaces; without it Get-NetIPHttpsState returns nothing.`,
        evidence,
        fixes: ['start-ip-helper'],
        commands: ['Get-Service iphlpsvc | Select-Object Status, StartType', 'sc qc iphlpsvc', ...ipHttpsCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'ip-helper',
        title: 'The IP Helper service',
        plain: 'Checking the Windows service that builds the DirectAccess tunnel (called "IP Helper").',
        then: 'fix-start-ip-helper',
      },
      {
        chain: 'manageOut',
        id: 'mo-ip-helper',
        title: 'The IP Helper service',
        plain: 'Checking the Windows service that runs the ISATAP tunnel (called "IP Helper").',
        then: 'fix-start-ip-helper',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-start-ip-helper',
        fixes: ['start-ip-helper'],
        cause: 'ip-helper-stopped',
        title: 'Start the IP Helper service',
        plain: 'The IP Helper service is stopped. Starting it, and setting it to start with Windows, lets DirectAccess build its tunnel again.',
        passed: 'fixed',
        failed: 'escalate-ip-helper',
      }),
      escalate(
        'escalate-ip-helper',
        'ip-helper-stopped',
        'The IP Helper service will not run',
        'Windows could not keep the IP Helper service running. Your organisation’s IT department needs to look at why (often a policy that disables it).',
      ),
    ],
  },
});

/**
 * nca-service-stopped: the Network Connectivity Assistant (NcaSvc) is stopped or disabled on an edition that can run
 * it, so DirectAccess and its status vanish from Settings and its log collection is unavailable (knowledge B.9, F.5;
 * Hicks, "DirectAccess Troubleshooting and the Windows 10 Network Connectivity Assistant"). Whether the tunnels keep
 * working without it is not documented, so it is a warning, not a broken connection. On an edition that cannot run
 * NcaSvc (e.g. Pro) the start failure is edition-unsupported, not this.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import { editionSupported } from './edition';

export const ncaServiceStopped = defineCause({
  id: 'nca-service-stopped',
  fixes: ['start-nca-service'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const services = ctx.need('services');
      const os = ctx.need('os');
      const da = ctx.peek('daStatus');
      // NcaSvc only runs where a DirectAccess client policy exists (Windows 8 and later); without one it rests by design.
      if (!services || !os || os.build < 9200 || !editionSupported(os)) return null;
      if (!da?.policyApplied && !da?.ncaConfigured && !da?.ipHttpsClientUrl && !ctx.serverUrl) return null;
      const nca = services['NcaSvc'];
      if (!nca?.exists) return null;
      const disabled = /^disabled$/i.test(nca.startType ?? '');
      if (/^running$/i.test(nca.status ?? '') && !disabled) return null;
      return finding({
        id: 'nca-service-stopped',
        severity: 'warning',
        title: 'The DirectAccess status service is not running',
        plain: `A Windows service called "Network Connectivity Assistant" shows whether DirectAccess is connected and lets you collect its logs from Settings. It is ${disabled ? 'switched off' : 'stopped'} on this computer, so DirectAccess has disappeared from Settings. Starting it brings the status back.`,
        technical: `Service NcaSvc is ${nca.status ?? 'in an unknown state'} (StartType ${nca.startType ?? 'unknown'}) on ${os.caption} build ${os.build}, an edition that runs it. NcaSvc provides DirectAccess status to Settings and the connectivity checks behind "Connected"/"Connecting"; its Windows default is Manual (trigger start). A baseline that copies the server guidance ("OK to disable") may disable it.`,
        evidence: [
          ev('services', 'NcaSvc.status', nca.status, 'Running'),
          ev('services', 'NcaSvc.startType', nca.startType, 'Manual (trigger start) or Automatic'),
        ],
        fixes: ['start-nca-service'],
        adminAction: `If a policy or baseline sets NcaSvc to Disabled, set it back to Manual (trigger start) for DirectAccess clients${disabled ? ' (here it is Disabled)' : ''}.`,
        commands: ['Get-Service NcaSvc | Select-Object Status, StartType', 'sc qc NcaSvc', 'Restart-Service NcaSvc'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'nca',
        title: 'The DirectAccess status service',
        plain: 'Checking the Windows service that shows the DirectAccess status in Settings (called "Network Connectivity Assistant").',
        then: 'fix-start-nca-service',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-start-nca-service',
        fixes: ['start-nca-service'],
        cause: 'nca-service-stopped',
        title: 'Start the DirectAccess status service',
        plain:
          'The service that shows the DirectAccess status is not running. The program starts it (and switches it back on if it was switched off), so DirectAccess appears in Settings again.',
        passed: 'fixed',
        failed: 'escalate-nca',
      }),
      escalate(
        'escalate-nca',
        'nca-service-stopped',
        'The DirectAccess status service will not run',
        'Windows could not start the service that shows the DirectAccess status. Your organisation’s IT department needs to look at why (often a policy that switches it off).',
      ),
    ],
  },
});

/** da-not-configured: no DirectAccess client policy reached this machine (knowledge F.10). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import { ipHelperStopped } from './ipHelperStopped';
import { ipv6TransitionDisabled } from './ipv6TransitionDisabled';
import { clockSkew } from '../trust/clockSkew';
import { hasDaClientPolicy } from '../coexistence/replacements';

export const daNotConfigured = defineCause({
  id: 'da-not-configured',
  explains: [ipHelperStopped, ipv6TransitionDisabled, clockSkew, { group: 'iphttps' }],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.need('daStatus');
      // The one definition da-migrated and nrpt-stale-on-lan use too (a ServerURL counts, whatever the policy probe said).
      if (!da || hasDaClientPolicy(da, ctx.peek('ipHttps'))) return null;
      const ipConf = ctx.peek('ipHttps')?.configuration;
      const os = ctx.peek('os');
      // A machine moved off DirectAccess on purpose is da-migrated (which explains this finding); when the probe that
      // shows it failed, say that the advice holds only if the machine was not moved (contract: never tell a migrated
      // machine's user to join the DirectAccess group without saying so).
      const coexistence = ctx.snapshot.sections.coexistence.status;
      const unsure = coexistence === 'error' || coexistence === 'timedOut';
      const evidence = [
        ev('daStatus', 'policyApplied', false, true, 'no IP-HTTPS client URL from Group Policy and no NCA configuration'),
        ev('daStatus', 'connection', da.connection, { status: 'ConnectedRemotely' }, 'Get-DAConnectionStatus returned nothing'),
      ];
      if (ctx.peek('ipHttps')) evidence.push(ev('ipHttps', 'configuration.serverUrl', ipConf?.serverUrl ?? null, 'https://<DA public name>:443/IPHTTPS'));
      return finding({
        id: 'da-not-configured',
        severity: 'error',
        title: 'DirectAccess is not set up on this computer',
        plain:
          'This computer has no DirectAccess settings at all, so it never tries to connect to your organisation’s network automatically. The settings come from your organisation: its IT department has to add this computer to the DirectAccess group, and the computer then has to pick up the settings once while connected to your organisation’s network.',
        technical:
          'No DirectAccess client policy: no IPHTTPS_ClientUrl from Group Policy, no NCA (NetworkConnectivityAssistant) configuration, Get-DAConnectionStatus returns no object.',
        evidence,
        escalate: true,
        adminAction: `${
          unsure
            ? 'The check for Always On VPN or Entra Private Access could not run: if this computer was moved off DirectAccess on purpose, nothing below applies. Otherwise: '
            : ''
        }Add the computer account${os ? ` ${os.computerName}` : ''} to the security group the DirectAccess client GPO is filtered to, then have it refresh policy on the corporate network (gpupdate /force and a reboot) — or re-provision it with djoin /policynames "<DA client GPO>" if it is joined offline.`,
        commands: [
          'gpresult /r /scope computer',
          'Get-DAClientExperienceConfiguration',
          'Get-DAConnectionStatus',
          'netsh interface httpstunnel show interfaces',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'configured',
        title: 'DirectAccess settings',
        plain: 'Checking that your organisation has set this computer up for DirectAccess.',
        then: 'escalate-not-configured',
      },
    ],
    nodes: [
      escalate(
        'escalate-not-configured',
        'da-not-configured',
        'This computer is not set up for DirectAccess',
        'Your organisation’s settings for DirectAccess have not reached this computer. Your organisation’s IT department must add it to the DirectAccess computers and let it update its settings while on your organisation’s network.',
      ),
    ],
  },
});

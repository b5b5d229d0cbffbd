/**
 * ipsec-services-stopped: a DirectAccess client whose IKE and AuthIP IPsec Keying Modules (IKEEXT), IPsec Policy Agent
 * (PolicyAgent) or Base Filtering Engine (BFE) cannot run, so the IPsec tunnels to the DirectAccess server cannot be
 * built (knowledge I.6; Microsoft: "stopping or disabling the IKEEXT service might result in an IPsec failure", BFE
 * "manages firewall and Internet Protocol security (IPsec) policies"). Only what I.6 calls a fault, because a stopped
 * trigger-start service is normal: one of the three Disabled; BFE not running; IKEEXT not running while the client is
 * outside with DirectAccess policy (it should have been trigger-started). Windows' default start types (B.9): IKEEXT
 * and PolicyAgent Manual, BFE Automatic.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import { ipsecTunnelFailed } from './ipsecTunnelFailed';

/** The services this cause is about, with the start type Windows ships them with (knowledge B.9). */
export const IPSEC_SERVICES = [
  { name: 'IKEEXT', display: 'IKE and AuthIP IPsec Keying Modules', defaultStart: 'Manual (trigger start)' },
  { name: 'PolicyAgent', display: 'IPsec Policy Agent', defaultStart: 'Manual (trigger start)' },
  { name: 'BFE', display: 'Base Filtering Engine', defaultStart: 'Automatic' },
] as const;

export const ipsecServicesStopped = defineCause({
  id: 'ipsec-services-stopped',
  // With the tunnel failing too, the failed tunnel is its symptom (knowledge I.5, I.7).
  explains: [ipsecTunnelFailed],
  fixes: ['start-ipsec-services'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const services = ctx.need('services');
      const da = ctx.peek('daStatus');
      if (!services) return null;
      // Only a DirectAccess client needs the tunnels.
      if (!da?.policyApplied && !da?.ncaConfigured && !da?.ipHttpsClientUrl && !ctx.serverUrl) return null;
      const faulty = IPSEC_SERVICES.flatMap((s) => {
        const svc = services[s.name];
        // A service the probe did not report (older snapshot) or that does not exist is no evidence either way.
        if (!svc?.exists) return [];
        const disabled = /^disabled$/i.test(svc.startType ?? '');
        const running = /^running$/i.test(svc.status ?? '');
        const why = disabled
          ? 'disabled'
          : running
            ? null
            : s.name === 'BFE'
              ? 'not running'
              : s.name === 'IKEEXT' && !ctx.inside
                ? 'not running while outside with DirectAccess policy (it should have been trigger-started)'
                : null;
        return why ? [{ ...s, svc, disabled, why }] : [];
      });
      if (faulty.length === 0) return null;
      const anyDisabled = faulty.some((f) => f.disabled);
      return finding({
        id: 'ipsec-services-stopped',
        severity: 'error',
        title: 'Windows services that secure the DirectAccess connection are not running',
        plain: `Windows needs a few background services to build the secure connection to your organisation’s network. ${
          faulty.length > 1 ? 'Some of them are' : 'One of them is'
        } ${anyDisabled ? 'switched off' : 'stopped'} on this computer, so DirectAccess cannot connect. Starting ${
          faulty.length > 1 ? 'them' : 'it'
        } again usually fixes the connection within a minute.`,
        technical: `${faulty
          .map(
            (f) =>
              `${f.name} (${f.display}) is ${f.svc.status ?? 'in an unknown state'}, StartType ${f.svc.startType ?? 'unknown'}: ${f.why}; Windows default ${f.defaultStart}`,
          )
          .join(
            '. ',
          )}. Without IKEEXT, PolicyAgent and BFE the client cannot negotiate the IPsec infrastructure and intranet tunnels to the DirectAccess server, even with IP-HTTPS up.`,
        evidence: faulty.flatMap((f) => [
          ev('services', `${f.name}.status`, f.svc.status, 'Running'),
          ev('services', `${f.name}.startType`, f.svc.startType, `${f.defaultStart}, not Disabled`),
        ]),
        fixes: ['start-ipsec-services'],
        adminAction: `If a Group Policy or security baseline sets ${
          faulty
            .filter((f) => f.disabled)
            .map((f) => f.name)
            .join(', ') || 'these services'
        } to Disabled, set ${anyDisabled ? 'them' : 'it'} back to the Windows defaults for DirectAccess clients (IKEEXT and PolicyAgent Manual, BFE Automatic).`,
        commands: ['Get-Service IKEEXT,PolicyAgent,BFE | Select-Object Name, Status, StartType', 'sc qc IKEEXT', 'Get-DAConnectionStatus'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'ipsec-services',
        title: 'The services that secure the connection',
        plain: 'Checking the Windows services that build the secure DirectAccess connection to your organisation’s network.',
        then: 'fix-start-ipsec-services',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-start-ipsec-services',
        fixes: ['start-ipsec-services'],
        cause: 'ipsec-services-stopped',
        title: 'Start the services that secure the connection',
        plain:
          'Some Windows services that DirectAccess needs for its secure connection are not running. The program starts them (and switches them back on if they were switched off), so DirectAccess can connect again.',
        passed: 'fixed',
        failed: 'escalate-ipsec-services',
      }),
      escalate(
        'escalate-ipsec-services',
        'ipsec-services-stopped',
        'The services that secure the connection will not run',
        'Windows could not start the services DirectAccess needs for its secure connection. Your organisation’s IT department needs to look at why (often a policy that switches them off).',
      ),
    ],
  },
});

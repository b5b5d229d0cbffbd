/**
 * firewall-disabled: Windows Defender Firewall is off on a DirectAccess client, so the DirectAccess connection security
 * rules, which live in the firewall, are not enforced and no IPsec tunnel is built (knowledge I.5; Microsoft's
 * DirectAccess test labs: "The Windows Firewall must be enabled for DirectAccess to work correctly. If the Windows
 * Firewall is disabled, DirectAccess connectivity does not work."). The rules live in the Private and Public profiles
 * (TechNet ff641736), the ones a laptop uses outside the office, so either of them off is the fault, wherever the
 * machine is now (I.5: "inside or outside, whenever DirectAccess policy is present"); the Domain profile alone is not.
 * The contract's fault is the *active* profile off; the probe does not read which profile is active, so only both
 * profiles off is certain (an error); one of them off is a warning that names what is not known.
 * Variants (I.5): `profile-off` — a profile is off, by Group Policy or locally: escalate, the policy or the local
 * setting must change; `service-stopped` — the profiles are on but the firewall service (MpsSvc) is not running or is
 * Disabled: `start-ipsec-services` sets it back to Automatic and starts it. BFE belongs to ipsec-services-stopped.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import { ipsecTunnelFailed } from './ipsecTunnelFailed';
import type { Evidence } from '../../finding';

/** The profiles DirectAccess' connection security rules live in, as Windows names them. */
const PROFILES = [
  { key: 'private', name: 'Private' },
  { key: 'public', name: 'Public' },
] as const;

const GPO_PATH = 'Computer Configuration > Policies > Windows Settings > Security Settings > Windows Defender Firewall with Advanced Security > Properties';

export const firewallDisabled = defineCause({
  id: 'firewall-disabled',
  // With the tunnel failing too, the failed tunnel is its symptom (knowledge I.5, I.7).
  explains: [ipsecTunnelFailed],
  fixes: ['start-ipsec-services'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const firewall = ctx.need('firewall');
      const services = ctx.peek('services');
      const da = ctx.peek('daStatus');
      // Only a DirectAccess client needs the connection security rules.
      if (!da?.policyApplied && !da?.ncaConfigured && !da?.ipHttpsClientUrl && !ctx.serverUrl) return null;
      const off = firewall ? PROFILES.filter((p) => !firewall[p.key].enabled).map((p) => ({ ...p, state: firewall[p.key] })) : [];
      const mps = services?.['MpsSvc'];
      // A service the probe did not report (older snapshot) is no evidence either way.
      const mpsDisabled = !!mps?.exists && /^disabled$/i.test(mps.startType ?? '');
      const mpsDown = !!mps?.exists && (mpsDisabled || !/^running$/i.test(mps.status ?? ''));
      if (off.length === 0 && !mpsDown) return null;

      const serviceEvidence: Evidence[] = mpsDown
        ? [
            ev('services', 'MpsSvc.status', mps?.status ?? null, 'Running'),
            ev('services', 'MpsSvc.startType', mps?.startType ?? null, 'Automatic, not Disabled'),
          ]
        : [];
      const serviceText = mpsDown
        ? `MpsSvc (Windows Defender Firewall) is ${mps?.status ?? 'in an unknown state'}, StartType ${mps?.startType ?? 'unknown'}; Windows default Automatic, running.`
        : '';
      const command = 'Get-NetFirewallProfile | Select Name, Enabled';

      if (off.length === 0) {
        return finding({
          id: 'firewall-disabled',
          variant: 'service-stopped',
          severity: 'error',
          title: 'The Windows firewall is not running',
          plain: `The Windows firewall carries the rules that build the secure DirectAccess connection to your organisation’s network. Its background service is ${
            mpsDisabled ? 'switched off' : 'stopped'
          } on this computer, so those rules do nothing and DirectAccess cannot connect. Starting it again usually fixes the connection within a minute.`,
          technical: `${serviceText} The firewall profiles are on, but without the firewall service the DirectAccess connection security rules ("DirectAccess Policy-…") are not enforced, so no IPsec tunnel to the DirectAccess server is built.`,
          evidence: serviceEvidence,
          fixes: ['start-ipsec-services'],
          adminAction: `If a Group Policy or security baseline sets the Windows Defender Firewall service (MpsSvc) to Disabled, set it back to Automatic for DirectAccess clients; Microsoft does not support stopping it.`,
          commands: ['Get-Service MpsSvc | Select-Object Name, Status, StartType', command, 'Get-DAConnectionStatus'],
        });
      }

      const byPolicy = off.filter((p) => p.state.policy === false);
      const locally = off.filter((p) => p.state.policy !== false);
      const names = (ps: readonly { name: string }[]) => ps.map((p) => p.name).join(' and ');
      const evidence: Evidence[] = off.flatMap((p) => [
        ev('firewall', `${p.key}.enabled`, false, true, `${p.name} profile`),
        ...(p.state.policy === false
          ? [ev('firewall', `${p.key}.policy`, false, 'not set, or on', 'Group Policy switches the profile off')]
          : [ev('firewall', `${p.key}.local`, p.state.local, true, 'switched off on this computer')]),
      ]);
      const adminParts: string[] = [];
      if (byPolicy.length > 0)
        adminParts.push(
          `A Group Policy switches the ${names(byPolicy)} profile${byPolicy.length > 1 ? 's' : ''} of Windows Defender Firewall off on this computer: in the GPO that applies to it (gpresult /h shows which), set ${GPO_PATH}, tab ${names(byPolicy)} Profile, Firewall state to On (or Not configured). DirectAccess' connection security rules need the firewall on in the Private and Public profiles; filter exceptions with firewall rules rather than switching the firewall off.`,
        );
      if (locally.length > 0)
        adminParts.push(
          `The ${names(locally)} profile${locally.length > 1 ? 's are' : ' is'} switched off locally (no Group Policy sets ${locally.length > 1 ? 'them' : 'it'}): an administrator of this computer turns ${locally.length > 1 ? 'them' : 'it'} back on (Set-NetFirewallProfile -Profile ${locally.map((p) => p.name).join(',')} -Enabled True, or Windows Security > Firewall & network protection), and finds out which tool or person switched it off.`,
        );
      // Which profile is active is not collected: one profile off may not be the one in use now.
      const certain = off.length === PROFILES.length;
      return finding({
        id: 'firewall-disabled',
        variant: 'profile-off',
        severity: certain ? 'error' : 'warning',
        title: 'The Windows firewall is switched off',
        plain: `DirectAccess keeps the rules for its secure connection to your organisation’s network inside the Windows firewall. The firewall is switched off on this computer for ${
          off.length > 1 ? 'the networks' : 'some of the networks'
        } you use outside the office, so DirectAccess cannot connect ${certain ? 'there' : 'on such a network (whether this computer is on one now is not known)'}. ${
          byPolicy.length > 0
            ? 'Your organisation’s settings switch it off, so its IT department has to change them.'
            : 'Your organisation’s IT department has to switch it back on.'
        }`,
        technical: `Windows Defender Firewall ${names(off)} profile${off.length > 1 ? 's' : ''}: Enabled False (${off
          .map(
            (p) =>
              `${p.name}: Group Policy EnableFirewall ${p.state.policy === null ? 'not set' : p.state.policy ? '1' : '0'}, local EnableFirewall ${
                p.state.local === null ? 'not set' : p.state.local ? '1' : '0'
              }`,
          )
          .join(
            '; ',
          )}). The DirectAccess connection security rules live in the Private and Public profiles; with the firewall off they are not enforced and no IPsec tunnel is built.${
          serviceText ? ` ${serviceText}` : ''
        }`,
        evidence: [...evidence, ...serviceEvidence],
        escalate: true,
        adminAction: adminParts.join(' '),
        commands: [command, 'gpresult /h gpresult.html', 'Get-DAConnectionStatus'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'firewall-service',
        title: 'The Windows firewall service',
        plain: 'Checking that the Windows firewall, which holds the rules of the DirectAccess connection, is running.',
        when: { finding: 'firewall-disabled', variant: 'service-stopped' },
        then: 'fix-start-firewall-service',
      },
      {
        chain: 'client',
        id: 'firewall',
        title: 'The Windows firewall',
        plain: 'Checking that the Windows firewall, which holds the rules of the DirectAccess connection, is switched on.',
        then: 'escalate-firewall-disabled',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-start-firewall-service',
        fixes: ['start-ipsec-services'],
        cause: 'firewall-disabled',
        title: 'Start the Windows firewall',
        plain:
          'The Windows firewall, which holds the rules of the DirectAccess connection, is not running. The program starts it together with the other services of the secure connection (and switches them back on if they were switched off).',
        passed: 'fixed',
        failed: 'escalate-firewall-disabled',
      }),
      escalate(
        'escalate-firewall-disabled',
        'firewall-disabled',
        'The Windows firewall must be switched on',
        'DirectAccess needs the Windows firewall switched on. Your organisation’s IT department has to switch it back on (often a policy switches it off); the report says exactly what to change.',
      ),
    ],
  },
});

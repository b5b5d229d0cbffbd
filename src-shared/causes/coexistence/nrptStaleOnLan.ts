/**
 * nrpt-stale-on-lan: Name Resolution Policy Table rules with DirectAccess DNS servers are in effect where they must not
 * be, so internal names go to the DirectAccess DNS64 (knowledge M, B.8, H.1). Two cases, told apart because the remedy
 * differs (contract §1):
 * - no DirectAccess client policy any more, yet the Group Policy NRPT rules (`DnsPolicyConfig` with
 *   `DirectAccessDNSServers`) or the effective table still hold them. Variant `left-directaccess` when a replacement
 *   shows the machine was moved off DirectAccess on purpose (knowledge N): gpupdate on the LAN, then export and delete
 *   `DnsPolicyConfig`. Variant `no-policy` when nothing shows why the policy is gone (da-not-configured fires too): the
 *   administrator decides which case it is — left on purpose (remove the key) or lost its policy (restore the policy,
 *   keep the key).
 * - variant `inside`: the machine is still a DirectAccess client and Windows believes it is inside (Get-DAConnectionStatus
 *   ConnectedLocally, or Windows 7's Machine Location: the network location server answered), so Windows should have
 *   switched the DirectAccess rules off (H.1), yet the effective table shows them on (`DirectAccessEnabled` True — the
 *   rendering inside has no real capture, knowledge Q.5; on Windows 7, rules listed without netsh's inside note, Q.3).
 *   Deleting `DnsPolicyConfig` would be wrong here: the next refresh rewrites it and the laptop needs it outside.
 * H.4 is ruled out first: a client with DirectAccess policy that believes it is outside keeps its rules by design (the
 * network location server not answering from the LAN is nls-unreachable-inside), so that case is never this cause.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import type { RuleContext, SectionData } from '../../diagnose/context';
import { hasDaClientPolicy, replacementsOf } from './replacements';

type Nrpt = SectionData<'nrpt'>;

const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DnsPolicyConfig';

/**
 * The seam where a corporate-network verdict joins. Today Windows' own verdict (`ctx.inside`) is the only location
 * evidence this rule uses. When the `location` section (domain-controller evidence) lands, it belongs here: "on the LAN
 * while Windows believes outside" is H.4 (nls-unreachable-inside) and must keep this rule silent; "on the LAN and
 * Windows believes inside" confirms the `inside` variant.
 */
export function insideAsWindowsSees(ctx: RuleContext): boolean {
  return ctx.inside;
}

/** Effective rules that send names to DirectAccess DNS servers while Windows applies them. */
function daRulesInEffect(nrpt: Nrpt, inside: boolean): Nrpt['rules'] {
  // Windows 7 prints a note when it has switched the DirectAccess rules off inside (knowledge Q.3): with the note none
  // is in effect, and inside only netsh text read without it (not an older snapshot that did not look) says they are.
  if (nrpt.source === 'netsh' && (nrpt.insideCorpnetNote === true || (inside && nrpt.insideCorpnetNote !== false))) return [];
  return nrpt.rules.filter((r) => r.directAccessDnsServers.length > 0 && r.directAccessEnabled === true);
}

function ruleList(rules: { namespace: string; directAccessDnsServers: string[] }[]): string {
  return rules.map((r) => `${r.namespace} → ${r.directAccessDnsServers.join(', ')}`).join('; ');
}

export const nrptStaleOnLan = defineCause({
  id: 'nrpt-stale-on-lan',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.need('daStatus');
      const nrpt = ctx.need('nrpt');
      if (!da || !nrpt) return null;
      const policy = hasDaClientPolicy(da, ctx.peek('ipHttps'));
      const effective = daRulesInEffect(nrpt, policy && insideAsWindowsSees(ctx));
      const policyRules = (nrpt.policyRules ?? []).filter((r) => r.directAccessDnsServers.length > 0);
      const left = !policy && (effective.length > 0 || policyRules.length > 0);
      const inside = policy && insideAsWindowsSees(ctx) && effective.length > 0;
      if (!left && !inside) return null;

      const cmdlet = nrpt.source === 'cmdlet';
      const showNrpt = cmdlet ? 'Get-DnsClientNrptPolicy -Effective' : 'netsh namespace show effectivepolicy';
      const evidence = [
        ...(effective.length > 0
          ? [
              ev(
                'nrpt',
                'rules',
                effective.map((r) => ({ namespace: r.namespace, directAccessDnsServers: r.directAccessDnsServers })),
                [],
                'DirectAccess rules in effect',
              ),
            ]
          : []),
        ...(policyRules.length > 0
          ? [
              ev(
                'nrpt',
                'policyRules',
                policyRules.map((r) => ({ key: r.key, namespaces: r.namespaces, directAccessDnsServers: r.directAccessDnsServers })),
                [],
                `${POLICY_KEY}`,
              ),
            ]
          : []),
      ];
      const effectiveText = effective.length > 0 ? `${showNrpt} shows DirectAccess rules in effect: ${ruleList(effective)}.` : '';
      const policyText =
        policyRules.length > 0
          ? `${POLICY_KEY} still holds ${policyRules.map((r) => `${r.key} (${r.namespaces.join(', ')} → ${r.directAccessDnsServers.join(', ')})`).join('; ')}.`
          : '';

      if (left) {
        const coexistence = ctx.peek('coexistence');
        const replaced = coexistence ? [...new Set(replacementsOf(coexistence).map((r) => r.product))].join(' and ') : '';
        evidence.unshift(ev('daStatus', 'policyApplied', false, undefined, 'no DirectAccess client policy'));
        const removal = `export the key (reg export "${POLICY_KEY}" "$env:TEMP\\DnsPolicyConfig.reg"), delete it (reg delete "${POLICY_KEY}" /f), then restart the DNS Client service (net stop dnscache and net start dnscache; recent Windows may refuse, then restart the computer)`;
        return finding({
          id: 'nrpt-stale-on-lan',
          variant: replaced ? 'left-directaccess' : 'no-policy',
          severity: 'error',
          title: 'Old DirectAccess name rules are still on this computer',
          plain: `This computer does not use DirectAccess any more${
            replaced ? ` (your organisation moved it to ${replaced})` : ''
          }, but it still keeps DirectAccess rules that send the names of your organisation’s internal services to the old DirectAccess server. While they stay, internal web sites, file shares and other services may not be found. Your organisation’s IT department has to remove them; the report says how.`,
          technical: `No DirectAccess client policy (no IPHTTPS_ClientUrl, no NCA configuration, no IP-HTTPS ServerURL)${
            replaced ? `; replaced by ${replaced}` : ''
          }, yet NRPT rules with DirectAccess DNS servers remain. ${[effectiveText, policyText].filter(Boolean).join(' ')} Internal names go to the old DirectAccess DNS64 (knowledge M).`,
          evidence,
          escalate: true,
          adminAction: replaced
            ? `This computer left DirectAccess (no DirectAccess client policy; it uses ${replaced}), so these NRPT rules are leftovers and may be removed. On the corporate LAN run gpupdate /force and check with gpresult /r /scope computer that no GPO still applies NRPT rules with DirectAccess DNS servers. If the rules remain, ${removal}. Remove the key only because the machine left DirectAccess: on a DirectAccess client the next policy refresh rewrites it and the laptop needs it outside.`
            : `This computer has no DirectAccess client policy, yet keeps DirectAccess NRPT rules; nothing here shows whether it left DirectAccess on purpose. If it did: on the corporate LAN run gpupdate /force, check with gpresult /r /scope computer that no GPO still applies NRPT rules with DirectAccess DNS servers, and if the rules remain, ${removal}. If it should still be a DirectAccess client, do not delete the key: restore its DirectAccess client policy instead (see da-not-configured).`,
          commands: [
            showNrpt,
            'gpresult /r /scope computer',
            'gpupdate /force',
            `reg export "${POLICY_KEY}" "$env:TEMP\\DnsPolicyConfig.reg"`,
            // Deleting is offered only where the evidence shows the machine left DirectAccess on purpose.
            ...(replaced ? [`reg delete "${POLICY_KEY}" /f`] : []),
          ],
        });
      }

      const conn = da.connection;
      evidence.unshift(
        conn
          ? ev('daStatus', 'connection.status', conn.status, undefined, 'Windows believes it is inside: the network location server answered')
          : ev('daStatus', 'location.value', da.location?.value ?? null, undefined, 'netsh dnsclient show state: Machine Location inside'),
      );
      if (nrpt.source === 'netsh') evidence.push(ev('nrpt', 'insideCorpnetNote', nrpt.insideCorpnetNote ?? null, true, 'netsh names no inside note'));
      return finding({
        id: 'nrpt-stale-on-lan',
        variant: 'inside',
        severity: 'error',
        title: 'DirectAccess name rules stay on inside your organisation’s network',
        plain:
          'This computer is on your organisation’s network, where DirectAccess switches its name rules off, but they are still on. The names of internal services are sent to the DirectAccess server instead of the usual name servers, so internal web sites and file shares may not be found. Your organisation’s IT department has to look at this; the report says what to check.',
        technical: `${
          conn ? `Get-DAConnectionStatus: ${conn.status} / ${conn.substatus}` : `netsh dnsclient show state: Machine Location ${da.location?.raw ?? 'inside'}`
        } — the network location server answered, so Windows should have switched the DirectAccess NRPT rules off (knowledge H.1), yet ${showNrpt} shows them in effect: ${ruleList(effective)}.${policyText ? ` ${policyText}` : ''} Internal names go to the DirectAccess DNS64. Not nls-unreachable-inside: Windows believes it is inside.`,
        evidence,
        escalate: true,
        adminAction: `This computer is still a DirectAccess client: do not delete ${POLICY_KEY} (the next policy refresh rewrites it, and the laptop needs the rules outside). Windows says it is inside (the network location server answered), yet the DirectAccess NRPT rules stay in effect. On the LAN run gpupdate /force and restart the computer; if ${showNrpt} still shows them in effect, compare Get-DnsClientNrptGlobal and the DirectAccess client GPO's DNS settings (NRPT and the network location server exemption) with a working client, and escalate to whoever runs the DirectAccess server.`,
        commands: [showNrpt, ...(cmdlet ? ['Get-DnsClientNrptGlobal', 'Get-DAConnectionStatus'] : ['netsh dnsclient show state']), 'gpupdate /force'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'nrpt-stale',
        title: 'Name lookup rules',
        plain: 'Checking that old DirectAccess rules do not send the names of your organisation’s services to the wrong place.',
        then: 'escalate-nrpt-stale',
      },
    ],
    nodes: [
      escalate(
        'escalate-nrpt-stale',
        'nrpt-stale-on-lan',
        'Old DirectAccess name rules must be removed or switched off',
        'DirectAccess rules on this computer send the names of your organisation’s services to the wrong place, so internal services may not be found. Your organisation’s IT department has to change this; the report says exactly what.',
      ),
    ],
  },
});

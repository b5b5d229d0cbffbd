/**
 * nrpt-captures-public-name: the DA public name is sent to the internal DNS by the NRPT (knowledge A.6–A.8). With force
 * tunnelling the rule for `.` (every name) has DirectAccess DNS servers, so the public name is captured unless an
 * exemption (a rule for the name with no DNS server) exists (knowledge P.2).
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { CONNECT_CODES } from '../../diagnose/errorCodes';
import type { SectionData } from '../../diagnose/context';
import { escalate } from '../../tree/build';
import { serverUnreachable } from './serverUnreachable';

type NrptRule = SectionData<'nrpt'>['rules'][number];

/** True for the NRPT namespace `.` (any name: force tunnelling, knowledge P.2). */
export function isAnyName(namespace: string): boolean {
  return namespace.trim() === '.';
}

/** The NRPT rule that decides how `host` resolves (the most specific match; `.` matches every name), or undefined. */
export function effectiveNrptRule(rules: NrptRule[], host: string): NrptRule | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: { rule: NrptRule; score: number } | undefined;
  for (const rule of rules) {
    const ns = rule.namespace.trim().toLowerCase().replace(/\.$/, '');
    let score = -1;
    if (isAnyName(rule.namespace)) {
      score = 0; // the least specific rule: every other match beats it
    } else if (ns.startsWith('.')) {
      if (h.endsWith(ns) || h === ns.slice(1)) score = ns.length;
    } else if (ns === h) {
      score = 10_000; // an FQDN rule beats every suffix rule
    }
    if (score >= 0 && (!best || score > best.score)) best = { rule, score };
  }
  return best?.rule;
}

export const nrptCapturesPublicName = defineCause({
  id: 'nrpt-captures-public-name',
  groups: ['iphttps'],
  explains: [serverUnreachable],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code === null || !CONNECT_CODES.has(ctx.code) || !ctx.serverHost) return null;
      const nrpt = ctx.need('nrpt');
      if (!nrpt) return null;
      const host = ctx.serverHost;
      const rule = effectiveNrptRule(nrpt.rules, host);
      if (!rule || rule.directAccessDnsServers.length === 0 || rule.directAccessEnabled === false) return null;
      const evidence = [
        ...codeEvidence(ctx),
        ev(
          'nrpt',
          'rules',
          { namespace: rule.namespace, directAccessDnsServers: rule.directAccessDnsServers },
          { namespace: host, directAccessDnsServers: [] },
          `no exemption for ${host}: it is sent to the internal DNS`,
        ),
      ];
      const reach = ctx.peek('reachability');
      if (reach) evidence.push(ev('reachability', 'addresses', reach.addresses, 'the public address', `symptom: TCP ${reach.tcp}`));
      const any = isAnyName(rule.namespace);
      const scope = any ? 'every name: the rule for ".", force tunnelling' : `every name ending in "${rule.namespace}"`;
      return finding({
        id: 'nrpt-captures-public-name',
        severity: 'error',
        title: 'The DirectAccess server name is looked up in the wrong place',
        plain: `To find your organisation’s server, this computer has to look up the name "${host}" on the Internet. A DirectAccess rule sends ${any ? 'every name' : `every name ending in "${rule.namespace}"`} to your organisation’s internal name servers instead, which cannot be reached from outside, so the computer cannot find the server. Your organisation’s IT department must add an exception for this one name.`,
        technical: `${codeText(ctx)}. Effective NRPT: namespace ${rule.namespace} → DirectAccess DNS ${rule.directAccessDnsServers.join(', ')} (${scope}); no NRPT exemption for ${host}, so its lookup goes to DNS64 through a tunnel that needs this very name (${any ? 'force tunnelling: the "." rule must exempt the NLS and the public name, Hicks "DirectAccess NRPT Configuration with Split DNS"' : 'split-brain DNS, KB3056560'}).`,
        evidence,
        escalate: true,
        adminAction: `Add an NRPT exemption for ${host} (a namespace rule with no DNS server) in Remote Access Management → Infrastructure Servers → DNS, then let clients refresh the DirectAccess client GPO.`,
        commands: [
          nrpt.source === 'netsh' ? 'netsh namespace show effectivepolicy' : 'Get-DnsClientNrptPolicy -Effective',
          `Resolve-DnsName ${host}`,
          ...ipHttpsCommands(ctx),
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'nrpt',
        title: 'Name lookup rules',
        plain: 'Checking that the DirectAccess server’s name is looked up on the internet, not inside your organisation’s network.',
        then: 'escalate-nrpt',
      },
    ],
    nodes: [
      escalate(
        'escalate-nrpt',
        'nrpt-captures-public-name',
        'A DirectAccess setting hides the server',
        'A rule of your organisation sends the look-up of the server’s name to your organisation’s network, which cannot be reached yet. Your organisation’s IT department must add an exception for the server’s name.',
      ),
    ],
  },
});

/**
 * iphttps-unknown-error: a non-zero IP-HTTPS code no other cause owns (knowledge A.14), or a connect code whose family
 * the evidence rules out (contract "Only what the evidence proves", knowledge A.6): the name resolves, TCP 443 answers,
 * no proxy applies to the name and the NRPT does not capture it. Then say what was ruled out, never the most common
 * member of the family; when any of that evidence is missing, claim nothing (the verdict stays unknown).
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isLegacy } from '../evidence';
import { CONNECT_CODES, PROXY_CODES, toHex } from '../../diagnose/errorCodes';
import type { RuleContext } from '../../diagnose/context';
import type { Finding } from '../../finding';
import { escalate } from '../../tree/build';
import { proxyPicture } from './proxy';
import { effectiveNrptRule } from './nrptCapturesPublicName';
import { serverReach, unreachable } from './serverUnreachable';

/** A connect code with the server reachable and neither a proxy nor the NRPT in the way, or null. */
function connectRuledOut(ctx: RuleContext, code: number): Finding | null {
  const host = ctx.serverHost;
  if (!host) return null;
  const proxyCode = PROXY_CODES.has(code);
  const proxy = proxyCode ? ctx.need('proxy') : ctx.peek('proxy');
  const nrpt = ctx.need('nrpt');
  const reach = serverReach(ctx);
  if ((proxyCode && !proxy) || !nrpt || !reach || unreachable(reach)) return null;
  const picture = proxy ? proxyPicture(ctx, proxy) : undefined;
  if (proxyCode && picture && (picture.applying.length > 0 || picture.unread.length > 0)) return null;
  const rule = effectiveNrptRule(nrpt.rules, host);
  if (rule && rule.directAccessDnsServers.length > 0 && rule.directAccessEnabled !== false) return null;

  const evidence = [
    ...codeEvidence(ctx),
    ev('reachability', 'addresses', reach.addresses, 'the public address of the DirectAccess server', `ruled out: ${host} resolves`),
    ev('reachability', 'tcp', reach.tcp, 'succeeded', `ruled out: TCP ${reach.host}:${reach.port} answers from this network`),
  ];
  const bypassed = picture?.seen.filter((p) => p.bypassedBy !== null) ?? [];
  let proxyText: string;
  if (proxyCode && proxy) {
    evidence.push(
      ev(
        'proxy',
        'winHttp',
        { direct: proxy.winHttp.direct, proxyServer: proxy.winHttp.proxyServer, bypassList: proxy.winHttp.bypassList },
        undefined,
        'ruled out: WinHTTP proxy (direct, or its bypass list covers the name)',
      ),
    );
    evidence.push(ev('proxy', 'system', proxy.system, { proxyEnable: false }, 'ruled out: SYSTEM-context proxy'));
    evidence.push(
      ev(
        'proxy',
        'proxyMgr',
        proxy.proxyMgr.map((p) => p.staticProxy),
        [],
        'ruled out: StaticProxy cached under iphlpsvc ProxyMgr',
      ),
    );
    const u = proxy.user;
    evidence.push(
      ev(
        'proxy',
        'user',
        u
          ? {
              readAs: u.readAs,
              account: u.account,
              proxyEnable: u.proxyEnable,
              proxyServer: u.proxyServer,
              proxyOverride: u.proxyOverride,
              autoConfigUrl: u.autoConfigUrl,
            }
          : null,
        undefined,
        u?.readAs === 'none' ? 'no user is logged on: no browser proxy' : "ruled out: the logged-on user's browser proxy",
      ),
    );
    for (const p of bypassed) evidence.push(p.evidence);
    proxyText = `no proxy applies to ${host} (WinHTTP ${proxy.winHttp.direct ? 'direct' : `${proxy.winHttp.proxyServer} bypassed`}, no SYSTEM-context proxy, no StaticProxy under iphlpsvc ProxyMgr, ${u?.readAs === 'none' ? 'no logged-on user' : "the logged-on user's browser proxy off or bypassed"}${bypassed.length ? `; bypassed: ${bypassed.map((p) => p.label).join('; ')}` : ''})`;
  } else {
    proxyText = `a proxy does not explain ${toHex(code)} (knowledge A.8)`;
  }
  evidence.push(
    ev(
      'nrpt',
      'rules',
      rule ? { namespace: rule.namespace, directAccessDnsServers: rule.directAccessDnsServers } : null,
      undefined,
      rule ? `ruled out: the NRPT exempts ${host} (rule ${rule.namespace} has no DirectAccess DNS server)` : `ruled out: no NRPT rule matches ${host}`,
    ),
  );
  const nrptText = rule ? `the NRPT exempts ${host} (rule ${rule.namespace}, no DNS server)` : `no NRPT rule matches ${host}`;

  return finding({
    id: 'iphttps-unknown-error',
    severity: 'error',
    title: 'DirectAccess cannot connect, and the usual causes are ruled out',
    plain: `The DirectAccess connection fails with an error that Windows reports only by number. This computer can find your organisation’s server "${host}" and reach it from this network, and no proxy or name-lookup rule on this computer stands in the way, so the cause is most likely on your organisation’s side. Please send the report from this tool to your organisation’s IT department.`,
    technical: `${codeText(ctx)}. Ruled out on this client: ${host} resolves (${reach.addresses.join(', ')}) and TCP ${reach.port} answers; ${proxyText}; ${nrptText}. Remaining candidates (KB2980635, knowledge A.6–A.9, L): NAT or a load balancer in front of the DirectAccess server, the server's IPv6 prefix not published, IP-HTTPS disabled on the server, a client-side firewall rule for iphlpsvc, or a device inspecting TLS on the way; a netsh trace (scenario=DirectAccess) shows where the connection stops.`,
    evidence,
    escalate: true,
    adminAction: `Investigate IP-HTTPS error ${toHex(code)} with the attached report: this client resolves ${host} and reaches TCP ${reach.port}, and neither a proxy nor the NRPT is in the way. Check the NAT / load balancer in front of the DirectAccess server, that the server's IP-HTTPS interface is enabled with its IPv6 prefix published (Get-RemoteAccess, Get-NetIPHttpsConfiguration on the server), and take a netsh trace scenario=DirectAccess on the client.`,
    commands: [
      ...(isLegacy(ctx) ? [`nslookup ${host}`, `telnet ${host} ${reach.port}`] : [`Resolve-DnsName ${host}`, `Test-NetConnection ${host} -Port ${reach.port}`]),
      'netsh winhttp show proxy',
      ...ipHttpsCommands(ctx),
      'netsh trace start scenario=DirectAccess capture=yes report=yes',
    ],
  });
}

export const unknownError = defineCause({
  id: 'iphttps-unknown-error',
  groups: ['iphttps'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code === null || ctx.code === 0) return null;
      if (CONNECT_CODES.has(ctx.code)) return connectRuledOut(ctx, ctx.code);
      if (ctx.codeInfo?.rootCause) return null; // another rule owns this code
      const info = ctx.codeInfo;
      return finding({
        id: 'iphttps-unknown-error',
        severity: 'error',
        title: 'DirectAccess reports an error this tool cannot explain',
        plain: `The DirectAccess connection fails with an error that Windows reports only by number and that has no known simple cause. Please send the report from this tool to your organisation’s IT department so they can look into it.`,
        technical: `${codeText(ctx)}${info ? `: ${info.meaning}` : ''}. No published DirectAccess cause; check IPHTTPS_ClientUrl for a malformed URL, the Ncasvc/Operational and iphlpsvc event logs, and a netsh trace scenario=DirectAccess.`,
        evidence: codeEvidence(ctx),
        escalate: true,
        adminAction: `Investigate IP-HTTPS error ${toHex(ctx.code)} on this client with the attached report: check the IPHTTPS_ClientUrl policy value, the Microsoft-Windows-Ncasvc/Operational log and a netsh trace (scenario=DirectAccess).`,
        commands: [
          ...ipHttpsCommands(ctx),
          'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition\\IPHTTPS\\IPHTTPSInterface',
          'wevtutil qe Microsoft-Windows-Ncasvc/Operational /c:20 /rd:true /f:text',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'unknown-error',
        title: 'Other connection errors',
        plain: 'Checking for any other error the DirectAccess connection reports.',
        then: 'escalate-unknown-error',
      },
    ],
    nodes: [
      escalate(
        'escalate-unknown-error',
        'iphttps-unknown-error',
        'DirectAccess reports an unusual error',
        'The connection fails with an error this wizard does not know how to fix. Send the report to your organisation’s IT department.',
      ),
    ],
  },
});

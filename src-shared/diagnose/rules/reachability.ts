/** iphttps-server-unreachable: name or TCP 443 fails and neither a proxy nor the NRPT explains it (knowledge A.6–A.9). */
import { defineRule, type Rule } from '../context';
import { CONNECT_CODES, PROXY_CODES } from '../errorCodes';
import { codeEvidence, codeText, ev, finding, ipHttpsCommands, isLegacy } from './common';

export const unreachableRule: Rule = defineRule(['iphttps-server-unreachable'], ['client'], (ctx) => {
  if (ctx.code === null || !CONNECT_CODES.has(ctx.code)) return null;
  // A proxy or NRPT capture would be the real cause; when their probes failed we cannot rule them out.
  const proxyKnown = !PROXY_CODES.has(ctx.code) || ctx.need('proxy') !== undefined;
  const nrptKnown = ctx.need('nrpt') !== undefined;
  if (!proxyKnown || !nrptKnown) return null;
  const reach = ctx.peek('reachability');
  const host = ctx.serverHost ?? reach?.host ?? 'the DirectAccess server';
  const evidence = [...codeEvidence(ctx)];
  if (reach) {
    evidence.push(ev('reachability', 'addresses', reach.addresses, 'the public IPv4 address', reach.addresses.length === 0 ? 'the name does not resolve' : undefined));
    evidence.push(ev('reachability', 'tcp', reach.tcp, 'succeeded', `TCP ${reach.host}:${reach.port}`));
  }
  const unresolved = reach?.tcp === 'unresolved' || reach?.addresses.length === 0;
  return finding({
    id: 'iphttps-server-unreachable',
    severity: 'error',
    title: 'The DirectAccess server cannot be reached from this network',
    plain: `This computer cannot ${unresolved ? `find the office server "${host}" on the Internet` : `get through to the office server "${host}"`}. Often the network you are on is the reason: a hotel, airport or café Wi-Fi that wants you to sign in on a web page first, or a network that blocks such connections. Try signing in to the Wi-Fi in a browser, or try another network (for example your phone's hotspot).`,
    technical: `${codeText(ctx)}. ${reach ? `Resolve ${host}: ${reach.addresses.join(', ') || 'no addresses'}; TCP ${reach.port}: ${reach.tcp}.` : ''} No WinHTTP/SYSTEM/static proxy and no NRPT rule capturing ${host}. Causes: captive portal or filtering network, edge firewall/NAT, public DNS record, or the DirectAccess server down.`,
    evidence,
    escalate: true,
    adminAction: `Check from the Internet that ${host} resolves to the DirectAccess server's public address and that TCP 443 reaches it (edge firewall / NAT rule, load balancer, server up; Test-NetConnection ${host} -Port 443).`,
    commands: [...(isLegacy(ctx) ? [`nslookup ${host}`, `telnet ${host} 443`] : [`Resolve-DnsName ${host}`, `Test-NetConnection ${host} -Port 443`]), ...ipHttpsCommands(ctx)],
  });
});

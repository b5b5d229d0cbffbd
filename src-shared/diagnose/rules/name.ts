/** iphttps-name-mismatch and iphttps-invalid-url: the ServerURL and the certificate's names (knowledge A.10–A.12). */
import { defineRule, type Rule } from '../context';
import { certCoversHost, chainCommand, codeEvidence, codeText, ev, finding, ipHttpsCommands, isIpLiteral } from './common';

export const nameMismatchRule: Rule = defineRule(['iphttps-name-mismatch'], ['client'], (ctx) => {
  const cert = ctx.peek('serverCertificate');
  const leaf = cert?.chain[0];
  const host = ctx.serverHost;
  const mismatch = cert?.nameMatches === false || (leaf !== undefined && host !== null && !certCoversHost(leaf, host));
  const stateless = ctx.code === null && !ctx.inside && ctx.peek('ipHttps') !== undefined;
  if (!(ctx.code === 0x800b010f || ctx.code === 0x103 || (stateless && mismatch))) return null;
  const names = leaf ? (leaf.dnsNames.length > 0 ? leaf.dnsNames : [leaf.subject]) : [];
  const evidence = [...codeEvidence(ctx)];
  if (leaf) evidence.push(ev('serverCertificate', 'chain[0].dnsNames', names, host ? [host] : undefined, `${leaf.subject} (${leaf.thumbprint})`));
  if (host) evidence.push(ev('ipHttps', 'configuration.serverUrl', ctx.serverUrl, undefined, `host ${host}`));
  if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null));
  return finding({
    id: 'iphttps-name-mismatch',
    severity: 'error',
    title: "The server's certificate is for a different name",
    plain: `This computer connects to "${host ?? 'the DirectAccess server'}", but the server's digital certificate (its ID card) is made out to ${names.length > 0 ? `"${names.join('", "')}"` : 'another name'}. Because the names do not match, the computer refuses the connection. Only your IT department can correct the certificate or the server name.`,
    technical: `${codeText(ctx)}. ServerURL host ${host ?? '?'} is not among the leaf certificate's names (${names.join(', ') || 'unknown'}); SslPolicyErrors.RemoteCertificateNameMismatch.`,
    evidence,
    escalate: true,
    adminAction: `Bind an IP-HTTPS certificate whose subject/SAN contains ${host ?? 'the ServerURL host'} (currently ${names.join(', ') || 'unknown'}), or change the DirectAccess public name (ConnectTo address) to a name the certificate carries, then refresh the client GPO.`,
    commands: [...ipHttpsCommands(ctx), chainCommand(ctx)],
  });
});

export const invalidUrlRule: Rule = defineRule(['iphttps-invalid-url'], ['client'], (ctx) => {
  const host = ctx.serverHost;
  const literal = host !== null && isIpLiteral(host) && ctx.serverUrl !== null;
  if (!(ctx.code === 0x4be || literal)) return null;
  const evidence = [...codeEvidence(ctx)];
  evidence.push(ev('ipHttps', 'configuration.serverUrl', ctx.serverUrl, 'https://<public DNS name>:443/IPHTTPS', literal ? 'the host is an IP address' : undefined));
  return finding({
    id: 'iphttps-invalid-url',
    severity: 'error',
    title: 'The DirectAccess server address is set up wrongly',
    plain: `The address this computer was given for the office server (${ctx.serverUrl ?? 'unknown'}) ${literal ? 'is a bare number (an IP address) instead of a name' : 'is not accepted by Windows'}. DirectAccess needs a proper name there. This is a setting on the server side that your IT department must change.`,
    technical: `${codeText(ctx)} "Invalid IPHTTPS URL specified". IPHTTPS_ClientUrl ${ctx.serverUrl ?? '?'}${literal ? ' uses an IP literal; IP-HTTPS requires an FQDN' : ''} (KB2980627).`,
    evidence,
    escalate: true,
    adminAction: `In Remote Access Management → Step 2 (Remote Access Server) → Network Adapters, replace ${host ?? 'the public address'} with a publicly resolvable DNS name (with an A record to that address and an IP-HTTPS certificate for that name), then let clients refresh the DirectAccess client GPO.`,
    commands: [...ipHttpsCommands(ctx), 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition\\IPHTTPS\\IPHTTPSInterface /v IPHTTPS_ClientUrl'],
  });
});

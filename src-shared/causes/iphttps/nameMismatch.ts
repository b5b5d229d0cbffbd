/** iphttps-name-mismatch: the ServerURL host is not among the certificate's names (knowledge A.10, A.11). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, chainCommands, certCoversHost } from '../evidence';
import { escalate } from '../../tree/build';

export const nameMismatch = defineCause({
  id: 'iphttps-name-mismatch',
  codes: [
    { code: 0x800b010f, name: 'CERT_E_CN_NO_MATCH', meaning: 'the server certificate does not carry the name of the IP-HTTPS server' },
    { code: 0x103, name: 'ERROR_NO_MORE_ITEMS', meaning: 'no usable certificate found: the certificate does not match the IP-HTTPS URL' },
  ],
  groups: ['iphttps'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
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
        plain: `This computer connects to "${host ?? 'the DirectAccess server'}", but the server's digital certificate (its ID card) is made out to ${names.length > 0 ? `"${names.join('", "')}"` : 'another name'}. Because the names do not match, the computer refuses the connection. Only your organisation’s IT department can correct the certificate or the server name.`,
        technical: `${codeText(ctx)}. ServerURL host ${host ?? '?'} is not among the leaf certificate's names (${names.join(', ') || 'unknown'}); SslPolicyErrors.RemoteCertificateNameMismatch.`,
        evidence,
        escalate: true,
        adminAction: `Bind an IP-HTTPS certificate whose subject/SAN contains ${host ?? 'the ServerURL host'} (currently ${names.join(', ') || 'unknown'}), or change the DirectAccess public name (ConnectTo address) to a name the certificate carries, then refresh the client GPO.`,
        commands: [...ipHttpsCommands(ctx), ...chainCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'name-mismatch',
        title: "The server's name",
        plain: "Checking that the server's certificate is made out to the server's name.",
        then: 'escalate-name-mismatch',
      },
    ],
    nodes: [
      escalate(
        'escalate-name-mismatch',
        'iphttps-name-mismatch',
        "The server's certificate has the wrong name",
        'The certificate the server shows is made out to another name. Your organisation’s IT department must fix the certificate or the server address.',
      ),
    ],
  },
});

/** iphttps-revocation-offline: the CRL of the server chain cannot be fetched (knowledge A.3). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isLegacy, chainCommands } from '../evidence';
import { stateless } from './chain';
import { escalate, fixThenVerify } from '../../tree/build';

export const revocationOffline = defineCause({
  id: 'iphttps-revocation-offline',
  codes: [{ code: 0x80092013, name: 'CRYPT_E_REVOCATION_OFFLINE', meaning: 'revocation could not be checked: the CRL/OCSP location was unreachable' }],
  groups: ['iphttps'],
  fixes: ['clear-crl-cache'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const cert = ctx.peek('serverCertificate');
      const online = cert?.chainStatusOnline ?? [];
      const offline = online.includes('RevocationStatusUnknown') || online.includes('OfflineRevocation');
      // Without an IP-HTTPS code an unreachable CRL only matters on Windows 7: Windows 8 and later do not check the
      // IP-HTTPS certificate's revocation by default (TechNet ee382300, knowledge A.3).
      if (!(ctx.code === 0x80092013 || (stateless(ctx) && offline && isLegacy(ctx)))) return null;
      const chain = cert?.chain ?? [];
      const urls = [...new Set(chain.filter((c) => !c.selfSigned).flatMap((c) => c.crlUrls))];
      const evidence = [...codeEvidence(ctx)];
      if (cert) {
        evidence.push(ev('serverCertificate', 'chainStatusOnline', online, [], 'with online revocation checking'));
        evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], 'without revocation checking'));
        if (urls.length > 0) evidence.push(ev('serverCertificate', 'chain[].crlUrls', urls, 'reachable from the Internet', 'CRL distribution points'));
      }
      const proxy = ctx.peek('proxy');
      if (proxy?.system.proxyEnable)
        evidence.push(ev('proxy', 'system.proxyServer', proxy.system.proxyServer, null, 'SYSTEM-context proxy: CRL downloads by iphlpsvc go through it'));
      if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null));
      const urlText = urls.length > 0 ? urls.join(', ') : 'the CRL distribution point named in the certificate';
      return finding({
        id: 'iphttps-revocation-offline',
        severity: 'error',
        title: "The server certificate's revocation list cannot be downloaded",
        plain: `Before trusting your organisation’s server, ${isLegacy(ctx) ? 'Windows 7 always' : 'this computer'} checks a published list of withdrawn certificates. That list cannot be downloaded from where you are, so the connection is refused. Clearing the computer's saved copy sometimes helps; otherwise your organisation’s IT department must publish the list on the Internet.`,
        technical: `${codeText(ctx)}. Chain is valid without revocation checking; with online revocation X509Chain reports ${online.join(', ') || 'RevocationStatusUnknown/OfflineRevocation'}. CDP: ${urlText}.${isLegacy(ctx) ? ' Windows 7 enforces CRL checking for IP-HTTPS and it cannot be turned off.' : ''}`,
        evidence,
        fixes: ['clear-crl-cache'],
        escalate: true,
        adminAction: `Publish a current CRL (and delta CRL) at ${urlText} so it downloads anonymously from the Internet (certutil -crl on the CA; check the reverse proxy and IIS double escaping for delta CRL names with '+').`,
        commands: [...ipHttpsCommands(ctx), ...chainCommands(ctx), ...urls.map((u) => `certutil -URL ${u}`), 'certutil -urlcache * delete'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'revocation',
        title: 'Certificate revocation list',
        plain: "Checking that this computer can find out whether the server's certificate has been withdrawn.",
        then: 'fix-crl',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-crl',
        fixes: ['clear-crl-cache'],
        cause: 'iphttps-revocation-offline',
        title: 'Refresh the certificate lists',
        plain:
          'Windows keeps a copy of the list of withdrawn certificates. Clearing it makes Windows fetch a fresh one; if the list cannot be reached at all, your organisation’s IT department must publish it.',
        passed: 'fixed',
        failed: 'escalate-revocation',
      }),
      escalate(
        'escalate-revocation',
        'iphttps-revocation-offline',
        'The list of withdrawn certificates cannot be reached',
        'Windows must check that the server’s certificate was not withdrawn, and the list it needs is not reachable from the internet. Your organisation’s IT department must publish it where DirectAccess computers can reach it.',
      ),
    ],
  },
});

/**
 * Server certificate trust (knowledge A.1–A.3, C): untrusted root (with variants self-signed-renewed and
 * offline-domain-join), missing intermediate, expired certificate, revocation server offline.
 */
import type { CertInfo } from '../../snapshot';
import type { RuleContext } from '../context';
import { defineRule, type Rule } from '../context';
import { MAX_SKEW_MS, clockSkewMs, humanDuration } from './clock';
import { chainCommand, codeEvidence, codeText, day, ev, finding, ipHttpsCommands, isLegacy, normDn, normThumb, rootStoreCommands } from './common';

/** The chain's root when the chain reached a self-signed certificate. */
function chainRoot(chain: CertInfo[]): CertInfo | undefined {
  const last = chain[chain.length - 1];
  return last?.selfSigned ? last : undefined;
}

/** True when no IP-HTTPS state exists (Win8+: not active) and the machine is not inside: chain evidence may speak. */
function stateless(ctx: RuleContext): boolean {
  return ctx.code === null && !ctx.inside && ctx.peek('ipHttps') !== undefined;
}

export const untrustedRootRule: Rule = defineRule(['iphttps-untrusted-root'], ['client'], (ctx) => {
  const cert = ctx.peek('serverCertificate');
  const stores = ctx.peek('trustStores');
  const chain = cert?.chain ?? [];
  const root = chainRoot(chain);
  const rootInStore = root && stores ? stores.root.some((r) => normThumb(r.thumbprint) === normThumb(root.thumbprint)) : undefined;
  const chainSaysUntrusted = cert?.chainStatus.includes('UntrustedRoot') ?? false;
  const fires = ctx.code === 0x800b0109 || (stateless(ctx) && (chainSaysUntrusted || rootInStore === false));
  if (!fires) return null;

  const leaf = chain[0];
  const last = chain[chain.length - 1];
  const selfSignedLeaf = leaf !== undefined && leaf.selfSigned && chain.length === 1;
  const older = selfSignedLeaf && stores
    ? stores.root.find((r) => normDn(r.subject) === normDn(leaf.subject) && normThumb(r.thumbprint) !== normThumb(leaf.thumbprint))
    : undefined;
  const pin = ctx.org?.pinnedRoots.find((p) =>
    root ? normThumb(p.thumbprint) === normThumb(root.thumbprint) : last !== undefined && normDn(p.subject) === normDn(last.issuer),
  );
  const os = ctx.peek('os');
  const variant = older ? 'self-signed-renewed' : !selfSignedLeaf && os?.partOfDomain && rootInStore !== true ? 'offline-domain-join' : undefined;
  const rootName = root?.subject ?? last?.issuer ?? 'the issuing root CA';
  const rootThumb = root ? normThumb(root.thumbprint) : pin ? pin.thumbprint : undefined;

  const evidence = [...codeEvidence(ctx)];
  if (cert) {
    evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], 'X509Chain built in machine context, revocation NoCheck'));
    if (last) evidence.push(ev('serverCertificate', `chain[${chain.length - 1}]`, { subject: last.subject, thumbprint: last.thumbprint, selfSigned: last.selfSigned }, undefined, 'the certificate the chain ends in'));
  }
  if (stores && root) evidence.push(ev('trustStores', 'root', rootInStore ? 'present' : `${root.thumbprint} absent`, `${root.thumbprint} present`, 'LocalMachine\\Root'));
  if (older) evidence.push(ev('trustStores', 'root', { subject: older.subject, thumbprint: older.thumbprint }, undefined, 'an older self-signed certificate with the same subject: the server certificate was renewed or DirectAccess reinstalled'));
  if (pin) evidence.push(ev('serverCertificate', 'chain root thumbprint', rootThumb ?? pin.thumbprint, pin.thumbprint, `pinned by ${ctx.org?.organisation ?? 'the organisation'}: safe to import`));
  if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null, undefined, 'no IP-HTTPS state'));

  const commands = [...ipHttpsCommands(ctx), ...rootStoreCommands(ctx), chainCommand(ctx)];
  const importHow = isLegacy(ctx) ? 'certutil -addstore Root <file>' : 'Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root';

  if (variant === 'self-signed-renewed' && leaf && older) {
    return finding({
      id: 'iphttps-untrusted-root',
      severity: 'error',
      variant,
      title: "The DirectAccess server's certificate was replaced",
      plain: "The office server proves who it is with a digital certificate (an ID card it made for itself). That certificate has been replaced, and this computer still only knows the old one, so it refuses to connect. It learns the new one the next time it is connected to the office network; until then your IT department must help.",
      technical: `${codeText(ctx)}. The server presents a self-signed certificate ${leaf.subject} (thumbprint ${leaf.thumbprint}, valid from ${day(leaf.notBefore)}); LocalMachine\\Root holds an older self-signed certificate with the same subject (thumbprint ${older.thumbprint}). The DirectAccess self-signed IP-HTTPS certificate was renewed or DirectAccess reinstalled; clients receive the new one through the DirectAccess client GPO.`,
      evidence,
      fixes: pin ? ['import-root-ca'] : [],
      escalate: true,
      adminAction: `The DirectAccess server's self-signed IP-HTTPS certificate changed (new thumbprint ${leaf.thumbprint}, clients trust ${older.thumbprint}). Bring the client onto the corporate network (or another VPN) and run gpupdate /force, or push the new certificate to LocalMachine\\Root by GPO${pin ? '' : ' and pin its thumbprint in the organisation configuration so the wizard can import it'}; long term replace the self-signed certificate with one from a public or internal CA (Set-RemoteAccess -SslCertificate).`,
      commands,
    });
  }

  const odj = variant === 'offline-domain-join';
  return finding({
    id: 'iphttps-untrusted-root',
    severity: 'error',
    ...(variant ? { variant } : {}),
    title: "This computer does not trust the DirectAccess server's certificate",
    plain: `The office server proves who it is with a digital certificate, vouched for by "${rootName.replace(/^CN=/i, '')}". This computer does not have that authority on its trusted list, so it refuses to connect.${odj ? ' This usually happens when a computer was set up for the office while away from it.' : ''} ${pin ? 'Your organisation has approved this certificate, so it can be added with one click.' : 'If your helpdesk gave you the certificate file, it can be added; the wizard checks that it is the right one.'}`,
    technical: `${codeText(ctx)}. The server chain (machine context) ends in ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''}, which is not in LocalMachine\\Root.${odj ? ' The machine is domain-joined but lacks the enterprise root: typical of an offline domain join (djoin) provisioned without /rootcacerts or /certtemplate.' : ''} Import the root into LocalMachine\\Root (${importHow}) and restart iphlpsvc.`,
    evidence,
    fixes: ['import-root-ca'],
    escalate: false,
    adminAction: `Deploy ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''} to DirectAccess clients' Trusted Root Certification Authorities by GPO (Computer Configuration → Policies → Windows Settings → Security Settings → Public Key Policies → Trusted Root Certification Authorities)${odj ? '; provision offline-joined clients with djoin /provision … /rootcacerts (or /certtemplate)' : ''}${pin ? '' : '; pin its thumbprint in the organisation configuration to make the client fix one click'}.`,
    commands,
  });
});

export const partialChainRule: Rule = defineRule(['iphttps-partial-chain'], ['client'], (ctx) => {
  const cert = ctx.peek('serverCertificate');
  const chain = cert?.chain ?? [];
  const last = chain[chain.length - 1];
  const partial = (cert?.chainStatus.includes('PartialChain') ?? false) && last !== undefined && !last.selfSigned;
  if (!(ctx.code === 0x800b010a || (stateless(ctx) && partial))) return null;
  const missing = last?.issuer ?? 'an intermediate CA';
  const pin = last ? ctx.org?.pinnedIntermediates.find((p) => normDn(p.subject) === normDn(last.issuer)) : undefined;
  const evidence = [...codeEvidence(ctx)];
  if (cert) evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], `the chain stops at ${last?.subject ?? '?'}; its issuer ${missing} was not found`));
  if (pin) evidence.push(ev('trustStores', 'intermediate', `${missing} absent`, pin.thumbprint, 'pinned by the organisation'));
  if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null));
  return finding({
    id: 'iphttps-partial-chain',
    severity: 'error',
    title: "A certificate needed to check the server is missing",
    plain: `The office server's digital certificate is vouched for by a chain of authorities. One link in that chain ("${missing.replace(/^CN=/i, '')}") is missing on this computer, so it cannot check the server and refuses to connect. Adding that certificate fixes it.`,
    technical: `${codeText(ctx)}. X509Chain reports PartialChain: the issuer ${missing} of ${last?.subject ?? 'the last chain element'} is not in LocalMachine\\CA and was not sent by the server or fetched by AIA.`,
    evidence,
    fixes: ['import-intermediate-ca'],
    adminAction: `Deploy ${missing} to clients' Intermediate Certification Authorities store by GPO, or configure the IP-HTTPS listener to send the full chain; make the AIA URL reachable from the Internet.`,
    commands: [...ipHttpsCommands(ctx), isLegacy(ctx) ? 'certutil -store CA' : 'Get-ChildItem Cert:\\LocalMachine\\CA', chainCommand(ctx)],
  });
});

export const certExpiredRule: Rule = defineRule(['iphttps-cert-expired'], ['client'], (ctx) => {
  const peekCert = ctx.peek('serverCertificate');
  const trigger = ctx.code === 0x800b0101 || (stateless(ctx) && (peekCert?.chainStatus.includes('NotTimeValid') ?? false));
  if (!trigger) return null;
  // The code alone cannot tell an expired certificate from a wrong client clock: the clock is decisive.
  const skew = clockSkewMs(ctx, true);
  const cert = ctx.need('serverCertificate');
  if (skew === null || !cert?.serverDate) return null;
  const serverNow = Date.parse(cert.serverDate);
  const bad = cert.chain.find((c) => Date.parse(c.notAfter) < serverNow || Date.parse(c.notBefore) > serverNow);
  if (Math.abs(skew) > MAX_SKEW_MS && !bad) return null; // the clock explains it (clock-skew)
  const which = bad ?? cert.chain[0];
  const notYet = which ? Date.parse(which.notBefore) > serverNow : false;
  const evidence = [...codeEvidence(ctx)];
  if (which) evidence.push(ev('serverCertificate', notYet ? 'notBefore' : 'notAfter', notYet ? which.notBefore : which.notAfter, `valid at ${cert.serverDate}`, `${which.subject} (${which.thumbprint})`));
  evidence.push(ev('serverCertificate', 'serverDate', cert.serverDate, undefined, `client clock within ${humanDuration(skew)} of the server: the certificate is out of date, not the clock`));
  return finding({
    id: 'iphttps-cert-expired',
    severity: 'error',
    title: "The DirectAccess server's certificate has expired",
    plain: `The office server proves who it is with a digital certificate, and that certificate ${notYet ? 'is not valid yet' : `ran out on ${which ? day(which.notAfter) : 'an earlier date'}`}. This computer's clock is correct, so nothing can be fixed here: your IT department has to renew the certificate on the server.`,
    technical: `${codeText(ctx)}. ${which ? `${which.subject} (thumbprint ${which.thumbprint}) is valid ${day(which.notBefore)} – ${day(which.notAfter)}` : 'The certificate is outside its validity'}; server Date ${cert.serverDate}, client clock within ${humanDuration(skew)} of it. The IP-HTTPS certificate must be renewed and rebound on the DirectAccess server.`,
    evidence,
    escalate: true,
    adminAction: `Renew the IP-HTTPS certificate ${which ? `${which.subject} (thumbprint ${which.thumbprint}, ${notYet ? `NotBefore ${which.notBefore}` : `NotAfter ${which.notAfter}`})` : ''} on the DirectAccess server and bind the new one (Set-RemoteAccess -SslCertificate <cert>, or Remote Access Management → Step 2 → Network Adapters).`.replace('  ', ' '),
    commands: [...ipHttpsCommands(ctx), chainCommand(ctx), 'w32tm /query /status'],
  });
});

export const revocationRule: Rule = defineRule(['iphttps-revocation-offline'], ['client'], (ctx) => {
  const cert = ctx.peek('serverCertificate');
  const online = cert?.chainStatusOnline ?? [];
  const offline = online.includes('RevocationStatusUnknown') || online.includes('OfflineRevocation');
  if (!(ctx.code === 0x80092013 || (stateless(ctx) && offline))) return null;
  const chain = cert?.chain ?? [];
  const urls = [...new Set(chain.filter((c) => !c.selfSigned).flatMap((c) => c.crlUrls))];
  const evidence = [...codeEvidence(ctx)];
  if (cert) {
    evidence.push(ev('serverCertificate', 'chainStatusOnline', online, [], 'with online revocation checking'));
    evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], 'without revocation checking'));
    if (urls.length > 0) evidence.push(ev('serverCertificate', 'chain[].crlUrls', urls, 'reachable from the Internet', 'CRL distribution points'));
  }
  const proxy = ctx.peek('proxy');
  if (proxy?.system.proxyEnable) evidence.push(ev('proxy', 'system.proxyServer', proxy.system.proxyServer, null, 'SYSTEM-context proxy: CRL downloads by iphlpsvc go through it'));
  if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null));
  const urlText = urls.length > 0 ? urls.join(', ') : 'the CRL distribution point named in the certificate';
  return finding({
    id: 'iphttps-revocation-offline',
    severity: 'error',
    title: "The server certificate's revocation list cannot be downloaded",
    plain: `Before trusting the office server, ${isLegacy(ctx) ? 'Windows 7 always' : 'this computer'} checks a published list of withdrawn certificates. That list cannot be downloaded from where you are, so the connection is refused. Clearing the computer's saved copy sometimes helps; otherwise your IT department must publish the list on the Internet.`,
    technical: `${codeText(ctx)}. Chain is valid without revocation checking; with online revocation X509Chain reports ${online.join(', ') || 'RevocationStatusUnknown/OfflineRevocation'}. CDP: ${urlText}.${isLegacy(ctx) ? ' Windows 7 enforces CRL checking for IP-HTTPS and it cannot be turned off.' : ''}`,
    evidence,
    fixes: ['clear-crl-cache'],
    escalate: true,
    adminAction: `Publish a current CRL (and delta CRL) at ${urlText} so it downloads anonymously from the Internet (certutil -crl on the CA; check the reverse proxy and IIS double escaping for delta CRL names with '+').`,
    commands: [...ipHttpsCommands(ctx), chainCommand(ctx), ...urls.map((u) => `certutil -URL ${u}`), 'certutil -urlcache * delete'],
  });
});

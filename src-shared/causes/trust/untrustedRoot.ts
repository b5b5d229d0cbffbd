/**
 * iphttps-untrusted-root: the server chain ends in a root not in LocalMachine\Root; variants self-signed-renewed and
 * offline-domain-join (knowledge A.1, C), and `latent` while the connection still works (knowledge O: the root was
 * removed after the TLS session was set up; it fails at the next reconnect).
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isLegacy, rootStoreCommands, chainCommands, normThumb, normDn, day } from '../evidence';
import { chainRoot, interceptionOf, latent, latentEvidence, LATENT_PLAIN, stateless } from './chain';
import { candidates } from '../iphttps/machineCerts';
import { escalate, fixThenVerify, info } from '../../tree/build';
import { partialChain } from './partialChain';

export const untrustedRoot = defineCause({
  id: 'iphttps-untrusted-root',
  codes: [{ code: 0x800b0109, name: 'CERT_E_UNTRUSTEDROOT', meaning: 'the server certificate chain ends in a root this machine does not trust' }],
  groups: ['iphttps'],
  explains: [partialChain],
  fixes: ['import-root-ca'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const cert = ctx.peek('serverCertificate');
      const stores = ctx.peek('trustStores');
      const chain = cert?.chain ?? [];
      const root = chainRoot(chain);
      const rootInStore = root && stores ? stores.root.some((r) => normThumb(r.thumbprint) === normThumb(root.thumbprint)) : undefined;
      const chainSaysUntrusted = cert?.chainStatus.includes('UntrustedRoot') ?? false;
      const evidenceSaysUntrusted = chainSaysUntrusted || rootInStore === false;
      const isLatent = latent(ctx) && evidenceSaysUntrusted;
      const fires = ctx.code === 0x800b0109 || (stateless(ctx) && evidenceSaysUntrusted) || isLatent;
      if (!fires) return null;
      // An interceptor's root is never a root to import (iphttps-tls-intercepted speaks for a failing connection).
      if (isLatent && interceptionOf(ctx)) return null;

      const leaf = chain[0];
      const last = chain[chain.length - 1];
      const selfSignedLeaf = leaf !== undefined && leaf.selfSigned && chain.length === 1;
      const older =
        selfSignedLeaf && stores
          ? stores.root.find((r) => normDn(r.subject) === normDn(leaf.subject) && normThumb(r.thumbprint) !== normThumb(leaf.thumbprint))
          : undefined;
      const pin = ctx.org?.pinnedRoots.find((p) =>
        root ? normThumb(p.thumbprint) === normThumb(root.thumbprint) : last !== undefined && normDn(p.subject) === normDn(last.issuer),
      );
      // Offline domain join (knowledge C.4) only when the evidence points to it: a domain member that lacks the root and
      // has no computer certificate either, i.e. it has not been on the corporate network since it joined.
      const os = ctx.peek('os');
      const machineCerts = ctx.peek('machineCertificates');
      const neverEnrolled = machineCerts !== undefined && candidates(machineCerts.certificates).length === 0;
      const variant = older
        ? 'self-signed-renewed'
        : !selfSignedLeaf && os?.partOfDomain && rootInStore !== true && neverEnrolled
          ? 'offline-domain-join'
          : undefined;
      const rootName = root?.subject ?? last?.issuer ?? 'the issuing root CA';
      const rootThumb = root ? normThumb(root.thumbprint) : pin ? pin.thumbprint : undefined;

      const evidence = [...codeEvidence(ctx)];
      if (cert) {
        evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], 'X509Chain built in machine context, revocation NoCheck'));
        if (last)
          evidence.push(
            ev(
              'serverCertificate',
              `chain[${chain.length - 1}]`,
              { subject: last.subject, thumbprint: last.thumbprint, selfSigned: last.selfSigned },
              undefined,
              'the certificate the chain ends in',
            ),
          );
      }
      if (stores && root)
        evidence.push(ev('trustStores', 'root', rootInStore ? 'present' : `${root.thumbprint} absent`, `${root.thumbprint} present`, 'LocalMachine\\Root'));
      if (older)
        evidence.push(
          ev(
            'trustStores',
            'root',
            { subject: older.subject, thumbprint: older.thumbprint },
            undefined,
            'an older self-signed certificate with the same subject: the server certificate was renewed or DirectAccess reinstalled',
          ),
        );
      if (variant === 'offline-domain-join')
        evidence.push(
          ev(
            'machineCertificates',
            'certificates',
            [],
            ['a computer certificate from the organisation'],
            'domain member without a computer certificate: it has not been on your organisation’s network since it joined, as after an offline domain join (djoin)',
          ),
        );
      if (pin)
        evidence.push(
          ev(
            'serverCertificate',
            'chain root thumbprint',
            rootThumb ?? pin.thumbprint,
            pin.thumbprint,
            `pinned by ${ctx.org?.organisation ?? 'the organisation'}: safe to import`,
          ),
        );
      if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null, undefined, 'no IP-HTTPS state'));

      const commands = [...ipHttpsCommands(ctx), ...rootStoreCommands(ctx), ...chainCommands(ctx)];
      if (isLatent) {
        evidence.push(latentEvidence(ctx, 'connected now: the TLS session was set up before the root went; the next one fails'));
        return finding({
          id: 'iphttps-untrusted-root',
          severity: 'warning',
          variant: 'latent',
          title: 'DirectAccess will stop trusting the server at the next reconnect',
          plain: `${LATENT_PLAIN} The authority that vouches for your organisation’s server ("${rootName.replace(/^CN=/i, '')}") is no longer on this computer's trusted list, so the next connection will be refused. ${pin ? 'Your organisation has approved this certificate, so it can be put back with one click.' : 'Your organisation’s IT department must put it back while the connection still works.'}`,
          technical: `${codeText(ctx)}, DirectAccess ConnectedRemotely: the running IP-HTTPS session was negotiated earlier. The server chain (machine context) now ends in ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''}, which is not in LocalMachine\\Root (removed by a person, a script or a baseline): the next TLS negotiation fails with 0x800b0109.`,
          evidence,
          fixes: pin ? ['import-root-ca'] : [],
          escalate: !pin,
          adminAction: `Put ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''} back into LocalMachine\\Root while the client is still connected (gpupdate /force if a GPO distributes it; otherwise find what removed it)${pin ? '' : '; pin its thumbprint in the organisation configuration to make the client fix one click'}.`,
          commands,
        });
      }
      const importHow = isLegacy(ctx) ? 'certutil -addstore Root <file>' : 'Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root';

      if (variant === 'self-signed-renewed' && leaf && older) {
        return finding({
          id: 'iphttps-untrusted-root',
          severity: 'error',
          variant,
          title: "The DirectAccess server's certificate was replaced",
          plain:
            'Your organisation’s server proves who it is with a digital certificate (an ID card it made for itself). That certificate has been replaced, and this computer still only knows the old one, so it refuses to connect. It learns the new one the next time it is connected to your organisation’s network; until then your organisation’s IT department must help.',
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
        plain: `Your organisation’s server proves who it is with a digital certificate, vouched for by "${rootName.replace(/^CN=/i, '')}". This computer does not have that authority on its trusted list, so it refuses to connect.${odj ? ' This usually happens when a computer was set up for your organisation while away from its network.' : ''} ${pin ? 'Your organisation has approved this certificate, so it can be added with one click.' : 'If your helpdesk gave you the certificate file, it can be added; the wizard checks that it is the right one.'}`,
        technical: `${codeText(ctx)}. The server chain (machine context) ends in ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''}, which is not in LocalMachine\\Root.${odj ? ' The machine is domain-joined but lacks the enterprise root: typical of an offline domain join (djoin) provisioned without /rootcacerts or /certtemplate.' : ''} Import the root into LocalMachine\\Root (${importHow}) and restart iphlpsvc.`,
        evidence,
        fixes: ['import-root-ca'],
        escalate: false,
        adminAction: `Deploy ${rootName}${rootThumb ? ` (thumbprint ${rootThumb})` : ''} to DirectAccess clients' Trusted Root Certification Authorities by GPO (Computer Configuration → Policies → Windows Settings → Security Settings → Public Key Policies → Trusted Root Certification Authorities)${odj ? '; provision offline-joined clients with djoin /provision … /rootcacerts (or /certtemplate)' : ''}${pin ? '' : '; pin its thumbprint in the organisation configuration to make the client fix one click'}.`,
        commands,
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'untrusted-root',
        title: 'Trust in the server',
        plain:
          'Checking that this computer trusts the certificate the DirectAccess server shows (like a passport, it is signed by your organisation’s certificate authority).',
        then: 'root-pinned',
        when: { finding: 'iphttps-untrusted-root', severity: 'error' },
      },
      {
        chain: 'client',
        late: true,
        id: 'untrusted-root-latent',
        title: 'Trust at the next reconnect',
        plain: 'Checking that this computer will still trust the DirectAccess server the next time it connects.',
        then: 'root-latent-pinned',
        when: { finding: 'iphttps-untrusted-root', variant: 'latent' },
      },
    ],
    nodes: [
      info(
        'root-pinned',
        { pinned: 'root' },
        'Known certificate of your organisation',
        'Your organisation has told this program which certificate to trust.',
        'fix-import-root-pinned',
        'root-self-signed',
      ),
      ...fixThenVerify({
        id: 'fix-import-root-pinned',
        fixes: ['import-root-ca'],
        cause: 'iphttps-untrusted-root',
        title: 'Trust your organisation’s certificate',
        plain:
          'This computer is missing your organisation\'s main certificate (its "root" certificate), so it does not trust the DirectAccess server. The program adds the certificate your organisation has approved, then restarts the IP Helper service.',
        passed: 'fixed',
        failed: 'escalate-untrusted-root',
      }),
      info(
        'root-self-signed',
        { finding: 'iphttps-untrusted-root', variant: 'self-signed-renewed' },
        'Renewed server certificate',
        'The server has a new certificate that it signed itself.',
        'escalate-untrusted-root',
        'root-file',
      ),
      {
        kind: 'question',
        id: 'root-file',
        question: 'rootFile',
        title: 'Do you have the certificate file from your helpdesk?',
        plain:
          "This computer does not trust the server's certificate. Your helpdesk can give you a small certificate file (ending in .cer or .crt) to fix that. You will compare its fingerprint with the one your helpdesk reads out before anything is added.",
        options: [
          {
            value: 'yes',
            label: 'Yes, I have the file',
            next: 'fix-import-root-file',
          },
          {
            value: 'no',
            label: 'No',
            next: 'escalate-untrusted-root',
          },
        ],
      },
      ...fixThenVerify({
        id: 'fix-import-root-file',
        fixes: ['import-root-ca'],
        cause: 'iphttps-untrusted-root',
        params: { source: 'file' },
        title: 'Trust the certificate from your helpdesk',
        plain:
          "Pick the certificate file. The program shows its fingerprint (thumbprint) in groups of four: compare every group with the fingerprint your helpdesk reads out. It is added only if it is also the root the server's chain ends in and you confirm the match; then the IP Helper service restarts.",
        passed: 'fixed',
        failed: 'escalate-untrusted-root',
      }),
      info(
        'root-latent-pinned',
        { pinned: 'root' },
        'Known certificate of your organisation',
        'Your organisation has told this program which certificate to trust.',
        'fix-import-root-latent',
        'escalate-untrusted-root-latent',
      ),
      ...fixThenVerify({
        id: 'fix-import-root-latent',
        fixes: ['import-root-ca'],
        cause: 'iphttps-untrusted-root',
        title: 'Put your organisation’s certificate back',
        plain:
          'DirectAccess works now, but this computer no longer has your organisation’s main certificate, so the connection will stop at the next reconnect or restart. The program puts back the certificate your organisation has approved, then restarts the IP Helper service (the connection drops for a moment).',
        passed: 'fixed',
        failed: 'escalate-untrusted-root-latent',
      }),
      escalate(
        'escalate-untrusted-root-latent',
        'iphttps-untrusted-root',
        'DirectAccess will stop at the next reconnect',
        "It works now, but this computer no longer trusts the server's certificate authority, so the connection will stop at the next reconnect or restart. Send the report to your organisation’s IT department while you are still connected: they can put the certificate back.",
      ),
      escalate(
        'escalate-untrusted-root',
        'iphttps-untrusted-root',
        "This computer does not trust the server's certificate",
        'Your organisation’s IT department must give this computer your organisation’s root certificate (for example through Group Policy), or send you the certificate file.',
      ),
    ],
  },
});

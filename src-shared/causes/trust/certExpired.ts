/**
 * iphttps-cert-expired: the IP-HTTPS certificate is out of date while the client clock is right (knowledge A.2); variant
 * `latent` while the connection still works (knowledge O: it fails at the next reconnect).
 */
import { defineCause } from '../cause';
import { formatDuration } from '../../format';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, chainCommands, day } from '../evidence';
import { latent, latentEvidence, LATENT_PLAIN, stateless } from './chain';
import { MAX_SKEW_MS, clockSkewMs } from './clock';
import { escalate } from '../../tree/build';

export const certExpired = defineCause({
  id: 'iphttps-cert-expired',
  codes: [{ code: 0x800b0101, name: 'CERT_E_EXPIRED', meaning: "the server certificate is outside its validity period (by this machine's clock)" }],
  groups: ['iphttps'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const peekCert = ctx.peek('serverCertificate');
      const notTimeValid = peekCert?.chainStatus.includes('NotTimeValid') ?? false;
      const isLatent = latent(ctx) && notTimeValid;
      const trigger = ctx.code === 0x800b0101 || (stateless(ctx) && notTimeValid) || isLatent;
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
      if (which)
        evidence.push(
          ev(
            'serverCertificate',
            notYet ? 'notBefore' : 'notAfter',
            notYet ? which.notBefore : which.notAfter,
            `valid at ${cert.serverDate}`,
            `${which.subject} (${which.thumbprint})`,
          ),
        );
      evidence.push(
        ev(
          'serverCertificate',
          'serverDate',
          cert.serverDate,
          undefined,
          `client clock within ${formatDuration(skew)} of the server: the certificate is out of date, not the clock`,
        ),
      );
      const adminAction =
        `Renew the IP-HTTPS certificate ${which ? `${which.subject} (thumbprint ${which.thumbprint}, ${notYet ? `NotBefore ${which.notBefore}` : `NotAfter ${which.notAfter}`})` : ''} on the DirectAccess server and bind the new one (Set-RemoteAccess -SslCertificate <cert>, or Remote Access Management → Step 2 → Network Adapters).`.replace(
          '  ',
          ' ',
        );
      const commands = [...ipHttpsCommands(ctx), ...chainCommands(ctx), 'w32tm /query /status'];
      if (isLatent) {
        evidence.push(latentEvidence(ctx, 'connected now: the TLS session was set up while the certificate was valid; the next one fails'));
        return finding({
          id: 'iphttps-cert-expired',
          severity: 'warning',
          variant: 'latent',
          title: "The DirectAccess server's certificate has expired: the next reconnect will fail",
          plain: `${LATENT_PLAIN} Your organisation’s server proves who it is with a digital certificate, and that certificate ${notYet ? 'is not valid yet' : `ran out on ${which ? day(which.notAfter) : 'an earlier date'}`}. Nothing on this computer can fix it: your organisation’s IT department has to renew the certificate on the server.`,
          technical: `${codeText(ctx)}, DirectAccess ConnectedRemotely: the running IP-HTTPS session predates the expiry. ${which ? `${which.subject} (thumbprint ${which.thumbprint}) is valid ${day(which.notBefore)} – ${day(which.notAfter)}` : 'The certificate is outside its validity'}; server Date ${cert.serverDate}. The next TLS negotiation fails with 0x800b0101 until the certificate is renewed and rebound on the DirectAccess server.`,
          evidence,
          escalate: true,
          adminAction,
          commands,
        });
      }
      return finding({
        id: 'iphttps-cert-expired',
        severity: 'error',
        title: "The DirectAccess server's certificate has expired",
        plain: `Your organisation’s server proves who it is with a digital certificate, and that certificate ${notYet ? 'is not valid yet' : `ran out on ${which ? day(which.notAfter) : 'an earlier date'}`}. This computer's clock is correct, so nothing can be fixed here: your organisation’s IT department has to renew the certificate on the server.`,
        technical: `${codeText(ctx)}. ${which ? `${which.subject} (thumbprint ${which.thumbprint}) is valid ${day(which.notBefore)} – ${day(which.notAfter)}` : 'The certificate is outside its validity'}; server Date ${cert.serverDate}, client clock within ${formatDuration(skew)} of it. The IP-HTTPS certificate must be renewed and rebound on the DirectAccess server.`,
        evidence,
        escalate: true,
        adminAction,
        commands,
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'cert-expired',
        title: "The server's certificate date",
        plain: "Checking that the DirectAccess server's certificate has not expired.",
        then: 'escalate-cert-expired',
        when: { finding: 'iphttps-cert-expired', severity: 'error' },
      },
      {
        chain: 'client',
        late: true,
        id: 'cert-expired-latent',
        title: "The server's certificate at the next reconnect",
        plain: "Checking that the DirectAccess server's certificate is still valid for the next connection.",
        then: 'escalate-cert-expired-latent',
        when: { finding: 'iphttps-cert-expired', variant: 'latent' },
      },
    ],
    nodes: [
      escalate(
        'escalate-cert-expired-latent',
        'iphttps-cert-expired',
        "The server's certificate has expired: the next reconnect will fail",
        "DirectAccess works now, but the server's certificate has run out, so the connection will stop at the next reconnect or restart. Nothing on this computer can fix it: send the report to your organisation’s IT department now.",
      ),
      escalate(
        'escalate-cert-expired',
        'iphttps-cert-expired',
        "The server's certificate has expired",
        'Nothing on this computer can fix this: the DirectAccess server needs a new certificate. Send the report to your organisation’s IT department.',
      ),
    ],
  },
});

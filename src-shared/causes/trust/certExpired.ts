/** iphttps-cert-expired: the IP-HTTPS certificate is out of date while the client clock is right (knowledge A.2). */
import { defineCause } from '../cause';
import { formatDuration } from '../../format';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, chainCommand, day } from '../evidence';
import { stateless } from './chain';
import { MAX_SKEW_MS, clockSkewMs } from './clock';
import { escalate } from '../../tree/build';

export const certExpired = defineCause({
  id: "iphttps-cert-expired",
  codes: [
    { code: 0x800b0101, name: "CERT_E_EXPIRED", meaning: "the server certificate is outside its validity period (by this machine's clock)" },
  ],
  groups: ["iphttps"],
  rule: {
    roles: ['client'],
    run: (ctx) => {
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
    evidence.push(ev('serverCertificate', 'serverDate', cert.serverDate, undefined, `client clock within ${formatDuration(skew)} of the server: the certificate is out of date, not the clock`));
    return finding({
      id: 'iphttps-cert-expired',
      severity: 'error',
      title: "The DirectAccess server's certificate has expired",
      plain: `The office server proves who it is with a digital certificate, and that certificate ${notYet ? 'is not valid yet' : `ran out on ${which ? day(which.notAfter) : 'an earlier date'}`}. This computer's clock is correct, so nothing can be fixed here: your IT department has to renew the certificate on the server.`,
      technical: `${codeText(ctx)}. ${which ? `${which.subject} (thumbprint ${which.thumbprint}) is valid ${day(which.notBefore)} – ${day(which.notAfter)}` : 'The certificate is outside its validity'}; server Date ${cert.serverDate}, client clock within ${formatDuration(skew)} of it. The IP-HTTPS certificate must be renewed and rebound on the DirectAccess server.`,
      evidence,
      escalate: true,
      adminAction: `Renew the IP-HTTPS certificate ${which ? `${which.subject} (thumbprint ${which.thumbprint}, ${notYet ? `NotBefore ${which.notBefore}` : `NotAfter ${which.notAfter}`})` : ''} on the DirectAccess server and bind the new one (Set-RemoteAccess -SslCertificate <cert>, or Remote Access Management → Step 2 → Network Adapters).`.replace('  ', ' '),
      commands: [...ipHttpsCommands(ctx), chainCommand(ctx), 'w32tm /query /status'],
    });
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "cert-expired", title: "The server's certificate date", plain: "Checking that the DirectAccess server's certificate has not expired.", then: "escalate-cert-expired" },
    ],
    nodes: [
      escalate("escalate-cert-expired", "iphttps-cert-expired", "The server's certificate has expired", "Nothing on this computer can fix this: the DirectAccess server needs a new certificate. Send the report to your IT department."),
    ],
  },
});

/** iphttps-tls-handshake-failed: SEC_E_ILLEGAL_MESSAGE, usually a load balancer in front of the server (knowledge A.4). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, chainCommands } from '../evidence';
import { escalate } from '../../tree/build';

export const tlsHandshakeFailed = defineCause({
  id: 'iphttps-tls-handshake-failed',
  codes: [{ code: 0x80090326, name: 'SEC_E_ILLEGAL_MESSAGE', meaning: 'fatal error during the TLS handshake' }],
  groups: ['iphttps'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code !== 0x80090326) return null;
      const cert = ctx.peek('serverCertificate');
      const evidence = [...codeEvidence(ctx)];
      if (cert) {
        evidence.push(ev('serverCertificate', 'handshake', cert.handshake, 'succeeded', cert.handshakeError ?? undefined));
        evidence.push(
          ev(
            'serverCertificate',
            'clientCertificateRequested',
            cert.clientCertificateRequested,
            undefined,
            cert.clientCertificateRequested ? 'the server or a device in front of it asks for a client certificate' : undefined,
          ),
        );
      }
      return finding({
        id: 'iphttps-tls-handshake-failed',
        severity: 'error',
        title: 'The secure handshake with the DirectAccess server fails',
        plain:
          'When this computer starts the encrypted connection to your organisation’s server, the other side breaks it off. This is almost always caused by equipment or settings in front of the server (for example a load balancer), not by this computer. Your organisation’s IT department needs to look at it.',
        technical: `${codeText(ctx)}: fatal TLS alert. Typical causes: an ADC/load balancer terminating IP-HTTPS without null cipher suites (dies after ClientHello) or with misconfigured client-certificate authentication (dies after ServerHello); TLS protocol/cipher hardening the client cannot meet.`,
        evidence,
        escalate: true,
        adminAction: `Check the device that terminates TLS for ${ctx.serverHost ?? 'the IP-HTTPS name'}: enable TLS_RSA_WITH_NULL_SHA/NULL_SHA256 for Windows 8+ clients or pass IP-HTTPS through to the DirectAccess server, and if it authenticates clients, make it trust the CA that issues the machine certificates. A packet trace (netsh trace start scenario=DirectAccess capture=yes) shows where the handshake stops.`,
        commands: [...ipHttpsCommands(ctx), ...chainCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'tls',
        title: 'Secure connection',
        plain: 'Checking that the secure connection to the server can be set up.',
        then: 'escalate-tls',
      },
    ],
    nodes: [
      escalate(
        'escalate-tls',
        'iphttps-tls-handshake-failed',
        'The secure connection to the server fails',
        'The server or a device in front of it breaks the secure connection. Your organisation’s IT department must check the DirectAccess server and its load balancer.',
      ),
    ],
  },
});

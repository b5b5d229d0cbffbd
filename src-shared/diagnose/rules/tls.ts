/** iphttps-tls-handshake-failed: SEC_E_ILLEGAL_MESSAGE, usually a load balancer in front of the server (knowledge A.4). */
import { defineRule, type Rule } from '../context';
import { chainCommand, codeEvidence, codeText, ev, finding, ipHttpsCommands } from './common';

export const tlsRule: Rule = defineRule(['iphttps-tls-handshake-failed'], ['client'], (ctx) => {
  if (ctx.code !== 0x80090326) return null;
  const cert = ctx.peek('serverCertificate');
  const evidence = [...codeEvidence(ctx)];
  if (cert) {
    evidence.push(ev('serverCertificate', 'handshake', cert.handshake, 'succeeded', cert.handshakeError ?? undefined));
    evidence.push(ev('serverCertificate', 'clientCertificateRequested', cert.clientCertificateRequested, undefined, cert.clientCertificateRequested ? 'the server or a device in front of it asks for a client certificate' : undefined));
  }
  return finding({
    id: 'iphttps-tls-handshake-failed',
    severity: 'error',
    title: 'The secure handshake with the DirectAccess server fails',
    plain: 'When this computer starts the encrypted connection to the office server, the other side breaks it off. This is almost always caused by equipment or settings in front of the server (for example a load balancer), not by this computer. Your IT department needs to look at it.',
    technical: `${codeText(ctx)}: fatal TLS alert. Typical causes: an ADC/load balancer terminating IP-HTTPS without null cipher suites (dies after ClientHello) or with misconfigured client-certificate authentication (dies after ServerHello); TLS protocol/cipher hardening the client cannot meet.`,
    evidence,
    escalate: true,
    adminAction: `Check the device that terminates TLS for ${ctx.serverHost ?? 'the IP-HTTPS name'}: enable TLS_RSA_WITH_NULL_SHA/NULL_SHA256 for Windows 8+ clients or pass IP-HTTPS through to the DirectAccess server, and if it authenticates clients, make it trust the CA that issues the machine certificates. A packet trace (netsh trace start scenario=DirectAccess capture=yes) shows where the handshake stops.`,
    commands: [...ipHttpsCommands(ctx), chainCommand(ctx)],
  });
});

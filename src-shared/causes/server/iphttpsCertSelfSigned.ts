/**
 * server-iphttps-cert-self-signed (warning): the certificate bound to the DirectAccess IP-HTTPS listener is
 * self-signed (subject = issuer), as the Getting Started wizard makes it. It works, but (knowledge C.2, C.5; Hicks
 * "SSL Certificate Considerations for DirectAccess IP-HTTPS"): every client needs it in LocalMachine\Root, which only
 * Group Policy (or an offline domain join with /rootcacerts, C.4) puts there; null cipher suites are disabled, so
 * Windows 8 and later clients pay for double encryption; Microsoft provides no renewal procedure, and a renewed
 * self-signed certificate breaks clients with 0x800b0109 until their policy carries it (C.5, A.1). Hicks discourages
 * it: a certificate from a public CA, or a private CA the clients trust, is the fix. Escalate with that. Not an error:
 * a self-signed certificate the clients trust works.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import { deploymentNodes } from './server';
import { certCommands, certLabel, checkServerCert } from './serverCert';

export const serverIphttpsCertSelfSigned = defineCause({
  id: 'server-iphttps-cert-self-signed',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const server = ctx.need('server');
      if (!server) return null;
      const check = checkServerCert(ctx, server);
      if (!check?.selfSigned) return null;
      const { cert, name } = check;
      const { loadBalanced, multisite } = deploymentNodes(server);
      return finding({
        id: 'server-iphttps-cert-self-signed',
        severity: 'warning',
        title: 'The IP-HTTPS certificate of this server is self-signed',
        plain:
          'This DirectAccess server proves itself to connecting computers with a certificate it made for itself. That works only while every computer has been given this exact certificate in advance by your organisation’s policies, it makes connections of newer Windows versions slower, and when it runs out there is no supported way to renew it without cutting computers off until they receive the new one. Your organisation should replace it with a certificate from an authority the computers already trust.',
        technical: `IP-HTTPS certificate ${certLabel(server, cert)}: self-signed (Subject = Issuer = ${cert.issuer}). Clients trust it only with it in LocalMachine\\Root (Group Policy, or djoin /rootcacerts for offline domain join); null cipher suites are disabled with a self-signed IP-HTTPS certificate, so Windows 8 and later clients encrypt twice (Hicks, "SSL Certificate Considerations for DirectAccess IP-HTTPS"); Microsoft provides no renewal procedure, and a renewed self-signed certificate fails on clients with 0x800b0109 until their policy carries it (Hicks, Renew-DaSelfSignedCertificates.ps1).`,
        evidence: [ev('server', 'certificate.selfSigned', true, false, `Subject ${cert.subject}, Issuer ${cert.issuer}`)],
        escalate: true,
        adminAction: `Replace the IP-HTTPS certificate with one from a CA the clients trust (a public CA, or the organisation's own CA whose root the clients hold): Server Authentication EKU, ${
          name ?? 'the public DirectAccess name'
        } as a SAN DNS name, RSA 2048, SHA-256; install it in LocalMachine\\My and bind it with Set-RemoteAccess -SslCertificate${
          loadBalanced || multisite ? ' on every DirectAccess server of the deployment' : ''
        }. Until then keep the self-signed certificate in the clients' Trusted Root Certification Authorities by Group Policy.`,
        commands: certCommands(cert),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-cert-self-signed',
        title: 'IP-HTTPS certificate issuer',
        plain: 'Checking whether the server’s IP-HTTPS certificate comes from an authority the computers trust.',
        then: 'escalate-server-cert-self-signed',
        late: true,
      },
    ],
    nodes: [
      escalate(
        'escalate-server-cert-self-signed',
        'server-iphttps-cert-self-signed',
        'Working, but the certificate should be replaced',
        'The server works, but it uses a certificate it made for itself. Your organisation should replace it with one from an authority the computers trust.',
      ),
    ],
  },
});

/**
 * server-iphttps-cert-invalid (error): the certificate bound to the DirectAccess IP-HTTPS listener breaks IP-HTTPS for
 * every client now, whatever its date (knowledge C.2, Hicks "SSL Certificate Considerations for DirectAccess
 * IP-HTTPS"): no Server Authentication EKU (clients: 0x800b0110, C.2 table), no private key on the server (HTTP.SYS
 * cannot complete the TLS handshake [I]), or the public name clients connect to not among its names (0x800b010f /
 * 0x103, A.10, A.11). One finding names every defect; its variant is the first of `server-auth-eku`, `private-key`,
 * `name-mismatch`. Unknowns are never defects: an empty EKU list (any purpose), a private key not read, no public
 * name known (the name check is then not made, and the technical text says so). Evidence: the binding of DirectAccess'
 * application id and that certificate in LocalMachine\My (serverCert.ts). Escalate: a correct certificate, bound with
 * Set-RemoteAccess -SslCertificate (A.2, C.5). It does not explain server-iphttps-cert-expiring: both are real, and the
 * one replacement certificate resolves both.
 */
import { defineCause } from '../cause';
import { joinAnd } from '../../format';
import { finding } from '../evidence';
import { escalate } from '../../tree/build';
import { deploymentNodes } from './server';
import { certCommands, certLabel, checkServerCert } from './serverCert';

export const serverIphttpsCertInvalid = defineCause({
  id: 'server-iphttps-cert-invalid',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const server = ctx.need('server');
      if (!server) return null;
      const check = checkServerCert(ctx, server);
      const first = check?.defects[0];
      if (!check || !first) return null;
      const { cert, name, defects, unknown } = check;
      const { loadBalanced, multisite } = deploymentNodes(server);
      return finding({
        id: 'server-iphttps-cert-invalid',
        severity: 'error',
        variant: first.defect,
        title: 'The IP-HTTPS certificate of this server cannot be used',
        plain: `The certificate this DirectAccess server shows to connecting computers cannot work: ${joinAnd(
          defects.map((d) => d.plain),
          '; ',
        )}. No computer can connect over the internet until your organisation puts a correct certificate in its place.`,
        technical: `IP-HTTPS certificate ${certLabel(server, cert)}: ${defects.map((d) => d.technical).join('; ')}.${
          unknown.length > 0 ? ` Not known: ${unknown.join('; ')}.` : ''
        }`,
        evidence: defects.map((d) => d.evidence),
        escalate: true,
        // Every requirement, not only the broken ones: the new certificate must meet them all (knowledge C.2).
        adminAction: `Issue a certificate for IP-HTTPS that has the Server Authentication EKU (1.3.6.1.5.5.7.3.1) and ${
          name ?? 'the public DirectAccess name'
        } as a SAN DNS name (RSA 2048, SHA-256, from a CA the clients trust), install it with its private key in LocalMachine\\My on the server, then bind it with Set-RemoteAccess -SslCertificate${
          loadBalanced || multisite ? ' on every DirectAccess server of the deployment' : ''
        }.`,
        commands: certCommands(cert),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-cert-invalid',
        title: 'IP-HTTPS certificate',
        plain: 'Checking that the server’s IP-HTTPS certificate is made for a server, has its private key and carries the name computers connect to.',
        then: 'escalate-server-cert-invalid',
      },
    ],
    nodes: [
      escalate(
        'escalate-server-cert-invalid',
        'server-iphttps-cert-invalid',
        'The IP-HTTPS certificate cannot be used',
        'The server’s certificate must be replaced by a correct one and bound to IP-HTTPS.',
      ),
    ],
  },
});

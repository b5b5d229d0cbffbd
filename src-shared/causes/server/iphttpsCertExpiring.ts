/**
 * server-iphttps-cert-expiring: the certificate bound to the DirectAccess IP-HTTPS listener has expired (error: every
 * client fails with 0x800b0101, knowledge A.2) or expires within 30 days (warning), by the server's own clock. Evidence:
 * the SslBindingInfo binding of DirectAccess' IP-HTTPS application and that certificate in LocalMachine\My (knowledge
 * C.2, D.3). The other requirements of C.2 are causes of their own (server-iphttps-cert-invalid, -self-signed); the
 * technical text only mentions them, through serverCert.ts. Escalate: the certificate is renewed and bound with
 * Set-RemoteAccess -SslCertificate (knowledge A.2, C.5).
 */
import { defineCause } from '../cause';
import { day, ev, finding } from '../evidence';
import { daysLeft, EXPIRY_WARNING_DAYS } from '../trust/chain';
import { escalate } from '../../tree/build';
import { deploymentNodes, publicName } from './server';
import { certDefectSummary, certLabel, checkServerCert } from './serverCert';

export const serverIphttpsCertExpiring = defineCause({
  id: 'server-iphttps-cert-expiring',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const server = ctx.need('server');
      const cert = server?.certificate;
      if (!server || !cert) return null;
      const days = daysLeft(cert, ctx.now);
      if (days > EXPIRY_WARNING_DAYS) return null;
      const expired = days < 0;
      const name = publicName(ctx, server);
      const check = checkServerCert(ctx, server);
      const { loadBalanced, multisite } = deploymentNodes(server);
      const whole = Math.round(days);
      return finding({
        id: 'server-iphttps-cert-expiring',
        severity: expired ? 'error' : 'warning',
        title: expired ? 'The IP-HTTPS certificate of this server has expired' : 'The IP-HTTPS certificate of this server expires soon',
        plain: expired
          ? 'The certificate this DirectAccess server shows to connecting computers has expired, so no computer can connect over the internet until your organisation renews it.'
          : `The certificate this DirectAccess server shows to connecting computers runs out ${
              whole === 0 ? 'today' : whole === 1 ? 'tomorrow' : `in ${whole} days, on ${day(cert.notAfter)}`
            }. After that no computer can connect over the internet; your organisation should renew it before then.`,
        technical: `IP-HTTPS certificate ${certLabel(server, cert)}: NotAfter ${cert.notAfter}, ${
          expired ? `expired ${-whole} days ago` : `${whole} days left`
        } by the server clock (${ctx.now.toISOString()}). Clients fail with 0x800b0101 (CERT_E_EXPIRED) once it has expired.${
          check ? certDefectSummary(check) : ''
        }`,
        evidence: [
          ev('server', 'certificate.notAfter', cert.notAfter, `more than ${EXPIRY_WARNING_DAYS} days after ${day(ctx.now.toISOString())}`, cert.subject),
        ],
        escalate: true,
        adminAction: `Renew the IP-HTTPS certificate (Server Authentication EKU, subject or SAN ${name ?? 'the public DirectAccess name'}, RSA 2048 / SHA-256, from a CA clients trust), then bind the new certificate with Set-RemoteAccess -SslCertificate${
          loadBalanced || multisite ? ' on every DirectAccess server of the deployment' : ''
        }; a self-signed certificate must reach the clients' trusted roots by Group Policy first.`,
        commands: ['(Get-RemoteAccess).SslCertificate | Format-List Subject, Thumbprint, NotAfter', 'netsh http show sslcert ipport=0.0.0.0:443'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-cert-expired',
        title: 'IP-HTTPS certificate',
        plain: 'Checking the server’s IP-HTTPS certificate date.',
        then: 'escalate-server-cert',
        when: { finding: 'server-iphttps-cert-expiring', severity: 'error' },
      },
      {
        chain: 'server',
        id: 'server-cert-expiring',
        title: 'IP-HTTPS certificate renewal',
        plain: 'Checking whether the certificate expires soon.',
        then: 'working-advice-cert',
        late: true,
      },
    ],
    nodes: [
      escalate(
        'escalate-server-cert',
        'server-iphttps-cert-expiring',
        'The IP-HTTPS certificate has expired',
        'The server’s certificate must be renewed and bound to IP-HTTPS.',
      ),
      {
        kind: 'outcome',
        id: 'working-advice-cert',
        result: 'working',
        cause: 'server-iphttps-cert-expiring',
        title: 'Working, renew the certificate soon',
        plain: 'The server works, but its certificate expires within 30 days. Renew it before then.',
      },
    ],
  },
});

/**
 * server-iphttps-cert-expiring: the certificate bound to the DirectAccess IP-HTTPS listener has expired (error: every
 * client fails with 0x800b0101, knowledge A.2) or expires within 30 days (warning), by the server's own clock. Evidence:
 * the SslBindingInfo binding of DirectAccess' IP-HTTPS application and that certificate in LocalMachine\My (knowledge
 * C.2, D.3). The other requirements of C.2 (Server Authentication EKU, private key, the public name among its names,
 * self-signed or not) are reported with it as evidence; they are no contract cause of their own. Escalate: the
 * certificate is renewed and bound with Set-RemoteAccess -SslCertificate (knowledge A.2, C.5).
 */
import { defineCause } from '../cause';
import { certCoversHost, day, ev, finding } from '../evidence';
import { daysLeft, EXPIRY_WARNING_DAYS } from '../trust/chain';
import { escalate } from '../../tree/build';
import type { Evidence } from '../../finding';
import type { CertInfo } from '../../snapshot';
import { daBinding, deploymentNodes, publicName } from './server';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

/** What else is wrong with the certificate by knowledge C.2 (EKU, private key, names, self-signed). */
function otherDefects(cert: CertInfo, name: string | null): { text: string[]; evidence: Evidence[] } {
  const text: string[] = [];
  const evidence: Evidence[] = [];
  if (cert.ekus.length > 0 && !cert.ekus.includes(SERVER_AUTH)) {
    text.push('it lacks the Server Authentication EKU (1.3.6.1.5.5.7.3.1)');
    evidence.push(ev('server', 'certificate.ekus', cert.ekus, `contains ${SERVER_AUTH}`));
  }
  if (cert.hasPrivateKey === false) {
    text.push('its private key is not on this server');
    evidence.push(ev('server', 'certificate.hasPrivateKey', false, true));
  }
  if (name && !certCoversHost(cert, name)) {
    text.push(`its names (${[cert.subject, ...cert.dnsNames].join(', ')}) do not cover ${name}, the name clients connect to`);
    evidence.push(ev('server', 'certificate.dnsNames', cert.dnsNames, name));
  }
  if (cert.selfSigned) {
    text.push('it is self-signed (clients must hold it in their trusted roots; null cipher suites are off, knowledge C.5)');
    evidence.push(ev('server', 'certificate.selfSigned', true, false));
  }
  return { text, evidence };
}

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
      const other = otherDefects(cert, name);
      const binding = daBinding(server);
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
        technical: `IP-HTTPS certificate ${cert.subject} (${cert.thumbprint})${binding ? `, bound to ${binding.ipPort}` : ''}: NotAfter ${cert.notAfter}, ${
          expired ? `expired ${-whole} days ago` : `${whole} days left`
        } by the server clock (${ctx.now.toISOString()}). Clients fail with 0x800b0101 (CERT_E_EXPIRED) once it has expired.${
          other.text.length > 0 ? ` Also: ${other.text.join('; ')}.` : ''
        }`,
        evidence: [
          ev('server', 'certificate.notAfter', cert.notAfter, `more than ${EXPIRY_WARNING_DAYS} days after ${day(ctx.now.toISOString())}`, cert.subject),
          ...other.evidence,
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

/** server-iphttps-cert-expiring: the server's IP-HTTPS certificate expires soon or has expired. Collected by the server issue. */
import { defineCause } from '../cause';
import { escalate } from '../../tree/build';

export const serverIphttpsCertExpiring = defineCause({
  id: 'server-iphttps-cert-expiring',
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

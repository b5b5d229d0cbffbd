/** server-preauth-disabled: the IP-HTTPS binding does not negotiate client certificates (knowledge D). Collected by the server issue. */
import { defineCause } from '../cause';
import { escalate, fixThenVerify } from '../../tree/build';

export const serverPreauthDisabled = defineCause({
  id: 'server-preauth-disabled',
  fixes: ['enable-iphttps-preauth'],
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-preauth',
        title: 'Preauthentication',
        plain: 'Checking whether IP-HTTPS asks clients for a certificate before they connect.',
        then: 'server-preauth-question',
        shows: 'info',
      },
    ],
    nodes: [
      {
        kind: 'question',
        id: 'server-preauth-question',
        question: 'enablePreauth',
        title: 'Turn on IP-HTTPS preauthentication?',
        plain:
          'Clients can connect to IP-HTTPS without showing a computer certificate first. Turning preauthentication on blocks unknown devices, but not if one-time passwords are in use.',
        options: [
          {
            value: 'yes',
            label: 'Yes, turn it on',
            next: 'fix-enable-preauth',
          },
          {
            value: 'no',
            label: 'No, leave it as it is',
            next: 'other-errors',
          },
        ],
      },
      ...fixThenVerify({
        id: 'fix-enable-preauth',
        fixes: ['enable-iphttps-preauth'],
        cause: 'server-preauth-disabled',
        title: 'Turn on preauthentication',
        plain: 'The program saves the current binding and re-creates it with client-certificate negotiation.',
        passed: 'fixed',
        failed: 'escalate-server-preauth',
      }),
      escalate(
        'escalate-server-preauth',
        'server-preauth-disabled',
        'Preauthentication could not be turned on',
        'An administrator must re-create the IP-HTTPS binding with client-certificate negotiation.',
      ),
    ],
  },
});

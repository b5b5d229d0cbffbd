/** server-preauth-otp-conflict: preauthentication on while OTP is in use (knowledge D.5). Collected by the server issue; the guided steps are here. */
import { defineCause } from '../cause';
import { escalate, fixThenVerify } from '../../tree/build';

export const serverPreauthOtpConflict = defineCause({
  id: 'server-preauth-otp-conflict',
  fixes: ['disable-iphttps-preauth'],
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-otp-conflict',
        title: 'Preauthentication and one-time passwords',
        plain: 'Checking that certificate preauthentication is off while one-time passwords are in use.',
        then: 'fix-disable-preauth',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-disable-preauth',
        fixes: ['disable-iphttps-preauth'],
        cause: 'server-preauth-otp-conflict',
        title: 'Turn off preauthentication',
        plain: 'Preauthentication stops one-time-password users from connecting. The program saves the current setting and removes it.',
        passed: 'fixed',
        failed: 'escalate-server-otp',
      }),
      escalate(
        'escalate-server-otp',
        'server-preauth-otp-conflict',
        'Preauthentication blocks one-time passwords',
        'The binding could not be changed here; an administrator must re-create it without client-certificate negotiation.',
      ),
    ],
  },
});

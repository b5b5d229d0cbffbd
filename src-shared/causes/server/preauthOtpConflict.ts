/**
 * server-preauth-otp-conflict: IP-HTTPS preauthentication (client-certificate negotiation on the DirectAccess binding
 * of HTTP.SYS) is on while one-time passwords are in use. Hicks: preauthentication is incompatible with OTP strong
 * user authentication, "do not enable if OTP is used" (knowledge D.5). Evidence: the SslBindingInfo binding with the
 * DirectAccess application id has NEGOTIATE_CLIENT_CERT (D.3) and Get-DAOtpAuthentication says OtpStatus Enabled.
 * Fix: disable-iphttps-preauth (re-adds the binding without it; the saved one is the undo).
 */
import { defineCause } from '../cause';
import { finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import { BINDING_COMMANDS, otpInUse } from './server';
import { preauthBinding, preauthEvidence } from './preauth';

export const serverPreauthOtpConflict = defineCause({
  id: 'server-preauth-otp-conflict',
  fixes: ['disable-iphttps-preauth'],
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const found = preauthBinding(ctx, true);
      if (!found || otpInUse(found.server) !== true) return null;
      const { server, binding } = found;
      return finding({
        id: 'server-preauth-otp-conflict',
        severity: 'error',
        title: 'Preauthentication blocks one-time-password sign-in',
        plain:
          'This DirectAccess server asks every connecting computer for a certificate before the connection starts, while your organisation also uses one-time passwords. The two do not work together: people who sign in with a one-time password cannot connect. Turning the certificate check off again lets them connect.',
        technical: `HTTP.SYS binding ${binding.ipPort} (appid {${binding.appId}}) negotiates client certificates (DefaultFlags ${binding.defaultFlags ?? 'unknown'}: NEGOTIATE_CLIENT_CERT set) while Get-DAOtpAuthentication reports OtpStatus Enabled. IP-HTTPS preauthentication is incompatible with OTP strong user authentication (Hicks, "DirectAccess IP-HTTPS Preauthentication").`,
        evidence: preauthEvidence(server, binding, false, 'Disabled while preauthentication is on'),
        fixes: ['disable-iphttps-preauth'],
        adminAction:
          'Re-create the IP-HTTPS binding without client-certificate negotiation (netsh http delete sslcert ipport=0.0.0.0:443, then netsh http add sslcert ipport=0.0.0.0:443 with the same certhash, appid {5d8e2743-ef20-4d38-8751-7e400f200e65}, dsmapperusage=enable and no clientcertnegotiation), on every DirectAccess server of the deployment; or stop using one-time passwords.',
        commands: [...BINDING_COMMANDS],
      });
    },
  },
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

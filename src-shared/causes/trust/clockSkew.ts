/** clock-skew: the client clock is more than 5 minutes away from the server's Date header (knowledge A.2). */
import { defineCause } from '../cause';
import { formatDuration } from '../../format';
import { ev, finding, codeEvidence, codeText } from '../evidence';
import { MAX_SKEW_MS, certTimeFailure, clockSkewMs } from './clock';
import { escalate, fixThenVerify } from '../../tree/build';
import { revocationOffline } from './revocationOffline';
import { preauthCertInvalid } from '../iphttps/preauthCertInvalid';
import { unknownError } from '../iphttps/unknownError';

export const clockSkew = defineCause({
  id: 'clock-skew',
  explains: [revocationOffline, preauthCertInvalid, unknownError],
  fixes: ['resync-time'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const skew = clockSkewMs(ctx, certTimeFailure(ctx));
      if (skew === null || Math.abs(skew) <= MAX_SKEW_MS) return null;
      const clock = ctx.peek('clock')!;
      const cert = ctx.peek('serverCertificate')!;
      const dir = skew > 0 ? 'ahead of' : 'behind';
      // A domain member syncs from the domain hierarchy (NT5DS); off the corporate network it may reach no time source,
      // so w32tm /resync can fail there (knowledge A.2): say so rather than promise the fix.
      const offsite = (ctx.peek('os')?.partOfDomain ?? false) && !ctx.inside;
      const evidence = [
        ev('clock', 'utcNow', clock.utcNow, cert.serverDate, `client clock ${formatDuration(skew)} ${dir} the server`),
        ev('serverCertificate', 'serverDate', cert.serverDate, undefined, `HTTP Date header from ${cert.host}`),
        ...codeEvidence(ctx).map((e) => ({ ...e, note: `symptom: ${e.note ?? ''}` })),
      ];
      if (cert.chainStatus.includes('NotTimeValid')) {
        evidence.push(ev('serverCertificate', 'chainStatus', cert.chainStatus, [], 'symptom: a valid certificate looks out of date by the wrong clock'));
      }
      return finding({
        id: 'clock-skew',
        severity: 'error',
        title: "This computer's clock is wrong",
        plain: `The clock on this computer is ${formatDuration(skew)} ${dir} the real time. Secure connections check dates, so with a wrong clock the certificate (digital ID card) of your organisation’s server looks out of date and the connection is refused. Setting the clock right fixes it.${offsite ? ' Away from your organisation’s network this computer may have no time source it can reach: if setting the clock automatically fails, set the date and time by hand.' : ''}`,
        technical: `Client UTC ${clock.utcNow} vs server Date ${cert.serverDate} (skew ${Math.round(skew / 1000)} s, tolerance ${MAX_SKEW_MS / 1000} s). ${codeText(ctx)}. Certificate validity and Kerberos are evaluated against the local clock, so CERT_E_EXPIRED / NotTimeValid here is a client-side symptom, not an expired server certificate.`,
        evidence,
        fixes: ['resync-time'],
        commands: ['w32tm /query /status', 'w32tm /stripchart /computer:time.windows.com /samples:3 /dataonly', 'Get-Date -Format o'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'clock',
        title: 'The computer clock',
        plain: "Checking that this computer's clock agrees with the server's clock (a wrong clock makes certificates look expired).",
        then: 'fix-clock',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-clock',
        fixes: ['resync-time'],
        cause: 'clock-skew',
        title: 'Set the clock right',
        plain:
          "This computer's clock is far from the right time, so the server's certificate looks out of date. The program asks the Windows time service to set it. Away from your organisation’s network a computer may have no time source to reach; then set the date and time by hand and run the checks again.",
        passed: 'fixed',
        failed: 'escalate-clock',
      }),
      escalate(
        'escalate-clock',
        'clock-skew',
        "The computer's clock cannot be set",
        'The clock is wrong and could not be corrected here. Your organisation’s IT department needs to check the time service of this computer.',
      ),
    ],
  },
});

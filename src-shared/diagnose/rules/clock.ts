/** clock-skew: the client clock is more than 5 minutes away from the server's Date header (knowledge A.2). */
import type { RuleContext } from '../context';
import { defineRule, type Rule } from '../context';
import { codeEvidence, codeText, ev, finding } from './common';

/** Largest clock difference that still counts as "in step" (Kerberos' default tolerance). */
export const MAX_SKEW_MS = 5 * 60 * 1000;

/** True when the evidence at hand is a certificate-time failure, which makes the clock decisive. */
export function certTimeFailure(ctx: RuleContext): boolean {
  return ctx.code === 0x800b0101 || (ctx.peek('serverCertificate')?.chainStatus.includes('NotTimeValid') ?? false);
}

/** Client clock minus server Date in ms, or null when either is unknown. `need` marks the probes essential. */
export function clockSkewMs(ctx: RuleContext, need: boolean): number | null {
  const clock = need ? ctx.need('clock') : ctx.peek('clock');
  const cert = need ? ctx.need('serverCertificate') : ctx.peek('serverCertificate');
  if (!clock || !cert?.serverDate) return null;
  const a = Date.parse(clock.utcNow);
  const b = Date.parse(cert.serverDate);
  return Number.isNaN(a) || Number.isNaN(b) ? null : a - b;
}

/** "3 years 2 days" style duration for people. */
export function humanDuration(ms: number): string {
  const min = Math.round(Math.abs(ms) / 60000);
  if (min < 120) return `${min} minutes`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} hours`;
  const d = Math.round(h / 24);
  if (d < 730) return `${d} days`;
  return `${Math.round(d / 365)} years`;
}

export const clockSkewRule: Rule = defineRule(['clock-skew'], ['client'], (ctx) => {
  const skew = clockSkewMs(ctx, certTimeFailure(ctx));
  if (skew === null || Math.abs(skew) <= MAX_SKEW_MS) return null;
  const clock = ctx.peek('clock')!;
  const cert = ctx.peek('serverCertificate')!;
  const dir = skew > 0 ? 'ahead of' : 'behind';
  const evidence = [
    ev('clock', 'utcNow', clock.utcNow, cert.serverDate, `client clock ${humanDuration(skew)} ${dir} the server`),
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
    plain: `The clock on this computer is ${humanDuration(skew)} ${dir} the real time. Secure connections check dates, so with a wrong clock the office server's certificate (its digital ID card) looks out of date and the connection is refused. Setting the clock right fixes it.`,
    technical: `Client UTC ${clock.utcNow} vs server Date ${cert.serverDate} (skew ${Math.round(skew / 1000)} s, tolerance ${MAX_SKEW_MS / 1000} s). ${codeText(ctx)}. Certificate validity and Kerberos are evaluated against the local clock, so CERT_E_EXPIRED / NotTimeValid here is a client-side symptom, not an expired server certificate.`,
    evidence,
    fixes: ['resync-time'],
    commands: ['w32tm /query /status', 'w32tm /stripchart /computer:time.windows.com /samples:3 /dataonly', 'Get-Date -Format o'],
  });
});

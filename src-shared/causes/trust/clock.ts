/** The client clock against the server's Date header: the clock decides between an expired certificate and clock-skew. */
import type { RuleContext } from '../../diagnose/context';

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

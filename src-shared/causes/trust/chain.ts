/** Facts about the server's certificate chain that several trust causes (and the main process's trust rules) read. */
import type { RuleContext } from '../../diagnose/context';
import type { CertInfo } from '../../snapshot';
import type { Evidence } from '../../finding';
import { ev } from '../evidence';

/** The chain's root when the chain reached a self-signed certificate. */
export function chainRoot(chain: CertInfo[]): CertInfo | undefined {
  const last = chain[chain.length - 1];
  return last?.selfSigned ? last : undefined;
}

/** True when no IP-HTTPS state exists (Win8+: not active) and the machine is not inside: chain evidence may speak. */
export function stateless(ctx: RuleContext): boolean {
  return ctx.code === null && !ctx.inside && ctx.peek('ipHttps') !== undefined;
}

/**
 * "Working now, failing later" (contract §1, knowledge O): IP-HTTPS reports code 0 and the DirectAccess connection is
 * `ConnectedRemotely`. Trust and validity are checked when the TLS session or IPsec main mode is negotiated, so a
 * problem seen now breaks the connection only at the next reconnect: such findings are warnings, variant `latent`.
 */
export function latent(ctx: RuleContext): boolean {
  return ctx.code === 0 && /connectedremotely/i.test(ctx.peek('daStatus')?.connection?.status ?? '');
}

/** The evidence every latent finding carries: the connection is up now (`why` says why the next one fails). */
export function latentEvidence(ctx: RuleContext, why = 'connected now'): Evidence {
  return ev('daStatus', 'connection.status', ctx.peek('daStatus')?.connection?.status ?? null, undefined, why);
}

/** The words every latent finding says (contract: the plain text says when the connection will stop). */
export const LATENT_PLAIN =
  'DirectAccess works right now, but the connection will stop at the next reconnect or restart (after sleep, a change of network or a restart of Windows).';

/** The parts of a certificate the interception test reads (the snapshot's chain, or the main process's copy of it). */
export interface ChainCert {
  subject: string;
  thumbprint: string;
  issuer: string;
  selfSigned?: boolean;
}

/** Why a chain looks intercepted: its root, and the roots the organisation pins instead. */
export interface Interception {
  root: ChainCert;
  pinned: { subject: string; thumbprint: string }[];
}

const thumb = (t: string) => t.replace(/\s+/g, '').toUpperCase();

/**
 * The chain looks intercepted (knowledge L, C.6; contract `iphttps-tls-intercepted`): it ends in a self-signed root
 * that is neither in `LocalMachine\Root` nor pinned, while the organisation pins a different root. Without pins
 * nothing says which root is the right one, so nothing is concluded. `rootStore` undefined (the store probe failed)
 * counts as "not known to be trusted": the test is used to refuse imports, where doubt must refuse. A self-signed
 * leaf whose subject an older certificate in `Root` already has is the renewed DirectAccess certificate (knowledge
 * C.5), not an interceptor's.
 */
export function chainInterception(
  chain: readonly ChainCert[],
  rootStore: readonly { subject: string; thumbprint: string }[] | undefined,
  pinnedRoots: readonly { subject: string; thumbprint: string }[],
): Interception | null {
  if (pinnedRoots.length === 0) return null;
  const last = chain[chain.length - 1];
  if (!last) return null;
  const selfSigned = last.selfSigned ?? last.subject === last.issuer;
  if (!selfSigned) return null;
  const t = thumb(last.thumbprint);
  if (pinnedRoots.some((p) => thumb(p.thumbprint) === t)) return null;
  if (rootStore?.some((r) => thumb(r.thumbprint) === t)) return null;
  if (chain.length === 1 && rootStore?.some((r) => r.subject.toLowerCase() === last.subject.toLowerCase())) return null;
  return { root: last, pinned: pinnedRoots.map((p) => ({ subject: p.subject, thumbprint: p.thumbprint })) };
}

/** The interception test on a rule's evidence. */
export function interceptionOf(ctx: RuleContext): Interception | null {
  const cert = ctx.peek('serverCertificate');
  if (!cert || cert.chain.length === 0) return null;
  return chainInterception(cert.chain, ctx.peek('trustStores')?.root, ctx.org?.pinnedRoots ?? []);
}

/** A chain element's days left from `now` (negative once expired). */
export function daysLeft(c: { notAfter: string }, now: Date): number {
  return (Date.parse(c.notAfter) - now.getTime()) / 86_400_000;
}

/** How far ahead an expiry is a warning (contract: within 30 days). */
export const EXPIRY_WARNING_DAYS = 30;

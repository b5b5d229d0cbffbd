/** Facts about the server's certificate chain that several trust causes read. */
import type { RuleContext } from '../../diagnose/context';
import type { CertInfo } from '../../snapshot';

/** The chain's root when the chain reached a self-signed certificate. */
export function chainRoot(chain: CertInfo[]): CertInfo | undefined {
  const last = chain[chain.length - 1];
  return last?.selfSigned ? last : undefined;
}

/** True when no IP-HTTPS state exists (Win8+: not active) and the machine is not inside: chain evidence may speak. */
export function stateless(ctx: RuleContext): boolean {
  return ctx.code === null && !ctx.inside && ctx.peek('ipHttps') !== undefined;
}

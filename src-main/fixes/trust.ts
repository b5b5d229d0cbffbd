/**
 * The trust rules of DESIGN §4 for import-root-ca and import-intermediate-ca: a certificate is imported only when the
 * organisation pinned its thumbprint, or when the person picked a file that is the root (or, for an intermediate, an
 * element) of the chain the IP-HTTPS server presented. A root is never trusted because the server sent it. When the
 * chain looks intercepted (it ends in a root neither trusted nor pinned while the organisation pins another; knowledge
 * L, C.6) a picked file and the default are refused: only a pin asked for by its thumbprint may still be imported.
 */
import { readFileSync, statSync } from 'node:fs';
import type { OrgConfig } from '../../src-shared/orgConfig';
import { reason, type Reason } from '../../src-shared/reasons';
import type { Snapshot } from '../../src-shared/snapshot';
import { chainInterception, type ChainCert, type Interception } from '../../src-shared/causes/trust/chain';
import { MAX_CERTIFICATE_BYTES, NotACertificate, parseCertificate, parseCertificateText, type ParsedCertificate } from './certificate';

/** The parameters of the certificate fixes after the catalogue's zod schema. */
export interface CertificateParams {
  thumbprint?: string;
  file?: string;
  certificate?: string;
}

/** An approved certificate (what may be imported), or the reason code it is refused with. */
export type TrustDecision =
  | { ok: true; cert: ParsedCertificate; matchesChainRoot: boolean | null }
  | { ok: false; reason: Reason; cert: ParsedCertificate | null; matchesChainRoot: boolean | null };

/** The chain the server presented in the latest snapshot (leaf first, root last), or null when none is known. */
export function presentedChain(snapshot: Snapshot | null): ChainCert[] | null {
  const sec = snapshot?.sections.serverCertificate;
  if (!sec || sec.status !== 'ok' || !sec.data || sec.data.chain.length === 0) return null;
  return sec.data.chain;
}

/** Why the presented chain looks intercepted, or null (also null without an organisation configuration: no pins). */
export function chainIntercepted(snapshot: Snapshot | null, org: OrgConfig | null): Interception | null {
  const chain = presentedChain(snapshot);
  if (!chain || !org) return null;
  const stores = snapshot?.sections.trustStores;
  const root = stores?.status === 'ok' && stores.data ? stores.data.root : undefined;
  return chainInterception(chain, root, org.pinnedRoots);
}

/** Reads a picked file: a regular file of at most 64 KB, then parsed. */
export function readCertificateFile(path: string): ParsedCertificate {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new NotACertificate(`${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof NotACertificate) throw e;
    throw new NotACertificate(`cannot read the certificate file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_CERTIFICATE_BYTES) throw new NotACertificate(`the file is ${size} bytes; a certificate file is at most 64 KB`);
  return parseCertificate(readFileSync(path));
}

/** Decides whether the certificate fix may import what was asked for. */
export function decideTrust(kind: 'root' | 'intermediate', params: CertificateParams, snapshot: Snapshot | null, org: OrgConfig | null): TrustDecision {
  const chain = presentedChain(snapshot);
  const rootThumb = chain?.at(-1)?.thumbprint.toUpperCase() ?? null;
  const pins = (kind === 'root' ? org?.pinnedRoots : org?.pinnedIntermediates) ?? [];
  const intercepted = chainIntercepted(snapshot, org);
  const interceptedReason = (i: Interception) =>
    reason('refused.intercepted', {
      kind,
      chainRootSubject: i.root.subject,
      chainRootThumbprint: i.root.thumbprint.toUpperCase(),
      organisation: org?.organisation ?? '',
    });

  // A picked file (path or content): it must be what the server's chain shows.
  if (params.file !== undefined || params.certificate !== undefined) {
    let cert: ParsedCertificate;
    try {
      cert = params.file !== undefined ? readCertificateFile(params.file) : parseCertificateText(params.certificate ?? '');
    } catch (e) {
      const why = e instanceof NotACertificate ? e.message : String(e);
      return { ok: false, reason: reason('refused.notACertificate', { why }), cert: null, matchesChainRoot: null };
    }
    if (!chain) {
      return { ok: false, reason: reason('refused.noChainForFile', {}), cert, matchesChainRoot: null };
    }
    const matchesRoot = cert.thumbprint === rootThumb;
    // Matching an intercepted chain proves only that the file is the interceptor's (DESIGN §4).
    if (intercepted) return { ok: false, reason: interceptedReason(intercepted), cert, matchesChainRoot: matchesRoot };
    const matches = kind === 'root' ? matchesRoot : chain.some((c) => c.thumbprint.toUpperCase() === cert.thumbprint);
    if (!matches) {
      const values = {
        kind,
        subject: cert.subject,
        thumbprint: cert.thumbprint,
        chainRootSubject: chain.at(-1)?.subject ?? '',
        chainRootThumbprint: rootThumb ?? '',
      };
      return { ok: false, reason: reason('refused.matchesNoChain', values), cert, matchesChainRoot: matchesRoot };
    }
    return { ok: true, cert, matchesChainRoot: matchesRoot };
  }

  // A pinned thumbprint: asked for by name, or by default the pin that the server's chain ends in.
  let wanted = params.thumbprint?.toUpperCase() ?? null;
  if (!wanted) {
    if (intercepted) return { ok: false, reason: interceptedReason(intercepted), cert: null, matchesChainRoot: null };
    if (!org) return { ok: false, reason: reason('refused.notPinned.noOrg', { kind }), cert: null, matchesChainRoot: null };
    if (!chain) return { ok: false, reason: reason('refused.noChain', {}), cert: null, matchesChainRoot: null };
    const inChain = new Set(chain.map((c) => c.thumbprint.toUpperCase()));
    const lastIssuer = chain.at(-1)?.issuer;
    const pin = kind === 'root' ? pins.find((p) => p.thumbprint === rootThumb) : pins.find((p) => inChain.has(p.thumbprint) || p.subject === lastIssuer);
    if (!pin) {
      const values = { kind, chainRootSubject: chain.at(-1)?.subject ?? '', chainRootThumbprint: rootThumb ?? '', organisation: org.organisation };
      return { ok: false, reason: reason('refused.notPinned.chain', values), cert: null, matchesChainRoot: null };
    }
    wanted = pin.thumbprint;
  }
  const pin = pins.find((p) => p.thumbprint === wanted);
  if (!pin) return { ok: false, reason: reason('refused.notPinned.thumbprint', { thumbprint: wanted, kind }), cert: null, matchesChainRoot: null };
  if (!pin.certificate)
    return { ok: false, reason: reason('refused.pinHasNoCertificate', { thumbprint: wanted, subject: pin.subject }), cert: null, matchesChainRoot: null };
  let cert: ParsedCertificate;
  try {
    cert = parseCertificateText(pin.certificate);
  } catch (e) {
    return {
      ok: false,
      reason: reason('refused.pinNotACertificate', { thumbprint: wanted, message: (e as Error).message }),
      cert: null,
      matchesChainRoot: null,
    };
  }
  if (cert.thumbprint !== wanted) {
    return { ok: false, reason: reason('refused.pinThumbprintMismatch', { thumbprint: wanted, actual: cert.thumbprint }), cert, matchesChainRoot: null };
  }
  return { ok: true, cert, matchesChainRoot: rootThumb === null ? null : cert.thumbprint === rootThumb };
}

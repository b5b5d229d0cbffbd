/**
 * Every root cause, in order (DESIGN §5). The order is the guided path's: a deeper cause is checked before the
 * symptoms it explains (the IP Helper before IP-HTTPS, the clock before certificate validity), and findings of one
 * severity are reported in this order. Everything that is a list elsewhere is derived here: the rules, the
 * precedence table, the IP-HTTPS code table and the tree's chains of checks. A new cause is one module and one line.
 */
import type { FixId, RootCauseId } from '../ids';
import { GENERAL_CODES, toHex } from '../diagnose/errorCodes';
import type { Cause, CauseGroup, CauseRule, Chain, ErrorCodeInfo } from './cause';
import { editionUnsupported } from './machine/edition';
import { daNotConfigured } from './machine/daNotConfigured';
import { nrptStaleOnLan } from './coexistence/nrptStaleOnLan';
import { daMigrated } from './coexistence/daMigrated';
import { ipHelperStopped } from './machine/ipHelperStopped';
import { ipv6TransitionDisabled } from './machine/ipv6TransitionDisabled';
import { ipsecServicesStopped } from './machine/ipsecServicesStopped';
import { firewallDisabled } from './machine/firewallDisabled';
import { nlsUnreachableInside } from './location/nlsUnreachableInside';
import { nlsReachableOutside } from './location/nlsReachableOutside';
import { preauthCertMissing } from './iphttps/preauthCertMissing';
import { insideCorpnet } from './machine/insideCorpnet';
import { clockSkew } from './trust/clockSkew';
import { tlsIntercepted } from './trust/tlsIntercepted';
import { untrustedRoot } from './trust/untrustedRoot';
import { partialChain } from './trust/partialChain';
import { certExpired } from './trust/certExpired';
import { certExpiring } from './trust/certExpiring';
import { machineCertExpiring } from './iphttps/machineCertExpiring';
import { revocationOffline } from './trust/revocationOffline';
import { nameMismatch } from './iphttps/nameMismatch';
import { invalidUrl } from './iphttps/invalidUrl';
import { proxy } from './iphttps/proxy';
import { nrptCapturesPublicName } from './iphttps/nrptCapturesPublicName';
import { serverUnreachable } from './iphttps/serverUnreachable';
import { tlsHandshakeFailed } from './iphttps/tlsHandshakeFailed';
import { preauthCertInvalid } from './iphttps/preauthCertInvalid';
import { interfaceError } from './iphttps/interfaceError';
import { unknownError } from './iphttps/unknownError';
import { ipsecTunnelFailed } from './machine/ipsecTunnelFailed';
import { ncaServiceStopped } from './machine/ncaServiceStopped';
import { sixToFourInUse } from './machine/sixToFourInUse';
import { isatapNotConfigured } from './isatap/notConfigured';
import { isatapDefaultState } from './isatap/defaultState';
import { isatapRouterUnresolved } from './isatap/routerUnresolved';
import { isatapNoGlobalAddress } from './isatap/noGlobalAddress';
import { isatapGlobalDeployment } from './isatap/globalDeployment';
import { isatapUnsupportedTopology } from './isatap/unsupportedTopology';
import { serverPreauthOtpConflict } from './server/preauthOtpConflict';
import { serverIsatapRouterNotAdvertising } from './server/isatapRouterNotAdvertising';
import { serverIphttpsCertInvalid } from './server/iphttpsCertInvalid';
import { serverIphttpsCertExpiring } from './server/iphttpsCertExpiring';
import { serverIphttpsCertSelfSigned } from './server/iphttpsCertSelfSigned';
import { serverPreauthDisabled } from './server/preauthDisabled';
import { serverNlsNotExempt } from './server/nlsNotExempt';
import { serverIsatapGlobalDns } from './server/isatapGlobalDns';
import { serverNlsOnDaServer } from './server/nlsOnDaServer';

/** The causes in guided order. */
export const CAUSES: readonly Cause[] = [
  editionUnsupported,
  nrptStaleOnLan,
  daMigrated,
  daNotConfigured,
  ipHelperStopped,
  ipv6TransitionDisabled,
  ipsecServicesStopped,
  firewallDisabled,
  nlsUnreachableInside,
  nlsReachableOutside,
  preauthCertMissing,
  insideCorpnet,
  clockSkew,
  tlsIntercepted,
  untrustedRoot,
  partialChain,
  certExpired,
  revocationOffline,
  nameMismatch,
  invalidUrl,
  proxy,
  nrptCapturesPublicName,
  serverUnreachable,
  tlsHandshakeFailed,
  preauthCertInvalid,
  interfaceError,
  unknownError,
  ipsecTunnelFailed,
  ncaServiceStopped,
  sixToFourInUse,
  certExpiring,
  machineCertExpiring,
  isatapNotConfigured,
  isatapDefaultState,
  isatapRouterUnresolved,
  isatapNoGlobalAddress,
  isatapGlobalDeployment,
  isatapUnsupportedTopology,
  serverPreauthOtpConflict,
  serverIsatapRouterNotAdvertising,
  serverIphttpsCertInvalid,
  serverNlsNotExempt,
  serverIphttpsCertExpiring,
  serverIphttpsCertSelfSigned,
  serverPreauthDisabled,
  serverIsatapGlobalDns,
  serverNlsOnDaServer,
];

/** One rule with the cause it belongs to, in the order findings are reported. */
export interface RegisteredRule extends CauseRule {
  id: RootCauseId;
}

/** The rules of every cause that has one. */
export const RULES: readonly RegisteredRule[] = CAUSES.flatMap((c) => (c.rule ? [{ id: c.id, ...c.rule }] : []));

/** The causes of a family. */
function members(group: CauseGroup): RootCauseId[] {
  return CAUSES.filter((c) => c.groups?.includes(group)).map((c) => c.id);
}

/** deeper cause → the findings it explains; `*`: every other error finding. */
export const EXPLAINS: Partial<Record<RootCauseId, readonly RootCauseId[] | '*'>> = Object.fromEntries(
  CAUSES.flatMap((c): [RootCauseId, readonly RootCauseId[] | '*'][] => {
    if (!c.explains) return [];
    if (c.explains === '*') return [[c.id, '*']];
    return [[c.id, c.explains.flatMap((e) => ('group' in e ? members(e.group) : [e.id]))]];
  }),
);

/** The IP-HTTPS code table (knowledge A.0): the general codes and every code a cause owns. */
export const ERROR_CODES: readonly ErrorCodeInfo[] = [...GENERAL_CODES, ...CAUSES.flatMap((c) => (c.codes ?? []).map((e) => ({ ...e, rootCause: c.id })))];

const BY_CODE = new Map(ERROR_CODES.map((e) => [e.code, e]));

/** The table entry for a code, or undefined for a code we do not know. */
export function describeErrorCode(code: number): ErrorCodeInfo | undefined {
  return BY_CODE.get(code >>> 0);
}

/** The causes a fix resolves (the catalogue's `resolves`). */
export function causesResolvedBy(fix: FixId): RootCauseId[] {
  return CAUSES.filter((c) => c.fixes?.includes(fix)).map((c) => c.id);
}

/** The causes with a step in a chain, with those steps, in order: registry order, the `late` steps after the rest. */
export function chainSteps(chain: Chain): { cause: Cause; step: Cause['guide']['steps'][number] }[] {
  const all = CAUSES.flatMap((cause) => cause.guide.steps.filter((s) => s.chain === chain).map((step) => ({ cause, step })));
  return [...all.filter((s) => !s.step.late), ...all.filter((s) => s.step.late)];
}

/** `0x800b0109 (CERT_E_UNTRUSTEDROOT)`: a code with its symbolic name when the table knows it. */
export function codeLabel(code: number): string {
  const info = describeErrorCode(code);
  return info ? `${toHex(code)} (${info.name})` : toHex(code);
}

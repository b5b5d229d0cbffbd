/**
 * Reading the location section (knowledge H.2, H.3): whether a domain controller answered (the Domain profile), and
 * how far the tool's own probe of the network location server (NLS) got. Windows' own verdict (ConnectedLocally) is
 * `ctx.inside`; H.3 says it proves only that the NLS answered, so "inside the corporate network" needs this too.
 */
import type { SectionData } from './context';

type Location = SectionData<'location'>;
type NlsProbe = NonNullable<Location['nls']>;

/** Bit 0x1 of `HNetCfg.FwPolicy2.CurrentProfileTypes` (NET_FW_PROFILE2_DOMAIN, icftypes.h). */
export const FW_PROFILE_DOMAIN = 0x1;

/**
 * The domain verdict: true when a network of the machine is DomainAuthenticated or the firewall applies the Domain
 * profile (a domain controller answered, H.1); false when that evidence was read and neither says so; null when
 * nothing of it was collected (Windows 7 without the firewall reading, an older snapshot).
 */
export function corpnetVerdict(loc: Location | undefined): boolean | null {
  if (!loc) return null;
  const profiles = loc.connectionProfiles ?? [];
  const types = loc.firewallCurrentProfileTypes;
  if (profiles.some((p) => /^domainauthenticated$/i.test(p.networkCategory ?? ''))) return true;
  if (types !== null && (types & FW_PROFILE_DOMAIN) !== 0) return true;
  // 0 profile types is not a reading Windows gives for a connected machine: no evidence, not "outside".
  if (profiles.length > 0 || (types !== null && types !== 0)) return false;
  return null;
}

/** The step of the NLS probe that failed (H.2's order), or null when it answered as Windows requires. */
export type NlsFailure = 'unresolved' | 'tcp' | 'tls' | 'certificate' | 'revocation' | 'name';

/**
 * How the tool's NLS probe ended. Windows requires an HTTPS exchange with a trusted, valid, revocation-checked
 * certificate for the NLS name (H.1); whether it also requires a particular HTTP status is not documented (H.2), so
 * the status is shown, not judged.
 */
export function nlsFailure(nls: NlsProbe): NlsFailure | null {
  if (nls.tcp === 'unresolved' || (nls.addresses.length === 0 && nls.tcp !== 'succeeded')) return 'unresolved';
  if (nls.tcp !== 'succeeded') return 'tcp';
  if (nls.handshake !== 'succeeded') return 'tls';
  if (nls.chainStatus.length > 0) return 'certificate';
  if (nls.chainStatusOnline.length > 0) return 'revocation';
  if (nls.nameMatches === false) return 'name';
  return null;
}

/** True when the tool's probe reached the NLS as Windows would accept it, false when a step failed, null when not run. */
export function nlsAnswered(loc: Location | undefined): boolean | null {
  if (!loc?.nls) return null;
  return nlsFailure(loc.nls) === null;
}

/** One line for helpdesks: what the tool's NLS probe saw, step by step. */
export function nlsProbeText(nls: NlsProbe): string {
  const parts = [`${nls.host} resolved to ${nls.addresses.length > 0 ? nls.addresses.join(', ') : 'nothing'}`, `TCP ${nls.port} ${nls.tcp}`];
  if (nls.tcp === 'succeeded') parts.push(`TLS ${nls.handshake}${nls.handshakeError ? ` (${nls.handshakeError})` : ''}`);
  if (nls.handshake === 'succeeded') {
    parts.push(`chain ${nls.chainStatus.length > 0 ? nls.chainStatus.join(', ') : 'valid'}`);
    parts.push(`revocation ${nls.chainStatusOnline.length > 0 ? nls.chainStatusOnline.join(', ') : 'checked, good'}`);
    if (nls.nameMatches !== null) parts.push(nls.nameMatches ? 'name matches' : 'name does not match');
    parts.push(`HTTP status ${nls.httpStatus ?? 'none'}`);
  }
  return parts.join('; ');
}

/** Which networks say what, for the technical text: `Ethernet (corp.contoso.com): DomainAuthenticated`. */
export function profilesText(loc: Location): string {
  const profiles = loc.connectionProfiles;
  const list =
    profiles === null
      ? 'Get-NetConnectionProfile not available'
      : profiles.length === 0
        ? 'no connection profile'
        : profiles.map((p) => `${p.interfaceAlias ?? '?'} (${p.name ?? 'unnamed'}): ${p.networkCategory ?? 'unknown'}`).join(', ');
  const types = loc.firewallCurrentProfileTypes;
  return `${list}; firewall CurrentProfileTypes ${types === null ? 'not read' : `0x${types.toString(16)}`}`;
}

/** The machine's role, derived before any rule runs because it decides which rules apply (DESIGN §1). */
import type { Role } from '../finding';
import { DA_IPHTTPS_APP_ID, type Snapshot } from '../snapshot';
import type { ContextRecord } from './context';

/** True when the ISATAP configuration names a router or enables ISATAP explicitly. */
export function isatapConfigured(snapshot: Snapshot): boolean | undefined {
  const sec = snapshot.sections.isatap;
  if (sec.status !== 'ok' || !sec.data) return sec.status === 'notApplicable' ? false : undefined;
  const cfg = sec.data.configuration;
  return !!cfg && (!!cfg.router?.trim() || /^enabled$/i.test(cfg.state));
}

/**
 * What says this machine is a DirectAccess server, all locale-free (enum names, a GUID): `Get-RemoteAccess` DAStatus
 * `Installed` (the Remote Access role with DirectAccess configured; doc example), an IP-HTTPS configuration of Type
 * `Server` (MSFT_NetIPHttpsConfiguration, only the machine that terminates IP-HTTPS has one), or an HTTP.SYS binding
 * with DirectAccess' IP-HTTPS application id (KB973982). The service RaMgmtSvc is not used: it also exists where only
 * VPN is configured. Null when nothing says so; `undefined` when the server probe failed and nothing else tells.
 */
export function serverEvidence(snapshot: Snapshot): string | null | undefined {
  const s = snapshot.sections;
  const profiles = s.ipHttps.status === 'ok' ? (s.ipHttps.data?.profiles ?? []) : [];
  if (profiles.some((p) => /^server$/i.test(p.type ?? ''))) return 'IP-HTTPS configuration of Type Server';
  const server = s.server.status === 'ok' ? s.server.data : undefined;
  if (server?.remoteAccess && /^installed$/i.test(server.remoteAccess.daStatus ?? '')) return 'Get-RemoteAccess DAStatus Installed';
  if (server?.bindings.some((b) => b.appId === DA_IPHTTPS_APP_ID)) return 'HTTP.SYS binding of the DirectAccess IP-HTTPS application';
  if (s.server.status === 'error' || s.server.status === 'timedOut') return undefined;
  return null;
}

/**
 * server: the evidence of serverEvidence (checked first: a client or a manage-out host has none of it, while a
 * server's own IP-HTTPS configuration carries a ServerURL). client: a DirectAccess client policy is applied. manageOut: no client policy, but ISATAP is configured or the
 * organisation expects manage-out hosts. unknown: the sections that tell them apart failed.
 */
export function deriveRole(snapshot: Snapshot, record: ContextRecord): Role {
  const s = snapshot.sections;
  const server = serverEvidence(snapshot);
  if (server) return 'server';
  const da = s.daStatus.status === 'ok' ? s.daStatus.data : undefined;
  const ip = s.ipHttps.status === 'ok' ? s.ipHttps.data : undefined;
  const urlFromConfig = !!ip?.configuration?.serverUrl;
  if (urlFromConfig || (da && (da.policyApplied || da.ncaConfigured || !!da.ipHttpsClientUrl))) return 'client';
  if (!da) {
    record.undetermined.add('daStatus');
    return 'unknown';
  }
  const isatap = isatapConfigured(snapshot);
  if (isatap === true || snapshot.org?.manageOutExpected) return 'manageOut';
  if (isatap === undefined) {
    record.undetermined.add('isatap');
    return 'unknown';
  }
  // Without a client policy, a server probe that failed leaves open whether this is the server.
  if (server === undefined) {
    record.undetermined.add('server');
    return 'unknown';
  }
  return 'client'; // no policy and no ISATAP: a DirectAccess client without its policy (da-not-configured)
}

/**
 * What a rule sees: typed access to the snapshot's sections (only when their probe ended `ok`), the derived role,
 * and a few facts many rules share. Reading a section through `need` records it as essential, so a failed probe
 * turns the verdict into `unknown` instead of quietly passing for healthy.
 */
import type { ErrorCodeInfo } from '../causes/cause';
import type { Role } from '../finding';
import type { OrgConfig } from '../orgConfig';
import { LOCATION_INSIDE, type SectionName, type Sections, type Snapshot } from '../snapshot';
import { parseErrorCode } from './errorCodes';
import { corpnetVerdict } from './location';

/** The data type of one section. */
export type SectionData<K extends SectionName> = NonNullable<Sections[K]['data']>;

/** Typed, read-only view of the snapshot for rules. */
export interface RuleContext {
  readonly snapshot: Snapshot;
  readonly role: Role;
  readonly org: OrgConfig | null;
  /** The section's data when its probe ended `ok`; otherwise undefined and, if it failed, recorded as undetermined. */
  need<K extends SectionName>(name: K): SectionData<K> | undefined;
  /** The section's data when `ok`, without making the verdict depend on it (for extra evidence only). */
  peek<K extends SectionName>(name: K): SectionData<K> | undefined;
  /** IP-HTTPS LastErrorCode (unsigned), or null when there is no state (or the section is not ok). */
  readonly code: number | null;
  /** The code table's entry for `code` (its symbolic name, meaning and owning cause), when the code is known. */
  readonly codeInfo: ErrorCodeInfo | undefined;
  /** The IP-HTTPS ServerURL in effect (the activated profile's on a multisite client, else the configuration's, else
   * the policy's), or null. */
  readonly serverUrl: string | null;
  /** Host part of the ServerURL, lower case, or null. */
  readonly serverHost: string | null;
  /**
   * True when the machine believes it is inside the corporate network: Get-DAConnectionStatus says ConnectedLocally,
   * or, on Windows 7 where that cmdlet does not exist, `netsh dnsclient show state` says Machine Location inside.
   */
  readonly inside: boolean;
  /**
   * Whether the machine is on the corporate network by the domain evidence of the location probe (knowledge H.2, H.3:
   * a DomainAuthenticated network or the firewall's Domain profile): true / false, or null when that evidence was not
   * collected. `inside` is Windows' verdict (the NLS answered); the two disagree on the NLS faults.
   */
  readonly corpnet: boolean | null;
  /**
   * On the corporate network as far as the evidence goes: Windows believes it is inside and the domain evidence does
   * not contradict it (a network location server answering on a hotel network is `inside` without this). What a fix
   * that needs the corporate network (autoenrolment reaching the CA) asks for.
   */
  readonly onCorpnet: boolean;
  /** The client clock (clock probe, else the snapshot time). */
  readonly now: Date;
}

/** Everything diagnose() needs back from the context after the rules have run. */
export interface ContextRecord {
  /** Sections a rule needed that had failed (error / timedOut). */
  undetermined: Set<SectionName>;
}

/** Host of a URL (lower case, IPv6 brackets removed), or null when it does not parse. */
export function urlHost(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(url.trim());
  if (!m || !m[1]) return null;
  return m[1].replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * The ServerURL of the IP-HTTPS profile in use (knowledge P.1): the probe's chosen configuration when Windows marks it
 * activated; else an activated profile of the list (a client profile first), which older probes did not choose;
 * else the chosen configuration's URL.
 */
export function activeServerUrl(ipHttps: SectionData<'ipHttps'> | undefined): string | null {
  if (!ipHttps) return null;
  const conf = ipHttps.configuration;
  if (conf?.serverUrl && conf.profileActivated === true) return conf.serverUrl;
  const activated = (ipHttps.profiles ?? []).filter((p) => p.profileActivated === true && p.serverUrl);
  const chosen = activated.find((p) => /^client$/i.test(p.type ?? '')) ?? activated[0];
  return chosen?.serverUrl ?? conf?.serverUrl ?? null;
}

/** True when some netsh text behind the section was not recognised (`parse.recognised` false, at any depth). */
export function hasUnreadText(data: unknown, depth = 0): boolean {
  if (depth > 4 || data === null || typeof data !== 'object') return false;
  const parse = (data as { parse?: { recognised?: unknown } }).parse;
  if (parse && parse.recognised === false) return true;
  return Object.values(data).some((v) => hasUnreadText(v, depth + 1));
}

/** Build the context for one snapshot and role. */
export function makeContext(snapshot: Snapshot, role: Role, record: ContextRecord, describeCode: (code: number) => ErrorCodeInfo | undefined): RuleContext {
  const s = snapshot.sections;
  function peek<K extends SectionName>(name: K): SectionData<K> | undefined {
    const sec = s[name];
    if (sec.status !== 'ok' || sec.data === null || sec.data === undefined) return undefined;
    return sec.data as SectionData<K>;
  }
  function need<K extends SectionName>(name: K): SectionData<K> | undefined {
    const data = peek(name);
    if (data === undefined && (s[name].status === 'error' || s[name].status === 'timedOut')) record.undetermined.add(name);
    // netsh text in a language or layout the parser does not know yields nulls, not facts: a verdict that depends on
    // it is unknown, never healthy (knowledge Q.6).
    if (data !== undefined && hasUnreadText(data)) record.undetermined.add(name);
    return data;
  }
  const ipHttps = peek('ipHttps');
  const daStatus = peek('daStatus');
  const code = ipHttps?.state ? parseErrorCode(ipHttps.state.lastErrorCode) : null;
  const serverUrl = activeServerUrl(ipHttps) ?? daStatus?.ipHttpsClientUrl ?? null;
  const clock = peek('clock');
  const inside =
    /connectedlocally/i.test(daStatus?.connection?.status ?? '') || (daStatus?.location?.source === 'netsh' && daStatus.location.value === LOCATION_INSIDE);
  const nowMs = Date.parse(clock?.utcNow ?? snapshot.collectedAt);
  return {
    snapshot,
    role,
    org: snapshot.org,
    need,
    peek,
    code,
    codeInfo: code === null ? undefined : describeCode(code),
    serverUrl,
    serverHost: urlHost(serverUrl) ?? peek('serverCertificate')?.host.toLowerCase() ?? null,
    inside,
    corpnet: corpnetVerdict(peek('location')),
    onCorpnet: inside && corpnetVerdict(peek('location')) !== false,
    now: new Date(Number.isNaN(nowMs) ? 0 : nowMs),
  };
}

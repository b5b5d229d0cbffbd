/**
 * What replaced DirectAccess on a machine (knowledge N), read from the coexistence section, and whether a machine
 * still has a DirectAccess client policy (knowledge F.10: an IP-HTTPS client URL from Group Policy, an NCA
 * configuration, or a ServerURL in the IP-HTTPS configuration). Shared by da-migrated, da-not-configured and
 * nrpt-stale-on-lan so the three agree on what "left DirectAccess" means.
 */
import type { Evidence } from '../../finding';
import type { SectionData } from '../../diagnose/context';
import { ev } from '../evidence';

/** One connection that stands in for DirectAccess. */
export interface Replacement {
  /** Plain product name for the person at the laptop. */
  product: 'Always On VPN' | 'Microsoft Entra Private Access';
  /** What exactly was found, for the technical text. */
  technical: string;
  /** true: shown connected now; false: shown not connected; null: could not be read. */
  connected: boolean | null;
  evidence: Evidence[];
}

/** True when the evidence shows a DirectAccess client policy on this machine. */
export function hasDaClientPolicy(da: SectionData<'daStatus'>, ipHttps: SectionData<'ipHttps'> | undefined): boolean {
  return da.policyApplied || da.ncaConfigured || !!da.ipHttpsClientUrl || !!ipHttps?.configuration?.serverUrl;
}

/**
 * The replacements the coexistence section shows: an Always On VPN device or user tunnel (an always-on profile in the
 * RasMan keys), or the Global Secure Access client (any of its services, or its install folder). A VPN profile that is
 * not always-on (a person's own VPN) is no evidence of a migration and is not counted.
 */
export function replacementsOf(c: SectionData<'coexistence'>): Replacement[] {
  const out: Replacement[] = [];
  if (c.deviceTunnel)
    out.push({
      product: 'Always On VPN',
      technical: `Always On VPN device tunnel "${c.deviceTunnel.profileName}" (RasMan\\DeviceTunnel AutoTriggerProfileEntryName${
        c.deviceTunnel.phonebookPath ? `, phonebook ${c.deviceTunnel.phonebookPath}` : ''
      }), ${connectedText(c.deviceTunnel.connected)}`,
      connected: c.deviceTunnel.connected,
      evidence: [
        ev('coexistence', 'deviceTunnel.profileName', c.deviceTunnel.profileName, undefined, 'Always On VPN device tunnel'),
        ev('coexistence', 'deviceTunnel.connected', c.deviceTunnel.connected, undefined, 'null: the profile could not be read'),
      ],
    });
  if (c.userTunnel)
    out.push({
      product: 'Always On VPN',
      technical: `Always On VPN user tunnel "${c.userTunnel.profileName}" (RasMan\\Config AutoTriggerProfileEntryName${
        c.userTunnel.userSid ? ` for ${c.userTunnel.userSid}` : ''
      }), ${connectedText(c.userTunnel.connected)}`,
      connected: c.userTunnel.connected,
      evidence: [
        ev('coexistence', 'userTunnel.profileName', c.userTunnel.profileName, undefined, 'Always On VPN user tunnel'),
        ev('coexistence', 'userTunnel.connected', c.userTunnel.connected, undefined, 'null: the profile could not be read'),
      ],
    });
  const gsa = c.globalSecureAccess;
  if (gsa.services.length > 0 || gsa.installFolder === true) {
    const services = gsa.services.map((s) => `${s.name} ${s.status ?? 'state unknown'}`).join(', ');
    out.push({
      product: 'Microsoft Entra Private Access',
      technical: `Global Secure Access client (${[services, gsa.installFolder ? 'install folder present' : ''].filter(Boolean).join('; ')}); whether its tunnel is connected is not read`,
      // No locale-free source says whether the Global Secure Access tunnel is up: a running service is not proof.
      connected: null,
      evidence: [
        ...(gsa.services.length > 0 ? [ev('coexistence', 'globalSecureAccess.services', gsa.services, undefined, 'Global Secure Access client services')] : []),
        ...(gsa.installFolder ? [ev('coexistence', 'globalSecureAccess.installFolder', true, undefined, '%ProgramFiles%\\Global Secure Access Client')] : []),
      ],
    });
  }
  return out;
}

function connectedText(connected: boolean | null): string {
  if (connected === null) return 'connection state not readable';
  return connected ? 'connected' : 'not connected';
}

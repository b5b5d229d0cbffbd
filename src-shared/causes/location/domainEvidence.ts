/** The domain evidence of the location section (knowledge H.2 "DC reached") as finding evidence, for the location causes. */
import type { Evidence } from '../../finding';
import type { SectionData } from '../../diagnose/context';
import { ev } from '../evidence';

/** The connection profiles' categories and the firewall's current profile types, with what the cause expects of them. */
export function domainEvidence(loc: SectionData<'location'>, domain: boolean): Evidence[] {
  const out: Evidence[] = [];
  if (loc.connectionProfiles !== null)
    out.push(
      ev(
        'location',
        'connectionProfiles',
        loc.connectionProfiles.map((p) => `${p.interfaceAlias ?? '?'}: ${p.networkCategory ?? 'unknown'}`),
        domain ? 'a DomainAuthenticated network (a domain controller answered)' : 'no DomainAuthenticated network (no domain controller answers)',
      ),
    );
  if (loc.firewallCurrentProfileTypes !== null)
    out.push(
      ev('location', 'firewallCurrentProfileTypes', `0x${loc.firewallCurrentProfileTypes.toString(16)}`, domain ? 'Domain (0x1) set' : 'Domain (0x1) not set'),
    );
  return out;
}

/**
 * Shared reading of the `serverInfrastructure` section (windowsserverdocs da-adv-plan-s1-infrastructure.md §1.4, §1.5;
 * knowledge H.1, E.2, E.4) for the server's NLS and ISATAP DNS causes.
 */
import type { SectionData } from '../../diagnose/context';
import { effectiveNrptRule } from '../iphttps/nrptCapturesPublicName';

export type InfrastructureData = SectionData<'serverInfrastructure'>;
type NrptRule = SectionData<'nrpt'>['rules'][number];

/** The NRPT rule of the DirectAccess client policy that decides how `name` resolves, or undefined (no rule: interface DNS). */
export function clientPolicyRule(nrpt: InfrastructureData['nrpt'], name: string): NrptRule | undefined {
  const rules: NrptRule[] = (nrpt ?? []).flatMap((e) =>
    e.namespaces.map((namespace) => ({ namespace, directAccessDnsServers: e.dnsServers, directAccessEnabled: null })),
  );
  return effectiveNrptRule(rules, name);
}

/** True when the NLS runs on the DirectAccess server (NlsLocation `DirectAccessServer`); null when unknown. */
export function nlsOnServer(infra: InfrastructureData): boolean | null {
  const loc = infra.nls?.location ?? null;
  if (loc === null) return null;
  if (/^directaccessserver$/i.test(loc)) return true;
  if (/^externalserver$/i.test(loc)) return false;
  return null;
}

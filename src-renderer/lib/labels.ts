/** Plain names of the probes, for the checks screen. */
import type { SectionName } from '../../src-shared/snapshot';
import type { Audience, OutcomeResult } from '../../src-shared/tree';

/** What each probe looks at, in plain words. */
export const SECTION_LABELS: Record<SectionName, string> = {
  os: 'Windows version and edition',
  services: 'Windows services DirectAccess needs',
  daStatus: 'DirectAccess settings from your company',
  ipHttps: 'The DirectAccess tunnel (IP-HTTPS)',
  reachability: 'Reaching the DirectAccess server',
  serverCertificate: "The server's certificate",
  trustStores: 'Certificates this computer trusts',
  machineCertificates: "This computer's own certificate",
  proxy: 'Proxy settings',
  nrpt: 'Name lookup rules',
  ipv6: 'IPv6 settings',
  isatap: 'ISATAP (for managing remote computers)',
  teredo: 'Teredo tunnel',
  clock: 'The computer clock',
};

/** How a finished probe ended, in plain words. */
export const PROBE_STATUS_LABELS = {
  ok: 'Done',
  notApplicable: 'Not needed here',
  error: 'Could not check',
  timedOut: 'Took too long',
} as const;

/** The start screen's choices. */
export const AUDIENCE_LABELS: Record<Audience, { label: string; hint: string }> = {
  client: { label: 'This laptop cannot reach work', hint: 'You are away from the office and cannot open work files, sites or apps.' },
  manageOut: {
    label: 'I manage remote DirectAccess clients from this workstation',
    hint: 'You use this computer inside the company to reach laptops that are away.',
  },
  server: { label: 'This is the DirectAccess server', hint: 'Check the server that laptops connect to.' },
};

/** Short status words for an outcome. */
export const OUTCOME_LABELS: Record<OutcomeResult, string> = {
  working: 'Working',
  'working-inside': 'Working (inside the company network)',
  fixed: 'Fixed',
  'reboot-needed': 'Restart needed',
  retry: 'Try again after signing in',
  escalate: 'Needs your IT department',
};

/** How the administrator prompt of a change ended (the audit log's `elevation`), in plain words. */
export const ELEVATION_LABELS: Record<string, string> = {
  notNeeded: 'No administrator rights needed',
  simulated: 'Administrator rights simulated (practice computer)',
  granted: 'Administrator rights given',
  declined: 'Administrator prompt declined',
  timedOut: 'Administrator prompt not answered in time',
  failed: 'Administrator prompt could not start',
};

/** Plain names of the probes, for the checks screen. */
import type { Role } from '../../src-shared/finding';
import type { OutcomeResult, StartChoice } from '../../src-shared/tree';

/** What each probe looks at, in plain words: one source, shared with the report and the ticket. */
export { SECTION_LABELS } from '../../src-shared/sectionLabels';

/** How a finished probe ended, in plain words. */
export const PROBE_STATUS_LABELS = {
  ok: 'Checked',
  notApplicable: 'Not needed here',
  error: 'Could not check',
  timedOut: 'Took too long',
} as const;

/** Which words the wizard speaks: plain ones for the person whose computer it is, exact ones for the helpdesk. */
export type Words = 'endUser' | 'helpdesk';

/** One choice of the start screen: its words, who it is for, and the role the person expects (never overriding the checks). */
export interface StartChoiceInfo {
  label: string;
  hint: string;
  words: Words;
  /** The role this choice expects; it answers "What is this computer?" only when the checks cannot tell. */
  expects?: Exclude<Role, 'unknown'>;
}

/** The start screen's choices, in the order it shows them. */
export const START_CHOICES: Record<StartChoice, StartChoiceInfo> = {
  client: {
    label: 'This laptop cannot reach work',
    hint: 'You are away from the office and cannot open work files, sites or apps.',
    words: 'endUser',
    expects: 'client',
  },
  helpdesk: {
    label: 'I am from the helpdesk, checking this computer',
    hint: 'The checks find out what kind of computer this is; the exact evidence and commands are shown.',
    words: 'helpdesk',
  },
  manageOut: {
    label: 'I manage remote DirectAccess clients from this workstation',
    hint: 'You use this computer inside your organisation’s network to reach laptops that are away.',
    words: 'helpdesk',
    expects: 'manageOut',
  },
  server: { label: 'This is the DirectAccess server', hint: 'Check the server that laptops connect to.', words: 'helpdesk', expects: 'server' },
};

/** Short status words for an outcome. */
export const OUTCOME_LABELS: Record<OutcomeResult, string> = {
  working: 'Working',
  'working-inside': 'Working (inside your organisation’s network)',
  fixed: 'Fixed',
  'reboot-needed': 'Restart needed',
  retry: 'Try again after signing in',
  escalate: 'Needs your IT department',
  incomplete: 'Not fully checked',
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

/**
 * What the diagnose stage hands on: findings (root causes with their evidence) and the diagnosis that wraps them,
 * in the JSON shape of contract.md §3.
 */
import { z } from 'zod';
import { fixIdSchema, rootCauseIdSchema, severitySchema } from './ids';
import { probeStatusSchema, SECTION_NAMES, type SectionName } from './snapshot';

/** One observed fact behind a finding: which probe saw what, and what a healthy machine shows. */
export const evidenceSchema = z.object({
  probe: z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]),
  field: z.string(),
  observed: z.unknown(),
  expected: z.unknown().optional(),
  /** A few words for the technical view, e.g. the symbolic name of an error code. */
  note: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const findingSchema = z.object({
  id: rootCauseIdSchema,
  severity: severitySchema,
  variant: z.string().optional(),
  title: z.string(),
  /** For the end user: no jargon without its explanation. */
  plain: z.string(),
  /** For the helpdesk: codes, names, the mechanism. */
  technical: z.string(),
  evidence: z.array(evidenceSchema).min(1),
  /** Client fixes of contract.md §2 that apply, in the order to try them. */
  fixes: z.array(fixIdSchema),
  /** True when the cause is on the server, PKI, DNS or network side: the wizard ends with a report. */
  escalate: z.boolean(),
  /** What an administrator must change, said exactly (present when escalate is true). */
  adminAction: z.string().optional(),
  /** Commands a helpdesk can run to see the evidence themselves. */
  commands: z.array(z.string()).default([]),
});
export type Finding = z.infer<typeof findingSchema>;

/** The machine's role decides which rules apply; `unknown` when the evidence cannot tell. */
export const roleSchema = z.enum(['client', 'manageOut', 'server', 'unknown']);
export type Role = z.infer<typeof roleSchema>;

export const DIAGNOSIS_SCHEMA = 'da-doctor/diagnosis@1';
export const diagnosisSchema = z.object({
  schema: z.literal(DIAGNOSIS_SCHEMA),
  status: z.enum(['healthy', 'problems', 'unknown']),
  role: roleSchema,
  machine: z.string(),
  collectedAt: z.string(),
  findings: z.array(findingSchema),
  probes: z.record(z.string(), z.object({ status: probeStatusSchema, ms: z.number(), message: z.string().optional() })),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/**
 * The one contract between the renderer and the main process (DESIGN §2). Electron IPC and the browser harness's
 * loopback HTTP bridge speak exactly these channels, with these schemas; the preload exposes one verb per channel.
 * Adding a channel: declare it here, handle it in src-main/services (both doors pick it up), expose it in the
 * preload, call it from a store slice.
 */
import { z } from 'zod';
import { diagnosisSchema, roleSchema } from './finding';
import { fixIdSchema } from './ids';
import { helpdeskSchema } from './orgConfig';
import { REASON_CODES, reasonValueNames, type Reason, type ReasonCode } from './reasons';
import { probeStatusSchema, SECTION_NAMES, snapshotSchema, type SectionName } from './snapshot';

const sectionName = z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]);

/** The reason codes (reasons.ts) as a zod enum. */
export const reasonCodeSchema = z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]);

/** A reason as it crosses IPC and sits in the audit log: a known code with every value it names. */
export const reasonSchema = z
  .object({ code: reasonCodeSchema, values: z.record(z.string(), z.string()) })
  .refine((r) => reasonValueNames(r.code).every((n) => typeof r.values[n] === 'string'), 'a reason lacks one of its values') as unknown as z.ZodType<Reason>;

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['windows', 'simulated']),
  scenario: z.string().nullable(),
  scenarios: z.array(z.string()),
  organisation: z.string().nullable(),
  /** Who to call, from the organisation config; null without one (or when it names no helpdesk). */
  helpdesk: helpdeskSchema.nullable(),
  /**
   * What the machine is, from a quick look at launch (policy, ISATAP), so the start screen can preselect who the
   * wizard is for; null when the quick look did not finish in time or could not tell.
   */
  roleHint: roleSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Progress of a collection, pushed while the probes run, one event per probe start and end. */
export const collectProgressSchema = z.object({
  runId: z.string(),
  section: sectionName,
  index: z.number().int(),
  total: z.number().int(),
  phase: z.enum(['started', 'finished']),
  status: probeStatusSchema.optional(),
  ms: z.number().optional(),
  /**
   * At most this many seconds until the run ends, from this event on: every probe left using its whole timeout. An
   * honest upper bound ("up to a minute and a half"), not a forecast; most machines answer in seconds.
   */
  estimateSeconds: z.number().int().nonnegative().optional(),
});
export type CollectProgress = z.infer<typeof collectProgressSchema>;

export const collectResultSchema = z.object({
  snapshot: snapshotSchema,
  diagnosis: diagnosisSchema,
});
export type CollectResult = z.infer<typeof collectResultSchema>;

/** Where an imported file's snapshot came from: a bare snapshot, or a report page with what it said of itself. */
export const handoffSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot') }),
  z.object({ kind: z.literal('report'), redacted: z.boolean(), createdAt: z.string(), machine: z.string(), appVersion: z.string() }),
]);

/** A file from another computer, diagnosed here; `source` is absent from an older main process. */
export const importResultSchema = collectResultSchema.extend({ source: handoffSourceSchema.optional() });
export type ImportResult = z.infer<typeof importResultSchema>;

/** The page asks main to save a report page it built: main picks folder and file name (never the page). */
export const reportSaveRequestSchema = z.object({
  /** The page's HTML; main checks that it carries a bundle it can open again. 5 MB: real ones are under 1 MB. */
  html: z
    .string()
    .min(1)
    .max(5 * 1024 * 1024),
  /** The computer the report is about (or "redacted"), for the file name only; main sanitises it. */
  machine: z.string().max(1_000),
});

/**
 * A fix's parameters as the renderer sends them: names to strings; the catalogue's schema checks them in main. Never
 * `file`: a certificate import reads a path only when a person types it on the command line. The page sends the
 * picked file's content (`certificate`); a path from the page would make main read any file the user can read.
 */
const fixParamsSchema = z
  .record(z.string().max(32), z.string().max(200_000))
  .refine((p) => !Object.hasOwn(p, 'file'), { message: 'a certificate file is sent as its content ("certificate"), never as a path ("file")', path: ['file'] })
  .default({});

/** What a certificate file is, as main read it (the renderer never parses certificates itself). */
export const certificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  thumbprint: z.string(),
  notAfter: z.string(),
  isCa: z.boolean(),
  selfSigned: z.boolean(),
  /** Whether it is the root of the chain the server presented (null when no chain is known). */
  matchesChainRoot: z.boolean().nullable(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** Everything shown before a fix runs: what changes, the exact commands, and whether it would be refused. */
export const fixPreviewSchema = z.object({
  fixId: fixIdSchema,
  title: z.string(),
  plain: z.string(),
  whyAdmin: z.string(),
  elevated: z.boolean(),
  rebootRequired: z.boolean(),
  commands: z.array(z.string()),
  undo: z.string().nullable(),
  /** Set when the fix would be refused as asked (e.g. a certificate that matches no chain): its reason code. */
  refusal: reasonSchema.nullable(),
  certificate: certificateInfoSchema.nullable(),
});
export type FixPreview = z.infer<typeof fixPreviewSchema>;

/** The result of one fix: contract §2's outcome, the elevation outcome, verification with before and after. */
export const fixRunResultSchema = z.object({
  fix: fixIdSchema,
  outcome: z.enum(['applied', 'refused', 'cancelled', 'failed']),
  elevation: z.enum(['notNeeded', 'simulated', 'granted', 'declined', 'timedOut', 'failed']),
  verified: z.boolean(),
  /** Why it ended so, as a code with its values (the renderer and the CLI word it: src-shared/reasonWords.ts). */
  reason: reasonSchema,
  before: z.string().nullable(),
  after: z.string().nullable(),
  rebootRequired: z.boolean(),
  /** The diagnosis collected after the fix, so the guide can take its next step. */
  diagnosis: diagnosisSchema.nullable(),
  auditId: z.string().nullable(),
});
export type FixRunResult = z.infer<typeof fixRunResultSchema>;

/** One line of the audit log. */
export const auditRecordSchema = z.object({
  id: z.string(),
  time: z.string(),
  user: z.string(),
  machine: z.string(),
  fix: fixIdSchema,
  params: z.record(z.string(), z.string()),
  kind: z.enum(['fix', 'undo']),
  outcome: z.enum(['applied', 'refused', 'cancelled', 'failed']),
  elevation: z.string(),
  verified: z.boolean(),
  /** The reason code with its values; a sentence in records written before reason codes existed. */
  reason: z.union([reasonSchema, z.string()]),
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** What undo needs (saved proxy, previous value…); absent when the fix has no undo. */
  undoData: z.record(z.string(), z.unknown()).nullable(),
  undoneBy: z.string().nullable().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** Request/response channels: name → schemas. */
export const channels = {
  'app:info': { request: z.object({}), response: appInfoSchema },
  /** Collect a snapshot (on the simulated host: of `scenario`, or the current one) and diagnose it. */
  'collect:run': {
    request: z.object({ runId: z.string().min(1).max(64), scenario: z.string().max(64).optional() }),
    response: collectResultSchema,
  },
  /**
   * Stops the collection `runId` (a collect:run still running): main stops waiting for its probe, restarts the
   * PowerShell session, and that collect:run answers with the error code `cancelled` (no snapshot, no diagnosis).
   * `cancelled: false` when no such run is running (it had already finished, or never started).
   */
  'collect:cancel': {
    request: z.object({ runId: z.string().min(1).max(64) }),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Diagnose a snapshot made elsewhere: the text of its file, a snapshot's JSON or a report page saved by us. */
  'snapshot:import': {
    request: z.object({ text: z.string().max(20_000_000) }),
    response: importResultSchema,
  },
  /** Saves a report page in the folder main chooses (Electron: Downloads), never replacing a file; says where. */
  'report:save': {
    request: reportSaveRequestSchema,
    response: z.object({ path: z.string() }),
  },
  /**
   * Restarts Windows to finish a change it only uses at start-up, with a minute's notice Windows shows (and
   * `shutdown /a` cancels); the simulated host only says it would.
   */
  'system:restart': {
    request: z.object({}),
    response: z.object({ simulated: z.boolean(), delaySeconds: z.number().int() }),
  },
  /** What a fix will do, with these parameters, on the machine as last collected. */
  'fix:preview': {
    request: z.object({ fixId: z.string().max(64), params: fixParamsSchema }),
    response: fixPreviewSchema,
  },
  /** Runs one fix after the person confirmed it: saves the snapshot, elevates that one action, verifies. */
  'fix:run': {
    request: z.object({ fixId: z.string().max(64), params: fixParamsSchema, confirmed: z.literal(true) }),
    response: fixRunResultSchema,
  },
  /** Undoes a fix recorded in the audit log. */
  'fix:undo': {
    request: z.object({ auditId: z.string().min(1).max(64), confirmed: z.literal(true) }),
    response: fixRunResultSchema,
  },
  /** Reads a certificate file the person picked (its content, base64) and compares it with the server's chain. */
  'certificate:inspect': {
    request: z.object({ name: z.string().max(260), contentB64: z.string().max(200_000) }),
    response: certificateInfoSchema,
  },
  /** The audit log of this machine, newest first. */
  'audit:list': { request: z.object({}), response: z.array(auditRecordSchema) },
} as const;
export type ChannelName = keyof typeof channels;
export type ChannelRequest<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.infer<(typeof channels)[C]['response']>;

/** Events main pushes to the renderer. */
export const events = {
  'collect:progress': collectProgressSchema,
} as const;
export type EventName = keyof typeof events;

/**
 * The one contract between the renderer and the main process (DESIGN §2). Electron IPC and the browser harness's
 * loopback HTTP bridge speak exactly these channels, with these schemas; the preload exposes one verb per channel.
 * Adding a channel: declare it here, handle it in src-main/services (both doors pick it up), expose it in the
 * preload, call it from a store slice.
 */
import { z } from 'zod';
import { diagnosisSchema } from './finding';
import { probeStatusSchema, SECTION_NAMES, snapshotSchema, type SectionName } from './snapshot';

const sectionName = z.enum(SECTION_NAMES as [SectionName, ...SectionName[]]);

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['windows', 'simulated']),
  scenario: z.string().nullable(),
  scenarios: z.array(z.string()),
  organisation: z.string().nullable(),
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
});
export type CollectProgress = z.infer<typeof collectProgressSchema>;

export const collectResultSchema = z.object({
  snapshot: snapshotSchema,
  diagnosis: diagnosisSchema,
});
export type CollectResult = z.infer<typeof collectResultSchema>;

/** Request/response channels: name → schemas. */
export const channels = {
  'app:info': { request: z.object({}), response: appInfoSchema },
  /** Collect a snapshot (on the simulated host: of `scenario`, or the current one) and diagnose it. */
  'collect:run': {
    request: z.object({ runId: z.string().min(1).max(64), scenario: z.string().max(64).optional() }),
    response: collectResultSchema,
  },
  /** Diagnose a snapshot made elsewhere (the JSON text of its file). */
  'snapshot:import': {
    request: z.object({ text: z.string().max(20_000_000) }),
    response: collectResultSchema,
  },
} as const;
export type ChannelName = keyof typeof channels;
export type ChannelRequest<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.infer<(typeof channels)[C]['response']>;

/** Events main pushes to the renderer. */
export const events = {
  'collect:progress': collectProgressSchema,
} as const;
export type EventName = keyof typeof events;

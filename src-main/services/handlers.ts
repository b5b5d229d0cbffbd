/**
 * The implementation of every channel of src-shared/ipc.ts, written once. Electron's IPC door (ipc/) and the
 * browser harness's HTTP door (harness/) both validate with the channel's schema, call `dispatch`, and return the
 * Result envelope; neither has logic of its own.
 */
import { restartWindows, RESTART_DELAY_SECONDS } from '../system/restart';
import { join } from 'node:path';
import { z } from 'zod';
import { channels, events, type ChannelName, type ChannelResponse, type EventName } from '../../src-shared/ipc';
import { err, ok, type Result } from '../../src-shared/result';
import { NotACertificate } from '../fixes/certificate';
import { defaultDataDir } from '../fixes/dataDir';
import type { Confirm } from '../fixes/confirm';
import { UnknownFixError, type FixExecutor } from '../fixes/executor';
import { createFixExecutor } from '../fixes/forDoctor';
import { appVersion } from '../paths';
import { saveReport } from '../report/saveReport';
import { InputError, listScenarios } from '../scenarios';
import { testHooks, withoutTestHooks } from '../testHooks';
import { CollectCancelled } from '../collect/collector';
import { diagnoseSnapshotText, type Doctor } from './doctor';

/** How long app:info waits for the role hint (PowerShell start plus four probes) before answering without it. */
const ROLE_HINT_WAIT_MS = 4_000;

/** The promise's value, or `fallback` when it takes longer than `ms` (the timer never outlives the race). */
async function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pushes an event to the renderer that made the request. */
export type Emit = <E extends EventName>(event: E, payload: z.infer<(typeof events)[E]>) => void;

type Handler<C extends ChannelName> = (req: z.infer<(typeof channels)[C]['request']>, emit: Emit) => Promise<ChannelResponse<C>>;

/** Where the audit log and saved snapshots go (Electron: app.getPath('userData'); else defaultDataDir()). */
export interface HandlerOptions {
  dataDir?: string;
  /**
   * Where report:save writes (Electron: Downloads, from appSettings; the harness: DAD_REPORTS_DIR or its run's folder).
   * Default: `reports` in the data folder. Never from the page.
   */
  reportsDir?: string;
  /**
   * The main process's own confirmation before fix:run and fix:undo (Electron: a native dialog). The renderer's
   * `confirmed: true` is not enough on its own: a compromised page can send it. The harness's simulated host has none.
   */
  confirm?: Confirm;
}

/** Builds the handlers around one Doctor (one PowerShell host) and its fix executor. */
export function createHandlers(doctor: Doctor, fixes: FixExecutor, reportsDir: string, confirm?: Confirm): { [C in ChannelName]: Handler<C> } {
  /** The collections running now, by runId, so collect:cancel can stop one. */
  const running = new Map<string, AbortController>();
  return {
    'app:info': async () => ({
      version: appVersion(),
      host: doctor.host.kind,
      scenario: doctor.scenarioName,
      scenarios: doctor.host.kind === 'simulated' ? listScenarios() : [],
      organisation: doctor.orgConfig?.organisation ?? null,
      helpdesk: doctor.orgConfig?.helpdesk ?? null,
      // The start screen should not wait long for it: a slow machine just gets no preselection.
      roleHint: await within(doctor.roleHint(), ROLE_HINT_WAIT_MS, null),
    }),
    'collect:run': async (req, emit) => {
      if (req.scenario !== undefined) {
        // A built-in name only: a path from the page would make main read any file the user can read.
        if (doctor.host.kind === 'simulated' && !listScenarios().includes(req.scenario))
          throw new InputError(`scenario not found: ${req.scenario.replace(/[^A-Za-z0-9._-]/g, '?').slice(0, 64)}`);
        fixes.noteSnapshot(null); // another machine: its chain and router are not known yet
        await doctor.useScenario(req.scenario);
      }
      const run = new AbortController();
      running.set(req.runId, run);
      try {
        // A cancel stops the checks and keeps what they learned (issue 12): the unfinished sections say they were stopped.
        const result = await doctor.collect((p) => emit('collect:progress', { runId: req.runId, ...p }), run.signal);
        fixes.noteSnapshot(result.snapshot);
        return result;
      } finally {
        if (running.get(req.runId) === run) running.delete(req.runId);
      }
    },
    'collect:cancel': async (req) => {
      const run = running.get(req.runId);
      run?.abort();
      return { cancelled: run !== undefined };
    },
    // The file's own `org` never counts (diagnoseSnapshotText): this machine's trusted configuration does.
    'snapshot:import': async (req) => diagnoseSnapshotText(req.text, doctor.orgConfig),
    // Folder and name are main's: the page sends only the page and the machine's name (sanitised into the file name).
    'report:save': async (req) => saveReport(reportsDir, req.html, req.machine),
    // No second confirmation here: the restart waits a minute, Windows announces it, and `shutdown /a` stops it.
    'system:restart': async () => {
      if (doctor.host.kind === 'simulated') {
        await doctor.host.restartSimulated();
        return { simulated: true, delaySeconds: 0 };
      }
      await restartWindows();
      return { simulated: false, delaySeconds: RESTART_DELAY_SECONDS };
    },
    'fix:preview': async (req) => fixes.preview(req.fixId, req.params),
    'fix:run': async (req) => fixes.run(req.fixId, req.params, confirm),
    'fix:undo': async (req) => fixes.undo(req.auditId, confirm),
    'certificate:inspect': async (req) => fixes.inspectCertificate(req.contentB64),
    'audit:list': async () => fixes.audit.list(),
  };
}

/** Channels that touch the machine: one at a time. Previews, certificate parsing and the log only read. */
const EXCLUSIVE: ReadonlySet<ChannelName> = new Set<ChannelName>(['collect:run', 'fix:run', 'fix:undo']);

/**
 * Validates requests, runs them one machine-changing call at a time, and wraps every outcome in a Result; never
 * throws, so neither door can leak a raw exception to the renderer.
 */
export class Router {
  private readonly handlers: ReturnType<typeof createHandlers>;
  private busy = false;
  /** The fix executor of this machine (the CLI uses it directly). */
  readonly fixes: FixExecutor;
  /** Whether fix:run and fix:undo ask the person in the main process first (the Electron door requires it). */
  readonly confirmsInMain: boolean;

  constructor(
    readonly doctor: Doctor,
    options: HandlerOptions = {},
  ) {
    const dataDir = options.dataDir ?? testHooks().dataDir ?? defaultDataDir(withoutTestHooks());
    this.fixes = createFixExecutor(doctor, dataDir);
    this.handlers = createHandlers(doctor, this.fixes, options.reportsDir ?? testHooks().reportsDir ?? join(dataDir, 'reports'), options.confirm);
    this.confirmsInMain = options.confirm !== undefined;
  }

  async dispatch(channel: string, payload: unknown, emit: Emit): Promise<Result<unknown>> {
    if (!Object.hasOwn(channels, channel)) return err('notFound', `no such channel: ${channel.slice(0, 64)}`);
    const name = channel as ChannelName;
    const parsed = channels[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return err('badRequest', `bad request for ${name} at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    // The machine is one machine: a second collection or fix while one runs would interleave probes and changes.
    const exclusive = EXCLUSIVE.has(name);
    if (exclusive && this.busy) return err('busy', 'another check or fix is still running');
    if (exclusive) this.busy = true;
    try {
      return ok(await (this.handlers[name] as Handler<typeof name>)(parsed.data as never, emit));
    } catch (e) {
      if (e instanceof InputError || e instanceof UnknownFixError || e instanceof NotACertificate) return err('badInput', e.message);
      if (e instanceof CollectCancelled) return err('cancelled', e.message);
      return err('failed', e instanceof Error ? e.message : String(e));
    } finally {
      if (exclusive) this.busy = false;
    }
  }
}

/**
 * The implementation of every channel of src-shared/ipc.ts, written once. Electron's IPC door (ipc/) and the
 * browser harness's HTTP door (harness/) both validate with the channel's schema, call `dispatch`, and return the
 * Result envelope; neither has logic of its own.
 */
import { z } from 'zod';
import { channels, events, type ChannelName, type ChannelResponse, type EventName } from '../../src-shared/ipc';
import { err, ok, type Result } from '../../src-shared/result';
import { appVersion } from '../paths';
import { InputError, listScenarios } from '../scenarios';
import { diagnoseSnapshotText, type Doctor } from './doctor';

/** Pushes an event to the renderer that made the request. */
export type Emit = <E extends EventName>(event: E, payload: z.infer<(typeof events)[E]>) => void;

type Handler<C extends ChannelName> = (req: z.infer<(typeof channels)[C]['request']>, emit: Emit) => Promise<ChannelResponse<C>>;

/** Builds the handlers around one Doctor (one PowerShell host). */
export function createHandlers(doctor: Doctor): { [C in ChannelName]: Handler<C> } {
  return {
    'app:info': async () => ({
      version: appVersion(),
      host: doctor.host.kind,
      scenario: doctor.scenarioName,
      scenarios: doctor.host.kind === 'simulated' ? listScenarios() : [],
      organisation: doctor.orgConfig?.organisation ?? null,
    }),
    'collect:run': async (req, emit) => {
      if (req.scenario !== undefined) await doctor.useScenario(req.scenario);
      return doctor.collect((p) => emit('collect:progress', { runId: req.runId, ...p }));
    },
    'snapshot:import': async (req) => diagnoseSnapshotText(req.text),
  };
}

/**
 * Validates requests, runs them one machine-changing call at a time, and wraps every outcome in a Result; never
 * throws, so neither door can leak a raw exception to the renderer.
 */
export class Router {
  private readonly handlers: ReturnType<typeof createHandlers>;
  private busy = false;

  constructor(readonly doctor: Doctor) {
    this.handlers = createHandlers(doctor);
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
    const exclusive = name !== 'app:info' && name !== 'snapshot:import';
    if (exclusive && this.busy) return err('busy', 'another check or fix is still running');
    if (exclusive) this.busy = true;
    try {
      return ok(await (this.handlers[name] as Handler<typeof name>)(parsed.data as never, emit));
    } catch (e) {
      if (e instanceof InputError) return err('badInput', e.message);
      return err('failed', e instanceof Error ? e.message : String(e));
    } finally {
      if (exclusive) this.busy = false;
    }
  }
}

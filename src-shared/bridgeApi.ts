/**
 * The verbs the renderer sees, declared once so the Electron preload and the browser harness's HTTP client cannot
 * drift: one verb per channel of ipc.ts, each resolving to the Result envelope, plus one subscription per event.
 */
import type {
  AppInfo,
  AuditRecord,
  CertificateInfo,
  ChannelName,
  ChannelRequest,
  ChannelResponse,
  CollectProgress,
  CollectResult,
  FixPreview,
  FixRunResult,
  ImportResult,
} from './ipc';
import type { Result } from './result';

/** What `window.daDoctor` (preload) and the HTTP client both implement. */
export interface DaDoctorApi {
  appInfo(): Promise<Result<AppInfo>>;
  collectRun(req: ChannelRequest<'collect:run'>): Promise<Result<CollectResult>>;
  /**
   * Cancels a running collectRun by its runId; that collectRun then resolves with the error code `cancelled`. Optional
   * so a bridge that cannot cancel (a test double, a page without it) is still a bridge: no verb, no Cancel button.
   */
  collectCancel?(req: ChannelRequest<'collect:cancel'>): Promise<Result<ChannelResponse<'collect:cancel'>>>;
  snapshotImport(req: ChannelRequest<'snapshot:import'>): Promise<Result<ImportResult>>;
  /** Saves a report page main can open again, in main's folder, under a fresh name; resolves with its path. */
  reportSave(req: ChannelRequest<'report:save'>): Promise<Result<{ path: string }>>;
  /** Restarts Windows after a minute's notice (the practice computer: simulated). */
  systemRestart(): Promise<Result<{ simulated: boolean; delaySeconds: number }>>;
  fixPreview(req: ChannelRequest<'fix:preview'>): Promise<Result<FixPreview>>;
  fixRun(req: ChannelRequest<'fix:run'>): Promise<Result<FixRunResult>>;
  fixUndo(req: ChannelRequest<'fix:undo'>): Promise<Result<FixRunResult>>;
  certificateInspect(req: ChannelRequest<'certificate:inspect'>): Promise<Result<CertificateInfo>>;
  auditList(): Promise<Result<AuditRecord[]>>;
  /** Subscribes to probe progress; returns the unsubscribe. */
  onCollectProgress(cb: (p: CollectProgress) => void): () => void;
}

/** Which channel each request verb calls (the HTTP client posts to `/api/<channel>`). */
export const VERB_CHANNELS = {
  appInfo: 'app:info',
  collectRun: 'collect:run',
  collectCancel: 'collect:cancel',
  snapshotImport: 'snapshot:import',
  reportSave: 'report:save',
  systemRestart: 'system:restart',
  fixPreview: 'fix:preview',
  fixRun: 'fix:run',
  fixUndo: 'fix:undo',
  certificateInspect: 'certificate:inspect',
  auditList: 'audit:list',
} as const satisfies Record<Exclude<keyof DaDoctorApi, 'onCollectProgress'>, ChannelName>;

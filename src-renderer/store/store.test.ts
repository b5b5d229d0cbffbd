import { describe, expect, it } from 'vitest';
import type { Bridge } from '../bridge';
import type { CollectProgress, CollectResult } from '../../src-shared/ipc';
import { diagnosis, finding, SCENARIO_CASES } from '../../src-shared/tree/fixtures';
import type { Diagnosis } from '../../src-shared/finding';
import { createAppStore, selectWalk } from './index';

/** A bridge double: answers collect:run with the given diagnosis and emits progress for two probes. */
function fakeBridge(d: Diagnosis, org: unknown = null): Bridge & { requests: unknown[] } {
  const listeners = new Set<(p: CollectProgress) => void>();
  const requests: unknown[] = [];
  return {
    transport: 'http',
    requests,
    appInfo: async () => ({ ok: true, value: { version: '0.1.0', host: 'simulated', scenario: 'untrusted-root', scenarios: ['healthy', 'untrusted-root'], organisation: null } }),
    collectRun: async (req) => {
      requests.push(req);
      for (const [i, section] of (['os', 'services'] as const).entries()) {
        listeners.forEach((l) => l({ runId: req.runId, section, index: i, total: 2, phase: 'started' }));
        listeners.forEach((l) => l({ runId: req.runId, section, index: i, total: 2, phase: 'finished', status: 'ok', ms: 3 }));
      }
      listeners.forEach((l) => l({ runId: 'another-run', section: 'clock', index: 0, total: 2, phase: 'started' }));
      return { ok: true, value: { snapshot: { org }, diagnosis: d } as unknown as CollectResult };
    },
    snapshotImport: async () => ({ ok: false, error: { code: 'badInput', message: 'not a snapshot' } }),
    onCollectProgress: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

describe('the store', () => {
  it('loads app info and takes the harness scenario when the address names none', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    await store.getState().loadInfo();
    expect(store.getState().info?.host).toBe('simulated');
    expect(store.getState().scenario).toBe('untrusted-root');
  });

  it('runs the checks with the chosen scenario, records progress of its own run only, then shows the guide', async () => {
    const bridge = fakeBridge(diagnosis('client', []));
    const store = createAppStore(bridge, 'healthy');
    await store.getState().startChecks();
    const s = store.getState();
    expect(bridge.requests[0]).toMatchObject({ scenario: 'healthy' });
    expect(s.progress).toEqual({ os: { phase: 'finished', status: 'ok', ms: 3 }, services: { phase: 'finished', status: 'ok', ms: 3 } });
    expect(s.screen).toBe('guide');
    expect(selectWalk(s)?.current).toMatchObject({ kind: 'outcome', result: 'working' });
  });

  it('preselects the audience from the diagnosed role unless the user chose one', async () => {
    const store = createAppStore(fakeBridge(diagnosis('manageOut', [])));
    await store.getState().startChecks();
    expect(store.getState().audience).toBe('manageOut');
    const chosen = createAppStore(fakeBridge(diagnosis('manageOut', [])));
    chosen.getState().chooseAudience('client');
    await chosen.getState().startChecks();
    expect(chosen.getState().audience).toBe('client');
  });

  it('answers move the walk on, and Back takes the last answer away', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [finding('iphttps-server-unreachable')])));
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current.id).toBe('captive');
    store.getState().answer('captivePortal', 'no');
    expect(selectWalk(store.getState())?.current).toMatchObject({ result: 'escalate', cause: 'iphttps-server-unreachable' });
    store.getState().back();
    expect(selectWalk(store.getState())?.current.id).toBe('captive');
  });

  it('skipping a fix takes the tree to its escalation', async () => {
    const c = SCENARIO_CASES.find((x) => x.name === 'untrusted-root')!;
    const store = createAppStore(fakeBridge(c.ctx.diagnosis, c.ctx.snapshot?.org));
    await store.getState().startChecks();
    expect(selectWalk(store.getState())?.current.kind).toBe('fix');
    expect(store.getState().canApplyFixes).toBe(false);
    store.getState().skipFixes(['import-root-ca']);
    expect(selectWalk(store.getState())?.current).toMatchObject({ kind: 'outcome', result: 'escalate' });
  });

  it('a failed import stays on the checks screen with the message', async () => {
    const store = createAppStore(fakeBridge(diagnosis('client', [])));
    await store.getState().openSnapshot('{}');
    expect(store.getState()).toMatchObject({ screen: 'checks', collecting: 'failed', collectError: 'not a snapshot' });
  });
});

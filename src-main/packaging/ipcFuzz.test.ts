// The IPC door under hostile payloads (Electron checklist 17, docs/security.md): electron mocked, the real handlers of
// src-main/ipc/register.ts over the real Router and the contract's schemas, a trusted sender (so the parse, not the
// sender check, is what is tested), every channel called with wrong types, missing fields, 10 MB strings, deep
// nesting and prototype-pollution keys. Each call must come back as an error Result, without echoing the payload, and
// main must answer a valid call afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channels, type ChannelName } from '../../src-shared/ipc';

const handlers = vi.hoisted(() => new Map<string, (event: unknown, payload: unknown) => unknown>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, h: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, h) },
}));

const { registerIpc } = await import('../ipc/register');
const { Router } = await import('../services/handlers');

const dataDir = mkdtempSync(join(tmpdir(), 'dad-ipc-fuzz-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const collect = vi.fn(async () => ({ snapshot: {}, diagnosis: {} }));
const doctor = {
  host: { kind: 'simulated', restartSimulated: async () => undefined },
  scenarioName: 'healthy',
  orgConfig: null,
  roleHint: async () => null,
  useScenario: async () => undefined,
  collect,
};
// A confirming router, as the Electron main builds it: malformed payloads must be refused by the contract, not only by
// the missing confirmation. The confirmation itself never gets asked: nothing malformed reaches it.
const confirm = vi.fn(async () => false);
registerIpc(new Router(doctor as never, { dataDir, confirm }));

const sent: unknown[] = [];
const trusted = {
  senderFrame: { url: 'app://doctor/index.html', parent: null },
  sender: { isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) },
};

async function call(channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const h = handlers.get(channel);
  if (!h) throw new Error(`not registered: ${channel}`);
  return (await h(trusted, payload)) as { ok: boolean; error?: { code: string; message: string } };
}

/** A request each channel's schema accepts; the fuzz mutates these. */
const valid: Record<ChannelName, Record<string, unknown>> = {
  'app:info': {},
  'collect:run': { runId: 'r1' },
  'collect:cancel': { runId: 'r1' },
  'snapshot:import': { text: '{}' },
  'report:save': { html: '<!doctype html>', machine: 'PC' },
  'system:restart': {},
  'fix:preview': { fixId: 'ipHelperStart', params: {} },
  'fix:run': { fixId: 'ipHelperStart', params: {}, confirmed: true },
  'fix:undo': { auditId: 'a1', confirmed: true },
  'certificate:inspect': { name: 'root.cer', contentB64: '' },
  'audit:list': {},
};

const TEN_MB = 'A'.repeat(10 * 1024 * 1024);
/** Nested arrays and objects alternating, outermost an array when depth is odd. */
function deep(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}
const pollution = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  { constructor: { prototype: { polluted: 'yes' } } },
  JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}}') as unknown,
];
/** Whole payloads no channel accepts: not an object at all. */
const notObjects: unknown[] = [42, -0, Number.NaN, 'x', TEN_MB, true, [], [{}], deep(10_001)];
/**
 * Objects without the declared fields: prototype-pollution keys, and what structured clone can carry besides plain
 * objects. Channels with fields miss them; the two without fields (app:info, audit:list, plain z.object({})) drop
 * every key and answer, which is harmless because they read nothing from the request.
 */
const strayObjects: unknown[] = [...pollution, new Uint8Array(16), new Map([['runId', 'r1']]), new Date(0), { ['k'.repeat(1_000)]: TEN_MB }];
/** Values no field of the contract accepts in place of what it declares (no field takes an object or an array). */
const wrongValues: unknown[] = [null, 42, true, [], ['x'], { a: 1 }, deep(10_000), ...pollution];

function expectError(r: Awaited<ReturnType<typeof call>>, what: string): void {
  expect(r, what).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(badRequest|badInput|notFound|failed)$/), message: expect.any(String) } });
  // An error names the problem; it never carries the payload back (a 10 MB echo would be a second attack).
  expect(r.error?.message.length, what).toBeLessThan(2_000);
}

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

describe('IPC fuzzing through the registered handlers', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(channels).sort());
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  for (const channel of Object.keys(valid) as ChannelName[]) {
    it(`${channel}: every malformed or oversized payload is an error Result`, async () => {
      for (const [i, p] of notObjects.entries()) expectError(await call(channel, p), `${channel} not-an-object #${i}`);

      const base = valid[channel];
      for (const field of Object.keys(base)) {
        const { [field]: _dropped, ...missing } = base;
        expectError(await call(channel, missing), `${channel} without ${field}`);
        for (const [i, v] of wrongValues.entries()) expectError(await call(channel, { ...base, [field]: v }), `${channel}.${field} = wrong #${i}`);
        // Over every declared limit but snapshot:import's 20 MB; there the text is parsed and refused as not JSON.
        expectError(await call(channel, { ...base, [field]: TEN_MB }), `${channel}.${field} = 10 MB`);
      }
      for (const [i, p] of strayObjects.entries()) {
        const r = await call(channel, p);
        if (Object.keys(base).length > 0) expectError(r, `${channel} stray object #${i}`);
        else expect(r, `${channel} stray object #${i}`).toMatchObject({ ok: true });
      }
      expectPrototypesClean();
    });
  }

  it('fix parameters: pollution keys, oversized names and values, non-string values are refused', async () => {
    for (const params of [
      JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
      { ['k'.repeat(33)]: 'v' },
      { k: TEN_MB },
      { k: 1 },
      { k: null },
      { k: ['v'] },
      Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, { polluted: 'yes' }])),
    ]) {
      expectError(await call('fix:preview', { fixId: 'ipHelperStart', params }), 'fix:preview params');
      expectError(await call('fix:run', { fixId: 'ipHelperStart', params, confirmed: true }), 'fix:run params');
    }
    expectError(await call('fix:run', { fixId: 'ipHelperStart', params: {}, confirmed: 'true' }), 'confirmed must be the literal true');
    expectPrototypesClean();
  });

  it('snapshot:import: JSON with pollution keys and deep nesting is refused as a snapshot, not merged', async () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of [
      '{"__proto__": {"polluted": "yes"}, "schema": "da-doctor/snapshot@1"}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      nested,
      '{'.repeat(1_000),
      TEN_MB,
    ]) {
      expectError(await call('snapshot:import', { text }), `snapshot:import ${text.slice(0, 40)}`);
    }
    expectPrototypesClean();
  });

  it('keeps serving valid calls afterwards, including the one-at-a-time channels', async () => {
    await expect(call('app:info', {})).resolves.toMatchObject({ ok: true, value: { host: 'simulated', scenario: 'healthy' } });
    await expect(call('collect:run', { runId: 'after-fuzz' })).resolves.toMatchObject({ ok: true });
    await expect(call('audit:list', {})).resolves.toMatchObject({ ok: true, value: [] });
    expect(collect).toHaveBeenCalled();
  });
});

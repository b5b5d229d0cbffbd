import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIX_IDS, ROOT_CAUSE_IDS } from '../ids';
import { GENERAL_CODES } from '../diagnose/errorCodes';
import { TREE } from '../tree';
import { CAUSES, chainSteps, ERROR_CODES, EXPLAINS, RULES } from './registry';

const ROOT = join(__dirname, '..', '..');

/** Non-test TypeScript source files of the program. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the cause registry', () => {
  it('has one module per id, every id of the contract, in no other order than its own', () => {
    const ids = CAUSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ROOT_CAUSE_IDS].sort());
  });

  it('gives each code to at most one cause, and never a general code', () => {
    const codes = ERROR_CODES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of GENERAL_CODES) expect(ERROR_CODES.find((e) => e.code === g.code)?.rootCause).toBeUndefined();
  });

  it('derives one rule per cause that has one, in registry order', () => {
    expect(RULES.map((r) => r.id)).toEqual(CAUSES.filter((c) => c.rule).map((c) => c.id));
  });

  it('has no cause explaining itself, and precedence never goes in a circle', () => {
    const next = (id: string): string[] => {
      const l = EXPLAINS[id as keyof typeof EXPLAINS];
      return l === '*' || !l ? [] : [...l];
    };
    for (const start of Object.keys(EXPLAINS)) {
      expect(next(start), start).not.toContain(start);
      const seen = new Set<string>();
      const stack = next(start);
      while (stack.length) {
        const id = stack.pop()!;
        expect(id, `${start} is explained by what it explains`).not.toBe(start);
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...next(id));
      }
    }
  });

  it('offers only fixes of the contract, and a fix node of a cause addresses that cause with fixes it declares', () => {
    for (const c of CAUSES) {
      for (const f of c.fixes ?? []) expect(FIX_IDS).toContain(f);
      for (const n of c.guide.nodes ?? []) {
        if (n.kind !== 'fix') continue;
        expect(n.cause, n.id).toBe(c.id);
        for (const f of n.fixes) expect(c.fixes ?? [], `${n.id} → ${f}`).toContain(f);
      }
    }
  });

  it('chains every step into the tree: each step is a check whose else is the next step of its chain', () => {
    for (const chain of ['client', 'manageOut', 'server'] as const) {
      const steps = chainSteps(chain);
      expect(steps.length, chain).toBeGreaterThan(0);
      steps.forEach(({ step }, i) => {
        const node = TREE.nodes[step.id];
        expect(node?.kind, step.id).toBe('check');
        if (node?.kind === 'check') expect(node.else).toBe(steps[i + 1]?.step.id ?? 'other-errors');
      });
    }
  });
});

describe('one cause, one place', () => {
  // DESIGN §5: a cause's id is written in the contract's id list, its module, and at most one more source file.
  const files = ['src-shared', 'src-main', 'src-renderer'].flatMap((d) => sourceFiles(join(ROOT, d)));
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  it.each(ROOT_CAUSE_IDS.map((id) => [id]))('%s appears in at most 3 non-test source files', (id) => {
    const where = files.filter((f) => text.get(f)!.includes(`'${id}'`) || text.get(f)!.includes(`"${id}"`)).map((f) => relative(ROOT, f));
    expect(where.length, where.join(', ')).toBeLessThanOrEqual(3);
  });
});

/**
 * The first screen runs only what it draws (issue 12, docs/decisions.md 11): the modules the entry imports, directly
 * or through others, leave out zod and the contract's schemas, the causes, the decision tree and the fix catalogue.
 * Those load with the rest of the wizard once the start screen is up (lazy screens, the bridge's reply checks). One
 * static import in the wrong place would pull them back into the start chunk without failing anything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

/** The module specifiers a file imports or re-exports at run time (not `import type`, not `import()`). */
function runtimeImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const s of src.statements) {
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause;
      const typeOnly =
        c?.isTypeOnly ||
        (c &&
          !c.name &&
          c.namedBindings &&
          ts.isNamedImports(c.namedBindings) &&
          c.namedBindings.elements.length > 0 &&
          c.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) out.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      const named = s.exportClause && ts.isNamedExports(s.exportClause) ? s.exportClause.elements : null;
      if (!named || named.length === 0 || !named.every((e) => e.isTypeOnly)) out.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

/** A relative specifier as a file of ours (path from the root); a package as its name. */
function resolveSpecifier(from: string, spec: string): string {
  if (!spec.startsWith('.'))
    return spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
  const base = join(dirname(from), spec);
  const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => /\.(tsx?|css|json)$/.test(c) && existsSync(c));
  if (!file) throw new Error(`${from}: cannot resolve ${spec}`);
  return relative(ROOT, file);
}

/** Every module the entry runs before its first screen (its static import closure), each with who imports it. */
function startModules(entry: string): Map<string, string[]> {
  const importers = new Map<string, string[]>([[entry, []]]);
  const queue = [entry];
  while (queue.length) {
    const id = queue.pop()!;
    if (!/\.tsx?$/.test(id)) continue; // a package, a stylesheet or data: not walked into
    for (const spec of runtimeImports(join(ROOT, id))) {
      const dep = resolveSpecifier(join(ROOT, id), spec);
      if (!importers.has(dep)) {
        importers.set(dep, []);
        queue.push(dep);
      }
      importers.get(dep)!.push(id);
    }
  }
  return importers;
}

/** What the first screen must not run: the schemas, the causes, the tree, the fix catalogue and their words. */
const isHeavy = (m: string) =>
  /^src-shared\/(causes|fixes|diagnose|report)\//.test(m) ||
  m === 'src-shared/tree/tree.ts' ||
  ['src-shared/ipc.ts', 'src-shared/snapshot.ts', 'src-shared/finding.ts', 'src-shared/orgConfig.ts', 'src-shared/reasonWords.ts'].includes(m) ||
  ['src-renderer/store/walk.ts', 'src-renderer/replies.ts', 'src-renderer/screens/GuideScreen.tsx'].includes(m);

describe('the start screen', () => {
  const modules = startModules('src-renderer/main.tsx');

  it('runs React, Fluent and the store, and none of the schemas, the causes, the tree or the fix catalogue', () => {
    // The walk itself works: what the first screen needs is there.
    for (const m of ['react', '@fluentui/react-components', 'src-renderer/screens/StartScreen.tsx', 'src-renderer/store/index.ts', 'src-renderer/bridge.ts'])
      expect(modules.has(m), m).toBe(true);
    expect([...modules.keys()].filter(isHeavy)).toEqual([]);
    // zod only to be told, before any schema exists, that it may not compile parsers (its config, a few hundred bytes).
    expect(modules.get('zod')).toEqual(['src-renderer/zodJitless.ts']);
  });

  it('would see a heavy module imported statically (the walk is not blind)', () => {
    // The guide's screen imports the walk over the tree, and the bridge's reply checks the contract, statically.
    const guide = startModules('src-renderer/screens/GuideScreen.tsx');
    expect([...guide.keys()].filter((m) => m.startsWith('src-shared/causes/')).length).toBeGreaterThan(10);
    const replies = startModules('src-renderer/replies.ts');
    expect(replies.has('src-shared/snapshot.ts')).toBe(true);
    expect(replies.get('zod')?.length).toBeGreaterThan(1);
  });
});

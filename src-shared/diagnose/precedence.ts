/**
 * Root-cause ordering (DESIGN §1): when a deeper cause and its symptom both fire, only the deeper cause stays and
 * the symptom's evidence moves into it. Each cause module says what it explains; the registry joins them (EXPLAINS).
 */
import { EXPLAINS } from '../causes/registry';
import type { Evidence, Finding } from '../finding';

/** True when finding `deeper` explains finding `symptom`. */
export function explains(deeper: Finding, symptom: Finding): boolean {
  if (deeper.id === symptom.id) return false;
  const list = EXPLAINS[deeper.id];
  // An `info` cause explains only the causes it names, never `*`: one that says the machine is not what they are
  // about (da-migrated: no DirectAccess client any more, so da-not-configured's advice does not apply). A warning
  // explains nothing (it must not hide an error).
  if (deeper.severity === 'info') return Array.isArray(list) && list.includes(symptom.id);
  if (deeper.severity !== 'error') return false;
  if (list === '*') return symptom.severity === 'error';
  return list?.includes(symptom.id) ?? false;
}

function key(e: Evidence): string {
  return `${e.probe}|${e.field}|${JSON.stringify(e.observed)}`;
}

/** Keep only the deepest causes; fold each symptom's evidence into the cause that explains it. */
export function applyPrecedence(findings: Finding[]): Finding[] {
  const explainerOf = (f: Finding): Finding | undefined => findings.find((d) => explains(d, f));
  const rootOf = (f: Finding): Finding => {
    const seen = new Set<Finding>([f]);
    let cur = f;
    for (let next = explainerOf(cur); next && !seen.has(next); next = explainerOf(cur)) {
      seen.add(next);
      cur = next;
    }
    return cur;
  };
  const kept = new Map<Finding, Finding>();
  for (const f of findings) {
    const root = rootOf(f);
    if (root === f) kept.set(f, kept.get(f) ?? { ...f, evidence: [...f.evidence] });
  }
  for (const f of findings) {
    const root = rootOf(f);
    if (root === f) continue;
    const target = kept.get(root) ?? { ...root, evidence: [...root.evidence] };
    kept.set(root, target);
    const have = new Set(target.evidence.map(key));
    for (const e of f.evidence) {
      if (have.has(key(e))) continue;
      have.add(key(e));
      target.evidence.push({ ...e, note: `symptom (${f.id})${e.note ? `: ${e.note}` : ''}` });
    }
  }
  return findings.filter((f) => kept.has(f)).map((f) => kept.get(f)!);
}

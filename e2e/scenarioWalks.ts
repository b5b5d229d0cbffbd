/**
 * The Playwright walks read where each scenario ends from the scenario files themselves ("expect"), through the
 * same tree the wizard walks: the audience to choose, the answer labels to pick, and what the last screen shows
 * (the fix offered, or the outcome's badge).
 */
import { listScenarios, scenarioExpect } from '../src-main/scenarios';
import { OUTCOME_LABELS, START_CHOICES } from '../src-renderer/lib/labels';
import { TREE } from '../src-shared/tree';

/** What the last screen of a walk shows. */
export type End = { fix: string } | { outcome: string };

/** One scenario's walk through the wizard. */
export interface ScenarioWalk {
  scenario: string;
  /** The start screen's choice when it is not the default (this laptop). */
  audience?: string;
  /** Answer labels to pick, in order. */
  answers: string[];
  end: End;
  /** The fixes of the scenario's end that verify on its machine (expect.verified). */
  verified: string[];
}

function answerLabel(question: string, value: string): string {
  for (const n of Object.values(TREE.nodes)) {
    if (n.kind !== 'question' || n.question !== question) continue;
    const option = n.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  throw new Error(`no answer ${value} to question ${question} in the tree`);
}

/** Every scenario's walk, from its file. */
export function scenarioWalks(): ScenarioWalk[] {
  return listScenarios().map((scenario) => {
    const e = scenarioExpect(scenario);
    const node = TREE.nodes[e.end];
    if (!node) throw new Error(`${scenario}: expect.end ${e.end} is not a tree node`);
    let end: End;
    if (node.kind === 'fix') end = { fix: node.fixes[0] };
    else if (node.kind === 'outcome') end = { outcome: OUTCOME_LABELS[node.result] };
    else throw new Error(`${scenario}: the walk is expected to end on ${node.kind} ${node.id}, not on a fix or an outcome`);
    return {
      scenario,
      ...(e.role && e.role !== 'client' ? { audience: START_CHOICES[e.role].label } : {}),
      answers: Object.entries(e.answers ?? {}).map(([q, v]) => answerLabel(q, v)),
      end,
      verified: e.verified ?? [],
    };
  });
}

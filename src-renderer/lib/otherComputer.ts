/**
 * Words for another computer's results. The tree and the findings speak to the person at the computer ("this
 * computer", "your computer"); when a helpdesk opens a snapshot or report from CLIENT01, every such phrase must name
 * CLIENT01 instead, or the technician reads that *their* computer has the problem.
 */

const RULES: [RegExp, (m: string) => string][] = [
  [/\b([Tt])his (computer|laptop|workstation|machine|PC)['’]s\b/g, (m) => `${m}’s`],
  [/\b([Tt])his (computer|laptop|workstation|machine|PC)\b/g, (m) => m],
  [/\b([Yy])our (computer|laptop)['’]s\b/g, (m) => `${m}’s`],
  [/\b([Yy])our (computer|laptop)\b/g, (m) => m],
];

/** The text with "this computer" (and its kin) replaced by the other computer's name. */
export function forOtherComputer(text: string, machine: string): string {
  let out = text;
  for (const [re, name] of RULES) out = out.replace(re, () => name(machine));
  return out;
}

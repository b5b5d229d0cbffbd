import { describe, expect, it } from 'vitest';
import { REASON_WORDS, reasonText, resultReasonText } from './reasonWords';
import { reasonCodeSchema, reasonSchema } from './ipc';
import { REASON_CODES, reasonValueNames, type Reason } from './reasons';

/** Values that choose between wordings rather than being shown. */
const SELECTORS = new Set(['kind', 'reboot', 'terminal']);

/** A reason of the code with every value set to a recognisable sample. */
function sample(code: Reason['code']): Reason {
  return { code, values: Object.fromEntries(reasonValueNames(code).map((n) => [n, `«${n}»`])) } as Reason;
}

describe('reason codes and their words', () => {
  it('the IPC enum, the vocabulary and the wording table name the same codes', () => {
    expect([...reasonCodeSchema.options].sort()).toEqual([...REASON_CODES].sort());
    expect(Object.keys(REASON_WORDS).sort()).toEqual([...REASON_CODES].sort());
  });

  it.each(REASON_CODES)('%s has words, and they show every value it carries', (code) => {
    const words = reasonText(sample(code));
    expect(words.trim().length).toBeGreaterThan(0);
    expect(words).not.toMatch(/undefined|\[object/);
    for (const n of reasonValueNames(code)) if (!SELECTORS.has(n)) expect(words, `${code} shows ${n}`).toContain(`«${n}»`);
  });

  it('a finished refusal says "Refused:" first; other results carry their own first word', () => {
    expect(resultReasonText({ code: 'refused.noChain', values: {} })).toMatch(/^Refused: No chain known/);
    expect(resultReasonText({ code: 'fix.verified', values: { detail: 'IP Helper running', reboot: 'yes' } })).toBe(
      'Verified: IP Helper running. Restart Windows for it to take effect.',
    );
    expect(resultReasonText({ code: 'cancelled.uacDeclined', values: {} })).toMatch(/^Cancelled: /);
  });

  it('the contract refuses an unknown code and a reason without one of its values', () => {
    expect(reasonSchema.safeParse({ code: 'refused.noChain', values: {} }).success).toBe(true);
    expect(reasonSchema.safeParse({ code: 'refused.nope', values: {} }).success).toBe(false);
    expect(reasonSchema.safeParse({ code: 'refused.notPinned.thumbprint', values: { thumbprint: 'AB' } }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { forOtherComputer } from './otherComputer';

describe('forOtherComputer', () => {
  it('names the other computer wherever the text speaks of this one', () => {
    expect(forOtherComputer("This computer's certificate is not valid", 'CLIENT01')).toBe('CLIENT01’s certificate is not valid');
    expect(forOtherComputer('The proxy settings could not be cleared on this computer.', 'CLIENT01')).toBe(
      'The proxy settings could not be cleared on CLIENT01.',
    );
    expect(forOtherComputer('Your computer and this laptop', 'PC-7')).toBe('PC-7 and PC-7');
  });

  it('leaves other words alone (thisComputer, "this computers" as part of a longer word)', () => {
    expect(forOtherComputer('Checking thiscomputer and computers in this office', 'X')).toBe('Checking thiscomputer and computers in this office');
  });
});

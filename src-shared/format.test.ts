import { describe, expect, it } from 'vitest';
import { formatDuration, joinAnd, toHex } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [61_000, '61 seconds'],
    [119_000, '119 seconds'],
    [120_000, '2 minutes'],
    [6 * 60_000, '6 minutes'],
    [60_000 * 119, '119 minutes'],
    [3_600_000 * 2, '2 hours'],
    [3_600_000 * 47, '47 hours'],
    [3_600_000 * 48, '2 days'],
    [86_400_000 * 729, '729 days'],
    [86_400_000 * 730, '2 years'],
    [94_694_400_000, '3 years'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('drops the sign: the caller says ahead or behind', () => {
    expect(formatDuration(-94_694_400_000)).toBe('3 years');
  });

  it('rounds, and a value that rounds up to the next unit gets that unit', () => {
    expect(formatDuration(1499)).toBe('1 second');
    expect(formatDuration(119_600)).toBe('2 minutes');
  });

  it('says so when there is no time to tell', () => {
    expect(formatDuration(Number.NaN)).toBe('an unknown time');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('an unknown time');
  });
});

describe('toHex', () => {
  it('prints codes as Windows tools do', () => {
    expect(toHex(0)).toBe('0x0');
    expect(toHex(11001)).toBe('0x2af9');
    expect(toHex(0x800b0109)).toBe('0x800b0109');
    expect(toHex(0xffffffff)).toBe('0xffffffff');
  });

  it('reads a negative value as a signed HRESULT', () => {
    expect(toHex(-2146762487)).toBe('0x800b0109');
    expect(toHex(-1)).toBe('0xffffffff');
    expect(toHex(-0x80000000)).toBe('0x80000000');
  });

  it('upper-cases the digits on request, never the 0x', () => {
    expect(toHex(0x800b0109, { upper: true })).toBe('0x800B0109');
  });

  it('leaves what is not a 32-bit integer decimal instead of wrapping it into a wrong code', () => {
    expect(toHex(2 ** 32)).toBe('4294967296');
    expect(toHex(-0x80000001)).toBe('-2147483649');
    expect(toHex(1.5)).toBe('1.5');
    expect(toHex(Number.NaN)).toBe('NaN');
  });
});

describe('joinAnd', () => {
  it('lists inside a sentence: commas, then "and" before the last', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['the clock'])).toBe('the clock');
    expect(joinAnd(['a', 'b'])).toBe('a and b');
    expect(joinAnd(['Proxy settings', 'Name lookup rules', 'the computer clock'])).toBe('Proxy settings, Name lookup rules and the computer clock');
  });
  it('with semicolons for items that hold commas of their own: "a; b; and c"', () => {
    expect(joinAnd(['it lacks x', 'its names (a, b) miss c', 'no key'], '; ')).toBe('it lacks x; its names (a, b) miss c; and no key');
    expect(joinAnd(['a', 'b'], '; ')).toBe('a; and b');
  });
});

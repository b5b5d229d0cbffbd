import { describe, expect, it } from 'vitest';
import { InputError } from '../scenarios';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('parses a verb, flags and values in both spellings', () => {
    const a = parseArgs(['diagnose', '--scenario', 'healthy', '--json']);
    expect(a.verb).toBe('diagnose');
    expect(a.options.get('scenario')).toBe('healthy');
    expect(a.options.get('json')).toBe(true);
    expect(parseArgs(['collect', '--out=x.json']).options.get('out')).toBe('x.json');
  });
  it('collects repeated --param name=value, keeping = inside the value', () => {
    const a = parseArgs(['fix', 'set-isatap-router', '--param', 'router=a=b', '--param=x=1']);
    expect(a.positional).toEqual(['set-isatap-router']);
    expect(a.params).toEqual([
      ['router', 'a=b'],
      ['x', '1'],
    ]);
  });
  it.each([
    [['frobnicate'], /unknown command/],
    [['diagnose', '--bogus'], /unknown option --bogus/],
    [['diagnose', '--scenario'], /needs a value/],
    [['diagnose', '--json=yes'], /takes no value/],
    [['diagnose', '--scenario', 'a', '--scenario', 'b'], /given twice/],
    [['fix', 'x', '--param', 'novalue'], /name=value/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(InputError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
  it('treats no arguments as help', () => {
    expect(parseArgs([]).verb).toBe('help');
  });
});

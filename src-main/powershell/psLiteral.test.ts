import { describe, expect, it } from 'vitest';
import { psLiteral, toB64Json } from './psLiteral';

describe('psLiteral', () => {
  it('doubles ASCII and typographic single quotes', () => {
    expect(psLiteral("it's")).toBe("'it''s'");
    expect(psLiteral('a\u2018b\u2019c\u201Ad\u201Be')).toBe("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
  });
  it('leaves $ and backticks alone: inside single quotes they are inert', () => {
    expect(psLiteral('$(calc) `n')).toBe("'$(calc) `n'");
  });
  it('refuses newlines and NUL, which would end the one-line invocation', () => {
    expect(() => psLiteral('a\nb')).toThrow();
    expect(() => psLiteral('a\rb')).toThrow();
    expect(() => psLiteral('a\0b')).toThrow();
  });
});

describe('toB64Json', () => {
  it('round-trips any string through base64 with only base64 characters', () => {
    const value = { s: "'; $(x) `\u2018\n\u00e9\u{1F600}" };
    const b64 = toB64Json(value);
    expect(b64).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(JSON.parse(Buffer.from(b64, 'base64').toString('utf8'))).toEqual(value);
  });
});

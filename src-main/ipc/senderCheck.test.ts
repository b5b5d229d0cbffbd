import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './senderCheck';

describe('isTrustedSender', () => {
  it('accepts our main frame on app://doctor', () => {
    expect(isTrustedSender({ url: 'app://doctor/index.html', parent: null })).toBe(true);
  });
  it.each([
    ['an iframe', { url: 'app://doctor/index.html', parent: {} }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a web page', { url: 'https://doctor.example/index.html', parent: null }],
    ['file://', { url: 'file:///C:/index.html', parent: null }],
    ['a look-alike prefix', { url: 'app://doctor.evil/index.html', parent: null }],
    ['garbage', { url: 'not a url', parent: null }],
    ['ms-msdt:', { url: 'ms-msdt:/id PCWDiagnostic', parent: null }],
    ['file:/// (origin "null")', { url: 'file:///', parent: null }],
    ['data:', { url: 'data:text/html,<b>x</b>', parent: null }],
    ['a user name before the host', { url: 'app://doctor@evil/index.html', parent: null }],
    ['a port', { url: 'app://doctor:1/index.html', parent: null }],
    ['https://doctor/', { url: 'https://doctor/', parent: null }],
    ['app: without the slash after the host', { url: 'app://doctor', parent: null }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
  it('refuses a missing frame (a destroyed sender)', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

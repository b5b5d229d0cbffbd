import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside } from './pathInside';

describe('isInside (POSIX)', () => {
  const p = path.posix;
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/', true],
    ['/a/b/', '/a/b/c.txt', true],
    ['/a/b', '/a/b/c/d', true],
    ['/a/b', '/a/b/c/../d', true],
    ['/a/b', '/a/b/..c', true], // a name that starts with two dots is still a name
    ['/a/b', '/a/bc', false], // the prefix trick
    ['/a/b', '/a/b-other/x', false],
    ['/a/b', '/a', false],
    ['/a/b', '/a/b/../c', false],
    ['/a/b', '/a/b/../../etc/passwd', false],
    ['/a/b/../b', '/a/b/x', true], // the folder is normalised too
    ['/a//b', '/a/b/x', true],
    ['/', '/anything', true],
  ])('%s contains %s: %s', (dir, target, expected) => {
    expect(isInside(dir, target, p)).toBe(expected);
  });
});

describe('isInside (Windows)', () => {
  const w = path.win32;
  it.each([
    ['C:\\Users\\ann', 'C:\\Users\\ann\\AppData\\x.ps1', true],
    ['C:\\Users\\ann', 'c:/users/ANN/appdata/x.ps1', true], // case and separators do not matter
    ['C:\\Users\\ann\\', 'C:\\Users\\ann', true],
    ['C:\\Users\\ann', 'C:\\Users\\anna\\x.ps1', false],
    ['C:\\Users\\ann', 'C:\\Users\\ann\\..\\bob\\x.ps1', false],
    ['C:\\Users\\ann', 'D:\\Users\\ann\\x.ps1', false], // another drive
    ['C:\\Users\\ann', '\\\\server\\share\\Users\\ann\\x.ps1', false], // a UNC share
  ])('%s contains %s: %s', (dir, target, expected) => {
    expect(isInside(dir, target, w)).toBe(expected);
  });
});

describe('resolveInside', () => {
  const p = path.posix;
  const dir = '/srv/renderer';
  it('serves files below the folder, and index.html for /', () => {
    expect(resolveInside(dir, '/', 'index.html', p)).toBe('/srv/renderer/index.html');
    expect(resolveInside(dir, '/assets/app.js', 'index.html', p)).toBe('/srv/renderer/assets/app.js');
    expect(resolveInside(dir, '/assets/a%20b.js', 'index.html', p)).toBe('/srv/renderer/assets/a b.js');
  });
  it.each([
    ['/../secret.txt', null],
    ['/%2e%2e/secret.txt', null],
    ['/..%2fsecret.txt', null],
    ['/assets/../../secret.txt', null],
    ['/../renderer-other/x', null], // the prefix trick
    ['/assets/../index.html', '/srv/renderer/index.html'],
    ['//etc/passwd', '/srv/renderer/etc/passwd'], // leading slashes never make the path absolute
  ])('%s → %s', (urlPath, expected) => {
    expect(resolveInside(dir, urlPath, 'index.html', p)).toBe(expected);
  });
  it('refuses the folder itself, a malformed escape and a NUL byte', () => {
    expect(resolveInside(dir, '/assets/..', 'index.html', p)).toBeNull();
    expect(resolveInside(dir, '/%E0%A4%A', 'index.html', p)).toBeNull();
    expect(resolveInside(dir, '/index.html%00.png', 'index.html', p)).toBeNull();
  });
  it('on Windows, a backslash traversal is refused too', () => {
    expect(resolveInside('C:\\app\\renderer', '/..\\..\\Windows\\win.ini', 'index.html', path.win32)).toBeNull();
    expect(resolveInside('C:\\app\\renderer', '/assets\\app.js', 'index.html', path.win32)).toBe('C:\\app\\renderer\\assets\\app.js');
  });
});

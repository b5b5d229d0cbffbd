import { describe, expect, it } from 'vitest';
import { powershellEnv, powershellExecutable } from './executable';

describe('powershellExecutable', () => {
  it('uses Windows PowerShell by absolute path on Windows, whatever NODE_POWERSHELL says', () => {
    expect(powershellExecutable({ SystemRoot: 'D:\\Win', NODE_POWERSHELL: 'evil.exe' }, 'win32')).toBe(
      'D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
  it('honours DAD_PWSH elsewhere', () => {
    expect(powershellExecutable({ DAD_PWSH: '/opt/pwsh' }, 'linux')).toBe('/opt/pwsh');
  });
});

describe('powershellEnv', () => {
  it('removes NODE_POWERSHELL, which node-powershell would obey over our executable', () => {
    const env = powershellEnv({ NODE_POWERSHELL: '/tmp/evil', PATH: '/bin' });
    expect(env.NODE_POWERSHELL).toBeUndefined();
    expect(env.PATH).toBe('/bin');
  });
});

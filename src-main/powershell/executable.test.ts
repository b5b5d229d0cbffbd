import { describe, expect, it } from 'vitest';
import { powershellEnv, powershellExecutable } from './executable';

describe('powershellExecutable', () => {
  it('uses Windows PowerShell by absolute path on Windows, whatever NODE_POWERSHELL says', () => {
    expect(powershellExecutable({ SystemRoot: 'D:\\Win', NODE_POWERSHELL: 'evil.exe' }, 'win32')).toBe(
      'D:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
  it('runs the DAD_PWSH of the test hooks elsewhere, never on Windows', () => {
    expect(powershellExecutable({}, 'linux', { pwsh: '/opt/pwsh' })).toBe('/opt/pwsh');
    expect(powershellExecutable({ SystemRoot: 'C:\\Windows' }, 'win32', { pwsh: '/opt/pwsh' })).toMatch(/powershell\.exe$/);
  });
  it('ignores DAD_PWSH in the environment when the hooks do not count', () => {
    expect(powershellExecutable({ DAD_PWSH: '/opt/pwsh' }, 'linux', {})).not.toBe('/opt/pwsh');
  });
});

describe('powershellEnv', () => {
  it('removes NODE_POWERSHELL, which node-powershell would obey over our executable', () => {
    const env = powershellEnv({ NODE_POWERSHELL: '/tmp/evil', PATH: '/bin' });
    expect(env.NODE_POWERSHELL).toBeUndefined();
    expect(env.PATH).toBe('/bin');
  });
});

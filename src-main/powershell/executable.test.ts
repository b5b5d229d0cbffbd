import { describe, expect, it } from 'vitest';
import { powershellEnv, powershellExecutable, trustedSystemRoot } from './executable';

describe('powershellExecutable', () => {
  it('uses Windows PowerShell by absolute path on Windows, whatever NODE_POWERSHELL and SystemRoot say', () => {
    // A standard user can set SystemRoot for their own session: it must not choose the PowerShell we start.
    expect(powershellExecutable({ SystemRoot: 'D:\\Win', NODE_POWERSHELL: 'evil.exe' }, 'win32')).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
  it('takes the Windows folder from the kernel link, not from the environment', () => {
    expect(trustedSystemRoot(() => '\\\\?\\E:\\WINDOWS')).toBe('E:\\WINDOWS');
    expect(trustedSystemRoot(() => 'E:\\Windows')).toBe('E:\\Windows');
    for (const odd of ['\\\\server\\share\\Windows', 'relative', 'C:\\a\\b', ''])
      expect(
        trustedSystemRoot(() => odd),
        odd,
      ).toBe('C:\\Windows');
    expect(
      trustedSystemRoot(() => {
        throw new Error('ENOENT');
      }),
    ).toBe('C:\\Windows');
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

  it('sets the JIT the way the session was measured fastest, whatever the caller environment says', () => {
    const env = powershellEnv({ DOTNET_TieredCompilation: '1', DOTNET_TieredPGO: '1' });
    expect(env.DOTNET_TieredCompilation).toBe('0');
    expect(env.DOTNET_TieredPGO).toBe('0');
  });
});

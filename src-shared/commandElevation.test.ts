import { describe, expect, it } from 'vitest';
import { runAsAdmin } from './commandElevation';

describe('runAsAdmin: read from the command', () => {
  it('changes need an administrator', () => {
    for (const c of [
      'Restart-Service NcaSvc',
      'Set-Service -Name iphlpsvc -StartupType Automatic',
      'Start-Service -Name w32time',
      'netsh winhttp reset proxy',
      'netsh interface isatap set state enabled',
      'certutil -addstore Root C:\\x.cer',
      'certutil -urlcache * delete',
      'w32tm /resync /force',
      'reg add HKLM\\SOFTWARE\\X /v Y /d 1',
      'Get-Service iphlpsvc | Restart-Service',
    ])
      expect(runAsAdmin(c), c).toBe(true);
  });
  it('reads do not', () => {
    for (const c of [
      'Get-NetIPHttpsState',
      'Get-Service iphlpsvc | Select-Object Status, StartType',
      'netsh winhttp show proxy',
      'certutil -verify -urlfetch "$env:TEMP\\da-server.cer"',
      'certutil -store Root',
      'w32tm /query /status',
      'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents',
      "$tcp = New-Object Net.Sockets.TcpClient('da.contoso.com', 443); $tcp.Close()",
      'sc qc iphlpsvc',
    ])
      expect(runAsAdmin(c), c).toBe(false);
  });
});

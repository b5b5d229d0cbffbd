/**
 * A small catalogue of fix titles and what they change, until the fix catalogue and `fix:*` channels arrive (next
 * issue); then the preview comes from main and this map only names things.
 */
import type { FixId } from '../../src-shared/ids';

/** What the fix screen says about a fix: its title, the change in plain words, and the commands it runs. */
export interface FixInfo {
  title: string;
  changes: string;
  commands: string[];
}

/** Every fix of contract §2. */
export const FIX_INFO: Record<FixId, FixInfo> = {
  'start-ip-helper': { title: 'Start the IP Helper service', changes: 'The IP Helper service is set to start with Windows and started now.', commands: ['Set-Service -Name iphlpsvc -StartupType Automatic', 'Start-Service -Name iphlpsvc'] },
  'restart-ip-helper': { title: 'Restart the IP Helper service', changes: 'The IP Helper service restarts; the DirectAccess tunnel tries again at once.', commands: ['Restart-Service -Name iphlpsvc -Force'] },
  'import-root-ca': { title: "Trust your company's root certificate", changes: "Your company's root certificate is added to the computer's trusted certificates, then the IP Helper service restarts.", commands: ['Import-Certificate -FilePath <root.cer> -CertStoreLocation Cert:\\LocalMachine\\Root', 'Restart-Service -Name iphlpsvc -Force'] },
  'import-intermediate-ca': { title: 'Add the intermediate certificate', changes: 'The missing intermediate certificate is added to the computer’s intermediate certificates.', commands: ['Import-Certificate -FilePath <intermediate.cer> -CertStoreLocation Cert:\\LocalMachine\\CA'] },
  'resync-time': { title: 'Set the clock from the time service', changes: 'The Windows Time service is started if needed and the clock is set from it.', commands: ['Start-Service -Name w32time', 'w32tm /resync /force'] },
  'clear-crl-cache': { title: 'Refresh the certificate revocation lists', changes: 'Windows forgets its saved copies of the lists of withdrawn certificates and fetches them again.', commands: ['certutil -urlcache * delete', 'certutil -setreg chain\\ChainCacheResyncFiletime @now', 'Restart-Service -Name iphlpsvc -Force'] },
  'reset-winhttp-proxy': { title: 'Remove the system proxy', changes: 'The current system (WinHTTP) proxy is saved, so it can be put back, and then removed.', commands: ['netsh winhttp show proxy', 'netsh winhttp reset proxy'] },
  'clear-iphlpsvc-proxy-cache': { title: "Clear the IP Helper's saved proxy", changes: 'The proxy the IP Helper service remembered is exported, so it can be put back, and deleted; the service restarts.', commands: ['reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr <backup.reg>', 'Remove-Item HKLM:\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr\\* -Recurse', 'Restart-Service -Name iphlpsvc -Force'] },
  'set-ipv6-prefer-ipv4': { title: 'Allow the IPv6 tunnels', changes: 'The setting that switches IPv6 off is changed to "prefer IPv4" (0x20). Windows needs a restart.', commands: ['Set-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters -Name DisabledComponents -Value 0x20 -Type DWord'] },
  'renew-machine-certificate': { title: 'Request a new computer certificate', changes: 'Windows asks the company certificate authority for a new computer certificate (only on the company network).', commands: ['certutil -pulse'] },
  'enable-isatap': { title: 'Turn on ISATAP', changes: 'ISATAP is switched on with the company’s ISATAP router.', commands: ['Set-NetIsatapConfiguration -State Enabled -Router <router>'] },
  'set-isatap-router': { title: 'Set the ISATAP router name', changes: 'The ISATAP router name is set to the one your company uses.', commands: ['Set-NetIsatapConfiguration -Router <router>'] },
  'enable-iphttps-preauth': { title: 'Turn on IP-HTTPS preauthentication', changes: 'The IP-HTTPS binding is saved and re-created with client-certificate negotiation.', commands: ['netsh http show sslcert ipport=0.0.0.0:443', 'netsh http delete sslcert ipport=0.0.0.0:443', 'netsh http add sslcert ipport=0.0.0.0:443 certhash=<thumbprint> appid=<appid> clientcertnegotiation=enable'] },
  'disable-iphttps-preauth': { title: 'Turn off IP-HTTPS preauthentication', changes: 'The IP-HTTPS binding is saved and re-created without client-certificate negotiation.', commands: ['netsh http show sslcert ipport=0.0.0.0:443', 'netsh http delete sslcert ipport=0.0.0.0:443', 'netsh http add sslcert ipport=0.0.0.0:443 certhash=<thumbprint> appid=<appid>'] },
  'reset-isatap-router': { title: 'Reset the ISATAP router', changes: 'The internal prefix route is published and the ISATAP adapter forwards and advertises again.', commands: ['Set-NetIPInterface -InterfaceAlias <isatap> -Forwarding Enabled -Advertising Enabled', 'New-NetRoute -InterfaceAlias <isatap> -DestinationPrefix <prefix> -Publish Yes'] },
};

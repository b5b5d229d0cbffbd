# Shared by the probe *.Tests.ps1 files: imports the module and stands in for Windows. The Windows commands and the
# adapters do not exist on Linux, and Pester can only mock a command that exists, so each gets a global stub that
# throws until a test mocks it (-ModuleName DaDoctor). Stubs are removed again after each file so they cannot leak
# into the simulated host's tests, which run in the same session.

$script:DadTestModulePath = Join-Path $PSScriptRoot 'DaDoctor.psm1'
$script:DadTestStubNames = @(
    'Get-CimInstance', 'Get-WmiObject', 'Get-Service', 'Get-NetIPHttpsState', 'Get-NetIPHttpsConfiguration',
    'Get-DAConnectionStatus', 'Get-DnsClientNrptPolicy', 'Get-NetIsatapConfiguration', 'Get-NetIPAddress',
    'Get-NetTeredoState', 'Get-Net6to4Configuration', 'netsh', 'Get-DadRegistryValues', 'Get-DadRegistrySubkeys', 'Get-DadCertificates',
    'Resolve-DadName', 'Resolve-DadNames', 'Test-DadTcpPort', 'Invoke-DadTlsProbe', 'Test-DadCertificateChain', 'Get-DadUtcNow',
    'Get-DadPowerShellVersion', 'Get-DadUserContext', 'Get-NCSIPolicyConfiguration', 'Get-NetConnectionProfile',
    'Get-DadFirewallCurrentProfileTypes',
    'Get-NetIPsecRule', 'Get-NetIPsecPhase1AuthSet', 'Get-NetIPsecMainModeSA', 'Get-NetIPsecQuickModeSA', 'Test-DadElevated',
    'Resolve-DnsName', 'Get-VpnConnection', 'Test-DadFolder',
    'Get-RemoteAccess', 'Get-DAOtpAuthentication', 'Get-NetIPInterface', 'Get-NetRoute',
    'Get-DANetworkLocationServer', 'Get-DAClientDnsConfiguration', 'Get-DnsServerGlobalQueryBlockList'
)

# Imports the module fresh and defines the stubs (parameters as BOUNDARY.md lists them, so ParameterFilters work).
function Initialize-DadTestHost {
    Import-Module $script:DadTestModulePath -Force -DisableNameChecking
    function global:Get-CimInstance { [CmdletBinding()] param([string]$ClassName, [string]$Filter) throw 'stub: Get-CimInstance not mocked' }
    function global:Get-WmiObject { [CmdletBinding()] param([string]$Class, [string]$Filter) throw 'stub: Get-WmiObject not mocked' }
    function global:Get-Service { [CmdletBinding()] param([string]$Name) throw 'stub: Get-Service not mocked' }
    function global:Get-NetIPHttpsState { [CmdletBinding()] param() throw 'stub: Get-NetIPHttpsState not mocked' }
    function global:Get-NetIPHttpsConfiguration { [CmdletBinding()] param() throw 'stub: Get-NetIPHttpsConfiguration not mocked' }
    function global:Get-DAConnectionStatus { [CmdletBinding()] param() throw 'stub: Get-DAConnectionStatus not mocked' }
    function global:Get-DnsClientNrptPolicy { [CmdletBinding()] param([switch]$Effective) throw 'stub: Get-DnsClientNrptPolicy not mocked' }
    function global:Get-NetIsatapConfiguration { [CmdletBinding()] param() throw 'stub: Get-NetIsatapConfiguration not mocked' }
    function global:Get-NetIPAddress { [CmdletBinding()] param([string]$AddressFamily) throw 'stub: Get-NetIPAddress not mocked' }
    function global:Get-NetTeredoState { [CmdletBinding()] param() throw 'stub: Get-NetTeredoState not mocked' }
    function global:Get-Net6to4Configuration { [CmdletBinding()] param() throw 'stub: Get-Net6to4Configuration not mocked' }
    function global:netsh { throw ('stub: netsh not mocked: ' + ($args -join ' ')) }
    function global:Get-DadRegistryValues { [CmdletBinding()] param([string]$Path) throw 'stub: Get-DadRegistryValues not mocked' }
    function global:Get-DadRegistrySubkeys { [CmdletBinding()] param([string]$Path) throw 'stub: Get-DadRegistrySubkeys not mocked' }
    function global:Get-DadCertificates { [CmdletBinding()] param([string]$Store) throw 'stub: Get-DadCertificates not mocked' }
    function global:Resolve-DadName { [CmdletBinding()] param([string]$Name, [int]$TimeoutMs) throw 'stub: Resolve-DadName not mocked' }
    function global:Resolve-DadNames { [CmdletBinding()] param([string[]]$Names, [int]$TimeoutMs) throw 'stub: Resolve-DadNames not mocked' }
    function global:Test-DadTcpPort { [CmdletBinding()] param([string]$HostName, [int]$Port, [int]$TimeoutMs) throw 'stub: Test-DadTcpPort not mocked' }
    function global:Invoke-DadTlsProbe { [CmdletBinding()] param([string]$HostName, [int]$Port, [int]$TimeoutMs, [string]$Path) throw 'stub: Invoke-DadTlsProbe not mocked' }
    function global:Test-DadCertificateChain { [CmdletBinding()] param([string]$Thumbprint) throw 'stub: Test-DadCertificateChain not mocked' }
    function global:Get-DadUtcNow { [CmdletBinding()] param() throw 'stub: Get-DadUtcNow not mocked' }
    function global:Get-DadPowerShellVersion { [CmdletBinding()] param() throw 'stub: Get-DadPowerShellVersion not mocked' }
    function global:Get-DadUserContext { [CmdletBinding()] param() throw 'stub: Get-DadUserContext not mocked' }
    function global:Get-NCSIPolicyConfiguration { [CmdletBinding()] param([string]$PolicyStore) throw 'stub: Get-NCSIPolicyConfiguration not mocked' }
    function global:Get-NetConnectionProfile { [CmdletBinding()] param() throw 'stub: Get-NetConnectionProfile not mocked' }
    function global:Get-DadFirewallCurrentProfileTypes { [CmdletBinding()] param() throw 'stub: Get-DadFirewallCurrentProfileTypes not mocked' }
    function global:Get-NetIPsecRule { [CmdletBinding()] param([string]$PolicyStore) throw 'stub: Get-NetIPsecRule not mocked' }
    function global:Get-NetIPsecPhase1AuthSet { [CmdletBinding()] param([string]$PolicyStore) throw 'stub: Get-NetIPsecPhase1AuthSet not mocked' }
    function global:Get-NetIPsecMainModeSA { [CmdletBinding()] param() throw 'stub: Get-NetIPsecMainModeSA not mocked' }
    function global:Get-NetIPsecQuickModeSA { [CmdletBinding()] param() throw 'stub: Get-NetIPsecQuickModeSA not mocked' }
    function global:Test-DadElevated { [CmdletBinding()] param() throw 'stub: Test-DadElevated not mocked' }
    function global:Resolve-DnsName { [CmdletBinding()] param([string]$Name, [string]$Type) throw 'stub: Resolve-DnsName not mocked' }
    function global:Get-VpnConnection { [CmdletBinding()] param([switch]$AllUserConnection) throw 'stub: Get-VpnConnection not mocked' }
    function global:Test-DadFolder { [CmdletBinding()] param([string]$Path) throw 'stub: Test-DadFolder not mocked' }
    function global:Get-RemoteAccess { [CmdletBinding()] param() throw 'stub: Get-RemoteAccess not mocked' }
    function global:Get-DAOtpAuthentication { [CmdletBinding()] param() throw 'stub: Get-DAOtpAuthentication not mocked' }
    function global:Get-NetIPInterface { [CmdletBinding()] param([string]$AddressFamily) throw 'stub: Get-NetIPInterface not mocked' }
    function global:Get-NetRoute { [CmdletBinding()] param([string]$AddressFamily) throw 'stub: Get-NetRoute not mocked' }
    function global:Get-DANetworkLocationServer { [CmdletBinding()] param() throw 'stub: Get-DANetworkLocationServer not mocked' }
    function global:Get-DAClientDnsConfiguration { [CmdletBinding()] param() throw 'stub: Get-DAClientDnsConfiguration not mocked' }
    function global:Get-DnsServerGlobalQueryBlockList { [CmdletBinding()] param() throw 'stub: Get-DnsServerGlobalQueryBlockList not mocked' }
    $global:DadTestMissingCommands = @()
}

# Removes the stubs and the module.
function Clear-DadTestHost {
    foreach ($name in $script:DadTestStubNames) {
        if (Test-Path -LiteralPath ('Function:\' + $name)) { Remove-Item -LiteralPath ('Function:\' + $name) }
    }
    Remove-Variable -Name DadTestMissingCommands -Scope Global -ErrorAction SilentlyContinue
    Remove-Module DaDoctor -ErrorAction SilentlyContinue
}

# Makes the module see every Windows command except the named ones (a Windows 7 machine lacks the Net* cmdlets).
function Set-DadTestMissingCommands {
    param([string[]]$Names)
    $global:DadTestMissingCommands = $Names
    Mock -ModuleName DaDoctor Test-DadCommand { -not ($global:DadTestMissingCommands -contains $Name) }
}

# Base64 of the UTF-8 JSON input Invoke-DadProbe takes.
function ConvertTo-DadTestInput {
    param([string]$Json)
    return [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Json))
}

# Runs Invoke-DadProbe for a section and returns @{ Raw = output objects; Envelope = parsed JSON }.
function Invoke-DadTestProbe {
    param([string]$Name)
    $raw = @(Invoke-DadProbe -InputB64 (ConvertTo-DadTestInput ('{"name":"' + $Name + '"}')))
    $envelope = $null
    if ($raw.Count -eq 1) { $envelope = $raw[0] | ConvertFrom-Json }
    return @{ Raw = $raw; Envelope = $envelope }
}

# Lines of netsh-like text, as Windows would print them.
function Split-DadTestText {
    param([string]$Text)
    return , ($Text -split "\r?\n")
}

# A certificate object as Get-DadCertificates / Invoke-DadTlsProbe return it.
function New-DadTestCertificate {
    param(
        [string]$Subject = 'CN=da.contoso.com', [string]$Issuer = 'CN=Contoso Issuing CA',
        [string]$Thumbprint = ('ab' * 20), [string[]]$DnsNames = @('da.contoso.com'), [string[]]$Ekus = @('1.3.6.1.5.5.7.3.1'),
        [string[]]$CrlUrls = @(), [bool]$HasPrivateKey = $false,
        [datetime]$NotBefore = (New-Object DateTime 2024, 1, 1, 0, 0, 0, ([DateTimeKind]::Utc)),
        [datetime]$NotAfter = (New-Object DateTime 2026, 1, 1, 0, 0, 0, ([DateTimeKind]::Utc))
    )
    return [pscustomobject]@{
        Subject = $Subject; Issuer = $Issuer; Thumbprint = $Thumbprint; NotBefore = $NotBefore; NotAfter = $NotAfter
        HasPrivateKey = $HasPrivateKey; Ekus = $Ekus; DnsNames = $DnsNames; CrlUrls = $CrlUrls
    }
}

# DirectAccess Doctor probes: one function per snapshot section (src-shared/snapshot.ts) and Invoke-DadProbe, the
# only entry point the app calls. Probes only read the machine, and only through the commands and adapters listed in
# BOUNDARY.md; the adapters come from host/WindowsHost.ps1 or sim/SimHost.ps1 as global functions, which is why this
# module must never define a function with an adapter's name (it would shadow the simulated host's).
# Runs on Windows PowerShell 2.0 (Windows 7 collector), 5.1 and PowerShell 7.

Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
    # Best effort: without a console (e.g. some service hosts) the setter throws; our JSON is ASCII anyway. The app's
    # session sets it before importing us, and the setter is slow, so it is skipped when already UTF-8.
    if ([Console]::OutputEncoding.CodePage -ne 65001) {
        [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding -ArgumentList $false
    }
} catch {
    $null = $_
}

# Path.Combine rather than Join-Path: the first Join-Path of a session costs ~60 ms (provider start-up).
$script:DadProbeDir = [System.IO.Path]::Combine($PSScriptRoot, 'probes')
foreach ($dadFile in @('Common.ps1', 'Json.ps1', 'System.ps1', 'IpHttps.ps1', 'Certificates.ps1', 'Proxy.ps1', 'Dns.ps1', 'Transition.ps1', 'Server.ps1')) {
    . ([System.IO.Path]::Combine($script:DadProbeDir, $dadFile))
}
# The provider-free API rather than Remove-Variable: that cmdlet's module (Microsoft.PowerShell.Utility) is
# auto-loaded on first use, ~85 ms that a bare session never pays.
$ExecutionContext.SessionState.PSVariable.Remove('dadFile')

# Section name -> probe function, in the snapshot's order (cheap local reads first, network last is the app's call).
$script:DadSectionOrder = @('os', 'services', 'daStatus', 'ipHttps', 'reachability', 'serverCertificate', 'trustStores',
    'machineCertificates', 'proxy', 'nrpt', 'ipv6', 'isatap', 'teredo', 'clock', 'firewall', 'server')
$script:DadSectionProbes = @{
    os                  = 'Get-DadOsSection'
    services            = 'Get-DadServicesSection'
    daStatus            = 'Get-DadDaStatusSection'
    ipHttps             = 'Get-DadIpHttpsSection'
    reachability        = 'Get-DadReachabilitySection'
    serverCertificate   = 'Get-DadServerCertificateSection'
    trustStores         = 'Get-DadTrustStoresSection'
    machineCertificates = 'Get-DadMachineCertificatesSection'
    proxy               = 'Get-DadProxySection'
    nrpt                = 'Get-DadNrptSection'
    ipv6                = 'Get-DadIpv6Section'
    isatap              = 'Get-DadIsatapSection'
    teredo              = 'Get-DadTeredoSection'
    clock               = 'Get-DadClockSection'
    firewall            = 'Get-DadFirewallSection'
    server              = 'Get-DadServerSection'
}

# Decodes the base64 JSON input ({"name":"<section>"}) and returns the section name; throws on anything else.
# A strict pattern rather than ConvertFrom-Json: PowerShell 2.0 has none, its first call costs ~30 ms elsewhere, and
# the input is one flat object written by JSON.stringify.
function Read-DadProbeInput {
    param([string]$InputB64)
    $bytes = [System.Convert]::FromBase64String($InputB64)
    $json = ([Activator]::CreateInstance([System.Text.UTF8Encoding], [object[]]@($false, $true))).GetString($bytes)
    $m = [regex]::Match($json, '^\s*\{\s*"name"\s*:\s*"([A-Za-z][A-Za-z0-9]{0,39})"\s*\}\s*$')
    if (-not $m.Success) { throw 'input is not a JSON object of the form {"name":"<section>"}' }
    return $m.Groups[1].Value
}

# Runs one probe by section name and writes exactly one compressed JSON line: {"status","ms","message"?,"data"?}.
# Never throws for the probe's sake: an unknown name, bad input or a failing probe all become status "error".
function Invoke-DadProbe {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z0-9+/=]{1,4096}$')]
        [string]$InputB64
    )
    # Streams other than output would reach stdout of a console host as text; keep them quiet for the probe's run.
    $ErrorActionPreference = 'Stop'
    $WarningPreference = 'SilentlyContinue'
    $VerbosePreference = 'SilentlyContinue'
    $DebugPreference = 'SilentlyContinue'
    $InformationPreference = 'SilentlyContinue'
    $ProgressPreference = 'SilentlyContinue'
    $envelope = [Activator]::CreateInstance([System.Collections.Specialized.OrderedDictionary])
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $name = Read-DadProbeInput $InputB64
        $probe = $null
        foreach ($known in $script:DadSectionOrder) {
            if ($known -ceq $name) { $probe = $script:DadSectionProbes[$known] }
        }
        if ($null -eq $probe) { throw ("unknown section '" + $name + "'") }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $data = & $probe
        $ms = [int64]$watch.ElapsedMilliseconds
        if ($data -is [System.Collections.IDictionary] -and $data.Contains('DadNotApplicable')) {
            $envelope.Add('status', 'notApplicable')
            $envelope.Add('ms', $ms)
            $envelope.Add('message', [string]$data['Reason'])
        } elseif ($data -is [System.Collections.IDictionary]) {
            $envelope.Add('status', 'ok')
            $envelope.Add('ms', $ms)
            $envelope.Add('data', $data)
        } else {
            # Stray pipeline output from a probe would arrive here as an array: a bug to report, not to send on.
            $count = @($data).Count
            throw ('probe ' + $probe + ' returned ' + $count + ' objects instead of one table')
        }
    } catch {
        $envelope.Clear()
        $envelope.Add('status', 'error')
        $envelope.Add('ms', [int64]$watch.ElapsedMilliseconds)
        $message = $_.Exception.Message
        if (-not $message) { $message = [string]$_ }
        $envelope.Add('message', $message)
    }
    $json = $null
    try {
        $json = ConvertTo-DadJson $envelope
    } catch {
        $json = ConvertTo-DadJson @{ status = 'error'; ms = [int64]$watch.ElapsedMilliseconds; message = ('result could not be written as JSON: ' + $_.Exception.Message) }
    }
    return $json
}

# The section names in the snapshot's order, for callers that collect every section (Collect-DadSnapshot.ps1).
function Get-DadSectionNames {
    return [string[]]$script:DadSectionOrder
}

Export-ModuleMember -Function @(
    'Invoke-DadProbe', 'Get-DadSectionNames',
    'Get-DadOsSection', 'Get-DadServicesSection', 'Get-DadDaStatusSection', 'Get-DadIpHttpsSection',
    'Get-DadReachabilitySection', 'Get-DadServerCertificateSection', 'Get-DadTrustStoresSection',
    'Get-DadMachineCertificatesSection', 'Get-DadProxySection', 'Get-DadNrptSection', 'Get-DadIpv6Section',
    'Get-DadIsatapSection', 'Get-DadTeredoSection', 'Get-DadClockSection', 'Get-DadFirewallSection', 'Get-DadServerSection',
    'ConvertTo-DadJson'
)

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
foreach ($dadFile in @('Common.ps1', 'Json.ps1', 'System.ps1', 'IpHttps.ps1', 'Certificates.ps1', 'Proxy.ps1', 'Dns.ps1', 'NameLookup.ps1', 'Transition.ps1', 'Location.ps1', 'Ipsec.ps1', 'Coexistence.ps1', 'Server.ps1', 'ServerInfrastructure.ps1')) {
    . ([System.IO.Path]::Combine($script:DadProbeDir, $dadFile))
}
# The provider-free API rather than Remove-Variable: that cmdlet's module (Microsoft.PowerShell.Utility) is
# auto-loaded on first use, ~85 ms that a bare session never pays.
$ExecutionContext.SessionState.PSVariable.Remove('dadFile')

# Section name -> probe function, in the snapshot's order (cheap local reads first, network last is the app's call).
$script:DadSectionOrder = @('os', 'services', 'daStatus', 'ipHttps', 'reachability', 'serverCertificate', 'trustStores',
    'machineCertificates', 'proxy', 'nrpt', 'ipv6', 'isatap', 'teredo', 'clock', 'firewall', 'location', 'ipsec', 'coexistence', 'server', 'serverInfrastructure')
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
    location            = 'Get-DadLocationSection'
    ipsec               = 'Get-DadIpsecSection'
    coexistence         = 'Get-DadCoexistenceSection'
    server              = 'Get-DadServerSection'
    serverInfrastructure = 'Get-DadServerInfrastructureSection'
}

# The JSON text of a base64 input (UTF-8; throws on bytes that are not).
function Read-DadInputJson {
    param([string]$InputB64)
    $bytes = [System.Convert]::FromBase64String($InputB64)
    return ([Activator]::CreateInstance([System.Text.UTF8Encoding], [object[]]@($false, $true))).GetString($bytes)
}

# Decodes the base64 JSON input ({"name":"<section>"}) and returns the section name; throws on anything else.
# A strict pattern rather than ConvertFrom-Json: PowerShell 2.0 has none, its first call costs ~30 ms elsewhere, and
# the input is one flat object written by JSON.stringify.
function Read-DadProbeInput {
    param([string]$InputB64)
    $m = [regex]::Match((Read-DadInputJson $InputB64), '^\s*\{\s*"name"\s*:\s*"([A-Za-z][A-Za-z0-9]{0,39})"\s*\}\s*$')
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
        } elseif ($data -is [System.Collections.IDictionary] -and $data.Contains('DadTimedOut')) {
            $envelope.Add('status', 'timedOut')
            $envelope.Add('ms', $ms)
            $envelope.Add('message', [string]$data['Reason'])
            if ($null -ne $data['Data']) { $envelope.Add('data', $data['Data']) }
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

# Probes run at the same time (issue 12), each in a runspace of a pool inside this process: a network that drops
# packets costs one network timeout, not one per probe, and the local reads share the lanes left. A runspace rather
# than a second process: it shares the loaded assemblies, starts
# in milliseconds, and on the simulated host shares the one machine ($global:DadSim) that the fixes change.
$script:DadPool = $null
# Runspaces in the pool (src-main/collect/probePlan.ts POOL_SIZE): one per network probe and three lanes for the
# local reads; more probes than that wait in the pool's queue for a free runspace.
$script:DadPoolSize = 8
$script:DadRunning = @{}
# When each probe began to run in its runspace (UTC ticks), written by the worker: a probe handed to the pool may wait
# in its queue for a free runspace, and its time budget counts from here, not from the hand-over.
$script:DadBeganAt = [hashtable]::Synchronized(@{})
$script:DadModuleFile = [System.IO.Path]::Combine($PSScriptRoot, 'DaDoctor.psm1')
# What a pool runspace runs: the module and the host's adapters once per runspace, then one probe. Every runspace of
# the pool has it as the function Invoke-DadPoolWorker (Start-DadPoolJob) and is called by name (the host scripts
# define their functions and variables as global, so its own scope is enough). By name, not as a script: PowerShell
# parses and compiles a script given to AddScript anew on every call (that path has no cache), which cost about a
# fifth of a warm check's CPU and made the runtime finalize the dynamic methods it compiled.
$script:DadProbeWorker = {
    param([string]$ModuleFile, [string]$HostScript, $Sim, [string]$InputB64, $BeganAt, [string]$Name)
    if ($Name) { $BeganAt[$Name] = [DateTime]::UtcNow.Ticks }
    if (-not $global:DadProbeWorkerReady) {
        Import-Module $ModuleFile -DisableNameChecking
        . $HostScript
        $global:DadProbeWorkerReady = $true
    }
    # A scenario loaded since this runspace last ran (a new machine object): define its commands here. Only then:
    # defining them costs ~20 ms, and a machine keeps its set of commands until the next scenario is loaded.
    if ($null -ne $Sim -and -not [object]::ReferenceEquals($global:DadSim, $Sim)) {
        $global:DadSim = $Sim
        $null = Set-DadSimCommands
    }
    if ($InputB64) { Invoke-DadProbe -InputB64 $InputB64 } else { 'ready' }
}

# The batch inputs the pool's functions take: shape -> the pattern (group 1 is the value) and the form an error names.
$script:DadBatchForms = @{
    count  = @('^\s*\{\s*"count"\s*:\s*([1-8])\s*\}\s*$', '{"count":<1-8>}')
    waitMs = @('^\s*\{\s*"waitMs"\s*:\s*([0-9]{1,6})\s*\}\s*$', '{"waitMs":<milliseconds>}')
    names  = @('^\s*\{\s*"names"\s*:\s*\[\s*((?:"[A-Za-z][A-Za-z0-9]{0,39}"\s*,\s*){0,31}"[A-Za-z][A-Za-z0-9]{0,39}")\s*\]\s*\}\s*$', '{"names":["<section>",...]}')
}

# Decodes the input of the given shape: {"count":<1-8>} or {"waitMs":<int>} (an int), or {"names":["<section>",...]}
# (at most 32 known section names); throws on anything else.
function Read-DadBatchInput {
    param([string]$InputB64, [string]$Shape)
    $form = $script:DadBatchForms[$Shape]
    $m = [regex]::Match((Read-DadInputJson $InputB64), $form[0])
    if (-not $m.Success) { throw ('input is not a JSON object of the form ' + $form[1]) }
    if ($Shape -ne 'names') { return [int]$m.Groups[1].Value }
    $names = @(foreach ($n in [regex]::Matches($m.Groups[1].Value, '"([^"]+)"')) { $n.Groups[1].Value })
    foreach ($n in $names) {
        if ($script:DadSectionOrder -cnotcontains $n) { throw ("unknown section '" + $n + "'") }
    }
    return , [string[]]$names
}

# Writes section names (a list) as a JSON array: ["os","ipsec"], [] for none.
function ConvertTo-DadNameArray {
    param([System.Collections.ArrayList]$Names)
    return (ConvertTo-DadJson ([string[]]$Names.ToArray()))
}

# Opens the pool and readies `count` runspaces (the module and the host's adapters loaded, nothing probed), so the
# first check does not pay for it: the app calls it while its window loads. Returns {"ready":<runspaces>}.
function Initialize-DadProbePool {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,4096}$')][string]$InputB64)
    $count = Read-DadBatchInput $InputB64 'count'
    $jobs = @(for ($i = 0; $i -lt $count; $i++) { Start-DadPoolJob $null })
    $ready = 0
    foreach ($job in $jobs) {
        try {
            if ($job.Handle.AsyncWaitHandle.WaitOne(15000, $false)) {
                $null = $job.PowerShell.EndInvoke($job.Handle)
                $ready++
            }
        } catch {
            $null = $_
        }
        $job.PowerShell.Dispose()
    }
    return ('{"ready":' + $ready + '}')
}

# Starts the worker in the pool (opened on first use) for one probe's input, or for none (warming up).
function Start-DadPoolJob {
    param([string]$ProbeInput, [string]$Name)
    if ($null -eq $script:DadPool) {
        # The same commands as CreateRunspacePool(1, n) gives (CreateDefault), plus the worker.
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
        $iss.Commands.Add([Activator]::CreateInstance([System.Management.Automation.Runspaces.SessionStateFunctionEntry],
                [object[]]@('Invoke-DadPoolWorker', [string]$script:DadProbeWorker)))
        $pool = [RunspaceFactory]::CreateRunspacePool($iss)
        $null = $pool.SetMaxRunspaces($script:DadPoolSize)
        $pool.Open()
        $script:DadPool = $pool
    }
    # The simulated host when a scenario is loaded, else Windows (the adapters are global functions of that file).
    $sim = $null
    $hostScript = [System.IO.Path]::Combine([System.IO.Path]::Combine($PSScriptRoot, 'host'), 'WindowsHost.ps1')
    $simVar = $ExecutionContext.SessionState.PSVariable.Get('global:DadSim')
    if ($null -ne $simVar -and $null -ne $simVar.Value) {
        $sim = $simVar.Value
        $hostScript = [System.IO.Path]::Combine($global:DadSimDir, 'SimHost.ps1')
    }
    $ps = [PowerShell]::Create()
    $ps.RunspacePool = $script:DadPool
    $null = $ps.AddCommand('Invoke-DadPoolWorker').AddArgument($script:DadModuleFile).AddArgument($hostScript).AddArgument($sim).AddArgument($ProbeInput).AddArgument($script:DadBeganAt).AddArgument($Name)
    if ($Name) { $script:DadBeganAt.Remove($Name) }
    return @{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
}

# Starts probes in the pool and returns at once: {"started":[names]}. A probe already running is not started twice.
function Start-DadProbes {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,4096}$')][string]$InputB64)
    $names = Read-DadBatchInput $InputB64 'names'
    $started = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($name in $names) {
        if ($script:DadRunning.ContainsKey($name)) { continue }
        $script:DadRunning[$name] = Start-DadPoolJob ([System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes('{"name":"' + $name + '"}'))) $name
        $null = $started.Add($name)
    }
    return ('{"started":' + (ConvertTo-DadNameArray $started) + '}')
}

# Waits until every running probe has finished, or waitMs has passed; returns {"done":{"<name>":<its envelope>},
# "pending":[names],"running":{"<name>":<ms since it began in its runspace>}} (a pending probe missing from "running"
# waits in the queue). Not at the first probe's end: on a machine that answers at once that would be a round trip per
# probe (the warm re-check's budget, issue 12); the caller hears at least every waitMs, which is what progress needs.
function Receive-DadProbes {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,4096}$')][string]$InputB64)
    $waitMs = Read-DadBatchInput $InputB64 'waitMs'
    $names = [string[]]@($script:DadRunning.Keys)
    # One handle after another with the time left: WaitHandle.WaitAll is refused on an STA thread (Windows PowerShell).
    $until = [DateTime]::UtcNow.AddMilliseconds($waitMs)
    foreach ($n in $names) {
        $left = [int][Math]::Max(0, ($until - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $script:DadRunning[$n].Handle.AsyncWaitHandle.WaitOne($left)) { break }
    }
    $done = [Activator]::CreateInstance([System.Collections.ArrayList])
    $pending = [Activator]::CreateInstance([System.Collections.ArrayList])
    $running = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($n in $names) {
        $job = $script:DadRunning[$n]
        if (-not $job.Handle.IsCompleted) {
            $null = $pending.Add($n)
            $began = $script:DadBeganAt[$n]
            if ($null -ne $began) { $null = $running.Add('"' + $n + '":' + [int64](([DateTime]::UtcNow.Ticks - [int64]$began) / 10000)) }
            continue
        }
        $json = $null
        try {
            $out = @($job.PowerShell.EndInvoke($job.Handle))
            if ($out.Count -eq 1 -and $out[0] -is [string]) { $json = $out[0] }
            else { $json = ConvertTo-DadJson @{ status = 'error'; ms = 0; message = ('the probe wrote ' + $out.Count + ' results instead of one') } }
        } catch {
            $json = ConvertTo-DadJson @{ status = 'error'; ms = 0; message = ('the probe stopped: ' + $_.Exception.Message) }
        }
        $job.PowerShell.Dispose()
        $script:DadRunning.Remove($n)
        $script:DadBeganAt.Remove($n)
        $null = $done.Add('"' + $n + '":' + $json)
    }
    return ('{"done":{' + [string]::Join(',', [string[]]$done.ToArray()) + '},"pending":' + (ConvertTo-DadNameArray $pending) +
        ',"running":{' + [string]::Join(',', [string[]]$running.ToArray()) + '}}')
}

# Abandons running probes (their time is up, or the person cancelled): asks each to stop without waiting for it, so
# a call blocked in the network cannot hold the session. Returns {"stopped":[names]}.
function Stop-DadProbes {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,4096}$')][string]$InputB64)
    $names = Read-DadBatchInput $InputB64 'names'
    $stopped = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($n in $names) {
        if (-not $script:DadRunning.ContainsKey($n)) { continue }
        $ps = $script:DadRunning[$n].PowerShell
        $script:DadRunning.Remove($n)
        $script:DadBeganAt.Remove($n)
        # BeginStop, not Stop: Stop waits for the pipeline, which a blocked .NET call would not release.
        $null = $ps.BeginStop({ param($ar) try { $ar.AsyncState.Dispose() } catch { $null = $_ } }, $ps)
        $null = $stopped.Add($n)
    }
    return ('{"stopped":' + (ConvertTo-DadNameArray $stopped) + '}')
}

# The section names in the snapshot's order, for callers that collect every section (Collect-DadSnapshot.ps1).
function Get-DadSectionNames {
    return [string[]]$script:DadSectionOrder
}

Export-ModuleMember -Function @(
    'Invoke-DadProbe', 'Get-DadSectionNames', 'Start-DadProbes', 'Receive-DadProbes', 'Stop-DadProbes', 'Initialize-DadProbePool',
    'Get-DadOsSection', 'Get-DadServicesSection', 'Get-DadDaStatusSection', 'Get-DadIpHttpsSection',
    'Get-DadReachabilitySection', 'Get-DadServerCertificateSection', 'Get-DadTrustStoresSection',
    'Get-DadMachineCertificatesSection', 'Get-DadProxySection', 'Get-DadNrptSection', 'Get-DadIpv6Section',
    'Get-DadIsatapSection', 'Get-DadTeredoSection', 'Get-DadClockSection', 'Get-DadFirewallSection',
    'Get-DadLocationSection', 'Get-DadIpsecSection', 'Get-DadCoexistenceSection', 'Get-DadServerSection', 'Get-DadServerInfrastructureSection', 'ConvertTo-DadJson'
)

# The simulated Windows host (DESIGN §3, BOUNDARY.md). Dot-source it into a PowerShell session after
# `Import-Module assets/ps/DaDoctor.psm1`, then load a scenario:
#
#   . /path/to/assets/ps/sim/SimHost.ps1
#   Import-DadSimScenario -InputB64 <base64 of UTF-8 JSON {"path":"<absolute path of a scenario .json>"}>
#
# Loading a scenario (docs/scenarios.md) defines global functions with the names of the Windows commands and adapter
# functions of BOUNDARY.md, answering from the scenario's machine; Windows commands the machine does not have
# (machine.commands, e.g. Get-NetIPHttpsState on Windows 7) are removed, so `Get-Command X` sees what that Windows
# would. The fix-side commands change the machine and fire events that the scenario's transition rules react to.
# Windows PowerShell 5.1 syntax only.

# [System.IO.Path] rather than Split-Path/Join-Path, and the provider API ($ExecutionContext.SessionState.
# InvokeProvider) rather than Get-Item/Set-Item/Test-Path/Remove-Item, here and below: those are cmdlets of the
# auto-loaded Microsoft.PowerShell.Management module, and the first of them in a session costs ~85 ms (module
# auto-load); ConvertTo-Json and Sort-Object (Microsoft.PowerShell.Utility) likewise. A bare session loads neither.
$DadSimDir = [System.IO.Path]::GetDirectoryName($MyInvocation.MyCommand.Path)
. ([System.IO.Path]::Combine($DadSimDir, 'SimCore.ps1'))
. ([System.IO.Path]::Combine($DadSimDir, 'SimTls.ps1'))
. ([System.IO.Path]::Combine($DadSimDir, 'SimCommands.ps1'))
. ([System.IO.Path]::Combine($DadSimDir, 'SimNative.ps1'))
. ([System.IO.Path]::Combine($DadSimDir, 'SimIpsec.ps1'))
$global:DadSimDir = $DadSimDir
$global:DadSimDefined = @{}

$global:DadSimScenarioSchema = 'da-doctor/scenario@1'
$global:DadSimBaseSchema = 'da-doctor/scenario-base@1'

# Reads and parses one JSON file of the scenario format, with a message that names the file when it is not JSON.
function global:Read-DadSimJsonFile {
    param([string]$Path, [string]$What)
    try { $text = [System.IO.File]::ReadAllText($Path, [System.Text.Encoding]::UTF8) }
    catch { throw "Import-DadSimScenario: cannot read the $What '$Path': $($_.Exception.Message)" }
    try { $doc = ConvertFrom-DadSimJson $text }
    catch { throw "Import-DadSimScenario: the $What '$Path' is not valid JSON: $($_.Exception.Message)" }
    if (-not ($doc -is [System.Collections.IDictionary])) { throw "Import-DadSimScenario: the $What '$Path' is not a JSON object." }
    return $doc
}

# The merged machine of a base file chain: _base next to the scenario first, then the built-in assets/scenarios/_base.
function global:Get-DadSimBaseMachine {
    param([string]$BaseName, [string]$ScenarioDir, [int]$Depth = 0)
    if ($Depth -gt 5) { throw "Import-DadSimScenario: base files nest too deeply (a cycle?) at '$BaseName'." }
    if ($BaseName -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]*\.json$') {
        throw "Import-DadSimScenario: base '$BaseName' must be the file name of a base machine in _base (e.g. win10-client.json)."
    }
    $assetsDir = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName($global:DadSimDir))
    $candidates = @([System.IO.Path]::Combine([System.IO.Path]::Combine($ScenarioDir, '_base'), $BaseName),
        [System.IO.Path]::Combine([System.IO.Path]::Combine([System.IO.Path]::Combine($assetsDir, 'scenarios'), '_base'), $BaseName))
    $file = $null
    foreach ($c in $candidates) { if ([System.IO.File]::Exists($c)) { $file = $c; break } }
    if (-not $file) { throw "Import-DadSimScenario: base machine '$BaseName' not found (looked in: $($candidates -join '; '))." }
    $doc = Read-DadSimJsonFile -Path $file -What 'base machine'
    if ($doc['schema'] -ne $global:DadSimBaseSchema) {
        throw "Import-DadSimScenario: base machine '$file' has schema '$($doc['schema'])'; expected '$($global:DadSimBaseSchema)'."
    }
    $machine = (New-DadSimDictionary)
    if ($doc['base']) { $machine = Get-DadSimBaseMachine -BaseName ([string]$doc['base']) -ScenarioDir ([System.IO.Path]::GetDirectoryName($file)) -Depth ($Depth + 1) }
    if ($doc['machine'] -is [System.Collections.IDictionary]) { $machine = Merge-DadSimData $machine $doc['machine'] }
    return $machine
}

# (Re)defines the global command functions for the loaded machine. Only the functions whose presence changes are
# touched (defining a function costs a provider call); $global:DadSimDefined remembers what is defined.
function global:Set-DadSimCommands {
    $commands = $global:DadSim.Machine['commands']
    if ($null -eq $global:DadSimDefined) { $global:DadSimDefined = @{} }
    $items = $ExecutionContext.SessionState.InvokeProvider.Item
    foreach ($name in $global:DadSimCommandBodies.Keys) {
        $present = $true
        if ($global:DadSimWindowsCommandNames -contains $name -and $commands -is [System.Collections.IDictionary] -and $commands.Contains($name)) {
            $present = [bool]$commands[$name]
        }
        $isDefined = $false
        if ($global:DadSimDefined.ContainsKey($name)) {
            # Ours only if its body still comes from our files (a test stub of the same name may have replaced it).
            $fn = $null
            if ($items.Exists("function:\$name", $false, $true)) { $fn = @($items.Get([string[]]@("function:\$name"), $false, $true))[0] }
            $isDefined = $null -ne $fn -and $null -ne $fn.ScriptBlock.File -and $fn.ScriptBlock.File.StartsWith($global:DadSimDir)
        }
        if ($present -and -not $isDefined) {
            $null = $items.Set("function:global:$name", $global:DadSimCommandBodies[$name])
            $global:DadSimDefined[$name] = $true
        } elseif (-not $present) {
            # Removing does not honour a scope in a function: path; our functions live only in the global scope.
            if ($items.Exists("function:\$name", $false, $true)) { $items.Remove([string[]]@("function:\$name"), $false, $false, $true) }
            $global:DadSimDefined.Remove($name)
        }
    }
    # Sorted as Sort-Object sorts strings (current culture, ignoring case).
    $names = [string[]]@($global:DadSimDefined.Keys)
    [Array]::Sort($names, [StringComparer]::CurrentCultureIgnoreCase)
    return , $names
}

<#
.SYNOPSIS
  Loads a scenario onto the simulated host: a fresh copy of its machine, its faults and transition rules.
.PARAMETER InputB64
  Base64 of UTF-8 JSON {"path": "<absolute path of the scenario .json>"}.
.OUTPUTS
  One compressed JSON object: schema, scenario name, description, the commands now defined, and the load time.
#>
function global:Import-DadSimScenario {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[A-Za-z0-9+/=]{1,8192}$')]
        [string]$InputB64
    )
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    try { $json = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($InputB64)) }
    catch { throw 'Import-DadSimScenario: -InputB64 is not valid base64.' }
    try { $in = ConvertFrom-DadSimJson $json }
    catch { throw 'Import-DadSimScenario: -InputB64 does not decode to JSON; expected {"path": "<absolute path of a scenario .json>"}.' }
    if (-not ($in -is [System.Collections.IDictionary]) -or -not ($in['path'] -is [string]) -or -not $in['path']) {
        throw 'Import-DadSimScenario: the input must be a JSON object {"path": "<absolute path of a scenario .json>"}.'
    }
    $path = [string]$in['path']
    if (-not [System.IO.Path]::IsPathRooted($path)) { throw "Import-DadSimScenario: the scenario path must be absolute: '$path'." }
    if (-not $path.EndsWith('.json', [StringComparison]::OrdinalIgnoreCase)) { throw "Import-DadSimScenario: the scenario path must name a .json file: '$path'." }
    if (-not [System.IO.File]::Exists($path)) { throw "Import-DadSimScenario: scenario file not found: '$path'." }

    $doc = Read-DadSimJsonFile -Path $path -What 'scenario file'
    if ($doc['schema'] -ne $global:DadSimScenarioSchema) {
        throw "Import-DadSimScenario: '$path' has schema '$($doc['schema'])'; expected '$($global:DadSimScenarioSchema)'."
    }
    $name = [string]$doc['name']
    if (-not $name) { $name = [System.IO.Path]::GetFileNameWithoutExtension($path) }

    $machine = (New-DadSimDictionary)
    if ($doc['base']) { $machine = Get-DadSimBaseMachine -BaseName ([string]$doc['base']) -ScenarioDir ([System.IO.Path]::GetDirectoryName($path)) }
    if ($null -ne $doc['machine']) {
        if (-not ($doc['machine'] -is [System.Collections.IDictionary])) { throw "Import-DadSimScenario: '$path': machine must be an object." }
        $machine = Merge-DadSimData $machine $doc['machine']
    }
    if ($machine.Count -eq 0) { throw "Import-DadSimScenario: '$path' describes no machine (neither base nor machine)." }
    if (-not (Get-DadSimValue -Path 'clock.utcNow' -Root $machine)) { throw "Import-DadSimScenario: '$path': machine.clock.utcNow is required." }

    $commands = $machine['commands']
    if ($null -ne $commands) {
        foreach ($k in $commands.Keys) {
            if ($global:DadSimWindowsCommandNames -notcontains $k) {
                throw "Import-DadSimScenario: '$path': machine.commands names '$k', which is not one of: $($global:DadSimWindowsCommandNames -join ', ')."
            }
        }
    }
    $faults = $doc['faults']
    if ($null -eq $faults) { $faults = (New-DadSimDictionary) }
    if (-not ($faults -is [System.Collections.IDictionary])) { throw "Import-DadSimScenario: '$path': faults must be an object." }
    foreach ($k in $faults.Keys) {
        $f = $faults[$k]
        $mode = $f; if ($f -is [System.Collections.IDictionary]) { $mode = $f['mode'] }
        if (@('throw', 'hang') -notcontains $mode) { throw "Import-DadSimScenario: '$path': faults.$k must be ""throw"" or ""hang"" (or {""mode"": ...})." }
        if (-not ($global:DadSimCommandBodies.ContainsKey($k) -or $k -like 'netsh *')) {
            throw "Import-DadSimScenario: '$path': faults names '$k', which is not a command of the simulated host."
        }
    }
    $transitions = @(foreach ($t in $doc['transitions']) { if ($null -ne $t) { $t } })
    try { Test-DadSimTransitions $transitions } catch { throw "Import-DadSimScenario: '$path': $($_.Exception.Message)" }

    $global:DadSim = @{
        Name        = $name
        Path        = $path
        Description = [string]$doc['description']
        Machine     = $machine
        Org         = $doc['org']
        Faults      = $faults
        Transitions = [object[]]$transitions
        Events      = [Activator]::CreateInstance([System.Collections.ArrayList])
    }
    $defined = Set-DadSimCommands
    $sw.Stop()
    # Written by hand rather than by ConvertTo-Json (Microsoft.PowerShell.Utility: ~85 ms of module auto-load plus
    # ~20 ms for the cmdlet on first use in a session); the same compressed JSON object.
    $commandsJson = @(foreach ($c in $defined) { ConvertTo-DadSimJsonString $c })
    return ('{"schema":"da-doctor/sim-load@1","scenario":' + (ConvertTo-DadSimJsonString $name) +
        ',"description":' + (ConvertTo-DadSimJsonString $global:DadSim.Description) +
        ',"commands":[' + [string]::Join(',', [string[]]$commandsJson) + '],"ms":' + [int]$sw.ElapsedMilliseconds + '}')
}

# A string as a JSON string literal, escaped as ConvertTo-Json escapes it (quote, backslash, control characters).
function global:ConvertTo-DadSimJsonString {
    param($Text)
    if ($null -eq $Text) { return 'null' }
    if ([string]$Text -match '^[^"\\\x00-\x1f]*$') { return '"' + $Text + '"' }
    $sb = [Activator]::CreateInstance([System.Text.StringBuilder])
    $null = $sb.Append('"')
    foreach ($ch in ([string]$Text).ToCharArray()) {
        $code = [int]$ch
        if ($ch -eq '"') { $null = $sb.Append('\"') }
        elseif ($ch -eq '\') { $null = $sb.Append('\\') }
        elseif ($code -eq 10) { $null = $sb.Append('\n') }
        elseif ($code -eq 13) { $null = $sb.Append('\r') }
        elseif ($code -eq 9) { $null = $sb.Append('\t') }
        elseif ($code -lt 32) { $null = $sb.Append('\u' + $code.ToString('x4')) }
        else { $null = $sb.Append($ch) }
    }
    $null = $sb.Append('"')
    return $sb.ToString()
}

<#
.SYNOPSIS
  The simulated machine as it is now (after any fixes), with the events fired so far, as one compressed JSON object.
#>
function global:Get-DadSimState {
    [CmdletBinding()]
    param([string]$InputB64)
    if ($null -eq $global:DadSim) { throw 'Get-DadSimState: no scenario is loaded; call Import-DadSimScenario first.' }
    $out = [Activator]::CreateInstance([System.Collections.Specialized.OrderedDictionary])
    $out['schema'] = 'da-doctor/sim-state@1'
    $out['scenario'] = $global:DadSim.Name
    $out['machine'] = $global:DadSim.Machine
    $out['events'] = [object[]]$global:DadSim.Events.ToArray()
    return (ConvertTo-Json -InputObject $out -Compress -Depth 40)
}

<#
.SYNOPSIS
  Reboots the simulated machine: automatic services run, the pending reboot is done, event `rebooted` fires.
#>
function global:Restart-DadSimMachine {
    [CmdletBinding()]
    param([string]$InputB64)
    if ($null -eq $global:DadSim) { throw 'Restart-DadSimMachine: no scenario is loaded; call Import-DadSimScenario first.' }
    $services = $global:DadSim.Machine['services']
    if ($services -is [System.Collections.IDictionary]) {
        foreach ($k in @($services.Keys)) {
            $s = $services[$k]
            if ($null -ne $s -and @('Automatic', 'AutomaticDelayedStart') -contains [string]$s['StartType'] -and -not ($s.Contains('CanStart') -and -not $s['CanStart'])) { $s['Status'] = 'Running' }
        }
    }
    $global:DadSim.Machine['rebootPending'] = $false
    Invoke-DadSimEvent 'rebooted'
    return '{"rebooted":true}'
}

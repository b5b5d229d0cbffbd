# DirectAccess Doctor fixes (contract.md §2): one function per client and manage-out fix, and Invoke-DadFix /
# Undo-DadFix, the only entry points the app calls. Input is base64 JSON; every parameter is validated again here
# ([ValidateScript] with -cmatch, [ValidateSet] with IgnoreCase = $false, on the fix functions) because the main process is not the only possible caller of
# the elevated script. Fixes change the machine only through the commands of BOUNDARY.md ("Commands the fixes
# use"), which the simulated host stands in for. Each call writes exactly one compressed JSON object.
# Windows PowerShell 5.1 and PowerShell 7.

Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

# The probe module's helpers (JSON writer, netsh parsing, command tests) are reused, not copied.
$script:DadProbeDir = [System.IO.Path]::Combine((Split-Path -Parent $PSScriptRoot), 'probes')
foreach ($dadFile in @('Common.ps1', 'Json.ps1', 'Proxy.ps1', 'Transition.ps1', 'Server.ps1')) {
    . ([System.IO.Path]::Combine($script:DadProbeDir, $dadFile))
}
foreach ($dadFile in @('FixCore.ps1', 'Services.ps1', 'Certificates.ps1', 'ProxyFixes.ps1', 'Ipv6.ps1', 'Isatap.ps1', 'SixToFour.ps1', 'ServerFixes.ps1')) {
    . ([System.IO.Path]::Combine($PSScriptRoot, $dadFile))
}
Remove-Variable -Name dadFile

# Fix id -> the function and its parameters (JSON name -> PowerShell parameter), for the fix and for its undo. Read
# from FixCommands.json, the one declaration of each fix that also lists the exact commands it runs (the app's preview
# shows them; FixCommands.Tests.ps1 holds the scripts to them). Only these names reach a function.
function ConvertTo-DadFixTable {
    param($Fixes, [string]$Part)
    $table = @{}
    foreach ($f in @($Fixes.PSObject.Properties)) {
        $entry = $f.Value.PSObject.Properties[$Part]
        if ($null -eq $entry) { continue }
        $params = @{}
        foreach ($p in @($entry.Value.params.PSObject.Properties)) { $params[$p.Name] = [string]$p.Value }
        $table[$f.Name] = @{ Fn = [string]$entry.Value.fn; Params = $params }
    }
    return $table
}
$script:DadFixCommands = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText([System.IO.Path]::Combine($PSScriptRoot, 'FixCommands.json'), [System.Text.Encoding]::UTF8))
$script:DadFixTable = ConvertTo-DadFixTable $script:DadFixCommands.fixes 'fix'
$script:DadUndoTable = ConvertTo-DadFixTable $script:DadFixCommands.fixes 'undo'

# Decodes base64 UTF-8 JSON into an object; throws a plain sentence when it is not.
function Read-DadFixInput {
    param([string]$InputB64)
    try { $bytes = [System.Convert]::FromBase64String($InputB64) } catch { throw 'the input is not base64' }
    try { $json = (New-Object System.Text.UTF8Encoding -ArgumentList $false, $true).GetString($bytes) } catch { throw 'the input is not UTF-8' }
    try { $in = ConvertFrom-Json -InputObject $json } catch { throw 'the input is not JSON' }
    if ($null -eq $in -or -not ($in -is [System.Management.Automation.PSCustomObject])) { throw 'the input is not a JSON object' }
    return $in
}

# A property of a parsed JSON object, or $null (StrictMode-safe).
function Get-DadJsonMember {
    param($Object, [string]$Name)
    if ($null -eq $Object) { return $null }
    $p = $Object.PSObject.Properties[$Name]
    if ($null -eq $p) { return $null }
    return $p.Value
}

# The fix id of the input, checked against the table (case-sensitive: ids are lower-case).
function Get-DadFixEntry {
    param($In, [hashtable]$Table, [string]$What)
    $id = Get-DadJsonMember $In 'fix'
    if (-not ($id -is [string]) -or -not ($id -cmatch '^[a-z0-9-]{1,64}\z') -or -not $Table.ContainsKey($id)) {
        throw ('unknown ' + $What + ': the input names no fix of the catalogue')
    }
    return $id
}

# Maps a JSON object onto the function's parameters: unknown names are refused, values are bound by PowerShell,
# whose validation attributes then run.
function ConvertTo-DadSplat {
    param($Object, [hashtable]$Map, [switch]$StringsOnly)
    $splat = @{}
    if ($null -eq $Object) { return $splat }
    if (-not ($Object -is [System.Management.Automation.PSCustomObject])) { throw 'the parameters are not a JSON object' }
    foreach ($p in @($Object.PSObject.Properties)) {
        if (-not $Map.ContainsKey($p.Name)) { throw ('unknown parameter: ' + ($p.Name -replace '[^A-Za-z0-9_-]', '?')) }
        if ($StringsOnly -and -not ($p.Value -is [string])) { throw ('parameter ' + $p.Name + ' must be a string') }
        $splat[$Map[$p.Name]] = $p.Value
    }
    return $splat
}

# The one JSON object a fix writes.
function Write-DadFixResult {
    param([bool]$Ok, [string]$Fix, $UndoData, [string]$ErrorText)
    $out = New-Object System.Collections.Specialized.OrderedDictionary
    $out.Add('ok', $Ok)
    $out.Add('fix', $Fix)
    $out.Add('changed', [object[]]$script:DadFixChanged.ToArray())
    $out.Add('undoData', $UndoData)
    if ($ErrorText) {
        if ($ErrorText.Length -gt 600) { $ErrorText = $ErrorText.Substring(0, 600) + '…' }
        $out.Add('error', $ErrorText)
    }
    return ConvertTo-DadJson $out
}

# Runs one dispatch: validates, calls the function, turns every failure into {ok:false,error}.
function Invoke-DadFixDispatch {
    param([string]$InputB64, [hashtable]$Table, [string]$What, [string]$ParamsField, [switch]$StringsOnly)
    $ErrorActionPreference = 'Stop'
    $WarningPreference = 'SilentlyContinue'
    $VerbosePreference = 'SilentlyContinue'
    $InformationPreference = 'SilentlyContinue'
    $script:DadFixChanged = New-Object System.Collections.ArrayList
    $script:DadFixUndo = $null
    $id = ''
    try {
        $in = Read-DadFixInput $InputB64
        $id = Get-DadFixEntry $in $Table $What
        $entry = $Table[$id]
        $splat = ConvertTo-DadSplat (Get-DadJsonMember $in $ParamsField) $entry.Params -StringsOnly:$StringsOnly
        $result = & $entry.Fn @splat
        if ($What -eq 'fix') { $undo = $result } else { $undo = $null }
        return (Write-DadFixResult -Ok $true -Fix $id -UndoData $undo)
    } catch {
        $message = $_.Exception.Message
        if (-not $message) { $message = [string]$_ }
        return (Write-DadFixResult -Ok $false -Fix $id -UndoData $script:DadFixUndo -ErrorText $message)
    }
}

<#
.SYNOPSIS
  Runs one fix. -InputB64: base64 of UTF-8 JSON {"fix":"<id>","params":{...}}. Writes one compressed JSON object
  {ok, fix, changed:[...], undoData, error?}.
#>
function Invoke-DadFix {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateScript({ $_ -cmatch '^[A-Za-z0-9+/=]{1,400000}\z' })]
        [string]$InputB64
    )
    return (Invoke-DadFixDispatch -InputB64 $InputB64 -Table $script:DadFixTable -What 'fix' -ParamsField 'params' -StringsOnly)
}

<#
.SYNOPSIS
  Undoes one fix from its recorded undo data. -InputB64: base64 of UTF-8 JSON {"fix":"<id>","undoData":{...}}.
  Writes one compressed JSON object {ok, fix, changed:[...], undoData:null, error?}.
#>
function Undo-DadFix {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateScript({ $_ -cmatch '^[A-Za-z0-9+/=]{1,400000}\z' })]
        [string]$InputB64
    )
    return (Invoke-DadFixDispatch -InputB64 $InputB64 -Table $script:DadUndoTable -What 'undo' -ParamsField 'undoData')
}

Export-ModuleMember -Function @(
    'Invoke-DadFix', 'Undo-DadFix',
    'Repair-DadIpHelper', 'Restart-DadIpHelper', 'Repair-DadNcaService', 'Undo-DadNcaService', 'Repair-DadIpsecServices', 'Undo-DadIpsecServices', 'Add-DadTrustedRoot', 'Add-DadIntermediateCa', 'Sync-DadClock',
    'Clear-DadCrlCache', 'Reset-DadWinHttpProxy', 'Clear-DadProxyCache', 'Set-DadIpv6PreferIpv4',
    'Update-DadMachineCertificate', 'Enable-DadIsatap', 'Set-DadIsatapRouter', 'Disable-DadSixToFour', 'Undo-DadSixToFour',
    'Undo-DadIpHelper', 'Undo-DadCertificateImport', 'Undo-DadWinHttpProxy', 'Undo-DadProxyCache',
    'Undo-DadIpv6PreferIpv4', 'Undo-DadIsatap', 'Enable-DadIpHttpsPreauth', 'Disable-DadIpHttpsPreauth', 'Undo-DadIpHttpsBinding', 'Reset-DadIsatapRouter'
)

# Shared by the fix scripts: the patterns every parameter is re-validated against (the second wall after zod in the
# main process), the record of what a fix changed, and the checks of native commands. Windows PowerShell 5.1 syntax.

# \z rather than $: in .NET, $ also matches before a final newline, so 'host<LF>' would pass a $-anchored pattern.
$script:DadRouterPattern = '^(?=.{1,253}\z)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z'
$script:DadThumbprintPattern = '^[0-9A-Fa-f]{40}\z'
$script:DadCertificateB64Pattern = '^[A-Za-z0-9+/=]{1,200000}\z'
$script:DadIpHelper = 'iphlpsvc'

# Parameter checks use -cmatch (case-sensitive), never [ValidatePattern] or -match: those ignore case, and under
# case-insensitive matching [A-Za-z] also takes the Kelvin sign (U+212A) and [a-z] the dotted capital I (U+0130),
# which then reach netsh or certutil. Throws the sentence when the value does not match.
function Assert-DadMatch {
    param([string]$Value, [string]$Pattern, [string]$What)
    if (-not $Pattern) { throw 'no pattern to check against' }
    if ($null -eq $Value -or -not ($Value -cmatch $Pattern)) { throw ($What + ' is not valid') }
    return $true
}

# What the running fix changed so far, in words for the audit log; reset by Invoke-DadFix / Undo-DadFix.
$script:DadFixChanged = New-Object System.Collections.ArrayList

# Notes one change the fix made.
function Add-DadFixChange {
    param([string]$Text)
    $null = $script:DadFixChanged.Add($Text)
}

# Whether the machine has a command (a simulated host's function counts; see Test-DadCommand in probes/Common.ps1).
function Test-DadFixCommand {
    param([string]$Name)
    return (Test-DadCommand $Name)
}

# What runs for a native command (netsh, certutil, w32tm): a function of that name where one stands in for it (the
# simulated host, a test), else the .exe in the system directory by full path. [Environment]::SystemDirectory is
# GetSystemDirectory, not %SystemRoot% or PATH, which the user's environment sets: a bare name would be searched for
# along the user's PATH, where a planted certutil.exe would run elevated.
function Get-DadNativeCommand {
    param([ValidateSet('netsh', 'certutil', 'w32tm', IgnoreCase = $false)][string]$Name)
    if ($ExecutionContext.SessionState.InvokeProvider.Item.Exists('function:\' + $Name)) { return $Name }
    $system = [System.Environment]::SystemDirectory
    if (-not $system) { throw ('this machine has no system directory to run ' + $Name + ' from') }
    return [System.IO.Path]::Combine($system, $Name + '.exe')
}

# Runs a native command (netsh, certutil, w32tm) with an argument array and throws with its output when it fails.
# Arguments go as an array, never as one composed string, so no value is ever parsed as code.
function Invoke-DadNative {
    param([string]$Command, [string[]]$Arguments)
    $exe = Get-DadNativeCommand $Command
    $global:LASTEXITCODE = 0
    $ErrorActionPreference = 'Continue'
    $out = & $exe @Arguments 2>&1
    $code = $global:LASTEXITCODE
    $text = (@($out) | ForEach-Object { [string]$_ }) -join "`n"
    if ($code -ne 0) {
        throw ('{0} {1} failed with exit code {2}: {3}' -f $Command, ($Arguments -join ' '), $code, $text.Trim())
    }
    return $text
}

# Restarts the IP Helper service so IP-HTTPS retries at once.
function Restart-DadIpHelperService {
    Restart-Service -Name $script:DadIpHelper -Force
    Add-DadFixChange 'restarted the IP Helper service (iphlpsvc)'
}

# The StartType of a service as Set-Service accepts it (Get-Service on PowerShell 2.0 has none: ask WMI).
function Get-DadServiceStartType {
    param([string]$Name)
    $svc = Get-Service -Name $Name -ErrorAction Stop
    if ($svc.PSObject.Properties['StartType'] -and $svc.StartType) { return [string]$svc.StartType }
    $wmi = Get-DadWmiObject -ClassName 'Win32_Service' -Filter ("Name='" + $Name + "'")
    switch ([string]$wmi.StartMode) {
        'Auto' { return 'Automatic' }
        default { return [string]$wmi.StartMode }
    }
}

# Writes bytes as a NEW file (never over one that is there, never through a link planted in its place).
function Write-DadNewFile {
    param([string]$Path, [byte[]]$Bytes)
    $stream = New-Object System.IO.FileStream -ArgumentList $Path, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write), ([System.IO.FileShare]::None)
    try { $stream.Write($Bytes, 0, $Bytes.Length) } finally { $stream.Dispose() }
}

# Reads a file back (the check after writing reads what a later reader such as certutil will read).
function Read-DadFileBytes {
    param([string]$Path)
    return , [System.IO.File]::ReadAllBytes($Path)
}

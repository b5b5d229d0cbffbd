# The script that runs elevated (DESIGN §3): started by the app through Start-Process -Verb RunAs from the per-machine
# install folder, with its input as base64 JSON and its result written to -ResultPath. It loads the probe module, the
# Windows host and the fix module from its own folder only (never from the caller's), runs one fix or undo, and writes
# the one JSON object. Exit code 0 when the fix succeeded, 1 otherwise. Windows PowerShell 5.1.
param(
    [Parameter(Mandatory = $true)]
    [ValidateScript({ $_ -cmatch '^[A-Za-z0-9+/=]{1,400000}\z' })]
    [string]$InputB64,
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^[^"*?<>|\r\n]{1,1024}\.json\z')]
    [string]$ResultPath,
    [ValidateSet('fix', 'undo')]
    [string]$Kind = 'fix'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$json = $null
try {
    $here = $PSScriptRoot
    $psRoot = Split-Path -Parent $here
    Import-Module ([System.IO.Path]::Combine($psRoot, 'DaDoctor.psm1')) -DisableNameChecking -Force
    . ([System.IO.Path]::Combine([System.IO.Path]::Combine($psRoot, 'host'), 'WindowsHost.ps1'))
    . ([System.IO.Path]::Combine($here, 'WindowsFixAdapters.ps1'))
    Import-Module ([System.IO.Path]::Combine($here, 'DaDoctorFixes.psm1')) -DisableNameChecking -Force
    if ($Kind -eq 'undo') { $json = Undo-DadFix -InputB64 $InputB64 } else { $json = Invoke-DadFix -InputB64 $InputB64 }
} catch {
    $message = ($_.Exception.Message -replace '[\\"]', "'" -replace '[\x00-\x1f]', ' ')
    $json = '{"ok":false,"fix":"","changed":[],"undoData":null,"error":"the elevated fix could not start: ' + $message + '"}'
}
# The result folder is the user's (a fresh temp folder): never follow a link planted there, never overwrite. A new
# file in a real folder, or nothing; the app then reports that the elevated fix wrote no result.
$folder = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetFullPath($ResultPath))
if (([System.IO.File]::GetAttributes($folder) -band [System.IO.FileAttributes]::ReparsePoint) -ne 0) { exit 3 }
$bytes = (New-Object System.Text.UTF8Encoding -ArgumentList $false).GetBytes([string]$json)
$stream = $null
try {
    $stream = New-Object System.IO.FileStream -ArgumentList $ResultPath, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write)
    $stream.Write($bytes, 0, $bytes.Length)
} catch {
    exit 3
} finally {
    if ($null -ne $stream) { $stream.Dispose() }
}
if ([string]$json -match '^\{"ok":true') { exit 0 }
exit 1

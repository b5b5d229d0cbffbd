# The script that runs elevated (DESIGN §3-4): started by the app through Start-Process -Verb RunAs from the
# per-machine install folder, with its input as base64 JSON and a result id. Before anything else it locks the session
# down (ElevatedSession.ps1: no module auto-loading, PSModulePath and PATH of the system only); it loads the probe
# module, the Windows host and the fix module by full path from its own folder only, runs one fix or undo, and writes
# the one JSON object as result.json into <CommonApplicationData>\DirectAccess Doctor\results\<ResultId>\, a new
# folder only administrators can write. Exit code 0 when the fix succeeded, 1 otherwise, 3 when no result could be
# written. Windows PowerShell 5.1.
param(
    [Parameter(Mandatory = $true)]
    [ValidateScript({ $_ -cmatch '^[A-Za-z0-9+/=]{1,400000}\z' })]
    [string]$InputB64,
    [Parameter(Mandatory = $true)]
    [ValidateScript({ $_ -cmatch '^[0-9a-f]{32}\z' })]
    [string]$ResultId,
    [ValidateSet('fix', 'undo', IgnoreCase = $false)]
    [string]$Kind = 'fix'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$here = $PSScriptRoot
. ([System.IO.Path]::Combine($here, 'ElevatedSession.ps1'))
Set-DadElevatedSession
. ([System.IO.Path]::Combine($here, 'WindowsFixAdapters.ps1'))
$json = $null
try {
    $psRoot = Split-Path -Parent $here
    Import-Module ([System.IO.Path]::Combine($psRoot, 'DaDoctor.psm1')) -DisableNameChecking -Force
    . ([System.IO.Path]::Combine([System.IO.Path]::Combine($psRoot, 'host'), 'WindowsHost.ps1'))
    Import-Module ([System.IO.Path]::Combine($here, 'DaDoctorFixes.psm1')) -DisableNameChecking -Force
    if ($Kind -eq 'undo') { $json = Undo-DadFix -InputB64 $InputB64 } else { $json = Invoke-DadFix -InputB64 $InputB64 }
} catch {
    $message = ($_.Exception.Message -replace '[\\"]', "'" -replace '[\x00-\x1f]', ' ')
    $json = '{"ok":false,"fix":"","changed":[],"undoData":null,"error":"the elevated fix could not start: ' + $message + '"}'
}
# Undo data first: a fix whose result says "applied" always has its undo kept where the user cannot change it.
if ($Kind -eq 'fix') { $null = Write-DadElevatedUndo -Json $json -InputB64 $InputB64 }
if (-not (Write-DadElevatedResult -Json $json -ResultId $ResultId)) { exit 3 }
if ([string]$json -cmatch '^\{"ok":true') { exit 0 }
exit 1

# The standalone collector: writes the same snapshot file as the app, for machines the app cannot run on (Windows 7
# with PowerShell 2.0, servers without a desktop) and for helpdesks that collect through Intune or Configuration
# Manager. Diagnose the file anywhere with `da-doctor diagnose --snapshot FILE` or the wizard's import.
# Unlike the app it has no per-probe timeout: PowerShell 2.0 cannot bound a call inside one process.
#
#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File Collect-DadSnapshot.ps1 -OutFile C:\Temp\snapshot.json
#
# -Scenario runs it on the simulated host instead (training, and this script's own test).
param(
    [Parameter(Mandatory = $true)]
    [ValidatePattern('^[^\x00-\x1f]{1,1024}$')]
    [string]$OutFile,
    [ValidatePattern('^[^\x00-\x1f]{1,1024}$')]
    [string]$Scenario,
    [ValidatePattern('^[0-9A-Za-z.+-]{1,32}$')]
    [string]$CollectorVersion = '0.1.0'
)
Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
Import-Module ([System.IO.Path]::Combine($here, 'DaDoctor.psm1')) -DisableNameChecking
$hostKind = 'windows'
if ($Scenario) {
    . ([System.IO.Path]::Combine([System.IO.Path]::Combine($here, 'sim'), 'SimHost.ps1'))
    $path = (Resolve-Path -LiteralPath $Scenario).ProviderPath
    $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-DadJson @{ path = $path })))
    Import-DadSimScenario -InputB64 $b64 | Out-Null
    $hostKind = 'simulated'
} else {
    . ([System.IO.Path]::Combine([System.IO.Path]::Combine($here, 'host'), 'WindowsHost.ps1'))
}

$parts = @()
foreach ($name in (Get-DadSectionNames)) {
    $input64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"name":"' + $name + '"}'))
    $parts += ('"' + $name + '":' + (Invoke-DadProbe -InputB64 $input64))
}

$machine = [Environment]::MachineName
try {
    $os = Get-DadOsSection
    if ($os -is [System.Collections.IDictionary] -and $os.Contains('computerName') -and $os['computerName']) { $machine = [string]$os['computerName'] }
} catch {
    $null = $_
}
$collector = @{ version = $CollectorVersion; host = $hostKind }
if ($Scenario) { $collector['scenario'] = [System.IO.Path]::GetFileNameWithoutExtension($Scenario) }
$head = ConvertTo-DadJson @{
    schema      = 'da-doctor/snapshot@1'
    machine     = $machine
    collectedAt = [DateTime]::UtcNow.ToString('o')
    collector   = $collector
}
# The head is a finished object: open it up and append org and the sections, already JSON.
$json = $head.Substring(0, $head.Length - 1) + ',"org":null,"sections":{' + ($parts -join ',') + '}}'

# Written next to the target, then moved: a failure never leaves half a file.
$target = [System.IO.Path]::GetFullPath($OutFile)
$temp = $target + '.' + [System.Diagnostics.Process]::GetCurrentProcess().Id + '.tmp'
[System.IO.File]::WriteAllText($temp, $json, (New-Object System.Text.UTF8Encoding -ArgumentList $false))
if ([System.IO.File]::Exists($target)) { [System.IO.File]::Delete($target) }
[System.IO.File]::Move($temp, $target)

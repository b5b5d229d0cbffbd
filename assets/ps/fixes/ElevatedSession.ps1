# The elevated process's own setup (DESIGN §4), dot-sourced by Start-DadElevatedFix.ps1 by full path before anything
# else loads: no module loads by name or by auto-loading from a folder the user can write, native commands resolve
# to the system directory, and the result goes as a new file into a new folder only administrators can write.
# Windows PowerShell 5.1 syntax.

# The folders modules may come from: this PowerShell's own ($PSHOME, where the running powershell.exe is) and the
# system's, computed from [Environment]::SystemDirectory (GetSystemDirectory), never from %PSModulePath%,
# %SystemRoot% or %ProgramFiles%, which the user's environment sets.
function Get-DadSystemModuleFolders {
    param([string]$PowerShellHome = $PSHOME, [string]$SystemDirectory = [System.Environment]::SystemDirectory)
    $folders = [Activator]::CreateInstance([System.Collections.ArrayList])
    $null = $folders.Add([System.IO.Path]::Combine($PowerShellHome, 'Modules'))
    if ($SystemDirectory) {
        $system = [System.IO.Path]::Combine($SystemDirectory, 'WindowsPowerShell\v1.0\Modules')
        if ($folders -notcontains $system) { $null = $folders.Add($system) }
    }
    return , $folders.ToArray()
}

# Locks the session down: no auto-loading, PSModulePath and PATH of the system only, and the few system modules the
# fixes use imported by full path (those this Windows has: NetworkTransition is missing on Windows 7).
function Set-DadElevatedSession {
    param([string]$PowerShellHome = $PSHOME, [string]$SystemDirectory = [System.Environment]::SystemDirectory)
    $folders = Get-DadSystemModuleFolders -PowerShellHome $PowerShellHome -SystemDirectory $SystemDirectory
    # From here on only Microsoft.PowerShell.Core is there until the imports below: no other cmdlet before them.
    $global:PSModuleAutoLoadingPreference = 'None'
    $env:PSModulePath = $folders -join [System.IO.Path]::PathSeparator
    if ($SystemDirectory) {
        # netsh, certutil and w32tm by bare name (the probe module's netsh reads) then resolve to the system directory.
        $env:PATH = @($SystemDirectory, [System.IO.Path]::Combine($SystemDirectory, 'Wbem'), [System.IO.Path]::Combine($SystemDirectory, 'WindowsPowerShell\v1.0')) -join ';'
    }
    foreach ($name in @('Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Security', 'CimCmdlets', 'NetworkTransition', 'NetTCPIP', 'RemoteAccess')) {
        foreach ($folder in $folders) {
            $path = [System.IO.Path]::Combine($folder, $name)
            if ([System.IO.Directory]::Exists($path)) {
                Import-Module -Name $path -DisableNameChecking -Global -ErrorAction SilentlyContinue
                break
            }
        }
    }
}

# Writes the result as result.json in a new administrators-only folder named by the caller's result id (the app reads
# it there; users may read, not write). The folder is created and checked by New-DadPrivateFolder (a folder already
# there, a link, or one a user can write is refused); the file is created new, so a planted result.json or a link in
# its place fails. Returns $false when nothing could be written.
function Write-DadElevatedResult {
    param([string]$Json, [ValidateScript({ $_ -cmatch '^[0-9a-f]{32}\z' })][string]$ResultId)
    try {
        $folder = New-DadPrivateFolder -Purpose results -Name $ResultId
        $file = [System.IO.Path]::Combine($folder, 'result.json')
        $bytes = (New-Object System.Text.UTF8Encoding -ArgumentList $false).GetBytes([string]$Json)
        $stream = New-Object System.IO.FileStream -ArgumentList $file, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write), ([System.IO.FileShare]::None)
        try { $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
        return $true
    } catch {
        return $false
    }
}

# Keeps a successful fix's undo data where only administrators write, as undo.json in a new folder
# <CommonApplicationData>\DirectAccess Doctor\undo\<undoKey>\ (the key is the audit id the app sent in the input). The app
# replays undo from there, never from the user's own audit log, which the user can edit (src-main/fixes/undoStore.ts).
# Returns $false when there is nothing to keep or it could not be kept.
function Write-DadElevatedUndo {
    param([string]$Json, [string]$InputB64)
    try {
        $in = ConvertFrom-Json -InputObject ((New-Object System.Text.UTF8Encoding -ArgumentList $false, $true).GetString([System.Convert]::FromBase64String($InputB64)))
        $keyProp = $in.PSObject.Properties['undoKey']
        if ($null -eq $keyProp -or -not ([string]$keyProp.Value -cmatch '^[a-z0-9-]{1,64}\z')) { return $false }
        $out = ConvertFrom-Json -InputObject $Json
        $undoProp = $out.PSObject.Properties['undoData']
        if ($out.ok -ne $true -or $null -eq $undoProp -or $null -eq $undoProp.Value) { return $false }
        $entry = ConvertTo-Json -Compress -Depth 8 -InputObject @{ fix = [string]$out.fix; undoData = $undoProp.Value }
        $folder = New-DadPrivateFolder -Purpose undo -Name ([string]$keyProp.Value)
        $file = [System.IO.Path]::Combine($folder, 'undo.json')
        $bytes = (New-Object System.Text.UTF8Encoding -ArgumentList $false).GetBytes($entry)
        $stream = New-Object System.IO.FileStream -ArgumentList $file, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write), ([System.IO.FileShare]::None)
        try { $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
        return $true
    } catch {
        return $false
    }
}

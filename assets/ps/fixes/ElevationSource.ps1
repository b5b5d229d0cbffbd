# Where the elevated script may live (DESIGN §3-4), checked by the non-elevated launcher right before it asks for
# consent: inside the per-machine install folder under Program Files (the known-folder API, not %ProgramFiles%, which
# the user's environment sets), and the file and every folder up to Program Files owned by SYSTEM, Administrators or
# TrustedInstaller with no write right for Users, Authenticated Users, Everyone or INTERACTIVE. The elevated
# powershell.exe comes from the system directory (GetSystemDirectory), not from %SystemRoot%. The launcher embeds this
# file's text, so these functions run in the one PowerShell the app starts from a trusted path.
# Windows PowerShell 5.1 and PowerShell 7.

# Adapters (Pester stands in for them): the known folders and the ACL of a path.
function Get-DadProgramFilesFolder { [System.Environment]::GetFolderPath([System.Environment+SpecialFolder]::ProgramFiles) }
function Get-DadSystemFolder { [System.Environment]::SystemDirectory }
function Get-DadPathAcl { param([string]$Path) Get-Acl -LiteralPath $Path }

# The in-box Windows PowerShell, from the system directory.
function Get-DadSystemPowerShell {
    return [System.IO.Path]::Combine([System.IO.Path]::Combine([System.IO.Path]::Combine((Get-DadSystemFolder), 'WindowsPowerShell'), 'v1.0'), 'powershell.exe')
}

# Why one path's owner or ACL lets a standard user change it, or $null.
function Get-DadAclProblem {
    param([string]$Path)
    $trustedOwners = @('S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464')
    $untrusted = @('S-1-5-32-545', 'S-1-5-11', 'S-1-1-0', 'S-1-5-4')
    # The bits that change a file or folder (Modify and FullControl include them; ReadAndExecute does not).
    $writeRights = [System.Security.AccessControl.FileSystemRights]'WriteData, AppendData, WriteExtendedAttributes, DeleteSubdirectoriesAndFiles, WriteAttributes, Delete, ChangePermissions, TakeOwnership'
    $acl = Get-DadPathAcl -Path $Path
    $owner = [string]$acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
    if ($trustedOwners -cnotcontains $owner) { return ($Path + ' is owned by ' + $owner + ', not by SYSTEM, Administrators or TrustedInstaller') }
    foreach ($rule in @($acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]))) {
        if ([string]$rule.AccessControlType -ne 'Allow') { continue }
        if ($untrusted -cnotcontains [string]$rule.IdentityReference.Value) { continue }
        if (([int]$rule.FileSystemRights -band [int]$writeRights) -ne 0) { return ($Path + ' can be changed by ' + [string]$rule.IdentityReference.Value) }
    }
    return $null
}

# $null when the elevated script may run from $ScriptPath, else why not. Plain string logic on Windows paths (no
# relative parts allowed), so the same check runs, and is tested, anywhere.
function Test-DadElevationSource {
    param([string]$ScriptPath)
    $pf = ([string](Get-DadProgramFilesFolder)).TrimEnd('\')
    if (-not ($pf -cmatch '^[A-Za-z]:\\[^\\]')) { return 'the Program Files folder is unknown' }
    if (-not ($ScriptPath -cmatch '^[A-Za-z]:\\') -or $ScriptPath -match '\\\.{1,2}(\\|$)' -or $ScriptPath.Contains('/')) { return 'the fix script path is not a plain absolute path' }
    if (-not $ScriptPath.StartsWith($pf + '\', [System.StringComparison]::OrdinalIgnoreCase)) { return ('the fix script is not in the per-machine install folder under ' + $pf) }
    $path = $ScriptPath.TrimEnd('\')
    while ($true) {
        $problem = Get-DadAclProblem -Path $path
        if ($null -ne $problem) { return $problem }
        if ($path.Equals($pf, [System.StringComparison]::OrdinalIgnoreCase)) { return $null }
        $cut = $path.LastIndexOf('\')
        if ($cut -lt 3) { return 'the fix script is not below Program Files' }
        $path = $path.Substring(0, $cut)
    }
}

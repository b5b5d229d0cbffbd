# The fix-side adapters of BOUNDARY.md ("Commands the fixes use") on real Windows: the simulated host defines the same
# names. Dot-sourced only by Start-DadElevatedFix.ps1, i.e. only in the elevated process. Global functions so the
# fix module finds them, as it finds the simulated host's. Windows PowerShell 5.1.

# Adds a certificate to LocalMachine\Root or LocalMachine\CA from the bytes in memory (DESIGN §4): the certificate is
# built from those bytes, its thumbprint checked against the approved one right before X509Store.Add; no file is read.
# The X509Store API exists on every Windows, unlike Import-Certificate, which needs the PKI module.
function global:Import-DadCertificate {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', IgnoreCase = $false)][string]$Store,
        [Parameter(Mandatory = $true)][byte[]]$Certificate,
        [Parameter(Mandatory = $true)][ValidateScript({ $_ -cmatch '^[0-9A-F]{40}\z' })][string]$Thumbprint)
    $cert = New-DadX509Certificate -Bytes $Certificate
    # The last check: what X509Store.Add gets is what was approved.
    if ([string]$cert.Thumbprint -cne $Thumbprint) { throw ('the certificate to import has thumbprint ' + $cert.Thumbprint + ', not the approved ' + $Thumbprint + '; nothing imported') }
    Add-DadX509StoreCertificate -Store $Store -Certificate $cert
    return $cert
}

# The two .NET calls of Import-DadCertificate, apart so a test can stand in for them where there is no machine store.
function global:New-DadX509Certificate {
    param([byte[]]$Bytes)
    return (New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $Bytes))
}
function global:Add-DadX509StoreCertificate {
    param([string]$Store, $Certificate)
    $x509 = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $Store, 'LocalMachine'
    $x509.Open('ReadWrite')
    try { $x509.Add($Certificate) } finally { $x509.Close() }
}

# Removes a certificate by thumbprint from LocalMachine\Root or LocalMachine\CA.
function global:Remove-DadCertificate {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', IgnoreCase = $false)][string]$Store, [Parameter(Mandatory = $true)][ValidateScript({ $_ -cmatch '^[0-9A-Fa-f]{40}\z' })][string]$Thumbprint)
    $x509 = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $Store, 'LocalMachine'
    $x509.Open('ReadWrite')
    try {
        foreach ($c in @($x509.Certificates)) {
            if ($c.Thumbprint -ceq $Thumbprint.ToUpperInvariant()) { $x509.Remove($c) }
        }
    } finally { $x509.Close() }
}

# Writes one registry value (creating the key when missing).
function global:Set-DadRegistryValue {
    param([Parameter(Mandatory = $true)][ValidateScript({ $_ -cmatch '^(HKLM|HKU):\\' })][string]$Path, [Parameter(Mandatory = $true)][string]$Name, $Value,
        [ValidateSet('String', 'ExpandString', 'DWord', 'QWord', 'MultiString', 'Binary', IgnoreCase = $false)][string]$Type = 'String')
    if ($Path -like 'HKU:*' -and -not (Get-PSDrive -Name HKU -ErrorAction SilentlyContinue)) {
        $null = New-PSDrive -Name HKU -PSProvider Registry -Root HKEY_USERS -Scope Global
    }
    if (-not (Test-Path -LiteralPath $Path)) { $null = New-Item -Path $Path -Force }
    if ($Type -eq 'DWord') { $Value = [int](([long]$Value) -band 0xffffffffL) }
    $null = New-ItemProperty -LiteralPath $Path -Name $Name -Value $Value -PropertyType $Type -Force
}

# Deletes a registry key with its subkeys.
function global:Remove-DadRegistryKey {
    param([Parameter(Mandatory = $true)][ValidateScript({ $_ -cmatch '^HKLM:\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr\\' })][string]$Path)
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
}

# --- Folders only administrators can write (DESIGN §4: everything the elevated step writes and reads back) ---------

# The accounts that may own such a folder or write to it: SYSTEM, Administrators, TrustedInstaller, and CREATOR OWNER
# (which stands for the creator of a child, here always one of the others, as nobody else can create one).
$global:DadTrustedWriterSids = @('S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464', 'S-1-3-0')
# Rights that let an account change a folder or what it holds: write/append data, write attributes, delete, delete
# child, change permissions, take ownership, generic write, generic all.
$global:DadWriteRightsMask = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x40000000 -bor 0x10000000

# Why a folder's security (as Get-DadFolderSecurity reports it) is not administrators-only, or $null when it is.
function global:Get-DadAdminOnlyProblem {
    param($Security)
    if ($null -eq $Security) { return 'it does not exist' }
    if ($Security.IsLink) { return 'it is a link (a reparse point)' }
    if ($global:DadTrustedWriterSids -cnotcontains [string]$Security.Owner) { return ('it is owned by ' + $Security.Owner) }
    foreach ($r in @($Security.Rules)) {
        if ($null -eq $r -or -not $r.Allow) { continue }
        if ((([long]$r.Rights) -band $global:DadWriteRightsMask) -ne 0 -and $global:DadTrustedWriterSids -cnotcontains [string]$r.Sid) {
            return ([string]$r.Sid + ' may write to it')
        }
    }
    return $null
}

# Owner, access rules (SIDs) and whether it is a link, of a folder; $null when there is none.
function global:Get-DadFolderSecurity {
    param([Parameter(Mandatory = $true)][string]$Path)
    $info = New-Object System.IO.DirectoryInfo -ArgumentList $Path
    if (-not $info.Exists) { return $null }
    $isLink = (($info.Attributes -band [System.IO.FileAttributes]::ReparsePoint) -ne 0)
    if ($info.PSObject.Methods['GetAccessControl']) { $acl = $info.GetAccessControl() }
    else { $acl = [System.IO.FileSystemAclExtensions]::GetAccessControl($info) }
    $sidType = [System.Security.Principal.SecurityIdentifier]
    $rules = @(foreach ($r in $acl.GetAccessRules($true, $true, $sidType)) {
            @{ Sid = $r.IdentityReference.Value; Allow = ($r.AccessControlType -eq [System.Security.AccessControl.AccessControlType]::Allow); Rights = [long]$r.FileSystemRights }
        })
    return @{ IsLink = $isLink; Owner = $acl.GetOwner($sidType).Value; Rules = $rules }
}

# Creates a folder owned by Administrators whose protected ACL lets SYSTEM and Administrators change it and Users
# only read it (the app, running as the user, reads the result written there). Creating a folder that is already
# there changes nothing, which is why callers check the folder afterwards.
function global:New-DadAdminOnlyDirectory {
    param([Parameter(Mandatory = $true)][string]$Path)
    $sec = New-Object System.Security.AccessControl.DirectorySecurity
    $sec.SetAccessRuleProtection($true, $false)
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $none = [System.Security.AccessControl.PropagationFlags]::None
    $allow = [System.Security.AccessControl.AccessControlType]::Allow
    $admins = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-544'
    foreach ($sid in @('S-1-5-18', 'S-1-5-32-544')) {
        $id = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList $sid
        $sec.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule -ArgumentList $id, ([System.Security.AccessControl.FileSystemRights]::FullControl), $inherit, $none, $allow))
    }
    $users = New-Object System.Security.Principal.SecurityIdentifier -ArgumentList 'S-1-5-32-545'
    $sec.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule -ArgumentList $users, ([System.Security.AccessControl.FileSystemRights]::ReadAndExecute), $inherit, $none, $allow))
    $sec.SetOwner($admins)
    if ($null -ne [System.IO.Directory].GetMethod('CreateDirectory', [type[]]@([string], [System.Security.AccessControl.DirectorySecurity]))) {
        $null = [System.IO.Directory]::CreateDirectory($Path, $sec)
    } else {
        [System.IO.FileSystemAclExtensions]::Create((New-Object System.IO.DirectoryInfo -ArgumentList $Path), $sec)
    }
}

# A new, empty folder only administrators can write, for one file the elevated step writes: under
# <CommonApplicationData>\DirectAccess Doctor\<purpose>\<name: a new GUID unless given; letters, digits and dashes only> (the known-folder API, not %ProgramData%, which the user's
# environment sets). Every folder on the way is checked after it is created or found: a folder a user created there
# first (standard users may create folders in ProgramData), or a link, is refused, never used.
function global:New-DadPrivateFolder {
    param([ValidateSet('work', 'results', 'undo', IgnoreCase = $false)][string]$Purpose = 'work',
        [ValidateScript({ $_ -cmatch '^[a-z0-9-]{1,64}\z' })][string]$Name = [System.Guid]::NewGuid().ToString('N'))
    $folder = [System.Environment]::GetFolderPath([System.Environment+SpecialFolder]::CommonApplicationData)
    if (-not $folder) { throw 'this machine has no ProgramData folder' }
    $names = @('DirectAccess Doctor', $Purpose, $Name)
    for ($i = 0; $i -lt $names.Count; $i++) {
        $folder = [System.IO.Path]::Combine($folder, $names[$i])
        $security = Get-DadFolderSecurity -Path $folder
        if ($i -eq $names.Count - 1 -and $null -ne $security) { throw ('the new folder ' + $folder + ' is already there; refusing it') }
        if ($null -eq $security) {
            New-DadAdminOnlyDirectory -Path $folder
            $security = Get-DadFolderSecurity -Path $folder
        }
        $problem = Get-DadAdminOnlyProblem $security
        if ($null -ne $problem) { throw ($folder + ' is not a folder only administrators can write (' + $problem + '); refusing to use it') }
    }
    return $folder
}

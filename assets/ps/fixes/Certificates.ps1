# Fixes that add a certificate to a machine store (knowledge C.3): import-root-ca (LocalMachine\Root, then restart
# iphlpsvc) and import-intermediate-ca (LocalMachine\CA). The main process decides WHICH certificate may be trusted
# (DESIGN §4); the script only checks that the bytes it got are the certificate the main process approved.

# SHA-1 of the DER bytes, as Windows prints a thumbprint.
function Get-DadDerThumbprint {
    param([byte[]]$Bytes)
    $sha = [System.Security.Cryptography.SHA1]::Create()
    try { $hash = $sha.ComputeHash($Bytes) } finally { $sha.Dispose() }
    return ([System.BitConverter]::ToString($hash) -replace '-', '').ToUpperInvariant()
}

# Decodes the certificate, recomputes its thumbprint and compares it with the approved one; returns the DER bytes.
function Get-DadApprovedCertificate {
    param([string]$CertificateB64, [string]$Thumbprint)
    try { $bytes = [System.Convert]::FromBase64String($CertificateB64) }
    catch { throw 'the certificate is not valid base64' }
    if ($bytes.Length -gt 65536) { throw 'the certificate is larger than 64 KB' }
    try { $x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $bytes) }
    catch { throw 'the content is not an X.509 certificate' }
    $actual = Get-DadDerThumbprint $bytes
    if ($actual -cne $Thumbprint.ToUpperInvariant() -or $x.Thumbprint.ToUpperInvariant() -cne $actual) {
        throw ('the certificate has thumbprint ' + $actual + ', not the approved ' + $Thumbprint.ToUpperInvariant())
    }
    return , $bytes
}

# Whether a store already holds the thumbprint (then undo must not remove it).
function Test-DadStoreHas {
    param([string]$Store, [string]$Thumbprint)
    foreach ($c in @(Get-DadCertificates -Store $Store)) {
        if ($null -ne $c -and ([string]$c.Thumbprint).ToUpperInvariant() -ceq $Thumbprint) { return $true }
    }
    return $false
}

# Imports approved DER bytes into LocalMachine\<Store>. From memory where it can (DESIGN §4): Import-DadCertificate
# builds the certificate from these very bytes and re-checks its thumbprint against the approved one right before
# X509Store.Add; no file is written, so none can be swapped. Windows 7 has no PKI module and certutil -addstore takes
# only a file: there the file goes into a new folder only administrators can write (New-DadPrivateFolder), and its
# thumbprint is checked again after writing, right before certutil reads it.
function Import-DadApprovedCertificate {
    param([ValidateSet('Root', 'CA', IgnoreCase = $false)][string]$Store, [string]$CertificateB64, [string]$Thumbprint)
    $bytes = Get-DadApprovedCertificate -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    $thumb = $Thumbprint.ToUpperInvariant()
    $already = Test-DadStoreHas -Store $Store -Thumbprint $thumb
    $undo = @{ store = $Store; thumbprint = $thumb; alreadyPresent = $already }
    $script:DadFixUndo = $undo
    if ($already) {
        Add-DadFixChange ('LocalMachine\' + $Store + ' already holds ' + $thumb + '; nothing imported')
        return $undo
    }
    if (Test-DadFixCommand 'Get-NetIPHttpsState') {
        $null = Import-DadCertificate -Store $Store -Certificate $bytes -Thumbprint $thumb
    } else {
        Import-DadCertificateFile -Store $Store -Bytes $bytes -Thumbprint $thumb
    }
    Add-DadFixChange ('imported ' + $thumb + ' into LocalMachine\' + $Store)
    return $undo
}

# Windows 7: certutil -addstore <file>, the file written fresh into an administrators-only folder and checked after
# writing. A file whose thumbprint is no longer the approved one is refused and nothing is imported.
function Import-DadCertificateFile {
    param([string]$Store, [byte[]]$Bytes, [string]$Thumbprint)
    $folder = New-DadPrivateFolder
    try {
        $file = [System.IO.Path]::Combine($folder, $Thumbprint + '.cer')
        Write-DadNewFile -Path $file -Bytes $Bytes
        $written = Get-DadDerThumbprint (Read-DadFileBytes -Path $file)
        if ($written -cne $Thumbprint) {
            throw ('the certificate file changed after it was written (thumbprint ' + $written + ', not the approved ' + $Thumbprint + '); nothing imported')
        }
        $null = Invoke-DadNative 'certutil' @('-addstore', $Store, $file)
    } finally {
        try { [System.IO.Directory]::Delete($folder, $true) } catch { Add-DadFixChange ('could not delete the temporary folder ' + $folder) }
    }
}

# import-root-ca: the approved root into LocalMachine\Root, then restart iphlpsvc so IP-HTTPS retries.
function Add-DadTrustedRoot {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadCertificateB64Pattern 'the certificate' })][string]$CertificateB64,
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadThumbprintPattern 'the thumbprint' })][string]$Thumbprint
    )
    $undo = Import-DadApprovedCertificate -Store 'Root' -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    Restart-DadIpHelperService
    return $undo
}

# import-intermediate-ca: the approved intermediate into LocalMachine\CA, then restart iphlpsvc.
function Add-DadIntermediateCa {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadCertificateB64Pattern 'the certificate' })][string]$CertificateB64,
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadThumbprintPattern 'the thumbprint' })][string]$Thumbprint
    )
    $undo = Import-DadApprovedCertificate -Store 'CA' -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    Restart-DadIpHelperService
    return $undo
}

# Undo of both imports: removes the thumbprint again, unless it was there before the fix.
function Undo-DadCertificateImport {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', IgnoreCase = $false)][string]$Store,
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadThumbprintPattern 'the thumbprint' })][string]$Thumbprint,
        [bool]$AlreadyPresent = $false
    )
    $thumb = $Thumbprint.ToUpperInvariant()
    if ($AlreadyPresent) { Add-DadFixChange ($thumb + ' was in LocalMachine\' + $Store + ' before the fix; left in place'); return }
    if (Test-DadFixCommand 'Get-NetIPHttpsState') { Remove-DadCertificate -Store $Store -Thumbprint $thumb }
    else { $null = Invoke-DadNative 'certutil' @('-delstore', $Store, $thumb) }
    Add-DadFixChange ('removed ' + $thumb + ' from LocalMachine\' + $Store)
}

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
    if ($actual -ne $Thumbprint.ToUpperInvariant() -or $x.Thumbprint.ToUpperInvariant() -ne $actual) {
        throw ('the certificate has thumbprint ' + $actual + ', not the approved ' + $Thumbprint.ToUpperInvariant())
    }
    return , $bytes
}

# Whether a store already holds the thumbprint (then undo must not remove it).
function Test-DadStoreHas {
    param([string]$Store, [string]$Thumbprint)
    foreach ($c in @(Get-DadCertificates -Store $Store)) {
        if ($null -ne $c -and ([string]$c.Thumbprint).ToUpperInvariant() -eq $Thumbprint) { return $true }
    }
    return $false
}

# Imports approved DER bytes into LocalMachine\<Store> through a file in a fresh folder (Import-DadCertificate and
# certutil take files); Windows 7 has no PKI module, so there certutil -addstore does it.
function Import-DadApprovedCertificate {
    param([ValidateSet('Root', 'CA')][string]$Store, [string]$CertificateB64, [string]$Thumbprint)
    $bytes = Get-DadApprovedCertificate -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    $thumb = $Thumbprint.ToUpperInvariant()
    $already = Test-DadStoreHas -Store $Store -Thumbprint $thumb
    $undo = @{ store = $Store; thumbprint = $thumb; alreadyPresent = $already }
    $script:DadFixUndo = $undo
    if ($already) {
        Add-DadFixChange ('LocalMachine\' + $Store + ' already holds ' + $thumb + '; nothing imported')
        return $undo
    }
    $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'dad-cert-' + [System.Guid]::NewGuid().ToString('N'))
    $null = [System.IO.Directory]::CreateDirectory($folder)
    try {
        $file = [System.IO.Path]::Combine($folder, $thumb + '.cer')
        [System.IO.File]::WriteAllBytes($file, $bytes)
        if (Test-DadFixCommand 'Get-NetIPHttpsState') {
            $null = Import-DadCertificate -Store $Store -Path $file
        } else {
            $null = Invoke-DadNative 'certutil' @('-addstore', $Store, $file)
        }
    } finally {
        [System.IO.Directory]::Delete($folder, $true)
    }
    Add-DadFixChange ('imported ' + $thumb + ' into LocalMachine\' + $Store)
    return $undo
}

# import-root-ca: the approved root into LocalMachine\Root, then restart iphlpsvc so IP-HTTPS retries.
function Add-DadTrustedRoot {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,200000}\z')][string]$CertificateB64,
        [Parameter(Mandatory = $true)][ValidatePattern('^[0-9A-Fa-f]{40}\z')][string]$Thumbprint
    )
    $undo = Import-DadApprovedCertificate -Store 'Root' -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    Restart-DadIpHelperService
    return $undo
}

# import-intermediate-ca: the approved intermediate into LocalMachine\CA, then restart iphlpsvc.
function Add-DadIntermediateCa {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidatePattern('^[A-Za-z0-9+/=]{1,200000}\z')][string]$CertificateB64,
        [Parameter(Mandatory = $true)][ValidatePattern('^[0-9A-Fa-f]{40}\z')][string]$Thumbprint
    )
    $undo = Import-DadApprovedCertificate -Store 'CA' -CertificateB64 $CertificateB64 -Thumbprint $Thumbprint
    Restart-DadIpHelperService
    return $undo
}

# Undo of both imports: removes the thumbprint again, unless it was there before the fix.
function Undo-DadCertificateImport {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('Root', 'CA')][string]$Store,
        [Parameter(Mandatory = $true)][ValidatePattern('^[0-9A-Fa-f]{40}\z')][string]$Thumbprint,
        [bool]$AlreadyPresent = $false
    )
    $thumb = $Thumbprint.ToUpperInvariant()
    if ($AlreadyPresent) { Add-DadFixChange ($thumb + ' was in LocalMachine\' + $Store + ' before the fix; left in place'); return }
    if (Test-DadFixCommand 'Get-NetIPHttpsState') { Remove-DadCertificate -Store $Store -Thumbprint $thumb }
    else { $null = Invoke-DadNative 'certutil' @('-delstore', $Store, $thumb) }
    Add-DadFixChange ('removed ' + $thumb + ' from LocalMachine\' + $Store)
}

<#
.SYNOPSIS
  Makes the test certificates of the scenarios (assets/scenarios/certs/*.cer) and prints their metadata as JSON.
.DESCRIPTION
  Run once; the scenario files quote the thumbprints of the files it wrote. Running it again makes new keys and so
  new thumbprints: every scenario that names a certificate would then have to be updated (see docs/scenarios.md).
  Only the public certificates are kept (DER .cer); the private keys are thrown away, since nothing needs them.
  Windows PowerShell 5.1 (.NET Framework 4.7.2+) or PowerShell 7.
  -Additions makes only the certificates added later (the interceptor's chain and a server certificate that expires
  soon), leaving the others and their thumbprints alone; append what it prints to index.json.
#>
param([string]$OutDir = $PSScriptRoot, [switch]$Additions)

$ErrorActionPreference = 'Stop'
$X509 = 'System.Security.Cryptography.X509Certificates'

# DER of a CRL distribution point extension with one URI (fullName, uniformResourceIdentifier).
function New-CdpExtension([string]$Url) {
    function Tlv([byte]$tag, [byte[]]$content) {
        if ($content.Length -ge 128) { throw 'URL too long for this small encoder' }
        return [byte[]](@($tag, [byte]$content.Length) + $content)
    }
    $uri = Tlv 0x86 ([System.Text.Encoding]::ASCII.GetBytes($Url))
    $der = Tlv 0x30 (Tlv 0x30 (Tlv 0xA0 (Tlv 0xA0 $uri)))
    New-Object System.Security.Cryptography.X509Certificates.X509Extension -ArgumentList '2.5.29.31', $der, $false
}

function New-TestCert {
    param([string]$Subject, [datetime]$NotBefore, [datetime]$NotAfter, $Issuer, [switch]$Ca,
          [string[]]$DnsNames, [string[]]$Ekus, [string]$CrlUrl, [string]$File)
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $req = New-Object "$X509.CertificateRequest" -ArgumentList $Subject, $rsa,
        ([System.Security.Cryptography.HashAlgorithmName]::SHA256), ([System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $req.CertificateExtensions.Add((New-Object "$X509.X509BasicConstraintsExtension" -ArgumentList ([bool]$Ca), $false, 0, $true))
    if ($Ca) {
        $req.CertificateExtensions.Add((New-Object "$X509.X509KeyUsageExtension" -ArgumentList ([System.Security.Cryptography.X509Certificates.X509KeyUsageFlags]'KeyCertSign, CrlSign, DigitalSignature'), $true))
    } else {
        $req.CertificateExtensions.Add((New-Object "$X509.X509KeyUsageExtension" -ArgumentList ([System.Security.Cryptography.X509Certificates.X509KeyUsageFlags]'DigitalSignature, KeyEncipherment'), $true))
    }
    $req.CertificateExtensions.Add((New-Object "$X509.X509SubjectKeyIdentifierExtension" -ArgumentList $req.PublicKey, $false))
    if ($Ekus) {
        $oids = New-Object System.Security.Cryptography.OidCollection
        foreach ($e in $Ekus) { [void]$oids.Add((New-Object System.Security.Cryptography.Oid -ArgumentList $e)) }
        $req.CertificateExtensions.Add((New-Object "$X509.X509EnhancedKeyUsageExtension" -ArgumentList $oids, $false))
    }
    if ($DnsNames) {
        $san = New-Object "$X509.SubjectAlternativeNameBuilder"
        foreach ($n in $DnsNames) { $san.AddDnsName($n) }
        $req.CertificateExtensions.Add($san.Build($false))
    }
    if ($CrlUrl) { $req.CertificateExtensions.Add((New-CdpExtension $CrlUrl)) }
    $nb = New-Object System.DateTimeOffset -ArgumentList ([datetime]::SpecifyKind($NotBefore, 'Utc'))
    $na = New-Object System.DateTimeOffset -ArgumentList ([datetime]::SpecifyKind($NotAfter, 'Utc'))
    if ($Issuer) {
        $serial = New-Object byte[] 16
        ([System.Security.Cryptography.RandomNumberGenerator]::Create()).GetBytes($serial)
        $serial[0] = $serial[0] -band 0x7f
        $cert = $req.Create($Issuer, $nb, $na, $serial)
        $cert = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::CopyWithPrivateKey($cert, $rsa)
    } else {
        $cert = $req.CreateSelfSigned($nb, $na)
    }
    if (-not $File) { return $cert } # an in-memory issuer only
    [System.IO.File]::WriteAllBytes((Join-Path $OutDir $File), $cert.Export('Cert'))
    $info = [ordered]@{
        file = $File; Subject = $cert.Subject; Issuer = $cert.Issuer; Thumbprint = $cert.Thumbprint
        NotBefore = $cert.NotBefore.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        NotAfter = $cert.NotAfter.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
        Ekus = @($Ekus | Where-Object { $_ }); DnsNames = @($DnsNames | Where-Object { $_ }); CrlUrls = @($CrlUrl | Where-Object { $_ })
    }
    $script:index += , $info
    return $cert
}

$script:index = @()
$serverAuth = '1.3.6.1.5.5.7.3.1'; $clientAuth = '1.3.6.1.5.5.7.3.2'
if ($Additions) {
    # A guest network's TLS inspection: its own root, and a certificate for the DirectAccess name signed by it.
    $guest = New-TestCert -Subject 'CN=Guest WiFi Inspection CA' -NotBefore '2024-01-01' -NotAfter '2034-01-01' -Ca -File 'guest-wifi-inspection-ca.cer'
    [void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2026-03-01' -NotAfter '2026-06-01' -Issuer $guest -DnsNames 'da.contoso.com' `
        -Ekus $serverAuth -File 'da-contoso-com-intercepted.cer')
    # The Contoso Issuing CA's key was thrown away: a stand-in with its name signs the certificate that expires soon
    # (the simulated host links issuers by name, not by key).
    $standIn = New-TestCert -Subject 'CN=Contoso Issuing CA' -NotBefore '2021-01-15' -NotAfter '2031-01-15' -Ca
    [void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2025-03-28' -NotAfter '2026-03-28' -Issuer $standIn -DnsNames 'da.contoso.com' `
        -Ekus $serverAuth -CrlUrl 'http://pki.contoso.com/crl/ContosoIssuing.crl' -File 'da-contoso-com-expiring.cer')
    ConvertTo-Json -InputObject $script:index -Depth 4
    return
}
$root = New-TestCert -Subject 'CN=Contoso Root CA' -NotBefore '2021-01-01' -NotAfter '2041-01-01' -Ca -File 'contoso-root-ca.cer'
$issuing = New-TestCert -Subject 'CN=Contoso Issuing CA' -NotBefore '2021-01-15' -NotAfter '2031-01-15' -Ca -Issuer $root `
    -CrlUrl 'http://pki.contoso.com/crl/ContosoRoot.crl' -File 'contoso-issuing-ca.cer'
[void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2025-06-01' -NotAfter '2027-06-01' -Issuer $issuing -DnsNames 'da.contoso.com' `
    -Ekus $serverAuth -CrlUrl 'http://pki.contoso.com/crl/ContosoIssuing.crl' -File 'da-contoso-com.cer')
[void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2024-01-31' -NotAfter '2026-01-31T23:59:59' -Issuer $issuing -DnsNames 'da.contoso.com' `
    -Ekus $serverAuth -CrlUrl 'http://pki.contoso.com/crl/ContosoIssuing.crl' -File 'da-contoso-com-expired.cer')
[void](New-TestCert -Subject 'CN=vpn.contoso.com' -NotBefore '2025-06-01' -NotAfter '2027-06-01' -Issuer $issuing -DnsNames 'vpn.contoso.com' `
    -Ekus $serverAuth -CrlUrl 'http://pki.contoso.com/crl/ContosoIssuing.crl' -File 'vpn-contoso-com.cer')
[void](New-TestCert -Subject 'CN=CLIENT01.corp.contoso.com' -NotBefore '2025-09-01' -NotAfter '2026-09-01' -Issuer $issuing `
    -DnsNames 'CLIENT01.corp.contoso.com' -Ekus $clientAuth, $serverAuth -CrlUrl 'http://pki.contoso.com/crl/ContosoIssuing.crl' -File 'client01-machine.cer')
[void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2021-03-01' -NotAfter '2026-03-01' -DnsNames 'da.contoso.com' -Ekus $serverAuth -File 'da-contoso-com-selfsigned-2021.cer')
[void](New-TestCert -Subject 'CN=da.contoso.com' -NotBefore '2026-02-20' -NotAfter '2031-02-20' -DnsNames 'da.contoso.com' -Ekus $serverAuth -File 'da-contoso-com-selfsigned-2026.cer')
[void](New-TestCert -Subject 'CN=Fabrikam Root CA' -NotBefore '2020-05-01' -NotAfter '2040-05-01' -Ca -File 'fabrikam-root-ca.cer')
[void](New-TestCert -Subject 'CN=Contoso Root CA' -NotBefore '2016-01-01' -NotAfter '2036-01-01' -Ca -File 'contoso-root-ca-2016.cer')
ConvertTo-Json -InputObject $script:index -Depth 4

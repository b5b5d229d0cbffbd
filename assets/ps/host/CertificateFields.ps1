# Pure helpers of the Windows host: an X509Certificate2 as the certificate object of BOUNDARY.md, with SAN DNS
# names and CRL URLs decoded from the extensions' DER bytes (Format() text is localised, so it cannot be parsed).
# Global because the global adapters call them; no OS access, so Pester tests them on Linux too. PowerShell 2.0-safe.

# The certificate object the adapters return: Subject, Issuer, Thumbprint, NotBefore, NotAfter, HasPrivateKey, Ekus,
# DnsNames, CrlUrls.
function global:ConvertTo-DadWinCertificateObject {
    param([System.Security.Cryptography.X509Certificates.X509Certificate2]$Certificate)
    $ekus = New-Object System.Collections.ArrayList
    $dnsNames = New-Object System.Collections.ArrayList
    $crlUrls = New-Object System.Collections.ArrayList
    foreach ($extension in $Certificate.Extensions) {
        $oid = $extension.Oid.Value
        if ($oid -eq '2.5.29.37') {
            $eku = New-Object System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension -ArgumentList $extension, $false
            foreach ($usage in $eku.EnhancedKeyUsages) { $null = $ekus.Add($usage.Value) }
        } elseif ($oid -eq '2.5.29.17') {
            foreach ($name in (ConvertFrom-DadWinSanExtension $extension.RawData)) { $null = $dnsNames.Add($name) }
        } elseif ($oid -eq '2.5.29.31') {
            foreach ($url in (ConvertFrom-DadWinCdpExtension $extension.RawData)) { $null = $crlUrls.Add($url) }
        }
    }
    if ($dnsNames.Count -eq 0) {
        # Without a SAN, TLS name checks fall back to the subject's CN.
        $cn = $Certificate.GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]::DnsName, $false)
        if ($cn) { $null = $dnsNames.Add($cn) }
    }
    $hasKey = Get-DadWinHasPrivateKey $Certificate
    return New-Object PSObject -Property @{
        Subject       = $Certificate.Subject
        Issuer        = $Certificate.Issuer
        Thumbprint    = $Certificate.Thumbprint.ToUpperInvariant()
        NotBefore     = $Certificate.NotBefore
        NotAfter      = $Certificate.NotAfter
        HasPrivateKey = $hasKey
        Ekus          = $ekus.ToArray()
        DnsNames      = $dnsNames.ToArray()
        CrlUrls       = $crlUrls.ToArray()
    }
}

# HasPrivateKey (a key associated with the certificate in its store), or $null when it cannot be read: unknown is not
# "no key", which the rules would report as a defect of the IP-HTTPS certificate (server-iphttps-cert-invalid).
function global:Get-DadWinHasPrivateKey {
    param($Certificate)
    # A getter that throws may surface as an exception or, outside strict mode, as $null: neither is "no key".
    try { $value = $Certificate.HasPrivateKey } catch { return $null }
    if ($null -eq $value) { return $null }
    return [bool]$value
}

# The DER elements directly inside [Start, End) of Data: tag, content start and content length of each.
function global:Read-DadWinDerElements {
    param([byte[]]$Data, [int]$Start, [int]$End)
    $elements = New-Object System.Collections.ArrayList
    $pos = $Start
    while ($pos + 1 -lt $End) {
        $tag = [int]$Data[$pos]
        $length = [int]$Data[$pos + 1]
        $pos += 2
        if ($length -ge 128) {
            $count = $length - 128
            if ($count -lt 1 -or $count -gt 4) { throw 'unsupported DER length' }
            $length = 0
            for ($i = 0; $i -lt $count; $i++) { $length = ($length * 256) + [int]$Data[$pos + $i] }
            $pos += $count
        }
        if ($pos + $length -gt $End) { throw 'truncated DER element' }
        $null = $elements.Add(@{ Tag = $tag; Start = $pos; Length = $length })
        $pos += $length
    }
    return , $elements.ToArray()
}

# dNSName entries ([2] IA5String) of a SubjectAltName extension value (a SEQUENCE of GeneralName).
function global:ConvertFrom-DadWinSanExtension {
    param([byte[]]$RawData)
    $names = New-Object System.Collections.ArrayList
    foreach ($outer in (Read-DadWinDerElements $RawData 0 $RawData.Length)) {
        if ($outer.Tag -ne 0x30) { continue }
        foreach ($general in (Read-DadWinDerElements $RawData $outer.Start ($outer.Start + $outer.Length))) {
            if ($general.Tag -eq 0x82) {
                $null = $names.Add([System.Text.Encoding]::ASCII.GetString($RawData, $general.Start, $general.Length))
            }
        }
    }
    return , $names.ToArray()
}

# uniformResourceIdentifier entries ([6]) anywhere in a CRLDistributionPoints extension value.
function global:ConvertFrom-DadWinCdpExtension {
    param([byte[]]$RawData)
    $urls = New-Object System.Collections.ArrayList
    $pending = New-Object System.Collections.ArrayList
    $null = $pending.Add(@(0, $RawData.Length))
    while ($pending.Count -gt 0) {
        $range = $pending[0]
        $pending.RemoveAt(0)
        foreach ($element in (Read-DadWinDerElements $RawData $range[0] $range[1])) {
            if ($element.Tag -eq 0x86) {
                $null = $urls.Add([System.Text.Encoding]::ASCII.GetString($RawData, $element.Start, $element.Length))
            } elseif (($element.Tag -band 0x20) -ne 0) {
                $null = $pending.Add(@($element.Start, ($element.Start + $element.Length)))
            }
        }
    }
    return , $urls.ToArray()
}

# The pure parts of the Windows host: certificate objects, DER decoding of SAN and CDP extensions, the HTTP Date
# header. The adapters themselves need Windows and are exercised by the Windows CI workflow.

BeforeAll {
    . (Join-Path $PSScriptRoot 'CertificateFields.ps1')
    . (Join-Path $PSScriptRoot 'HttpDate.ps1')

    # One DER element: tag, definite length (short or long form), content.
    function New-TestDer {
        param([int]$Tag, [byte[]]$Content)
        $bytes = New-Object System.Collections.Generic.List[byte]
        $bytes.Add([byte]$Tag)
        if ($Content.Length -lt 128) {
            $bytes.Add([byte]$Content.Length)
        } elseif ($Content.Length -lt 256) {
            $bytes.Add(0x81); $bytes.Add([byte]$Content.Length)
        } else {
            $bytes.Add(0x82); $bytes.Add([byte]($Content.Length -shr 8)); $bytes.Add([byte]($Content.Length -band 0xFF))
        }
        $bytes.AddRange($Content)
        return , $bytes.ToArray()
    }

    function New-TestAscii { param([string]$Text) return , [System.Text.Encoding]::ASCII.GetBytes($Text) }

    # A CRLDistributionPoints value with one distribution point per URL.
    function New-TestCdp {
        param([string[]]$Urls)
        $points = New-Object System.Collections.Generic.List[byte]
        foreach ($url in $Urls) {
            $fullName = New-TestDer 0xA0 (New-TestDer 0x86 (New-TestAscii $url))
            $points.AddRange((New-TestDer 0x30 (New-TestDer 0xA0 $fullName)))
        }
        return , (New-TestDer 0x30 $points.ToArray())
    }

    $script:LongUrl = 'http://pki.contoso.com/' + ('x' * 150) + '/ContosoIssuing.crl'
}

AfterAll {
    foreach ($name in @('ConvertTo-DadWinCertificateObject', 'Read-DadWinDerElements', 'ConvertFrom-DadWinSanExtension', 'ConvertFrom-DadWinCdpExtension', 'ConvertFrom-DadWinHttpDate', 'ConvertFrom-DadWinHttpStatus')) {
        Remove-Item -LiteralPath ('Function:\' + $name) -ErrorAction SilentlyContinue
    }
}

Describe 'ConvertFrom-DadWinSanExtension' {
    It 'returns the DNS names and skips other name types' {
        $ip = New-TestDer 0x87 ([byte[]](198, 51, 100, 7))
        $content = [byte[]]((New-TestDer 0x82 (New-TestAscii 'da.contoso.com')) + $ip + (New-TestDer 0x82 (New-TestAscii 'vpn.contoso.com')))
        $names = ConvertFrom-DadWinSanExtension (New-TestDer 0x30 $content)
        $names | Should -Be @('da.contoso.com', 'vpn.contoso.com')
    }

    It 'returns an empty array for a SAN without DNS names' {
        $names = ConvertFrom-DadWinSanExtension (New-TestDer 0x30 (New-TestDer 0x87 ([byte[]](10, 0, 0, 1))))
        , $names | Should -BeOfType [object[]]
        $names.Count | Should -Be 0
    }

    It 'refuses truncated DER' {
        { ConvertFrom-DadWinSanExtension ([byte[]](0x30, 0x10, 0x82, 0x02)) } | Should -Throw '*truncated*'
    }
}

Describe 'ConvertFrom-DadWinCdpExtension' {
    It 'returns every URL, including long-form lengths' {
        $urls = ConvertFrom-DadWinCdpExtension (New-TestCdp @('http://pki.contoso.com/crl/a.crl', $script:LongUrl))
        $urls | Should -Be @('http://pki.contoso.com/crl/a.crl', $script:LongUrl)
    }
}

Describe 'ConvertTo-DadWinCertificateObject' {
    It 'describes a real certificate: names, CRL URLs, EKUs, uppercase thumbprint, private key' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $hash = [System.Security.Cryptography.HashAlgorithmName]::SHA256
        $padding = [System.Security.Cryptography.RSASignaturePadding]::Pkcs1
        $request = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList 'CN=laptop-01.corp.contoso.com', $rsa, $hash, $padding
        $san = New-Object System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder
        $san.AddDnsName('laptop-01.corp.contoso.com')
        $request.CertificateExtensions.Add($san.Build($false))
        $oids = New-Object System.Security.Cryptography.OidCollection
        $null = $oids.Add((New-Object System.Security.Cryptography.Oid -ArgumentList '1.3.6.1.5.5.7.3.2'))
        $request.CertificateExtensions.Add((New-Object System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension -ArgumentList $oids, $false))
        $request.CertificateExtensions.Add((New-Object System.Security.Cryptography.X509Certificates.X509Extension -ArgumentList '2.5.29.31', (New-TestCdp @($script:LongUrl)), $false))
        $now = [DateTimeOffset]::UtcNow
        $cert = $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays(30))

        $object = ConvertTo-DadWinCertificateObject $cert
        $object.Subject | Should -Be 'CN=laptop-01.corp.contoso.com'
        $object.Issuer | Should -Be 'CN=laptop-01.corp.contoso.com'
        $object.Thumbprint | Should -MatchExactly '^[0-9A-F]{40}$'
        $object.DnsNames | Should -Be @('laptop-01.corp.contoso.com')
        $object.CrlUrls | Should -Be @($script:LongUrl)
        $object.Ekus | Should -Be @('1.3.6.1.5.5.7.3.2')
        $object.HasPrivateKey | Should -BeTrue
        $object.NotAfter | Should -BeOfType [datetime]
    }

    It 'says HasPrivateKey False for a certificate without its key, and $null (unknown) when it cannot be read' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList 'CN=da.contoso.com', $rsa,
            ([System.Security.Cryptography.HashAlgorithmName]::SHA256), ([System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $now = [DateTimeOffset]::UtcNow
        $withKey = $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays(1))
        $publicOnly = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $withKey.RawData)
        (ConvertTo-DadWinCertificateObject $publicOnly).HasPrivateKey | Should -BeExactly $false
        Get-DadWinHasPrivateKey $withKey | Should -BeExactly $true
        $unreadable = New-Object PSObject
        $unreadable | Add-Member -MemberType ScriptProperty -Name HasPrivateKey -Value { throw 'Keyset does not exist' }
        Get-DadWinHasPrivateKey $unreadable | Should -BeNullOrEmpty
    }

    It 'falls back to the subject CN when there is no SAN' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest -ArgumentList 'CN=da.contoso.com', $rsa,
            ([System.Security.Cryptography.HashAlgorithmName]::SHA256), ([System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $now = [DateTimeOffset]::UtcNow
        $object = ConvertTo-DadWinCertificateObject ($request.CreateSelfSigned($now.AddDays(-1), $now.AddDays(1)))
        $object.DnsNames | Should -Be @('da.contoso.com')
        $object.CrlUrls.Count | Should -Be 0
        $object.Ekus.Count | Should -Be 0
    }
}

Describe 'ConvertFrom-DadWinHttpDate' {
    It 'reads the Date header as UTC' {
        $headers = "HTTP/1.1 404 Not Found`r`nContent-Length: 0`r`nServer: Microsoft-HTTPAPI/2.0`r`nDate: Mon, 10 Mar 2025 12:00:00 GMT`r`n`r`n"
        $date = ConvertFrom-DadWinHttpDate $headers
        $date | Should -BeOfType [datetime]
        $date.Kind | Should -Be 'Utc'
        $date.ToString('o') | Should -Be '2025-03-10T12:00:00.0000000Z'
    }

    It 'returns null without a readable Date header' {
        ConvertFrom-DadWinHttpDate "HTTP/1.1 200 OK`r`n`r`n" | Should -BeNullOrEmpty
        ConvertFrom-DadWinHttpDate "HTTP/1.1 200 OK`r`nDate: yesterday`r`n" | Should -BeNullOrEmpty
        ConvertFrom-DadWinHttpDate '' | Should -BeNullOrEmpty
    }
}

Describe 'ConvertFrom-DadWinHttpStatus' {
    It 'reads the status code of the status line (HTTP/1.1 and HTTP/1.0)' {
        ConvertFrom-DadWinHttpStatus "HTTP/1.1 404 Not Found`r`nContent-Length: 0`r`n`r`n" | Should -Be 404
        ConvertFrom-DadWinHttpStatus "HTTP/1.0 200 OK`r`n`r`n" | Should -Be 200
    }

    It 'returns null without a status line' {
        ConvertFrom-DadWinHttpStatus "Date: Mon, 10 Mar 2025 12:00:00 GMT`r`n" | Should -BeNullOrEmpty
        ConvertFrom-DadWinHttpStatus '' | Should -BeNullOrEmpty
    }
}

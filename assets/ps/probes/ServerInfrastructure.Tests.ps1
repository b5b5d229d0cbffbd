# The server's infrastructure probe. Get-DANetworkLocationServer and Get-RemoteAccess follow Microsoft's doc examples
# (NlsLocation DirectAccessServer, empty URL, the certificate rendered with its Thumbprint); the class reference
# declares the certificate as DER bytes. Get-DnsServerGlobalQueryBlockList follows the doc example of its Set- twin
# (Enable True, List {…}). Get-DAClientDnsConfiguration's NrptEntry path has no real capture or doc example (only the
# class reference): those tests say "assumed" in their names.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:NlsThumb = '4E1C2B3A5D6F7081920A1B2C3D4E5F6071829304'
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadServerInfrastructureSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-RemoteAccess {
            [pscustomobject]@{ DAStatus = 'Installed'; LoadBalancing = 'NotConfigured'; NlsLocation = 'DirectAccessServer'; NlsUrl = ''
                NlsCertificate = [pscustomobject]@{ Thumbprint = $script:NlsThumb } }
        }
        Mock -ModuleName DaDoctor Get-DANetworkLocationServer {
            [pscustomobject]@{ NlsLocation = 'DirectAccessServer'; Url = ''; Reachability = $null; Certificate = [pscustomobject]@{ Thumbprint = $script:NlsThumb } }
        }
        Mock -ModuleName DaDoctor Get-DadCertificates {
            New-DadTestCertificate -Thumbprint ('ab' * 20) -Subject 'CN=da.contoso.com'
            New-DadTestCertificate -Thumbprint $script:NlsThumb -Subject 'CN=DirectAccess-NLS.corp.contoso.com' -DnsNames @('DirectAccess-NLS.corp.contoso.com') -HasPrivateKey $true
        } -ParameterFilter { $Store -eq 'My' }
        Mock -ModuleName DaDoctor Get-DAClientDnsConfiguration {
            [pscustomobject]@{
                NrptEntry          = @(
                    [pscustomobject]@{ Namespace = @('.corp.contoso.com'); DirectAccessDnsServers = @('fd00:1234:5678:3333::1') }
                    [pscustomobject]@{ Namespace = @('directaccess-nls.corp.contoso.com'); DirectAccessDnsServers = $null }
                )
                NrptGlobalSettings = $null
            }
        }
        Mock -ModuleName DaDoctor Get-DnsServerGlobalQueryBlockList { [pscustomobject]@{ Enable = $true; List = @('wpad', 'isatap') } }
        Mock -ModuleName DaDoctor Get-CimInstance { [pscustomobject]@{ Name = 'DA-01'; Domain = 'corp.contoso.com'; PartOfDomain = $true; DNSHostName = 'DA-01' } }
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Default'; Router = $null } }
        Mock -ModuleName DaDoctor Resolve-DadNames { $r = @{}; foreach ($n in $Names) { $r[$n] = @{ Addresses = [string[]]@(); TimedOut = $false } }; $r }
        Mock -ModuleName DaDoctor Resolve-DnsName {
            $ex = New-Object System.ComponentModel.Win32Exception 9003, 'DNS name does not exist'
            $rec = New-Object System.Management.Automation.ErrorRecord $ex, 'DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName', ([System.Management.Automation.ErrorCategory]::ResourceUnavailable), $Name
            throw $rec
        }
    }

    It 'reads the NLS on this server (doc example: NlsLocation, empty Url, the certificate''s Thumbprint) and names it by its certificate' {
        $out = Invoke-DadTestProbe 'serverInfrastructure'
        $out.Envelope.status | Should -Be 'ok'
        $nls = $out.Envelope.data.nls
        $nls.source | Should -BeExactly 'Get-DANetworkLocationServer'
        $nls.location | Should -BeExactly 'DirectAccessServer'
        $nls.url | Should -BeNullOrEmpty
        $nls.fqdn | Should -BeExactly 'directaccess-nls.corp.contoso.com'
        $nls.fqdnSource | Should -BeExactly 'certificate'
        $nls.certificate.thumbprint | Should -BeExactly $script:NlsThumb
        $out.Raw[0] | Should -Match '"notAfter":"2026-01-01T00:00:00'
    }

    It 'an external NLS is named by its URL''s host' {
        Mock -ModuleName DaDoctor Get-DANetworkLocationServer { [pscustomobject]@{ NlsLocation = 'ExternalServer'; Url = 'https://NLS.corp.contoso.com/'; Certificate = $null } }
        $nls = (Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.nls
        $nls.location | Should -BeExactly 'ExternalServer'
        $nls.fqdn | Should -BeExactly 'nls.corp.contoso.com'
        $nls.fqdnSource | Should -BeExactly 'url'
        $nls.certificate | Should -BeNullOrEmpty
    }

    It 'without Get-DANetworkLocationServer it reads NlsLocation / NlsUrl / NlsCertificate of Get-RemoteAccess (doc example)' {
        Set-DadTestMissingCommands @('Get-DANetworkLocationServer')
        $nls = (Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.nls
        $nls.source | Should -BeExactly 'Get-RemoteAccess'
        $nls.certificateThumbprint | Should -BeExactly $script:NlsThumb
    }

    It 'reads the certificate given as DER bytes (the class reference''s uint8[]) in memory' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $req = New-Object System.Security.Cryptography.X509Certificates.CertificateRequest 'CN=nls-bytes.corp.contoso.com', $rsa, ([System.Security.Cryptography.HashAlgorithmName]::SHA256), ([System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $cert = $req.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(30))
        $script:Der = $cert.RawData
        $script:DerThumb = $cert.Thumbprint
        Mock -ModuleName DaDoctor Get-DANetworkLocationServer { [pscustomobject]@{ NlsLocation = 'DirectAccessServer'; Url = ''; Certificate = $script:Der } }
        (Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.nls.certificateThumbprint | Should -BeExactly $script:DerThumb
    }

    It 'reads the NRPT entries of the client policy (assumed NrptEntry path): an entry without DNS servers is an exemption' {
        $nrpt = @((Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.nrpt)
        $nrpt.Count | Should -Be 2
        $nrpt[0].namespaces | Should -Be @('.corp.contoso.com')
        $nrpt[0].dnsServers | Should -Be @('fd00:1234:5678:3333::1')
        $nrpt[1].namespaces | Should -Be @('directaccess-nls.corp.contoso.com')
        @($nrpt[1].dnsServers).Count | Should -Be 0
    }

    It 'reads the global query block list (doc example shape: Enable, List)' {
        $b = (Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.globalQueryBlockList
        $b.status | Should -BeExactly 'read'
        $b.enable | Should -BeTrue
        $b.list | Should -Be @('wpad', 'isatap')
    }

    It 'without the DnsServer cmdlets the block list is not checked (noCmdlet), and a failing one says failed: never an empty "fine" list' {
        Set-DadTestMissingCommands @('Get-DnsServerGlobalQueryBlockList')
        $b = (Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.globalQueryBlockList
        $b.status | Should -BeExactly 'noCmdlet'
        $b.enable | Should -BeNullOrEmpty
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-DnsServerGlobalQueryBlockList { throw 'Failed to get the global query block list on server DA-01.' }
        $out = Invoke-DadTestProbe 'serverInfrastructure'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.globalQueryBlockList.status | Should -BeExactly 'failed'
        $out.Envelope.data.errors[0] | Should -Match '^Get-DnsServerGlobalQueryBlockList: '
    }

    It 'looks up isatap in the server''s domain and the ISATAP router name it is set to, with how each lookup ended' {
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Enabled'; Router = 'ISATAP-DA.corp.contoso.com' } }
        Mock -ModuleName DaDoctor Resolve-DadNames {
            $r = @{}
            foreach ($n in $Names) { $r[$n] = @{ Addresses = [string[]]@(); TimedOut = $false } }
            $r['isatap-da.corp.contoso.com'] = @{ Addresses = [string[]]@('10.0.0.5'); TimedOut = $false }
            $r
        }
        $lookups = @((Invoke-DadTestProbe 'serverInfrastructure').Envelope.data.isatapLookups)
        $generic = @($lookups | Where-Object { $_.purpose -eq 'generic' })[0]
        $generic.name | Should -BeExactly 'isatap.corp.contoso.com'
        $generic.lookup.outcome | Should -BeExactly 'nameError'
        $router = @($lookups | Where-Object { $_.purpose -eq 'router' })[0]
        $router.name | Should -BeExactly 'isatap-da.corp.contoso.com'
        $router.addresses | Should -Be @('10.0.0.5')
    }

    It 'is not applicable where DirectAccess is not installed or Get-RemoteAccess does not exist' {
        Mock -ModuleName DaDoctor Get-RemoteAccess { [pscustomobject]@{ DAStatus = 'Uninstalled' } }
        (Invoke-DadTestProbe 'serverInfrastructure').Envelope.status | Should -Be 'notApplicable'
        Set-DadTestMissingCommands @('Get-RemoteAccess')
        (Invoke-DadTestProbe 'serverInfrastructure').Envelope.status | Should -Be 'notApplicable'
    }

    It 'a Get-RemoteAccess that throws leaves the section in error (the rules then say unknown, not fine)' {
        Mock -ModuleName DaDoctor Get-RemoteAccess { throw 'The Remote Access Management service is not running.' }
        (Invoke-DadTestProbe 'serverInfrastructure').Envelope.status | Should -Be 'error'
    }
}

# The location probe (knowledge H.2): NLS URL and its source, the tool's NLS probe step by step, the domain evidence.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadLocationSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        # Knowledge B.7 doc example's property names (a doc example, not a capture).
        Mock -ModuleName DaDoctor Get-NCSIPolicyConfiguration {
            [pscustomobject]@{
                Description = 'NCSI Configuration'; CorporateDNSProbeHostAddress = '2001:4898:1337:1337:1337::1337'
                CorporateDNSProbeHostName = 'corp.contoso.com'; CorporateSitePrefixList = '2001:4898::/32,2006:1601::/32'
                CorporateWebsiteProbeURL = 'http://web.contoso.com'; DomainLocationDeterminationURL = 'https://nls.corp.contoso.com/nls/'
                PolicyStore = 'ActiveStore'
            }
        }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ DomainLocationDeterminationUrl = 'https://nls-policy.corp.contoso.com/' } }
        Mock -ModuleName DaDoctor Get-NetConnectionProfile {
            [pscustomobject]@{ Name = 'corp.contoso.com'; InterfaceAlias = 'Ethernet'; NetworkCategory = 'DomainAuthenticated'; IPv4Connectivity = 'Internet' }
        }
        Mock -ModuleName DaDoctor Get-DadFirewallCurrentProfileTypes { 1 }
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'nls.corp.contoso.com' = @{ Addresses = @('10.0.0.10'); TimedOut = $false } } }
        Mock -ModuleName DaDoctor Test-DadTcpPort { 'succeeded' }
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe {
            [pscustomobject]@{
                Handshake = 'succeeded'; HandshakeError = $null; ClientCertificateRequested = $false; ServerDate = $null; HttpStatus = 200
                Chain = @(New-DadTestCertificate -Subject 'CN=nls.corp.contoso.com' -DnsNames @('nls.corp.contoso.com'))
                ChainStatus = @(); ChainStatusOnline = @(); NameMatches = $true
            }
        }
    }

    It 'takes the NLS URL from Get-NCSIPolicyConfiguration, keeps the policy value, and records every probe step' {
        $out = Invoke-DadTestProbe 'location'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.nlsUrl | Should -Be 'https://nls.corp.contoso.com/nls/'
        $data.nlsUrlSource | Should -Be 'ncsiPolicy'
        $data.policyUrl | Should -Be 'https://nls-policy.corp.contoso.com/'
        $data.ncsi.corporateSitePrefixList | Should -Be @('2001:4898::/32', '2006:1601::/32')
        $data.ncsi.policyStore | Should -Be 'ActiveStore'
        $data.nls.host | Should -Be 'nls.corp.contoso.com'
        $data.nls.addresses | Should -Be @('10.0.0.10')
        $data.nls.tcp | Should -Be 'succeeded'
        $data.nls.handshake | Should -Be 'succeeded'
        $data.nls.httpStatus | Should -Be 200
        $data.nls.nameMatches | Should -BeTrue
        $out.Raw[0] | Should -Match '"chainStatusOnline":\[\]'
        $data.firewallCurrentProfileTypes | Should -Be 1
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 1 -ParameterFilter { $HostName -eq 'nls.corp.contoso.com' -and $Port -eq 443 -and $Path -eq '/nls/' -and $TimeoutMs -le 5000 }
        Should -Invoke -ModuleName DaDoctor Get-DadRegistryValues -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityStatusIndicator\CorporateConnectivity' }
    }

    It 'connection profiles (assumed shape, no capture): the enum name, or its number mapped to the name' {
        Mock -ModuleName DaDoctor Get-NetConnectionProfile {
            [pscustomobject]@{ Name = 'Hotel'; InterfaceAlias = 'Wi-Fi'; NetworkCategory = 0; IPv4Connectivity = 'Internet' }
            [pscustomobject]@{ Name = 'corp'; InterfaceAlias = 'Ethernet'; NetworkCategory = 2; IPv4Connectivity = 'Internet' }
        }
        $data = (Invoke-DadTestProbe 'location').Envelope.data
        $data.connectionProfiles[0].networkCategory | Should -Be 'Public'
        $data.connectionProfiles[1].networkCategory | Should -Be 'DomainAuthenticated'
        $data.connectionProfiles[1].interfaceAlias | Should -Be 'Ethernet'
    }

    It 'asks the ActiveStore when the default store names no NLS URL (its default store is not documented)' {
        Mock -ModuleName DaDoctor Get-NCSIPolicyConfiguration { [pscustomobject]@{ DomainLocationDeterminationURL = $null; PolicyStore = 'PersistentStore' } }
        Mock -ModuleName DaDoctor Get-NCSIPolicyConfiguration { [pscustomobject]@{ DomainLocationDeterminationURL = 'https://nls.corp.contoso.com/'; PolicyStore = 'ActiveStore' } } -ParameterFilter { $PolicyStore -eq 'ActiveStore' }
        $data = (Invoke-DadTestProbe 'location').Envelope.data
        $data.nlsUrl | Should -Be 'https://nls.corp.contoso.com/'
        $data.ncsi.policyStore | Should -Be 'ActiveStore'
    }

    It 'Windows 7 (no NCSI or connection-profile cmdlets): the URL from the policy registry, the domain evidence from the firewall' {
        Set-DadTestMissingCommands @('Get-NCSIPolicyConfiguration', 'Get-NetConnectionProfile')
        $out = Invoke-DadTestProbe 'location'
        $data = $out.Envelope.data
        $data.nlsUrl | Should -Be 'https://nls-policy.corp.contoso.com/'
        $data.nlsUrlSource | Should -Be 'registry'
        $out.Raw[0] | Should -Match '"ncsi":null'
        $out.Raw[0] | Should -Match '"connectionProfiles":null'
        $data.firewallCurrentProfileTypes | Should -Be 1
        Should -Invoke -ModuleName DaDoctor Get-NetConnectionProfile -Times 0
    }

    It 'stops at the first failing step: an unresolved name tries no connection' {
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'nls.corp.contoso.com' = @{ Addresses = @(); TimedOut = $false } } }
        $data = (Invoke-DadTestProbe 'location').Envelope.data
        $data.nls.tcp | Should -Be 'unresolved'
        $data.nls.handshake | Should -Be 'notAttempted'
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 0
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 0
    }

    It 'stops at the first failing step: a refused TCP connection tries no TLS' {
        Mock -ModuleName DaDoctor Test-DadTcpPort { 'refused' }
        $data = (Invoke-DadTestProbe 'location').Envelope.data
        $data.nls.tcp | Should -Be 'refused'
        $data.nls.handshake | Should -Be 'notAttempted'
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 0
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 1 -ParameterFilter { $TimeoutMs -le 3000 }
    }

    It 'records an expired certificate as the chain shows it' {
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe {
            [pscustomobject]@{
                Handshake = 'succeeded'; HandshakeError = $null; ClientCertificateRequested = $false; ServerDate = $null; HttpStatus = 200
                Chain = @(New-DadTestCertificate -Subject 'CN=nls.corp.contoso.com'); ChainStatus = @('NotTimeValid'); ChainStatusOnline = @('NotTimeValid'); NameMatches = $true
            }
        }
        $out = Invoke-DadTestProbe 'location'
        $out.Raw[0] | Should -Match '"chainStatus":\["NotTimeValid"\]'
        $out.Raw[0] | Should -Match '"notAfter":"2026-01-01T00:00:00.0000000Z"'
    }

    It 'no NLS URL anywhere: no probe of it, the domain evidence still collected' {
        Mock -ModuleName DaDoctor Get-NCSIPolicyConfiguration { }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        $out = Invoke-DadTestProbe 'location'
        $out.Raw[0] | Should -Match '"nls":null'
        $out.Raw[0] | Should -Match '"nlsUrl":null'
        $out.Envelope.data.connectionProfiles[0].networkCategory | Should -Be 'DomainAuthenticated'
        Should -Invoke -ModuleName DaDoctor Resolve-DadNames -Times 0
    }

    It 'a source that throws is named in errors, the others still answer' {
        Mock -ModuleName DaDoctor Get-NetConnectionProfile { throw 'CIM failure' }
        Mock -ModuleName DaDoctor Get-DadFirewallCurrentProfileTypes { throw 'COM failure' }
        $out = Invoke-DadTestProbe 'location'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.errors | Should -Be @('Get-NetConnectionProfile: CIM failure', 'HNetCfg.FwPolicy2.CurrentProfileTypes: COM failure')
        $out.Raw[0] | Should -Match '"firewallCurrentProfileTypes":null'
        $out.Envelope.data.nls.tcp | Should -Be 'succeeded'
    }
}

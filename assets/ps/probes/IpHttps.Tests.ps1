# The DirectAccess policy and IP-HTTPS probes: daStatus, ipHttps (cmdlets and netsh text), reachability,
# serverCertificate.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:UrlKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition\IPHTTPS\IPHTTPSInterface'
    $script:NcaKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant'
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadDaStatusSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ IPHTTPS_ClientUrl = 'https://da.contoso.com:443/IPHTTPS' } } -ParameterFilter { $Path -like '*\IPHTTPSInterface' }
        Mock -ModuleName DaDoctor Get-DAConnectionStatus { [pscustomobject]@{ Status = 'ConnectedRemotely'; Substatus = 'None' } }
    }

    It 'reports the policy URL and the NCA connection status' {
        $data = Get-DadDaStatusSection
        $data.policyApplied | Should -BeTrue
        $data.ipHttpsClientUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
        $data.ncaConfigured | Should -BeFalse
        $data.connection.status | Should -Be 'ConnectedRemotely'
        $data.connection.substatus | Should -Be 'None'
    }

    It 'counts an NCA policy key alone as policy applied' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null } -ParameterFilter { $Path -like '*\IPHTTPSInterface' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{} } -ParameterFilter { $Path -eq $script:NcaKey }
        $data = Get-DadDaStatusSection
        $data.policyApplied | Should -BeTrue
        $data.ncaConfigured | Should -BeTrue
        $data.ipHttpsClientUrl | Should -BeNullOrEmpty
    }

    It 'reports no policy and no connection on an unconfigured machine' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null } -ParameterFilter { $Path -like '*\IPHTTPSInterface' }
        Mock -ModuleName DaDoctor Get-DAConnectionStatus { }
        $out = Invoke-DadTestProbe 'daStatus'
        $out.Raw[0] | Should -Match '"connection":null'
        $out.Envelope.data.policyApplied | Should -BeFalse
        $out.Envelope.data.ncaConfigured | Should -BeFalse
    }

    It 'keeps the policy facts when Get-DAConnectionStatus fails (NcaSvc cannot run)' {
        Mock -ModuleName DaDoctor Get-DAConnectionStatus { throw 'The service cannot be started' }
        $data = Get-DadDaStatusSection
        $data.policyApplied | Should -BeTrue
        $data.connection | Should -BeNullOrEmpty
    }

    It 'has no connection status on Windows 7 (no cmdlet)' {
        Set-DadTestMissingCommands @('Get-DAConnectionStatus')
        Mock -ModuleName DaDoctor netsh { '' } -ParameterFilter { ($args -join ' ') -eq 'dnsclient show state' }
        (Get-DadDaStatusSection).connection | Should -BeNullOrEmpty
        Should -Invoke -ModuleName DaDoctor Get-DAConnectionStatus -Times 0
    }

    It 'derives the location from the NCA status: <Status> -> <Value>' -TestCases @(
        @{ Status = 'ConnectedLocally'; Value = 'inside-corpnet' }
        @{ Status = 'ConnectedRemotely'; Value = 'outside-corpnet' }
        @{ Status = 'Error'; Value = $null }
    ) {
        param($Status, $Value)
        $global:DadTestStatus = $Status
        Mock -ModuleName DaDoctor Get-DAConnectionStatus { [pscustomobject]@{ Status = $global:DadTestStatus; Substatus = 'None' } }
        $location = (Get-DadDaStatusSection).location
        $location.value | Should -Be $Value
        $location.source | Should -Be 'ncaStatus'
        $location.raw | Should -Be $Status
    }

    It 'reports the location unknown when Get-DAConnectionStatus says nothing' {
        Mock -ModuleName DaDoctor Get-DAConnectionStatus { }
        $out = Invoke-DadTestProbe 'daStatus'
        $out.Raw[0] | Should -Match '"location":\{"raw":null,"source":"none","value":null\}'
    }
}

Describe 'Get-DadDaStatusSection on Windows 7: netsh dnsclient show state (assumed shape, no real capture)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-DAConnectionStatus')
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
    }

    It 'reads Machine Location <Text> as <Value> (assumed shape, no real capture)' -TestCases @(
        @{ Text = 'Inside corporate network'; Value = 'inside-corpnet' }
        @{ Text = 'Outside corporate network'; Value = 'outside-corpnet' }
    ) {
        param($Text, $Value)
        $global:DadTestLines = @('', 'Name Resolution Policy Table Options', ('-' * 68), '', ('Machine Location                      : ' + $Text), '', 'Direct Access Settings                : Configured and Enabled', '')
        Mock -ModuleName DaDoctor netsh { $global:DadTestLines -join "`r`n" } -ParameterFilter { ($args -join ' ') -eq 'dnsclient show state' }
        $location = (Invoke-DadTestProbe 'daStatus').Envelope.data.location
        $location.value | Should -Be $Value
        $location.source | Should -Be 'netsh'
        $location.raw | Should -Be $Text
        $location.parse.language | Should -Be 'en'
        $location.parse.recognised | Should -BeTrue
    }

    It 'says unknown, with a note, for German or any other text (assumed shape, no real capture)' {
        Mock -ModuleName DaDoctor netsh { "Computerstandort                      : Innerhalb des Unternehmensnetzwerks`r`n" } -ParameterFilter { ($args -join ' ') -eq 'dnsclient show state' }
        $location = (Get-DadDaStatusSection).location
        $location.value | Should -BeNullOrEmpty
        $location.parse.recognised | Should -BeFalse
        $location.parse.note | Should -Match 'unknown'
    }

    It 'says unknown for a Machine Location value it does not know' {
        Mock -ModuleName DaDoctor netsh { "Machine Location : Unknown`r`n" } -ParameterFilter { ($args -join ' ') -eq 'dnsclient show state' }
        $location = (Get-DadDaStatusSection).location
        $location.value | Should -BeNullOrEmpty
        $location.raw | Should -Be 'Unknown'
        $location.parse.recognised | Should -BeFalse
    }

    It 'keeps the policy facts when netsh fails' {
        Mock -ModuleName DaDoctor netsh { throw 'netsh crashed' } -ParameterFilter { ($args -join ' ') -eq 'dnsclient show state' }
        $out = Invoke-DadTestProbe 'daStatus'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.location.parse.note | Should -Match 'netsh crashed'
    }
}

Describe 'Get-DadIpHttpsSection with the cmdlets' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-NetIPHttpsState {
            [pscustomobject]@{ InterfaceName = 'IPHTTPSInterface'; LastErrorCode = [uint32]2148204809; InterfaceStatus = 'Failed to connect to the IPHTTPS server; waiting to reconnect' }
        }
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration {
            [pscustomobject]@{ Profile = 'IPHTTPSInterface'; State = 'Default'; Type = 'Server'; AuthMode = 'Certificates'; ServerURL = 'https://server.contoso.com/IPHTTPS' }
            [pscustomobject]@{ Profile = 'IPHTTPSInterface'; State = 'Enabled'; Type = 'Client'; AuthMode = 'None'; ServerURL = 'https://da.contoso.com:443/IPHTTPS' }
        }
    }

    It 'reports the last error code as a uint32 number and the client configuration' {
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match '"lastErrorCode":2148204809'
        $data = $out.Envelope.data
        $data.source | Should -Be 'cmdlet'
        $data.state.interfaceStatus | Should -Be 'Failed to connect to the IPHTTPS server; waiting to reconnect'
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
        $data.configuration.state | Should -Be 'Enabled'
        $data.configuration.authMode | Should -Be 'None'
    }

    It 'converts a signed rendering of the code' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsState { [pscustomobject]@{ LastErrorCode = [int32]-2146885613; InterfaceStatus = 'x' } }
        (Get-DadIpHttpsSection).state.lastErrorCode | Should -Be 2148081683
    }

    It 'reports state null when Get-NetIPHttpsState returns nothing (inside, or IP Helper stopped)' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsState { }
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match '"state":null'
    }

    It 'reports configuration null when there is none' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration { }
        (Get-DadIpHttpsSection).configuration | Should -BeNullOrEmpty
    }

    It 'fails the section when the cmdlet throws and netsh has no state either' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsState { throw 'RPC server unavailable' }
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Be 'RPC server unavailable'
    }

    It 'takes the state from netsh when Get-NetIPHttpsState throws, and says so' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsState { throw 'RPC server unavailable' }
        Mock -ModuleName DaDoctor netsh { "Interface IPHTTPSInterface (Group Policy)  Parameters`r`nRole                       : client`r`nURL                        : https://da.contoso.com:443/IPHTTPS`r`nLast Error Code            : 0x2af9`r`nInterface Status           : Failed to connect to the IPHTTPS server; waiting to reconnect`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface httpstunnel show interfaces' }
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.source | Should -Be 'netsh'
        $data.state.lastErrorCode | Should -Be 11001
        $data.errors | Should -Be @('Get-NetIPHttpsState: RPC server unavailable')
        $data.parse.recognised | Should -BeTrue
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
    }

    It 'takes the configuration from the policy registry when Get-NetIPHttpsConfiguration throws' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration { throw 'Access denied' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ IPHTTPS_ClientUrl = 'https://da.contoso.com:443/IPHTTPS' } } -ParameterFilter { $Path -like '*\IPHTTPSInterface' }
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.state.lastErrorCode | Should -Be 2148204809
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
        $data.configuration.source | Should -Be 'registry'
        $data.errors | Should -Be @('Get-NetIPHttpsConfiguration: Access denied')
    }

    It 'lists every profile and picks the activated client profile of a multisite client (assumed shape, no real capture)' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration {
            [pscustomobject]@{ Profile = 'IPHTTPSProfile-EntryPoint1'; ProfileActivated = $false; State = 'Default'; Type = 'Client'; AuthMode = 'None'; ServerURL = 'https://da-us.contoso.com:443/IPHTTPS'; PolicyStore = 'RSOP' }
            [pscustomobject]@{ Profile = 'IPHTTPSProfile-EntryPoint2'; ProfileActivated = $true; State = 'Default'; Type = 'Client'; AuthMode = 'None'; ServerURL = 'https://da-eu.contoso.com:443/IPHTTPS'; PolicyStore = 'RSOP' }
        }
        $data = (Invoke-DadTestProbe 'ipHttps').Envelope.data
        $data.configuration.serverUrl | Should -Be 'https://da-eu.contoso.com:443/IPHTTPS'
        $data.configuration.profile | Should -Be 'IPHTTPSProfile-EntryPoint2'
        $data.configuration.profileActivated | Should -BeTrue
        $data.profiles.Count | Should -Be 2
        $data.profiles[0].profile | Should -Be 'IPHTTPSProfile-EntryPoint1'
        $data.profiles[0].profileActivated | Should -BeFalse
        $data.profiles[1].serverUrl | Should -Be 'https://da-eu.contoso.com:443/IPHTTPS'
        InModuleScope DaDoctor { Get-DadIpHttpsServerUrl } | Should -Be 'https://da-eu.contoso.com:443/IPHTTPS'
    }
}

Describe 'Get-DadIpHttpsSection on Windows 7 (netsh httpstunnel)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-NetIPHttpsState', 'Get-NetIPHttpsConfiguration')
    }

    It 'parses <Name>' -TestCases @(
        @{ Name = 'the documented layout'; CodeLine = 'Last Error Code            : 0x800b0109'; StatusLine = 'Interface Status           : Failed to connect to the IPHTTPS server; waiting to reconnect'; Code = 2148204809; Status = 'Failed to connect to the IPHTTPS server; waiting to reconnect' }
        @{ Name = 'no space after the colon'; CodeLine = 'Last Error Code            :0x80092013'; StatusLine = 'Interface Status           : failed to connect to the IPHTTPS server. Waiting to reconnect'; Code = 2148081683; Status = 'failed to connect to the IPHTTPS server. Waiting to reconnect' }
        @{ Name = 'trailing whitespace'; CodeLine = 'Last Error Code            : 0x0   '; StatusLine = 'Interface Status           : IPHTTPS interface active '; Code = 0; Status = 'IPHTTPS interface active' }
        @{ Name = 'upper-case hex'; CodeLine = 'Last Error Code            : 0x2AFC'; StatusLine = 'Interface Status           : Failed to connect to IPHTTPs server; Waiting to reconnect.'; Code = 11004; Status = 'Failed to connect to IPHTTPs server; Waiting to reconnect.' }
        @{ Name = 'a decimal code'; CodeLine = 'Last Error Code            : 1214'; StatusLine = 'Interface Status           : Invalid IPHTTPS URL specified'; Code = 1214; Status = 'Invalid IPHTTPS URL specified' }
        @{ Name = 'a signed int32 code'; CodeLine = 'Last Error Code            : -2146762487'; StatusLine = 'Interface Status           : Failed to connect'; Code = 2148204809; Status = 'Failed to connect' }
        @{ Name = 'the Windows 8 active wording'; CodeLine = 'Last Error Code            : 0x0'; StatusLine = 'Interface Status           : IPHTTPS interface is active.'; Code = 0; Status = 'IPHTTPS interface is active.' }
    ) {
        param($CodeLine, $StatusLine, $Code, $Status)
        $global:DadTestLines = @(
            'Interface IPHTTPSInterface (Group Policy)  Parameters', '------------------------------------------------------------',
            'Role                       : client', 'URL                        : https://da.contoso.com:443/IPHTTPS', $CodeLine, $StatusLine, '')
        Mock -ModuleName DaDoctor netsh { $global:DadTestLines -join "`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface httpstunnel show interfaces' }
        $out = Invoke-DadTestProbe 'ipHttps'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.source | Should -Be 'netsh'
        $out.Raw[0] | Should -Match ('"lastErrorCode":' + $Code + '[,}]')
        $data.state.interfaceStatus | Should -BeExactly $Status
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
        $data.configuration.state | Should -BeNullOrEmpty
    }

    It 'reads the client block when a server interface is listed too' {
        $lines = @(
            'Interface IPHTTPSInterface (Group Policy)  Parameters', '----', 'Role                       : server',
            'URL                        : https://+:443/IPHTTPS', 'Last Error Code            : 0x0', 'Interface Status           : IPHTTPS interface active', '',
            'Interface IPHTTPSClient (Local)  Parameters', '----', 'Role                       : client',
            'URL                        : https://da.contoso.com:443/IPHTTPS', 'Last Error Code            : 0x274c', 'Interface Status           : Failed to connect')
        $data = InModuleScope DaDoctor -Parameters @{ Lines = $lines } { param($Lines) ConvertFrom-DadIpHttpsNetsh $Lines }
        $data.state.lastErrorCode | Should -Be 10060
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com:443/IPHTTPS'
    }

    It 'reports state and configuration null when netsh lists no interface' {
        $data = InModuleScope DaDoctor { ConvertFrom-DadIpHttpsNetsh @('', 'The system cannot find the file specified.', '') }
        $data.state | Should -BeNullOrEmpty
        $data.configuration | Should -BeNullOrEmpty
        $data.source | Should -Be 'netsh'
    }

    It 'says unknown, not "no interface", for text in another language (assumed shape, no real capture)' {
        $lines = @('Schnittstelle IPHTTPSInterface (Gruppenrichtlinie)  Parameter', '----', 'Rolle                      : Client', 'Letzter Fehlercode         : 0x0')
        $data = InModuleScope DaDoctor -Parameters @{ Lines = $lines } { param($Lines) ConvertFrom-DadIpHttpsNetsh $Lines }
        $data.state | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeFalse
        $data.parse.language | Should -BeNullOrEmpty
        $data.parse.note | Should -Match 'unknown'
    }

    It 'reports empty netsh output as recognised: no interface' {
        $data = InModuleScope DaDoctor { ConvertFrom-DadIpHttpsNetsh @('', '') }
        $data.state | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeTrue
    }

    It 'fails the section on a Last Error Code it cannot read' {
        { InModuleScope DaDoctor { ConvertFrom-DadIpHttpsNetsh @('Role : client', 'Last Error Code : pending') } } | Should -Throw '*unrecognised Last Error Code*'
    }
}

Describe 'Get-DadReachabilitySection' {
    BeforeEach {
        # The system resolver (Windows 7); Resolve-DnsName's outcomes are NameLookup.Tests.ps1's.
        Set-DadTestMissingCommands @('Resolve-DnsName')
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { 'https://da.contoso.com:443/IPHTTPS' }
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'da.contoso.com' = @{ Addresses = @('203.0.113.10'); TimedOut = $false } } }
        Mock -ModuleName DaDoctor Test-DadTcpPort { 'succeeded' }
    }

    It 'reports the resolved addresses (an array even for one) and the TCP outcome' {
        $out = Invoke-DadTestProbe 'reachability'
        $out.Raw[0] | Should -Match '"addresses":\["203.0.113.10"\]'
        $out.Envelope.data.host | Should -Be 'da.contoso.com'
        $out.Envelope.data.port | Should -Be 443
        $out.Envelope.data.tcp | Should -Be 'succeeded'
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 1 -ParameterFilter { $HostName -eq 'da.contoso.com' -and $Port -eq 443 -and $TimeoutMs -gt 0 }
    }

    It 'says unresolved without trying TCP when the name does not resolve' {
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'da.contoso.com' = @{ Addresses = @(); TimedOut = $false } } }
        $out = Invoke-DadTestProbe 'reachability'
        $out.Raw[0] | Should -Match '"addresses":\[\]'
        $out.Envelope.data.tcp | Should -Be 'unresolved'
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 0
        # The system resolver does not say why: failed, not a guess.
        $out.Envelope.data.lookup.outcome | Should -Be 'failed'
        $out.Envelope.data.lookup.source | Should -Be 'system'
    }

    It 'asks Resolve-DnsName why a name that answered has no address (no such name), without trying TCP' {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'da.contoso.com' = @{ Addresses = @(); TimedOut = $false } } }
        Mock -ModuleName DaDoctor Resolve-DnsName {
            $ex = New-Object System.ComponentModel.Win32Exception -ArgumentList 9003, 'da.contoso.com : DNS name does not exist'
            throw (New-Object System.Management.Automation.ErrorRecord -ArgumentList $ex, 'DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName', 'ResourceUnavailable', 'da.contoso.com')
        }
        $data = (Invoke-DadTestProbe 'reachability').Envelope.data
        $data.lookup.outcome | Should -Be 'nameError'
        $data.lookup.errorId | Should -Be 'DNS_ERROR_RCODE_NAME_ERROR'
        $data.tcp | Should -Be 'unresolved'
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 0
    }

    It 'is timedOut, carrying what it learned, when DNS gives no answer in time (no TCP tried)' {
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ 'da.contoso.com' = @{ Addresses = @(); TimedOut = $true } } }
        $out = Invoke-DadTestProbe 'reachability'
        $out.Envelope.status | Should -Be 'timedOut'
        $out.Envelope.message | Should -Be 'the DNS lookup of da.contoso.com did not answer within 5 s'
        $out.Envelope.data.lookup.outcome | Should -Be 'timedOut'
        $out.Envelope.data.tcp | Should -Be 'unresolved'
        Should -Invoke -ModuleName DaDoctor Test-DadTcpPort -Times 0
        Should -Invoke -ModuleName DaDoctor Resolve-DadNames -Times 1 -ParameterFilter { $TimeoutMs -eq 5000 }
    }

    It 'still tries an IP-literal host without looking it up (diagnosis decides about the URL)' {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { 'https://198.51.100.7:443/IPHTTPS' }
        Mock -ModuleName DaDoctor Test-DadTcpPort { 'timedOut' }
        $data = Get-DadReachabilitySection
        $data.host | Should -Be '198.51.100.7'
        $data.tcp | Should -Be 'timedOut'
        Should -Invoke -ModuleName DaDoctor Resolve-DadNames -Times 0
    }

    It 'is notApplicable without a ServerURL' {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { $null }
        (Invoke-DadTestProbe 'reachability').Envelope.status | Should -Be 'notApplicable'
    }
}

Describe 'Get-DadServerCertificateSection' {
    BeforeEach {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { 'https://da.contoso.com/IPHTTPS' }
        $global:DadTestChain = @(
            (New-DadTestCertificate -Thumbprint ('ab' * 20) -CrlUrls @('http://pki.contoso.com/crl/ContosoIssuing.crl')),
            (New-DadTestCertificate -Subject 'CN=Contoso Issuing CA' -Issuer 'CN=Contoso Root CA' -Thumbprint ('cd' * 20) -DnsNames @() -Ekus @()),
            (New-DadTestCertificate -Subject 'CN=Contoso Root CA' -Issuer 'CN=Contoso Root CA' -Thumbprint ('ef' * 20) -DnsNames @() -Ekus @()))
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe {
            [pscustomobject]@{
                Handshake = 'succeeded'; HandshakeError = $null; ClientCertificateRequested = $false
                ServerDate = (New-Object DateTime 2025, 3, 10, 12, 0, 0, ([DateTimeKind]::Utc))
                Chain = $global:DadTestChain; ChainStatus = @('UntrustedRoot'); ChainStatusOnline = @('UntrustedRoot', 'RevocationStatusUnknown')
                NameMatches = $true
            }
        }
    }

    It 'describes the presented chain as the snapshot wants it' {
        $out = Invoke-DadTestProbe 'serverCertificate'
        $out.Envelope.status | Should -Be 'ok'
        $json = $out.Raw[0]
        $json | Should -Match '"serverDate":"2025-03-10T12:00:00.0000000Z"'
        $json | Should -Match '"chainStatus":\["UntrustedRoot"\]'
        $json | Should -Match '"notAfter":"2026-01-01T00:00:00.0000000Z"'
        $json | Should -Match '"dnsNames":\[\]'
        $data = $out.Envelope.data
        $data.url | Should -Be 'https://da.contoso.com/IPHTTPS'
        $data.host | Should -Be 'da.contoso.com'
        $data.port | Should -Be 443
        $data.handshake | Should -Be 'succeeded'
        $data.chain.Count | Should -Be 3
        $data.chain[0].thumbprint | Should -BeExactly ('AB' * 20)
        $data.chain[0].selfSigned | Should -BeFalse
        $data.chain[0].crlUrls | Should -Be @('http://pki.contoso.com/crl/ContosoIssuing.crl')
        $data.chain[2].selfSigned | Should -BeTrue
        $data.chainStatusOnline | Should -Be @('UntrustedRoot', 'RevocationStatusUnknown')
        $data.nameMatches | Should -BeTrue
        $data.clientCertificateRequested | Should -BeFalse
    }

    It 'keeps a one-certificate chain an array' {
        $global:DadTestChain = @(New-DadTestCertificate -Subject 'CN=da.contoso.com' -Issuer 'CN=da.contoso.com')
        $out = Invoke-DadTestProbe 'serverCertificate'
        $out.Raw[0] | Should -Match '"chain":\[\{'
    }

    It 'reports a failed handshake with an empty chain' {
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe {
            [pscustomobject]@{ Handshake = 'failed'; HandshakeError = 'The remote host closed the connection'; ClientCertificateRequested = $true; ServerDate = $null; Chain = @(); ChainStatus = @(); ChainStatusOnline = @(); NameMatches = $null }
        }
        $out = Invoke-DadTestProbe 'serverCertificate'
        $json = $out.Raw[0]
        $json | Should -Match '"chain":\[\]'
        $json | Should -Match '"chainStatus":\[\]'
        $json | Should -Match '"nameMatches":null'
        $json | Should -Match '"serverDate":null'
        $out.Envelope.data.handshake | Should -Be 'failed'
        $out.Envelope.data.handshakeError | Should -Be 'The remote host closed the connection'
        $out.Envelope.data.clientCertificateRequested | Should -BeTrue
    }

    It 'is timedOut when the TLS adapter got no answer in time (connect or handshake), saying from where' {
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe {
            [pscustomobject]@{ Handshake = 'notAttempted'; HandshakeError = 'TCP connection not established: timedOut'; ClientCertificateRequested = $false; ServerDate = $null; Chain = @(); ChainStatus = @(); ChainStatusOnline = @(); NameMatches = $null; TimedOut = $true }
        }
        $out = Invoke-DadTestProbe 'serverCertificate'
        $out.Envelope.status | Should -Be 'timedOut'
        $out.Envelope.message | Should -Be 'no TLS answer from da.contoso.com:443 within 5 s: TCP connection not established: timedOut'
    }

    It 'passes host and port of the ServerURL to the TLS adapter' {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { 'https://da.contoso.com:8443/IPHTTPS' }
        $null = Get-DadServerCertificateSection
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 1 -ParameterFilter { $HostName -eq 'da.contoso.com' -and $Port -eq 8443 }
    }

    It 'is notApplicable without a ServerURL' {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { $null }
        (Invoke-DadTestProbe 'serverCertificate').Envelope.status | Should -Be 'notApplicable'
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 0
    }
}

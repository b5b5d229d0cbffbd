# The ISATAP, Teredo and 6to4 probes, with the cmdlets and with Windows 7 netsh text, and ISATAP's Group Policy registry.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadIsatapSection with the cmdlets' {
    BeforeEach {
        # Names through the system resolver here; Resolve-DnsName's outcomes are NameLookup.Tests.ps1's.
        Set-DadTestMissingCommands @('Resolve-DnsName')
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Default'; Router = 'isatap-da.corp.contoso.com'; ResolutionState = 'Default' } }
        Mock -ModuleName DaDoctor Resolve-DadNames {
            $r = @{}
            foreach ($n in $Names) { $r[$n] = @{ Addresses = @(); TimedOut = $false }; if ($n -eq 'isatap-da.corp.contoso.com') { $r[$n].Addresses = @('10.0.0.5') } }
            $r
        }
        Mock -ModuleName DaDoctor Get-NetIPAddress {
            [pscustomobject]@{ InterfaceAlias = 'Ethernet'; IPAddress = 'fe80::1'; PrefixOrigin = 'WellKnown' }
        } -ParameterFilter { $AddressFamily -eq 'IPv6' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
    }

    It 'reports state, router resolution, the generic name and no ISATAP interface' {
        $out = Invoke-DadTestProbe 'isatap'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.source | Should -Be 'cmdlet'
        $data.configuration.state | Should -Be 'Default'
        $data.configuration.router | Should -Be 'isatap-da.corp.contoso.com'
        $data.configuration.resolutionState | Should -Be 'Default'
        $out.Raw[0] | Should -Match '"router":\{"addresses":\["10.0.0.5"\],"lookup":\{"errorId":null,"outcome":"answered","source":"system"\},"name":"isatap-da.corp.contoso.com"\}'
        $out.Raw[0] | Should -Match '"genericName":\{"addresses":\[\],"lookup":\{"errorId":null,"outcome":"failed","source":"system"\},"name":"isatap"\}'
        $out.Raw[0] | Should -Match '"interfaces":\[\]'
    }

    It 'groups the IPv6 addresses of ISATAP interfaces by alias' {
        Mock -ModuleName DaDoctor Get-NetIPAddress {
            [pscustomobject]@{ InterfaceAlias = 'isatap.{1234}'; IPAddress = 'fe80::5efe:10.0.1.20'; PrefixOrigin = 'WellKnown' }
            [pscustomobject]@{ InterfaceAlias = 'Ethernet'; IPAddress = 'fe80::1'; PrefixOrigin = 'WellKnown' }
            [pscustomobject]@{ InterfaceAlias = 'isatap.{1234}'; IPAddress = 'fd00:1234:5678:1:0:5efe:10.0.1.20'; PrefixOrigin = 'RouterAdvertisement' }
        } -ParameterFilter { $AddressFamily -eq 'IPv6' }
        $out = Invoke-DadTestProbe 'isatap'
        $out.Raw[0] | Should -Match '"interfaces":\[\{"addresses":\["fe80::5efe:10.0.1.20","fd00:1234:5678:1:0:5efe:10.0.1.20"\],"alias":"isatap.\{1234\}"\}\]'
    }

    It 'reports router null (and does not resolve it) when none is set' {
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Enabled'; Router = $null; ResolutionState = 'Default' } }
        $out = Invoke-DadTestProbe 'isatap'
        $out.Raw[0] | Should -Match '"router":null'
        Should -Invoke -ModuleName DaDoctor Resolve-DadNames -Times 1 -Exactly -ParameterFilter { $Names.Count -eq 1 -and $Names[0] -eq 'isatap' }
    }

    It 'looks both names up in one call and says which got no answer in time (not "does not resolve")' {
        Mock -ModuleName DaDoctor Resolve-DadNames {
            @{ 'isatap-da.corp.contoso.com' = @{ Addresses = @(); TimedOut = $true }; isatap = @{ Addresses = @(); TimedOut = $false } }
        }
        $out = Invoke-DadTestProbe 'isatap'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.router.lookup.outcome | Should -Be 'timedOut'
        $out.Envelope.data.router.addresses.Count | Should -Be 0
        $out.Envelope.data.genericName.lookup.outcome | Should -Not -Be 'timedOut'
        Should -Invoke -ModuleName DaDoctor Resolve-DadNames -Times 1 -Exactly -ParameterFilter { $Names.Count -eq 2 -and $TimeoutMs -eq 5000 }
    }

    It 'fails the section when the cmdlet throws' {
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { throw 'boom' }
        (Invoke-DadTestProbe 'isatap').Envelope.status | Should -Be 'error'
    }

    It 'names the numeric CIM values of State and ResolutionState (<State>, <Resolution>)' -TestCases @(
        @{ State = [uint32]2; Resolution = [uint32]0; StateName = 'Enabled'; ResolutionName = 'Default' }
        @{ State = [uint32]3; Resolution = [uint32]1; StateName = 'Disabled'; ResolutionName = 'Automatic' }
        @{ State = 'Automatic'; Resolution = 'Enabled'; StateName = 'Automatic'; ResolutionName = 'Enabled' }
    ) {
        param($State, $Resolution, $StateName, $ResolutionName)
        $global:DadTestIsatap = [pscustomobject]@{ State = $State; Router = $null; ResolutionState = $Resolution }
        Mock -ModuleName DaDoctor Get-NetIsatapConfiguration { $global:DadTestIsatap }
        $c = (Get-DadIsatapSection).configuration
        $c.state | Should -BeExactly $StateName
        $c.resolutionState | Should -BeExactly $ResolutionName
    }

    It 'reports Group Policy''s ISATAP_State and ISATAP_RouterName from the registry' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ISATAP_State = 'Enabled'; ISATAP_RouterName = 'isatap-da.corp.contoso.com'; Teredo_State = 'Disabled' } } -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition' }
        $data = (Invoke-DadTestProbe 'isatap').Envelope.data
        $data.policy.state | Should -Be 'Enabled'
        $data.policy.router | Should -Be 'isatap-da.corp.contoso.com'
    }

    It 'reports policy null without the key, and fields null when the values are unset' {
        (Invoke-DadTestProbe 'isatap').Raw[0] | Should -Match '"policy":null'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ Teredo_State = 'Disabled' } } -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition' }
        (Invoke-DadTestProbe 'isatap').Raw[0] | Should -Match '"policy":\{"router":null,"state":null\}'
    }
}

Describe 'Get-DadIsatapSection on Windows 7 (netsh interface isatap, assumed shape, no real capture)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-NetIsatapConfiguration', 'Get-NetIPAddress', 'Resolve-DnsName')
        Mock -ModuleName DaDoctor Resolve-DadNames { @{ isatap = @{ Addresses = @(); TimedOut = $false } } }
        Mock -ModuleName DaDoctor Resolve-DadName { }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
    }

    It 'says unknown, not notApplicable, for text in another language (assumed shape, no real capture)' {
        Mock -ModuleName DaDoctor netsh { "ISATAP-Status              : aktiviert`r`n" }
        $out = Invoke-DadTestProbe 'isatap'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.configuration | Should -BeNullOrEmpty
        $out.Envelope.data.parse.recognised | Should -BeFalse
        $out.Envelope.data.parse.note | Should -Match 'unknown'
    }

    It 'parses state and router text (assumed shape, no real capture)' {
        Mock -ModuleName DaDoctor netsh { "ISATAP State                : enabled`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface isatap show state' }
        Mock -ModuleName DaDoctor netsh { "Router Name             : isatap-da.corp.contoso.com`r`nResolution State        : default`r`nResolution Interval     : default`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface isatap show router' }
        $data = (Invoke-DadTestProbe 'isatap').Envelope.data
        $data.source | Should -Be 'netsh'
        $data.configuration.state | Should -Be 'Enabled'
        $data.configuration.router | Should -Be 'isatap-da.corp.contoso.com'
        $data.configuration.resolutionState | Should -Be 'Default'
        $data.router.name | Should -Be 'isatap-da.corp.contoso.com'
        $data.parse.language | Should -Be 'en'
        $data.parse.recognised | Should -BeTrue
    }

    It 'accepts "State :" and treats router "default" as none (assumed shape, no real capture)' {
        $config = InModuleScope DaDoctor { ConvertFrom-DadIsatapNetsh @('State : Disabled.') @('Router Name : default') }
        $config.state | Should -Be 'Disabled'
        $config.router | Should -BeNullOrEmpty
    }

    It 'is notApplicable when netsh says nothing about ISATAP' {
        Mock -ModuleName DaDoctor netsh { "The following command was not found: interface isatap show state." }
        $out = Invoke-DadTestProbe 'isatap'
        $out.Envelope.status | Should -Be 'notApplicable'
        $out.Envelope.message | Should -Match 'ISATAP'
    }
}

Describe 'Get-DadTeredoSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        # 6to4 as Windows 10 ships it, no addresses, no policy: the Teredo fields are what these cases look at.
        Mock -ModuleName DaDoctor Get-Net6to4Configuration { [pscustomobject]@{ State = 'Default'; RelayName = '6to4.ipv6.microsoft.com'; RelayState = 'Default' } }
        Mock -ModuleName DaDoctor Get-NetIPAddress { }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor netsh { '' } -ParameterFilter { ($args -join ' ') -eq 'interface 6to4 show state' }
    }

    It 'reports Get-NetTeredoState (no Type property on real Windows => null)' {
        Mock -ModuleName DaDoctor Get-NetTeredoState { [pscustomobject]@{ State = 'Qualified'; Error = '' } }
        $out = Invoke-DadTestProbe 'teredo'
        $out.Raw[0] | Should -Match '"data":\{"error":null,"sixToFour":\{[^}]*"state":"Default"[^}]*\},"state":"Qualified","type":null\}'
    }

    It 'reports nulls when Teredo is not active (nothing returned)' {
        Mock -ModuleName DaDoctor Get-NetTeredoState { }
        (Invoke-DadTestProbe 'teredo').Raw[0] | Should -Match '"data":\{"error":null,"sixToFour":\{[^}]*\},"state":null,"type":null\}'
    }

    It 'gives an error section when Get-NetTeredoState throws (scenario probe-throws)' {
        Mock -ModuleName DaDoctor Get-NetTeredoState { throw 'Teredo exploded' }
        $out = Invoke-DadTestProbe 'teredo'
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Be 'Teredo exploded'
    }

    It 'says unknown for netsh teredo text in another language (assumed shape, no real capture)' {
        Set-DadTestMissingCommands @('Get-NetTeredoState')
        Mock -ModuleName DaDoctor netsh { "Teredo-Parameter`r`n------`r`nTyp                     : enterpriseclient`r`nStatus                  : offline`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface teredo show state' }
        $data = (Invoke-DadTestProbe 'teredo').Envelope.data
        $data.state | Should -BeNullOrEmpty
        $data.type | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeFalse
    }

    It 'parses netsh interface teredo show state on a DirectAccess client (enterpriseclient: assumed shape, no real capture)' {
        Set-DadTestMissingCommands @('Get-NetTeredoState')
        $global:DadTestText = @'
Teredo Parameters
---------------------------------------------
Type                    : enterpriseclient
Server Name             : 203.0.113.10
Client Refresh Interval : 30 seconds
Client Port             : unspecified
State                   : offline
Client Type             : teredo client
Error                   : client is in a managed network
'@
        Mock -ModuleName DaDoctor netsh { $global:DadTestText } -ParameterFilter { ($args -join ' ') -eq 'interface teredo show state' }
        $data = (Invoke-DadTestProbe 'teredo').Envelope.data
        $data.state | Should -Be 'offline'
        $data.type | Should -Be 'enterpriseclient'
        $data.error | Should -Be 'client is in a managed network'
    }
}

Describe '6to4 in the Teredo section (knowledge K.3)' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-NetTeredoState { }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
    }

    It 'reports State, relay, Group Policy 6to4_State, the IPv4 addresses and the 2002: addresses' {
        Mock -ModuleName DaDoctor Get-Net6to4Configuration { [pscustomobject]@{ State = 'Enabled'; RelayName = '6to4.ipv6.microsoft.com'; RelayState = 'Default'; ResolutionIntervalSeconds = 86400 } }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ '6to4_State' = 'Enabled' } } -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition' }
        Mock -ModuleName DaDoctor Get-NetIPAddress { [pscustomobject]@{ InterfaceAlias = 'Cellular'; IPAddress = '198.51.100.37'; PrefixOrigin = 'Dhcp' } } -ParameterFilter { $AddressFamily -eq 'IPv4' }
        Mock -ModuleName DaDoctor Get-NetIPAddress {
            [pscustomobject]@{ InterfaceAlias = '6TO4 Adapter'; IPAddress = '2002:c633:6425::c633:6425'; PrefixOrigin = 'Other' }
            [pscustomobject]@{ InterfaceAlias = 'Cellular'; IPAddress = 'fe80::1%12'; PrefixOrigin = 'WellKnown' }
        } -ParameterFilter { $AddressFamily -eq 'IPv6' }
        $six = (Invoke-DadTestProbe 'teredo').Envelope.data.sixToFour
        $six.source | Should -Be 'cmdlet'
        $six.state | Should -Be 'Enabled'
        $six.relayName | Should -Be '6to4.ipv6.microsoft.com'
        $six.policyState | Should -Be 'Enabled'
        @($six.ipv4Addresses).Count | Should -Be 1
        $six.ipv4Addresses[0].address | Should -Be '198.51.100.37'
        $six.ipv4Addresses[0].alias | Should -Be 'Cellular'
        @($six.addresses).Count | Should -Be 1
        $six.addresses[0].address | Should -Be '2002:c633:6425::c633:6425'
    }

    It 'gives a raw CIM enum number its name (3 = Disabled) and empty lists when there are no addresses' {
        Mock -ModuleName DaDoctor Get-Net6to4Configuration { [pscustomobject]@{ State = 3; RelayName = $null; RelayState = 0 } }
        Mock -ModuleName DaDoctor Get-NetIPAddress { }
        $out = Invoke-DadTestProbe 'teredo'
        $out.Envelope.data.sixToFour.state | Should -Be 'Disabled'
        $out.Raw[0] | Should -Match '"addresses":\[\]'
        $out.Raw[0] | Should -Match '"ipv4Addresses":\[\]'
    }

    It 'reads netsh interface 6to4 show state on Windows 7 (assumed shape, no real capture)' {
        Set-DadTestMissingCommands @('Get-NetTeredoState', 'Get-Net6to4Configuration', 'Get-NetIPAddress')
        Mock -ModuleName DaDoctor netsh { '' } -ParameterFilter { ($args -join ' ') -eq 'interface teredo show state' }
        Mock -ModuleName DaDoctor netsh { "6to4 Service State`r`n---------------`r`n6to4 Service State                 : enabled`r`n" } -ParameterFilter { ($args -join ' ') -eq 'interface 6to4 show state' }
        $six = (Invoke-DadTestProbe 'teredo').Envelope.data.sixToFour
        $six.source | Should -Be 'netsh'
        $six.state | Should -Be 'Enabled'
    }
}

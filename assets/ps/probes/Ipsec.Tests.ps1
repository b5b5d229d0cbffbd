# The ipsec probe (knowledge I.2-I.4). Every cmdlet output here is an ASSUMED shape (knowledge Q.5: no real capture of
# Get-NetIPsecRule, Get-NetIPsecPhase1AuthSet, Get-NetIPsecMainModeSA, Get-NetIPsecQuickModeSA yet); the test names
# say so.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    function New-TestSa([string]$Remote, [string]$Auth = 'MachineCert') {
        [pscustomobject]@{
            Name = '1'; LocalEndpoint = 'fd00:1234:5678:1000::99'; RemoteEndpoint = $Remote
            LocalFirstId = [pscustomobject]@{ Identity = 'CLIENT01.corp.contoso.com'; AuthenticationMethod = $Auth }
            RemoteFirstId = [pscustomobject]@{ Identity = 'da.contoso.com'; AuthenticationMethod = $Auth }
            LocalSecondId = $null
        }
    }
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadIpsecSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Test-DadElevated { $true }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ 'PING:fd00:1234:5678:1000::2' = 'x'; 'PING:FD00:1234:5678:1000::1' = 'x' } } -ParameterFilter { $Path -like '*\NetworkConnectivityAssistant\DTEs' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ 'HTTP:http://directaccess-WebProbeHost.corp.contoso.com' = 'x' } } -ParameterFilter { $Path -like '*\NetworkConnectivityAssistant\Probes' }
        Mock -ModuleName DaDoctor Resolve-DadName { @('fd00:1234:5678:1000::10') }
        Mock -ModuleName DaDoctor Get-NetIPsecRule {
            [pscustomobject]@{ DisplayName = 'DirectAccess Policy-ClientToInfra'; Enabled = 'True'; Profile = 'Private, Public'; Mode = 'Tunnel'; Phase1AuthSet = 'P1' }
            [pscustomobject]@{ DisplayName = 'Core Networking - something else'; Enabled = 'True'; Profile = 'Any'; Mode = 'Transport'; Phase1AuthSet = $null }
            [pscustomobject]@{ DisplayName = 'DirectAccess Policy-ClientToCorp'; Enabled = 'False'; Profile = 'Private, Public'; Mode = 'Tunnel'; Phase1AuthSet = 'P1' }
        }
        Mock -ModuleName DaDoctor Get-NetIPsecPhase1AuthSet {
            [pscustomobject]@{ Name = 'P1'; Proposal = @([pscustomobject]@{ AuthenticationMethod = 'MachineCert'; Authority = 'CN=Contoso Root CA'; AuthorityType = 'Root' }) }
        }
        Mock -ModuleName DaDoctor Get-NetIPsecMainModeSA { New-TestSa 'fd00:1234:5678:1000::1'; New-TestSa '203.0.113.99' }
        Mock -ModuleName DaDoctor Get-NetIPsecQuickModeSA { [pscustomobject]@{ RemoteEndpoint = 'fd00:1234:5678:1000::1' } }
    }

    It 'reads the DirectAccess rules only, the DTEs sorted, auth by certificate with its CA, SAs matched to DTEs (assumed shapes, Q.5)' {
        $out = Invoke-DadTestProbe 'ipsec'
        $out.Envelope.status | Should -Be 'ok'
        $d = $out.Envelope.data
        $d.dtes | Should -Be @('FD00:1234:5678:1000::1', 'fd00:1234:5678:1000::2')
        @($d.rules.items).Count | Should -Be 2
        $d.rules.items[0].displayName | Should -Be 'DirectAccess Policy-ClientToInfra'
        $d.rules.items[1].enabled | Should -BeFalse
        $d.authSets.items[0].methods[0].method | Should -Be 'MachineCert'
        $d.authSets.items[0].methods[0].authority | Should -Be 'CN=Contoso Root CA'
        $d.mainModeSas.readable | Should -BeTrue
        $d.mainModeSas.items[0].toDte | Should -BeTrue
        $d.mainModeSas.items[0].firstAuth | Should -Be 'MachineCert'
        $d.mainModeSas.items[1].toDte | Should -BeFalse
        $d.quickModeSaCount | Should -Be 1
        $d.trigger.name | Should -Be 'directaccess-WebProbeHost.corp.contoso.com'
        $d.trigger.answered | Should -BeTrue
        $d.elevated | Should -BeTrue
    }

    It 'an empty SA list read elevated is "none" (assumed shape, Q.5)' {
        Mock -ModuleName DaDoctor Get-NetIPsecMainModeSA { }
        $d = (Invoke-DadTestProbe 'ipsec').Envelope.data
        $d.mainModeSas.readable | Should -BeTrue
        @($d.mainModeSas.items).Count | Should -Be 0
    }

    It 'an empty SA list read unelevated is not known, not "none" (I.3: the cmdlet may need an administrator)' {
        Mock -ModuleName DaDoctor Test-DadElevated { $false }
        Mock -ModuleName DaDoctor Get-NetIPsecMainModeSA { }
        $d = (Invoke-DadTestProbe 'ipsec').Envelope.data
        $d.mainModeSas.readable | Should -BeFalse
        $d.mainModeSas.error | Should -Match 'not elevated'
        $d.quickModeSaCount | Should -BeNullOrEmpty
    }

    It 'access denied is recorded as not readable with the message, the rest of the section stays' {
        Mock -ModuleName DaDoctor Get-NetIPsecMainModeSA { throw 'Access is denied.' }
        $out = Invoke-DadTestProbe 'ipsec'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.mainModeSas.readable | Should -BeFalse
        $out.Envelope.data.mainModeSas.error | Should -Match 'Access is denied'
        @($out.Envelope.data.rules.items).Count | Should -Be 2
    }

    It 'no probe host in the policy: no traffic sent, trigger null' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null } -ParameterFilter { $Path -like '*\NetworkConnectivityAssistant\Probes' }
        (Invoke-DadTestProbe 'ipsec').Raw[0] | Should -Match '"trigger":null'
        Should -Invoke -ModuleName DaDoctor Resolve-DadName -Times 0
    }

    It 'Windows 7 (no NetSecurity cmdlets): notApplicable with the reason, nothing guessed from netsh text' {
        Set-DadTestMissingCommands @('Get-NetIPsecRule')
        $out = Invoke-DadTestProbe 'ipsec'
        $out.Envelope.status | Should -Be 'notApplicable'
        $out.Envelope.message | Should -Match 'netsh advfirewall monitor'
    }
}

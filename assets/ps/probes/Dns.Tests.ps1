# The NRPT probe: Get-DnsClientNrptPolicy -Effective and the Windows 7 netsh text.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadNrptSection with the cmdlet' {
    BeforeEach {
        Set-DadTestMissingCommands @()
    }

    It 'emits one rule per namespace string and keeps server lists as arrays' {
        Mock -ModuleName DaDoctor Get-DnsClientNrptPolicy {
            [pscustomobject]@{ Namespace = @('.contoso.com', '.corp.contoso.com'); DirectAccessDnsServers = @('fd00:1234:5678:1::3333:1'); DirectAccessEnabled = $true }
            [pscustomobject]@{ Namespace = @('nls.corp.contoso.com'); DirectAccessDnsServers = $null; DirectAccessEnabled = $null }
        } -ParameterFilter { $Effective }
        $out = Invoke-DadTestProbe 'nrpt'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.source | Should -Be 'cmdlet'
        @($data.rules.namespace) | Should -Be @('.contoso.com', '.corp.contoso.com', 'nls.corp.contoso.com')
        $out.Raw[0] | Should -Match '\{"directAccessDnsServers":\["fd00:1234:5678:1::3333:1"\],"directAccessEnabled":true,"namespace":".contoso.com"\}'
        $out.Raw[0] | Should -Match '\{"directAccessDnsServers":\[\],"directAccessEnabled":null,"namespace":"nls.corp.contoso.com"\}'
    }

    It 'accepts Namespace given as a single string' {
        Mock -ModuleName DaDoctor Get-DnsClientNrptPolicy { [pscustomobject]@{ Namespace = '.contoso.com'; DirectAccessDnsServers = 'fd00::1'; DirectAccessEnabled = $false } }
        $rules = @((Get-DadNrptSection).rules)
        $rules.Count | Should -Be 1
        $rules[0].namespace | Should -Be '.contoso.com'
        $rules[0].directAccessEnabled | Should -BeFalse
        , $rules[0].directAccessDnsServers | Should -BeOfType [object[]]
    }

    It 'reports an empty table as an empty list' {
        Mock -ModuleName DaDoctor Get-DnsClientNrptPolicy { }
        (Invoke-DadTestProbe 'nrpt').Raw[0] | Should -Match '"rules":\[\]'
    }

    It 'fails the section when the cmdlet throws' {
        Mock -ModuleName DaDoctor Get-DnsClientNrptPolicy { throw 'DNS client not running' }
        (Invoke-DadTestProbe 'nrpt').Envelope.message | Should -Be 'DNS client not running'
    }
}

Describe 'Get-DadNrptSection on Windows 7 (netsh namespace show effectivepolicy)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-DnsClientNrptPolicy')
    }

    It 'parses DirectAccess rules and exemptions' {
        $global:DadTestText = @'

DNS Effective Name Resolution Policy Table Settings


Settings for .contoso.com
----------------------------------------------------------------------
Certification authority                 :
DNSSEC (Validation)                     : disabled
IPsec settings                          : disabled
DirectAccess (DNS Servers)              : fd00:1234:5678:1::3333:1
DirectAccess (IPsec)                    : disabled
DirectAccess (Proxy Settings)           : Bypass proxy


Settings for nls.corp.contoso.com
----------------------------------------------------------------------
Certification authority                 :
DNSSEC (Validation)                     : disabled
IPsec settings                          : disabled
DirectAccess (DNS Servers)              :
DirectAccess (IPsec)                    : disabled
DirectAccess (Proxy Settings)           : Use default browser settings

'@
        Mock -ModuleName DaDoctor netsh { $global:DadTestText } -ParameterFilter { ($args -join ' ') -eq 'namespace show effectivepolicy' }
        $out = Invoke-DadTestProbe 'nrpt'
        $out.Envelope.data.source | Should -Be 'netsh'
        $out.Raw[0] | Should -Match '\{"directAccessDnsServers":\["fd00:1234:5678:1::3333:1"\],"directAccessEnabled":true,"namespace":".contoso.com"\}'
        $out.Raw[0] | Should -Match '\{"directAccessDnsServers":\[\],"directAccessEnabled":null,"namespace":"nls.corp.contoso.com"\}'
    }

    It 'reads several servers, wrapped lines and comma-separated namespaces' {
        $lines = @(
            'Settings for .corp.contoso.com, .contoso.net',
            '-------',
            'DirectAccess (DNS Servers)              : 2001:db8:1::2, 2001:db8:2::20',
            '                                          2001:db8:6::6',
            'DirectAccess (IPsec)                    : disabled')
        $rules = InModuleScope DaDoctor -Parameters @{ Lines = $lines } { param($Lines) ConvertFrom-DadNrptNetsh $Lines }
        $rules.Count | Should -Be 2
        $rules[0].namespace | Should -Be '.corp.contoso.com'
        $rules[1].namespace | Should -Be '.contoso.net'
        $rules[0].directAccessDnsServers | Should -Be @('2001:db8:1::2', '2001:db8:2::20', '2001:db8:6::6')
    }

    It 'returns no rules when netsh prints no policy' {
        $rules = InModuleScope DaDoctor { ConvertFrom-DadNrptNetsh @('', 'DNS Effective Name Resolution Policy Table Settings', '') }
        , $rules | Should -BeOfType [object[]]
        $rules.Count | Should -Be 0
    }
}

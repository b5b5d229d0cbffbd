# The NRPT probe: Get-DnsClientNrptPolicy -Effective, the Windows 7 netsh text, the Group Policy rules in the registry.

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
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
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

Describe 'Get-DadNrptSection on Windows 7 (netsh namespace show effectivepolicy, assumed shape, no real capture)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-DnsClientNrptPolicy')
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
    }

    It 'says unknown, with a note, for text in another language (assumed shape, no real capture)' {
        Mock -ModuleName DaDoctor netsh { "`r`nEinstellungen der effektiven DNS-Richtlinientabelle für die Namensauflösung`r`n`r`nEinstellungen für .corp.contoso.com`r`n" }
        $data = (Invoke-DadTestProbe 'nrpt').Envelope.data
        $data.parse.recognised | Should -BeFalse
        $data.parse.note | Should -Match 'unknown'
        @($data.rules).Count | Should -Be 0
        $data.insideCorpnetNote | Should -BeFalse
    }

    It 'reads English text as recognised, and empty text as an empty table' {
        Mock -ModuleName DaDoctor netsh { "`r`nDNS Effective Name Resolution Policy Table Settings`r`n`r`n" }
        (Get-DadNrptSection).parse.language | Should -Be 'en'
        Mock -ModuleName DaDoctor netsh { '' }
        (Get-DadNrptSection).parse.recognised | Should -BeTrue
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

Describe 'Get-DadNrptSection: Group Policy rules from the registry (locale-independent)' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-DnsClientNrptPolicy { }
        $script:PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient\DnsPolicyConfig'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
    }

    It 'lists each rule subkey with its namespaces and DirectAccess DNS servers' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{} } -ParameterFilter { $Path -eq $script:PolicyKey }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { 'DA-{A1}', 'DA-{B2}' } -ParameterFilter { $Path -eq $script:PolicyKey }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ Name = [string[]]@('.corp.contoso.com', '.contoso.local'); DirectAccessDNSServers = 'fd00::1;fd00::2'; ConfigOptions = 4 } } -ParameterFilter { $Path -eq ($script:PolicyKey + '\DA-{A1}') }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ Name = [string[]]@('nls.corp.contoso.com'); ConfigOptions = 0 } } -ParameterFilter { $Path -eq ($script:PolicyKey + '\DA-{B2}') }
        $out = Invoke-DadTestProbe 'nrpt'
        $rules = @($out.Envelope.data.policyRules)
        $rules.Count | Should -Be 2
        $rules[0].key | Should -Be 'DA-{A1}'
        @($rules[0].namespaces) | Should -Be @('.corp.contoso.com', '.contoso.local')
        @($rules[0].directAccessDnsServers) | Should -Be @('fd00::1', 'fd00::2')
        $out.Raw[0] | Should -Match '"directAccessDnsServers":\[\],"key":"DA-\{B2\}","namespaces":\["nls.corp.contoso.com"\]'
    }

    It 'reports policyRules null when the policy key does not exist' {
        (Invoke-DadTestProbe 'nrpt').Raw[0] | Should -Match '"policyRules":null'
    }

    It 'keeps the effective table when the registry cannot be read' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { throw 'access denied' } -ParameterFilter { $Path -eq $script:PolicyKey }
        $out = Invoke-DadTestProbe 'nrpt'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.source | Should -Be 'cmdlet'
    }
}

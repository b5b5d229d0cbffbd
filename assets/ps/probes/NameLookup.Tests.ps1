# How a name lookup ended: Resolve-DnsName's records and errors (Windows 8+), the system resolver on Windows 7.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost

    # An error as Resolve-DnsName writes it: a Win32Exception with the DNS error's native code, and the id.
    function script:Write-DadTestDnsError {
        param($Cmdlet, [int]$Code, [string]$Id, [string]$Category, [string]$Message)
        $ex = New-Object System.ComponentModel.Win32Exception -ArgumentList $Code, $Message
        $Cmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord -ArgumentList $ex, ($Id + ',Microsoft.DnsClient.Commands.ResolveDnsName'), $Category, 'da.contoso.com'))
    }
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Resolve-DadNameLookup with Resolve-DnsName' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Resolve-DadName { throw 'the system resolver must not be asked when Resolve-DnsName exists' }
    }

    It 'answered: the addresses of the Answer section, not the CNAME on the way' {
        Mock -ModuleName DaDoctor Resolve-DnsName {
            [pscustomobject]@{ Name = 'da.contoso.com'; Type = 'CNAME'; TTL = 300; Section = 'Answer'; NameHost = 'edge.contoso.com' }
            [pscustomobject]@{ Name = 'edge.contoso.com'; Type = 'A'; TTL = 300; Section = 'Answer'; IPAddress = '203.0.113.10' }
            [pscustomobject]@{ Name = 'edge.contoso.com'; Type = 'AAAA'; TTL = 300; Section = 'Answer'; IPAddress = '2001:db8::10' }
        }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }
        $r.addresses | Should -Be @('203.0.113.10', '2001:db8::10')
        $r.lookup.outcome | Should -Be 'answered'
        $r.lookup.source | Should -Be 'Resolve-DnsName'
        Should -Invoke -ModuleName DaDoctor Resolve-DnsName -Times 1 -Exactly -ParameterFilter { $Name -eq 'da.contoso.com' -and $Type -eq 'A_AAAA' }
    }

    It 'no such name: DNS_ERROR_RCODE_NAME_ERROR (real capture of the id) is nameError, whatever language the message is in' {
        Mock -ModuleName DaDoctor Resolve-DnsName { Write-DadTestDnsError $PSCmdlet 9003 'DNS_ERROR_RCODE_NAME_ERROR' 'ResourceUnavailable' 'da.contoso.com : Der DNS-Name ist nicht vorhanden' }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }
        @($r.addresses).Count | Should -Be 0
        $r.lookup.outcome | Should -Be 'nameError'
        $r.lookup.errorId | Should -Be 'DNS_ERROR_RCODE_NAME_ERROR'
    }

    It 'time-out: ERROR_TIMEOUT (real capture of the id, Microsoft support article) is timedOut' {
        Mock -ModuleName DaDoctor Resolve-DnsName { Write-DadTestDnsError $PSCmdlet 1460 'ERROR_TIMEOUT' 'OperationTimeout' 'da.contoso.com : This operation returned because the timeout period expired' }
        (InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }).lookup.outcome | Should -Be 'timedOut'
    }

    It 'no records (assumed shape, no capture): DNS_INFO_NO_RECORDS is noRecords' {
        Mock -ModuleName DaDoctor Resolve-DnsName { Write-DadTestDnsError $PSCmdlet 9501 'DNS_INFO_NO_RECORDS' 'ResourceUnavailable' 'No records found for given DNS query' }
        (InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }).lookup.outcome | Should -Be 'noRecords'
    }

    It 'no records (assumed shape, no capture): only the zone SOA in the Authority section (and a glue address in Additional) is noRecords' {
        Mock -ModuleName DaDoctor Resolve-DnsName {
            [pscustomobject]@{ Name = 'contoso.com'; Type = 'SOA'; TTL = 3600; Section = 'Authority'; PrimaryServer = 'ns1.contoso.com' }
            # A glue record of the name server is an address, but not the name's.
            [pscustomobject]@{ Name = 'ns1.contoso.com'; Type = 'A'; TTL = 3600; Section = 'Additional'; IPAddress = '198.51.100.53' }
        }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }
        @($r.addresses).Count | Should -Be 0
        $r.lookup.outcome | Should -Be 'noRecords'
    }

    It 'an error id it does not know, with a known native code, goes by the code; anything else is failed with its id' {
        Mock -ModuleName DaDoctor Resolve-DnsName { Write-DadTestDnsError $PSCmdlet 9003 'SOMETHING_ELSE' 'NotSpecified' 'x' }
        (InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }).lookup.outcome | Should -Be 'nameError'
        Mock -ModuleName DaDoctor Resolve-DnsName { Write-DadTestDnsError $PSCmdlet 9002 'DNS_ERROR_RCODE_SERVER_FAILURE' 'NotSpecified' 'DNS server failure' }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }
        $r.lookup.outcome | Should -Be 'failed'
        $r.lookup.errorId | Should -Be 'DNS_ERROR_RCODE_SERVER_FAILURE'
    }

    It 'an address literal needs no lookup (Resolve-DnsName would look up its PTR record)' {
        Mock -ModuleName DaDoctor Resolve-DnsName { throw 'must not be called' }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup '198.51.100.7' }
        $r.addresses | Should -Be @('198.51.100.7')
        $r.lookup.outcome | Should -Be 'answered'
    }
}

Describe 'Resolve-DadNameLookup on Windows 7 (no Resolve-DnsName)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Resolve-DnsName')
    }

    It 'answered from the system resolver; no addresses is failed (the resolver does not say why)' {
        Mock -ModuleName DaDoctor Resolve-DadName { '203.0.113.10' }
        $r = InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }
        $r.addresses | Should -Be @('203.0.113.10')
        $r.lookup.source | Should -Be 'system'
        Mock -ModuleName DaDoctor Resolve-DadName { }
        (InModuleScope DaDoctor { Resolve-DadNameLookup 'da.contoso.com' }).lookup.outcome | Should -Be 'failed'
    }
}

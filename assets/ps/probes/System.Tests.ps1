# The machine probes: os, services, ipv6, clock, firewall.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadOsSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-CimInstance {
            [pscustomobject]@{ Caption = 'Microsoft Windows 10 Enterprise '; Version = '10.0.19045'; BuildNumber = '19045'; OperatingSystemSKU = [uint32]4; ProductType = [uint32]1; CSName = 'LAPTOP-01' }
        } -ParameterFilter { $ClassName -eq 'Win32_OperatingSystem' }
        Mock -ModuleName DaDoctor Get-CimInstance {
            [pscustomobject]@{ Name = 'LAPTOP-01'; Domain = 'corp.contoso.com'; PartOfDomain = $true; DNSHostName = 'laptop-01' }
        } -ParameterFilter { $ClassName -eq 'Win32_ComputerSystem' }
        Mock -ModuleName DaDoctor Get-DadPowerShellVersion { '5.1.19041.5007' }
    }

    It 'reports edition, build and domain membership with numbers as numbers' {
        $out = Invoke-DadTestProbe 'os'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match '"build":19045[,}]'
        $out.Raw[0] | Should -Match '"sku":4[,}]'
        $data = $out.Envelope.data
        $data.caption | Should -BeExactly 'Microsoft Windows 10 Enterprise'
        $data.version | Should -Be '10.0.19045'
        $data.productType | Should -Be 1
        $data.computerName | Should -Be 'LAPTOP-01'
        $data.domain | Should -Be 'corp.contoso.com'
        $data.partOfDomain | Should -BeTrue
        $data.fqdn | Should -Be 'laptop-01.corp.contoso.com'
        $data.psVersion | Should -Be '5.1.19041.5007'
    }

    It 'reports a workgroup machine with domain null and the host name as FQDN' {
        Mock -ModuleName DaDoctor Get-CimInstance {
            [pscustomobject]@{ Name = 'HOME-PC'; Domain = 'WORKGROUP'; PartOfDomain = $false; DNSHostName = 'home-pc' }
        } -ParameterFilter { $ClassName -eq 'Win32_ComputerSystem' }
        $out = Invoke-DadTestProbe 'os'
        $out.Raw[0] | Should -Match '"domain":null'
        $out.Envelope.data.fqdn | Should -Be 'home-pc'
    }

    It 'uses Get-WmiObject on PowerShell 2.0 (no Get-CimInstance)' {
        Set-DadTestMissingCommands @('Get-CimInstance')
        Mock -ModuleName DaDoctor Get-WmiObject {
            [pscustomobject]@{ Caption = 'Microsoft Windows 7 Enterprise '; Version = '6.1.7601'; BuildNumber = '7601'; OperatingSystemSKU = [uint32]4; ProductType = [uint32]1; CSName = 'WIN7' }
        } -ParameterFilter { $Class -eq 'Win32_OperatingSystem' }
        Mock -ModuleName DaDoctor Get-WmiObject {
            [pscustomobject]@{ Name = 'WIN7'; Domain = 'corp.contoso.com'; PartOfDomain = $true; DNSHostName = 'win7' }
        } -ParameterFilter { $Class -eq 'Win32_ComputerSystem' }
        Mock -ModuleName DaDoctor Get-DadPowerShellVersion { '2.0' }
        $data = Get-DadOsSection
        $data.build | Should -Be 7601
        $data.psVersion | Should -Be '2.0'
        Should -Invoke -ModuleName DaDoctor Get-CimInstance -Times 0
    }

    It 'fails the section when WMI throws' {
        Mock -ModuleName DaDoctor Get-CimInstance { throw 'Access denied' } -ParameterFilter { $ClassName -eq 'Win32_OperatingSystem' }
        $out = Invoke-DadTestProbe 'os'
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Be 'Access denied'
    }
}

Describe 'Get-DadServicesSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-Service { [pscustomobject]@{ Name = $Name; Status = 'Running'; StartType = 'Automatic' } }
    }

    It 'reports iphlpsvc, NcaSvc, w32time and the IPsec services keyed by name' {
        $data = (Invoke-DadTestProbe 'services').Envelope.data
        @($data.PSObject.Properties.Name | Sort-Object) | Should -Be @('BFE', 'IKEEXT', 'iphlpsvc', 'MpsSvc', 'NcaSvc', 'PolicyAgent', 'w32time')
        $data.iphlpsvc.exists | Should -BeTrue
        $data.iphlpsvc.status | Should -Be 'Running'
        $data.iphlpsvc.startType | Should -Be 'Automatic'
    }

    It 'reports a missing service as exists=false with nulls' {
        Mock -ModuleName DaDoctor Get-Service { throw "Cannot find any service with service name 'NcaSvc'." } -ParameterFilter { $Name -eq 'NcaSvc' }
        $out = Invoke-DadTestProbe 'services'
        $out.Raw[0] | Should -Match '"NcaSvc":\{"exists":false,"startType":null,"status":null\}'
    }

    It 'reads the start type from Win32_Service on PowerShell 2.0 (no StartType property)' {
        Set-DadTestMissingCommands @('Get-CimInstance')
        Mock -ModuleName DaDoctor Get-Service { [pscustomobject]@{ Name = $Name; Status = 'Stopped' } }
        Mock -ModuleName DaDoctor Get-WmiObject { [pscustomobject]@{ Name = 'iphlpsvc'; State = 'Stopped'; StartMode = 'Auto' } }
        $data = Get-DadServicesSection
        $data.iphlpsvc.startType | Should -Be 'Automatic'
        $data.iphlpsvc.status | Should -Be 'Stopped'
        Should -Invoke -ModuleName DaDoctor Get-WmiObject -ParameterFilter { $Class -eq 'Win32_Service' -and $Filter -eq "Name='iphlpsvc'" }
    }
}

Describe 'Get-DadIpv6Section' {
    It 'reports DisabledComponents as an unsigned number' -TestCases @(
        @{ Raw = 255; Expected = 255 }
        @{ Raw = 32; Expected = 32 }
        @{ Raw = [int32]-1; Expected = 4294967295 }
    ) {
        param($Raw, $Expected)
        $global:DadTestRaw = $Raw
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ DisabledComponents = $global:DadTestRaw } } -ParameterFilter { $Path -eq 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' }
        $out = Invoke-DadTestProbe 'ipv6'
        $out.Raw[0] | Should -Match ('"disabledComponents":' + $Expected + '\}')
    }

    It 'reports null when the value is absent' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ Dhcpv6DUID = 1 } }
        (Invoke-DadTestProbe 'ipv6').Raw[0] | Should -Match '"disabledComponents":null'
    }

    It 'reports null when the key is absent' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        (Invoke-DadTestProbe 'ipv6').Raw[0] | Should -Match '"disabledComponents":null'
    }
}

Describe 'Get-DadClockSection' {
    It 'reports the client clock as ISO-8601 UTC, whatever kind the adapter returns' {
        Mock -ModuleName DaDoctor Get-DadUtcNow { New-Object DateTime 2028, 3, 10, 12, 0, 0, ([DateTimeKind]::Utc) }
        (Invoke-DadTestProbe 'clock').Raw[0] | Should -Match '"utcNow":"2028-03-10T12:00:00.0000000Z"'
    }
}

Describe 'Get-DadFirewallSection' {
    BeforeEach {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
    }

    It 'reports every profile on (the Windows default) when nothing is set' {
        $data = (Invoke-DadTestProbe 'firewall').Envelope.data
        foreach ($p in @('domain', 'private', 'public')) {
            $data.$p.enabled | Should -BeTrue
            $data.$p.local | Should -BeNullOrEmpty
            $data.$p.policy | Should -BeNullOrEmpty
        }
    }

    It 'reads the local switch (Private is Standard there) and lets a Group Policy setting win' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ EnableFirewall = 1 } } -ParameterFilter { $Path -like 'HKLM:\SYSTEM\*\FirewallPolicy\*' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ EnableFirewall = 0 } } -ParameterFilter { $Path -eq 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\StandardProfile' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ EnableFirewall = 0 } } -ParameterFilter { $Path -eq 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile' }
        $out = Invoke-DadTestProbe 'firewall'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match '"public":\{"enabled":false,"local":true,"policy":false\}'
        $out.Raw[0] | Should -Match '"private":\{"enabled":false,"local":false,"policy":null\}'
        $out.Raw[0] | Should -Match '"domain":\{"enabled":true,"local":true,"policy":null\}'
    }

    It 'a Group Policy that switches a profile on wins over a local off' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ EnableFirewall = 0 } } -ParameterFilter { $Path -like 'HKLM:\SYSTEM\*' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ EnableFirewall = 1 } } -ParameterFilter { $Path -like 'HKLM:\SOFTWARE\Policies\*' }
        $data = (Invoke-DadTestProbe 'firewall').Envelope.data
        $data.domain.enabled | Should -BeTrue
        $data.domain.local | Should -BeFalse
    }
}

# The coexistence probe: Always On VPN tunnels (RasMan registry), VPN profiles, the Global Secure Access client.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadCoexistenceSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-VpnConnection { }
        Mock -ModuleName DaDoctor Get-Service { throw "Cannot find any service with service name '$Name'." }
        Mock -ModuleName DaDoctor Test-DadFolder { $false }
    }

    It 'reports nothing on a machine without another connection' {
        $out = Invoke-DadTestProbe 'coexistence'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match '"deviceTunnel":null'
        $out.Raw[0] | Should -Match '"userTunnel":null'
        $out.Raw[0] | Should -Match '"vpnProfiles":\[\]'
        $out.Raw[0] | Should -Match '"globalSecureAccess":\{"installFolder":false,"services":\[\]\}'
        $out.Raw[0] | Should -Match '"unread":\[\]'
    }

    It 'reads the device and user tunnels from RasMan (knowledge N) and whether their profiles are connected (Get-VpnConnection shape assumed, no capture)' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ AutoTriggerProfileEntryName = 'Contoso Device Tunnel'; AutoTriggerProfilePhonebookPath = 'C:\ProgramData\Microsoft\Network\Connections\Pbk\rasphone.pbk' } } -ParameterFilter { $Path -eq 'HKLM:\SYSTEM\CurrentControlSet\Services\RasMan\DeviceTunnel' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ AutoTriggerProfileEntryName = 'Contoso VPN'; UserSID = 'S-1-5-21-1-2-3-1104'; AutoTriggerProfileGUID = '{0A1B}' } } -ParameterFilter { $Path -eq 'HKLM:\SYSTEM\CurrentControlSet\Services\RasMan\Config' }
        Mock -ModuleName DaDoctor Get-VpnConnection { [pscustomobject]@{ Name = 'Contoso Device Tunnel'; ServerAddress = 'vpn.contoso.com'; TunnelType = 'Ikev2'; ConnectionStatus = 'Connected' } } -ParameterFilter { $AllUserConnection }
        Mock -ModuleName DaDoctor Get-VpnConnection { [pscustomobject]@{ Name = 'Contoso VPN'; ServerAddress = 'vpn.contoso.com'; TunnelType = 'Automatic'; ConnectionStatus = 'Disconnected' } } -ParameterFilter { -not $AllUserConnection }
        $data = (Invoke-DadTestProbe 'coexistence').Envelope.data
        $data.deviceTunnel.profileName | Should -Be 'Contoso Device Tunnel'
        $data.deviceTunnel.phonebookPath | Should -Match 'rasphone.pbk$'
        $data.deviceTunnel.connected | Should -BeTrue
        $data.userTunnel.profileName | Should -Be 'Contoso VPN'
        $data.userTunnel.userSid | Should -Be 'S-1-5-21-1-2-3-1104'
        $data.userTunnel.connected | Should -BeFalse
        @($data.vpnProfiles).Count | Should -Be 2
        ($data.vpnProfiles | Where-Object { $_.allUsers }).name | Should -Be 'Contoso Device Tunnel'
    }

    It 'says what could not be read: the all-user profiles unelevated (assumed message, no capture); the tunnel state is then unknown, not off' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ AutoTriggerProfileEntryName = 'Contoso Device Tunnel' } } -ParameterFilter { $Path -like '*\RasMan\DeviceTunnel' }
        Mock -ModuleName DaDoctor Get-VpnConnection { throw 'Access is denied.' } -ParameterFilter { $AllUserConnection }
        Mock -ModuleName DaDoctor Get-VpnConnection { [pscustomobject]@{ Name = 'Home'; ServerAddress = 'vpn.example.net'; TunnelType = 'Automatic'; ConnectionStatus = 'Disconnected' } } -ParameterFilter { -not $AllUserConnection }
        $out = Invoke-DadTestProbe 'coexistence'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.unread | Should -Be @('Get-VpnConnection -AllUserConnection: Access is denied.')
        # The profiles that could be read stay, and nothing is counted twice.
        @($out.Envelope.data.vpnProfiles).Count | Should -Be 1
        $out.Envelope.data.vpnProfiles[0].allUsers | Should -BeFalse
        $out.Raw[0] | Should -Match '"deviceTunnel":\{"connected":null,'
    }

    It 'has no VPN profiles to read on Windows 7 (no Get-VpnConnection): null, and the tunnels still come from the registry' {
        Set-DadTestMissingCommands @('Get-VpnConnection')
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ AutoTriggerProfileEntryName = 'Contoso Device Tunnel' } } -ParameterFilter { $Path -like '*\RasMan\DeviceTunnel' }
        $out = Invoke-DadTestProbe 'coexistence'
        $out.Raw[0] | Should -Match '"vpnProfiles":null'
        $out.Envelope.data.deviceTunnel.profileName | Should -Be 'Contoso Device Tunnel'
        Should -Invoke -ModuleName DaDoctor Get-VpnConnection -Times 0
    }

    It 'finds the Global Secure Access client by its services (knowledge N names) or its install folder' {
        Mock -ModuleName DaDoctor Get-Service { [pscustomobject]@{ Name = 'GlobalSecureAccessTunnelingService'; Status = 'Running'; StartType = 'Automatic' } } -ParameterFilter { $Name -eq 'GlobalSecureAccessTunnelingService' }
        Mock -ModuleName DaDoctor Test-DadFolder { $true } -ParameterFilter { $Path -eq '%ProgramFiles%\Global Secure Access Client' }
        $data = (Invoke-DadTestProbe 'coexistence').Envelope.data
        @($data.globalSecureAccess.services).Count | Should -Be 1
        $data.globalSecureAccess.services[0].name | Should -Be 'GlobalSecureAccessTunnelingService'
        $data.globalSecureAccess.services[0].status | Should -Be 'Running'
        $data.globalSecureAccess.installFolder | Should -BeTrue
    }
}

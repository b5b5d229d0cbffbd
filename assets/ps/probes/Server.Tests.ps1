# The DirectAccess server probe. Get-RemoteAccess and Get-DAOtpAuthentication shapes follow Microsoft's doc examples
# (enum names); the SslBindingInfo registry values and the Get-NetIPInterface / Get-NetRoute shapes on an ISATAP router
# have no real capture (knowledge Q.5): those tests say "assumed" in their names.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:Thumb = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'
    # Guid.ToByteArray order of {5d8e2743-ef20-4d38-8751-7e400f200e65}
    $script:AppIdBytes = [byte[]]@(0x43, 0x27, 0x8e, 0x5d, 0x20, 0xef, 0x38, 0x4d, 0x87, 0x51, 0x7e, 0x40, 0x0f, 0x20, 0x0e, 0x65)
    function script:New-TestHashBytes { param([string]$Hex) [byte[]]@(for ($i = 0; $i -lt $Hex.Length; $i += 2) { [Convert]::ToByte($Hex.Substring($i, 2), 16) }) }
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadServerSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-RemoteAccess {
            [pscustomobject]@{
                DAStatus = 'Installed'; LoadBalancing = 'NotConfigured'; ConnectToAddress = 'da.contoso.com'; InternalInterface = 'Internal'
                ForceTunnel = 'Disabled'; EntrypointName = ''; InternalIPv6Prefix = 'fd00:1234:5678:1::/64'; NlsLocation = 'DirectAccessServer'; NlsUrl = ''
                SslCertificate = [pscustomobject]@{ Thumbprint = $script:Thumb }
            }
        }
        Mock -ModuleName DaDoctor Get-DAOtpAuthentication { [pscustomobject]@{ OtpStatus = 'Disabled' } }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistryValues {
            @{ SslCertHash = (New-TestHashBytes $script:Thumb); AppId = $script:AppIdBytes; SslCertStoreName = 'MY'; DefaultFlags = 3 }
        } -ParameterFilter { $Path -eq 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\0.0.0.0:443' }
        Mock -ModuleName DaDoctor Get-DadCertificates {
            New-DadTestCertificate -Thumbprint 'ab' -Subject 'CN=other'
            New-DadTestCertificate -Thumbprint $script:Thumb -HasPrivateKey $true
        } -ParameterFilter { $Store -eq 'My' }
        Mock -ModuleName DaDoctor Get-NetIPInterface {
            [pscustomobject]@{ InterfaceAlias = 'Internal'; InterfaceIndex = [uint32]4; Forwarding = 'Enabled'; Advertising = 'Disabled' }
            [pscustomobject]@{ InterfaceAlias = 'isatap.{6C3E1B2A-0000-4000-8000-000000000002}'; InterfaceIndex = [uint32]14; Forwarding = 'Disabled'; Advertising = 'Enabled' }
        }
        Mock -ModuleName DaDoctor Get-NetRoute {
            [pscustomobject]@{ DestinationPrefix = 'fd00:1234:5678:1::/64'; InterfaceIndex = [uint32]14; Publish = 'No' }
            [pscustomobject]@{ DestinationPrefix = '::/0'; InterfaceIndex = [uint32]4; Publish = 'No' }
        }
    }

    It 'reads Get-RemoteAccess and Get-DAOtpAuthentication by their enum names (doc examples)' {
        $out = Invoke-DadTestProbe 'server'
        $out.Envelope.status | Should -Be 'ok'
        $ra = $out.Envelope.data.remoteAccess
        $ra.daStatus | Should -BeExactly 'Installed'
        $ra.connectToAddress | Should -BeExactly 'da.contoso.com'
        $ra.entrypointName | Should -BeNullOrEmpty
        $ra.sslCertificateThumbprint | Should -BeExactly $script:Thumb
        $out.Envelope.data.otpStatus | Should -BeExactly 'Disabled'
    }

    It 'decodes the SslBindingInfo binding (assumed value names and types): hash, application id, DefaultFlags bits' {
        $out = Invoke-DadTestProbe 'server'
        $out.Raw[0] | Should -Match '"ipPort":"0\.0\.0\.0:443"'
        $b = @($out.Envelope.data.bindings)
        $b.Count | Should -Be 1
        $b[0].certificateHash | Should -BeExactly $script:Thumb
        $b[0].appId | Should -BeExactly '5d8e2743-ef20-4d38-8751-7e400f200e65'
        $b[0].defaultFlags | Should -Be 3
        $b[0].dsMapper | Should -BeTrue
        $b[0].negotiateClientCertificate | Should -BeTrue
    }

    It 'DefaultFlags 1 (assumed): DS mapper on, no client-certificate negotiation; flags absent: both unknown' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ SslCertHash = (New-TestHashBytes $script:Thumb); AppId = $script:AppIdBytes; DefaultFlags = 1 } } -ParameterFilter { $Path -like '*0.0.0.0:443' }
        $b = @((Invoke-DadTestProbe 'server').Envelope.data.bindings)[0]
        $b.dsMapper | Should -BeTrue
        $b.negotiateClientCertificate | Should -BeFalse
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ SslCertHash = (New-TestHashBytes $script:Thumb); AppId = $script:AppIdBytes } } -ParameterFilter { $Path -like '*0.0.0.0:443' }
        $b = @((Invoke-DadTestProbe 'server').Envelope.data.bindings)[0]
        $b.dsMapper | Should -BeNullOrEmpty
        $b.negotiateClientCertificate | Should -BeNullOrEmpty
    }

    It 'values of the wrong type or length (assumed shape) are not read as a hash or an application id' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ SslCertHash = 'not-bytes'; AppId = [byte[]]@(1, 2, 3); DefaultFlags = 1 } } -ParameterFilter { $Path -like '*0.0.0.0:443' }
        $b = @((Invoke-DadTestProbe 'server').Envelope.data.bindings)[0]
        $b.certificateHash | Should -BeNullOrEmpty
        $b.appId | Should -BeNullOrEmpty
    }

    It 'finds the bound certificate in LocalMachine\My by the binding hash' {
        $c = (Invoke-DadTestProbe 'server').Envelope.data.certificate
        $c.thumbprint | Should -BeExactly $script:Thumb
        $c.hasPrivateKey | Should -BeTrue
        $c.ekus | Should -Contain '1.3.6.1.5.5.7.3.1'
    }

    It 'carries what the certificate rules read: EKUs, SAN DNS names, self-signed (subject = issuer), private key' {
        Mock -ModuleName DaDoctor Get-DadCertificates {
            New-DadTestCertificate -Thumbprint $script:Thumb -Subject 'CN=da.contoso.com' -Issuer 'CN=da.contoso.com' -DnsNames @('vpn.contoso.com') -Ekus @('1.3.6.1.5.5.7.3.2')
        } -ParameterFilter { $Store -eq 'My' }
        $c = (Invoke-DadTestProbe 'server').Envelope.data.certificate
        @($c.ekus) | Should -Be @('1.3.6.1.5.5.7.3.2')
        @($c.dnsNames) | Should -Be @('vpn.contoso.com')
        $c.selfSigned | Should -BeTrue
        $c.hasPrivateKey | Should -BeExactly $false
    }

    It 'leaves hasPrivateKey out when the adapter could not read it (unknown, not "no key")' {
        Mock -ModuleName DaDoctor Get-DadCertificates {
            $c = New-DadTestCertificate -Thumbprint $script:Thumb
            $c.HasPrivateKey = $null
            $c
        } -ParameterFilter { $Store -eq 'My' }
        $out = Invoke-DadTestProbe 'server'
        $out.Envelope.data.certificate.thumbprint | Should -BeExactly $script:Thumb
        $out.Raw[0] | Should -Not -Match '"hasPrivateKey"'
    }

    It 'keeps only ISATAP interfaces and the routes on them (assumed Get-NetIPInterface / Get-NetRoute shapes)' {
        $i = (Invoke-DadTestProbe 'server').Envelope.data.isatap
        @($i.interfaces).Count | Should -Be 1
        $i.interfaces[0].index | Should -Be 14
        $i.interfaces[0].forwarding | Should -BeExactly 'Disabled'
        @($i.routes).Count | Should -Be 1
        $i.routes[0].publish | Should -BeExactly 'No'
    }

    It 'keeps a route to the internal prefix on a native interface too (assumed shape): it shows native IPv6 inside' {
        Mock -ModuleName DaDoctor Get-NetRoute {
            [pscustomobject]@{ DestinationPrefix = 'fd00:1234:5678:1::/64'; InterfaceIndex = [uint32]4; Publish = 'No' }
            [pscustomobject]@{ DestinationPrefix = 'fd00:9999::/64'; InterfaceIndex = [uint32]4; Publish = 'No' }
        }
        $routes = @((Invoke-DadTestProbe 'server').Envelope.data.isatap.routes)
        $routes.Count | Should -Be 1
        $routes[0].index | Should -Be 4
    }

    It 'is not applicable on a machine that is not a DirectAccess server (no Get-RemoteAccess, no binding)' {
        Set-DadTestMissingCommands @('Get-RemoteAccess', 'Get-DAOtpAuthentication')
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null } -ParameterFilter { $Path -like '*SslBindingInfo*' }
        $out = Invoke-DadTestProbe 'server'
        $out.Envelope.status | Should -Be 'notApplicable'
    }

    It 'is not applicable when Get-RemoteAccess says DirectAccess is not installed and no binding exists (RSAT on a workstation)' {
        Mock -ModuleName DaDoctor Get-RemoteAccess { [pscustomobject]@{ DAStatus = 'Uninstalled' } }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null } -ParameterFilter { $Path -like '*SslBindingInfo*' }
        (Invoke-DadTestProbe 'server').Envelope.status | Should -Be 'notApplicable'
    }

    It 'a Get-RemoteAccess that throws is recorded; the binding still answers' {
        Mock -ModuleName DaDoctor Get-RemoteAccess { throw 'Access is denied.' }
        $out = Invoke-DadTestProbe 'server'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.remoteAccess | Should -BeNullOrEmpty
        $out.Envelope.data.errors | Should -Contain 'Get-RemoteAccess: Access is denied.'
        @($out.Envelope.data.bindings)[0].appId | Should -BeExactly '5d8e2743-ef20-4d38-8751-7e400f200e65'
    }
}

# The certificate store probes: trustStores and machineCertificates.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Get-DadTrustStoresSection' {
    It 'lists Root and CA with subject, uppercase thumbprint and expiry' {
        Mock -ModuleName DaDoctor Get-DadCertificates {
            New-DadTestCertificate -Subject 'CN=Contoso Root CA' -Issuer 'CN=Contoso Root CA' -Thumbprint ('ef' * 20)
            New-DadTestCertificate -Subject 'CN=Other Root' -Issuer 'CN=Other Root' -Thumbprint ('12' * 20)
        } -ParameterFilter { $Store -eq 'Root' }
        Mock -ModuleName DaDoctor Get-DadCertificates { New-DadTestCertificate -Subject 'CN=Contoso Issuing CA' -Thumbprint ('cd' * 20) } -ParameterFilter { $Store -eq 'CA' }
        $out = Invoke-DadTestProbe 'trustStores'
        $out.Envelope.status | Should -Be 'ok'
        $out.Raw[0] | Should -Match ('"intermediate":\[\{"notAfter":"2026-01-01T00:00:00.0000000Z","subject":"CN=Contoso Issuing CA","thumbprint":"' + ('CD' * 20) + '"\}\]')
        $root = $out.Envelope.data.root
        $root.Count | Should -Be 2
        $root[0].thumbprint | Should -BeExactly ('EF' * 20)
    }

    It 'keeps empty stores as empty arrays' {
        Mock -ModuleName DaDoctor Get-DadCertificates { }
        (Invoke-DadTestProbe 'trustStores').Raw[0] | Should -Match '"data":\{"intermediate":\[\],"root":\[\]\}'
    }

    It 'fails the section when a store cannot be opened' {
        Mock -ModuleName DaDoctor Get-DadCertificates { throw 'store not found' }
        (Invoke-DadTestProbe 'trustStores').Envelope.status | Should -Be 'error'
    }
}

Describe 'Get-DadMachineCertificatesSection' {
    BeforeEach {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-CimInstance { [pscustomobject]@{ Name = 'LAPTOP-01'; Domain = 'corp.contoso.com'; PartOfDomain = $true; DNSHostName = 'laptop-01' } }
        Mock -ModuleName DaDoctor Test-DadCertificateChain { $true }
    }

    It 'checks the chain of client-authentication certificates only' {
        Mock -ModuleName DaDoctor Get-DadCertificates {
            New-DadTestCertificate -Subject 'CN=laptop-01.corp.contoso.com' -Issuer 'CN=Contoso Issuing CA' -Thumbprint ('aa' * 20) -Ekus @('1.3.6.1.5.5.7.3.2') -HasPrivateKey $true -DnsNames @('laptop-01.corp.contoso.com')
            New-DadTestCertificate -Subject 'CN=web' -Thumbprint ('bb' * 20) -Ekus @('1.3.6.1.5.5.7.3.1')
        } -ParameterFilter { $Store -eq 'My' }
        $out = Invoke-DadTestProbe 'machineCertificates'
        $data = $out.Envelope.data
        $data.computerFqdn | Should -Be 'laptop-01.corp.contoso.com'
        $data.certificates.Count | Should -Be 2
        $data.certificates[0].chainTrusted | Should -BeTrue
        $data.certificates[0].hasPrivateKey | Should -BeTrue
        $data.certificates[0].ekus | Should -Be @('1.3.6.1.5.5.7.3.2')
        $data.certificates[1].chainTrusted | Should -BeNullOrEmpty
        $out.Raw[0] | Should -Match '"chainTrusted":null'
        Should -Invoke -ModuleName DaDoctor Test-DadCertificateChain -Times 1 -ParameterFilter { $Thumbprint -ceq ('AA' * 20) }
    }

    It 'reports an empty store as an empty list' {
        Mock -ModuleName DaDoctor Get-DadCertificates { }
        (Invoke-DadTestProbe 'machineCertificates').Raw[0] | Should -Match '"certificates":\[\]'
    }

    It 'reports an untrusted chain as false' {
        Mock -ModuleName DaDoctor Get-DadCertificates { New-DadTestCertificate -Ekus @() -HasPrivateKey $true }
        Mock -ModuleName DaDoctor Test-DadCertificateChain { $false }
        (Invoke-DadTestProbe 'machineCertificates').Raw[0] | Should -Match '"chainTrusted":false'
    }
}

# The parsers against real output: every sample of the knowledge base's "real captured output" (Q.1–Q.4) that a
# probe parses is a file in fixtures/ (README.md there names the source of each). A test's name says what kind of
# evidence its fixture is; "assumed shape, no real capture" marks the ones that rest on assumptions (Q.5).

BeforeDiscovery {
    $script:FixtureNames = @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'fixtures') -Filter '*.txt' | ForEach-Object { $_.Name })
}

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:Fixtures = Join-Path $PSScriptRoot 'fixtures'
    function Read-TestFixture([string]$Name) { return , @(Get-Content -LiteralPath (Join-Path $script:Fixtures $Name)) }
    function Invoke-TestParser([string]$Parser, [string]$Name) {
        return InModuleScope DaDoctor -Parameters @{ P = $Parser; Lines = (Read-TestFixture $Name) } { param($P, $Lines) & $P $Lines }
    }
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Fixture files' {
    It '<_> is parsed by a test and listed in fixtures/README.md' -ForEach $script:FixtureNames {
        $tests = (Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.Tests.ps1' | ForEach-Object { Get-Content -Raw -LiteralPath $_.FullName }) -join "`n"
        $tests.Contains("'" + $_ + "'") | Should -BeTrue -Because "every fixture must be parsed by some test"
        (Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'fixtures/README.md')).Contains($_) | Should -BeTrue
    }
    It 'names its kind in the file name' -ForEach $script:FixtureNames {
        $_ | Should -Match '\.(capture|kbprose|blogtext|assumed)\.txt$'
    }
}

Describe 'netsh interface httpstunnel show interfaces: real captures (knowledge Q.1)' {
    It 'reads the Windows 8+/10 capture with the tunnel up (real capture)' {
        $data = Invoke-TestParser 'ConvertFrom-DadIpHttpsNetsh' 'httpstunnel-tunnel-up.capture.txt'
        $data.state.lastErrorCode | Should -Be 0
        $data.state.interfaceStatus | Should -BeExactly 'IPHTTPS interface active'
        $data.configuration.serverUrl | Should -Be 'https://server.example.com:443/IPHTTPS'
        $data.parse.language | Should -Be 'en'
        $data.parse.recognised | Should -BeTrue
    }

    It 'reads the Windows 7 DCA log capture (no space after the colon, lower-case status; real capture)' {
        $data = Invoke-TestParser 'ConvertFrom-DadIpHttpsNetsh' 'httpstunnel-win7-dca-log.capture.txt'
        $data.state.lastErrorCode | Should -Be 2148081683
        $data.state.interfaceStatus | Should -BeExactly 'failed to connect to the IPHTTPS server. Waiting to reconnect'
        $data.configuration | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeTrue
    }

    It 'reads the Windows 8 IP-literal URL capture (upper-case hex, collapsed spacing; real capture)' {
        $data = Invoke-TestParser 'ConvertFrom-DadIpHttpsNetsh' 'httpstunnel-ip-url.capture.txt'
        $data.state.lastErrorCode | Should -Be 1214
        $data.state.interfaceStatus | Should -BeExactly 'invalid IPHTTPS URL specified'
    }

    It 'reads the Windows 8 active wording "IPHTTPS interface is active." (real capture, status line only)' {
        $data = Invoke-TestParser 'ConvertFrom-DadIpHttpsNetsh' 'httpstunnel-active-win8.capture.txt'
        InModuleScope DaDoctor -Parameters @{ Lines = (Read-TestFixture 'httpstunnel-active-win8.capture.txt') } { param($Lines) Get-DadNetshValue $Lines 'Interface Status' } | Should -BeExactly 'IPHTTPS interface is active.'
        # Without its code line the sample proves nothing about the state: none is invented.
        $data.state | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeTrue
    }

    It 'reads the KB2980635 prose (Role/URL/code/status with "Label: value"; KB prose)' {
        $data = Invoke-TestParser 'ConvertFrom-DadIpHttpsNetsh' 'httpstunnel-kb2980635.kbprose.txt'
        $data.state.lastErrorCode | Should -Be 11004
        $data.state.interfaceStatus | Should -BeExactly 'Failed to connect to IPHTTPs server; Waiting to reconnect.'
        $data.configuration.serverUrl | Should -Be 'https://da.contoso.com/IPHTTPS'
    }

    It 'reads the 0x103 status of KB3056560 (KB prose, status line only)' {
        InModuleScope DaDoctor -Parameters @{ Lines = (Read-TestFixture 'httpstunnel-0x103-status.kbprose.txt') } { param($Lines) Get-DadNetshValue $Lines 'Interface Status' } | Should -BeExactly 'No usable certificate found'
    }
}

Describe 'netsh winhttp: real capture (knowledge Q.2) and the German direct case (Q.6)' {
    It 'reads netsh winhttp import proxy output (real capture, indentation lost)' {
        $data = Invoke-TestParser 'ConvertFrom-DadWinHttpProxy' 'winhttp-import-proxy.capture.txt'
        $data.proxyServer | Should -Be '192.168.1.1:80'
        $data.bypassList | Should -BeNullOrEmpty
        $data.direct | Should -BeFalse
    }

    It 'reads the German direct case (assumed shape, no real capture)' {
        $data = Invoke-TestParser 'ConvertFrom-DadWinHttpProxy' 'winhttp-direct-de.assumed.txt'
        $data.direct | Should -BeTrue
        $data.parse.language | Should -Be 'de'
    }
}

Describe 'netsh namespace show effectivepolicy inside the corporate network (knowledge Q.3, blog text of a screenshot)' {
    BeforeEach {
        Set-DadTestMissingCommands @('Get-DnsClientNrptPolicy')
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
    }

    It 'reports the inside-corpnet note and no rules (blog text)' {
        $global:DadTestLines = Read-TestFixture 'namespace-effectivepolicy-inside.blogtext.txt'
        Mock -ModuleName DaDoctor netsh { $global:DadTestLines -join "`r`n" } -ParameterFilter { ($args -join ' ') -eq 'namespace show effectivepolicy' }
        $data = (Invoke-DadTestProbe 'nrpt').Envelope.data
        $data.insideCorpnetNote | Should -BeTrue
        @($data.rules).Count | Should -Be 0
        $data.parse.language | Should -Be 'en'
        $data.parse.recognised | Should -BeTrue
    }
}

Describe 'netsh interface teredo show state (knowledge Q.4 / B.5, a real capture from a non-DirectAccess machine)' {
    It 'reads type, state and no error (real capture)' {
        $data = Invoke-TestParser 'ConvertFrom-DadTeredoNetsh' 'teredo-show-state.capture.txt'
        $data.type | Should -Be 'natawareclient'
        $data.state | Should -Be 'qualified'
        $data.error | Should -BeNullOrEmpty
        $data.parse.recognised | Should -BeTrue
    }
}

# The DirectAccess server fixes on the simulated host: the OTP guard, the saved binding put back when re-adding fails,
# undo, netsh's arguments (the appid's braces intact, one argument each), and hostile undo data refused before any
# command runs. The SslBindingInfo shape the simulated netsh writes is an assumption (knowledge Q.5).

BeforeAll {
    $script:ScenarioDir = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios'
    . (Join-Path (Split-Path -Parent $PSScriptRoot) 'sim/SimHost.ps1')
    Import-Module (Join-Path $PSScriptRoot 'DaDoctorFixes.psm1') -Force -DisableNameChecking
    $script:Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\0.0.0.0:443'
    $script:Hash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'

    function ConvertTo-TestB64([string]$Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }
    # Loads a base machine with overrides (as FixCommands.Tests.ps1 does).
    function Import-TestServer([hashtable]$Machine = @{}) {
        $dir = Join-Path $TestDrive 'scen'
        New-Item -ItemType Directory -Force -Path (Join-Path $dir '_base') | Out-Null
        Copy-Item (Join-Path $script:ScenarioDir '_base/*.json') (Join-Path $dir '_base')
        $doc = @{ schema = 'da-doctor/scenario@1'; name = 'server-fix'; base = 'ws2016-da-server.json'; machine = $Machine }
        $file = Join-Path $dir 'server-fix.json'
        Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $doc -Depth 20) -Encoding UTF8
        $null = Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json -InputObject $file -Compress) + '}'))
        # Records netsh's arguments exactly as they arrive, then lets the simulated netsh answer.
        $global:DadTestNetsh = New-Object System.Collections.ArrayList
        Set-Item -LiteralPath 'Function:\global:netsh' -Value {
            $null = $global:DadTestNetsh.Add([string[]]@(foreach ($a in $args) { [string]$a }))
            & $global:DadSimCommandBodies['netsh'] @args
        }
    }
    function Get-TestBinding { $global:DadSim.Machine['registry'][$script:Key] }
    function Invoke-TestFix([string]$Fix) { Invoke-DadFix -InputB64 (ConvertTo-TestB64 ('{"fix":"' + $Fix + '","params":{}}')) | ConvertFrom-Json }
    function Invoke-TestUndo([string]$Fix, [hashtable]$UndoData) {
        Undo-DadFix -InputB64 (ConvertTo-TestB64 (@{ fix = $Fix; undoData = $UndoData } | ConvertTo-Json -Compress)) | ConvertFrom-Json
    }
}

AfterAll {
    Remove-Module DaDoctorFixes -ErrorAction SilentlyContinue
    Remove-Variable -Name DadTestNetsh -Scope Global -ErrorAction SilentlyContinue
}

Describe 'enable-iphttps-preauth' {
    It 'is refused while one-time passwords are in use: nothing runs, the binding stays' {
        Import-TestServer @{ daOtp = @{ OtpStatus = 'Enabled' } }
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $out.ok | Should -BeFalse
        $out.error | Should -Match '^refused: one-time passwords are in use'
        $global:DadTestNetsh.Count | Should -Be 0
        (Get-TestBinding)['DefaultFlags'] | Should -Be 1
    }

    It 'is refused when whether OTP is in use cannot be read' {
        Import-TestServer @{ daOtp = $null }
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $out.ok | Should -BeFalse
        $out.error | Should -Match 'cannot be read'
        $global:DadTestNetsh.Count | Should -Be 0
    }

    It 'saves the binding, deletes and re-adds it with negotiation; netsh gets each value as one argument, the appid with its braces' {
        Import-TestServer
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $out.ok | Should -BeTrue
        $out.undoData.certHash | Should -BeExactly $script:Hash
        $out.undoData.appId | Should -BeExactly '{5d8e2743-ef20-4d38-8751-7e400f200e65}'
        $out.undoData.negotiate | Should -BeFalse
        $out.undoData.dsMapper | Should -BeTrue
        $global:DadTestNetsh[0] | Should -Be @('http', 'delete', 'sslcert', 'ipport=0.0.0.0:443')
        $global:DadTestNetsh[1] | Should -Be @('http', 'add', 'sslcert', 'ipport=0.0.0.0:443', ('certhash=' + $script:Hash), 'appid={5d8e2743-ef20-4d38-8751-7e400f200e65}', 'dsmapperusage=enable', 'clientcertnegotiation=enable')
        (Get-TestBinding)['DefaultFlags'] | Should -Be 3
    }

    It 'puts the saved binding back at once when re-adding fails, and says so' {
        Import-TestServer @{ netshFailures = @{ 'http add sslcert' = 1 } }
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $out.ok | Should -BeFalse
        $out.error | Should -Match 'the saved binding was restored'
        $global:DadTestNetsh.Count | Should -Be 3
        $b = Get-TestBinding
        $b | Should -Not -BeNullOrEmpty
        $b['DefaultFlags'] | Should -Be 1
    }

    It 'undo restores the saved binding exactly' {
        Import-TestServer
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $u = Invoke-TestUndo 'enable-iphttps-preauth' @{ ipPort = $out.undoData.ipPort; certHash = $out.undoData.certHash; appId = $out.undoData.appId; dsMapper = $out.undoData.dsMapper; negotiate = $out.undoData.negotiate }
        $u.ok | Should -BeTrue
        (Get-TestBinding)['DefaultFlags'] | Should -Be 1
        (Get-TestBinding)['SslCertHash']['value'] | Should -BeExactly $script:Hash.ToLowerInvariant()
    }

    It 'refuses a binding that belongs to another application (nothing changed)' {
        Import-TestServer @{ registry = @{ $script:Key = @{ AppId = @{ type = 'Binary'; value = '00112233445566778899aabbccddeeff' } } } }
        $out = Invoke-TestFix 'enable-iphttps-preauth'
        $out.ok | Should -BeFalse
        $out.error | Should -Match 'not to DirectAccess IP-HTTPS'
        $global:DadTestNetsh.Count | Should -Be 0
    }
}

Describe 'disable-iphttps-preauth' {
    It 're-adds the binding without negotiation' {
        Import-TestServer @{ daOtp = @{ OtpStatus = 'Enabled' }; registry = @{ $script:Key = @{ DefaultFlags = 3 } } }
        $out = Invoke-TestFix 'disable-iphttps-preauth'
        $out.ok | Should -BeTrue
        (Get-TestBinding)['DefaultFlags'] | Should -Be 1
        $out.undoData.negotiate | Should -BeTrue
    }
}

Describe 'the saved binding from undo data is checked again before netsh runs (hostile values)' {
    BeforeEach { Import-TestServer }
    # -ForEach data is built at discovery, before BeforeAll: literal values only.
    It 'refuses <Name>' -ForEach @(
        @{ Name = 'a hash of 39 hex digits'; Data = @{ ipPort = '0.0.0.0:443'; certHash = ('A' * 39); appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'a hash with a command after it'; Data = @{ ipPort = '0.0.0.0:443'; certHash = ('9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D' + ' appid={x}'); appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'a hash with a newline at the end'; Data = @{ ipPort = '0.0.0.0:443'; certHash = ('9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D' + "`n"); appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'a port out of range'; Data = @{ ipPort = '0.0.0.0:99999'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'port 0'; Data = @{ ipPort = '0.0.0.0:0'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'another address'; Data = @{ ipPort = '10.0.0.5:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'an ipport with a second argument'; Data = @{ ipPort = '0.0.0.0:443 certhash=00'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}' } },
        @{ Name = 'the appid of another application'; Data = @{ ipPort = '0.0.0.0:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{00112233-4455-6677-8899-aabbccddeeff}' } },
        @{ Name = 'an appid without braces'; Data = @{ ipPort = '0.0.0.0:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '5d8e2743-ef20-4d38-8751-7e400f200e65' } },
        @{ Name = 'an appid that closes a script block'; Data = @{ ipPort = '0.0.0.0:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}; Remove-Item C:\ }' } },
        @{ Name = 'an appid in capitals with a Kelvin sign'; Data = @{ ipPort = '0.0.0.0:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = ('{5d8e2743-ef20-4d38-8751-7e400f200e6' + [char]0x212A + '}') } }
    ) {
        $before = (Get-TestBinding)['DefaultFlags']
        $u = Invoke-TestUndo 'enable-iphttps-preauth' $Data
        $u.ok | Should -BeFalse
        $u.error | Should -Match 'is not valid'
        $global:DadTestNetsh.Count | Should -Be 0
        (Get-TestBinding)['DefaultFlags'] | Should -Be $before
    }

    It 'accepts the saved binding itself (the same path runs for real values)' {
        $u = Invoke-TestUndo 'enable-iphttps-preauth' @{ ipPort = '0.0.0.0:443'; certHash = '9A8B7C6D5E4F3A2B1C0D9A8B7C6D5E4F3A2B1C0D'; appId = '{5d8e2743-ef20-4d38-8751-7e400f200e65}'; dsMapper = $true; negotiate = $false }
        $u.ok | Should -BeTrue
        $global:DadTestNetsh.Count | Should -Be 2
    }
}

Describe 'reset-isatap-router' {
    It 'publishes the internal prefix and enables forwarding and advertising on the one ISATAP interface' {
        Import-TestServer @{ ipInterfaces = @(@{ InterfaceAlias = 'isatap.{6C3E1B2A-0000-4000-8000-000000000002}'; InterfaceIndex = 14; AddressFamily = 'IPv6'; Forwarding = 'Disabled'; Advertising = 'Disabled' }); routes = @() }
        (Invoke-TestFix 'reset-isatap-router').ok | Should -BeTrue
        $i = @($global:DadSim.Machine['ipInterfaces'])[0]
        $i['Forwarding'] | Should -Be 'Enabled'
        $i['Advertising'] | Should -Be 'Enabled'
        $r = @($global:DadSim.Machine['routes'])[0]
        $r['DestinationPrefix'] | Should -Be 'fd00:1234:5678:1::/64'
        $r['Publish'] | Should -Be 'Yes'
    }

    It 'refuses when several ISATAP interfaces leave open which one routes inside (nothing changed)' {
        Import-TestServer @{ ipInterfaces = @(
                @{ InterfaceAlias = 'isatap.{A}'; InterfaceIndex = 14; AddressFamily = 'IPv6'; Forwarding = 'Disabled'; Advertising = 'Disabled' },
                @{ InterfaceAlias = 'isatap.{B}'; InterfaceIndex = 15; AddressFamily = 'IPv6'; Forwarding = 'Disabled'; Advertising = 'Disabled' }) }
        $out = Invoke-TestFix 'reset-isatap-router'
        $out.ok | Should -BeFalse
        $out.error | Should -Match '^refused: 2 ISATAP interfaces'
        @($global:DadSim.Machine['ipInterfaces'])[0]['Forwarding'] | Should -Be 'Disabled'
    }
}

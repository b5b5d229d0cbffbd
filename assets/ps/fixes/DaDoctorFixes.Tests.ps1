# Every fix of DaDoctorFixes.psm1 with the boundary commands mocked: what it calls, the undo data it records, and
# that hostile parameters are rejected by the script's own validation before any command runs.

BeforeAll {
    $script:Stubs = @('Get-Service', 'Set-Service', 'Start-Service', 'Restart-Service', 'netsh', 'certutil', 'w32tm',
        'Get-DadCertificates', 'Import-DadCertificate', 'New-DadPrivateFolder', 'Remove-DadCertificate', 'Get-DadRegistryValues', 'Get-DadRegistrySubkeys',
        'Set-DadRegistryValue', 'Remove-DadRegistryKey', 'Get-NetIsatapConfiguration', 'Set-NetIsatapConfiguration', 'Get-NetIPHttpsState')
    function global:Get-Service { [CmdletBinding()] param([string]$Name) throw 'stub' }
    function global:Set-Service { [CmdletBinding()] param([string]$Name, [string]$StartupType) throw 'stub' }
    function global:Start-Service { [CmdletBinding()] param([string]$Name) throw 'stub' }
    function global:Restart-Service { [CmdletBinding()] param([string]$Name, [switch]$Force) throw 'stub' }
    function global:netsh { throw ('stub netsh ' + ($args -join ' ')) }
    function global:certutil { throw ('stub certutil ' + ($args -join ' ')) }
    function global:w32tm { throw 'stub w32tm' }
    function global:Get-DadCertificates { param([string]$Store) throw 'stub' }
    function global:Import-DadCertificate { param([string]$Store, [byte[]]$Certificate, [string]$Thumbprint) throw 'stub' }
    function global:New-DadPrivateFolder { param([string]$Purpose) throw 'stub' }
    function global:Remove-DadCertificate { param([string]$Store, [string]$Thumbprint) throw 'stub' }
    function global:Get-DadRegistryValues { param([string]$Path) throw 'stub' }
    function global:Get-DadRegistrySubkeys { param([string]$Path) throw 'stub' }
    function global:Set-DadRegistryValue { param([string]$Path, [string]$Name, $Value, [string]$Type) throw 'stub' }
    function global:Remove-DadRegistryKey { param([string]$Path) throw 'stub' }
    function global:Get-NetIsatapConfiguration { [CmdletBinding()] param() throw 'stub' }
    function global:Set-NetIsatapConfiguration { [CmdletBinding()] param([string]$State, [string]$Router) throw 'stub' }
    function global:Get-NetIPHttpsState { [CmdletBinding()] param() throw 'stub' }
    Import-Module (Join-Path $PSScriptRoot 'DaDoctorFixes.psm1') -Force -DisableNameChecking

    function Invoke-TestFix([string]$Json) {
        $raw = @(Invoke-DadFix -InputB64 ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Json))))
        $raw.Count | Should -Be 1
        return ($raw[0] | ConvertFrom-Json)
    }
    function Invoke-TestUndo([string]$Json) {
        $raw = @(Undo-DadFix -InputB64 ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Json))))
        $raw.Count | Should -Be 1
        return ($raw[0] | ConvertFrom-Json)
    }
    $script:CertDir = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios/certs'
    $script:RootB64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-root-ca.cer')))
    $script:Root = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B'
    # Another certificate: what an attacker would swap in for the approved one.
    $script:OtherBytes = [IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-root-ca-2016.cer'))
    function Get-TestSha1([byte[]]$Bytes) { ([BitConverter]::ToString([Security.Cryptography.SHA1]::Create().ComputeHash($Bytes)) -replace '-', '') }
    $script:Hostile = @('a;b', '$(New-Item x)', "x'y", 'x"y', 'x`y', ([string][char]0x2018 + 'x'), ([string][char]0x201B + 'x'), "isatap`n", "a`nb", ('a' * 300))
}

AfterAll {
    Remove-Module DaDoctorFixes -ErrorAction SilentlyContinue
    foreach ($n in $script:Stubs) { if (Test-Path -LiteralPath ('Function:\' + $n)) { Remove-Item -LiteralPath ('Function:\' + $n) } }
}

Describe 'Invoke-DadFix input' {
    It 'refuses an unknown fix, unknown parameters and non-string values' {
        (Invoke-TestFix '{"fix":"format-c","params":{}}').ok | Should -BeFalse
        (Invoke-TestFix '{"fix":"start-ip-helper","params":{"x":"1"}}').error | Should -Match 'unknown parameter'
        (Invoke-TestFix '{"fix":"enable-isatap","params":{"router":{"a":1}}}').error | Should -Match 'must be a string'
    }
    It 'rejects base64 with other characters at the parameter' {
        { Invoke-DadFix -InputB64 'abc; New-Item x' } | Should -Throw
        { Invoke-DadFix -InputB64 ("YQ==`n") } | Should -Throw
    }
}

Describe 'start-ip-helper / restart-ip-helper' {
    It 'records the previous start type, sets Automatic and starts' {
        Mock -ModuleName DaDoctorFixes Get-Service { [pscustomobject]@{ Name = 'iphlpsvc'; Status = 'Stopped'; StartType = 'Manual' } }
        Mock -ModuleName DaDoctorFixes Set-Service { }
        Mock -ModuleName DaDoctorFixes Start-Service { }
        $r = Invoke-TestFix '{"fix":"start-ip-helper","params":{}}'
        $r.ok | Should -BeTrue
        $r.undoData.startType | Should -Be 'Manual'
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 1 -ParameterFilter { $Name -eq 'iphlpsvc' -and $StartupType -eq 'Automatic' }
        Should -Invoke -ModuleName DaDoctorFixes Start-Service -Times 1
    }
    It 'undo restores the start type, and refuses a start type that is not one' {
        Mock -ModuleName DaDoctorFixes Set-Service { }
        (Invoke-TestUndo '{"fix":"start-ip-helper","undoData":{"service":"iphlpsvc","startType":"Manual"}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 1 -ParameterFilter { $StartupType -eq 'Manual' }
        (Invoke-TestUndo '{"fix":"start-ip-helper","undoData":{"service":"iphlpsvc","startType":"Manual; x"}}').ok | Should -BeFalse
        (Invoke-TestUndo '{"fix":"start-ip-helper","undoData":{"service":"w32time","startType":"Manual"}}').ok | Should -BeFalse
    }
    It 'restart-ip-helper restarts with -Force' {
        Mock -ModuleName DaDoctorFixes Restart-Service { }
        (Invoke-TestFix '{"fix":"restart-ip-helper","params":{}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Restart-Service -Times 1 -ParameterFilter { $Name -eq 'iphlpsvc' -and $Force }
    }
}

Describe 'start-ipsec-services' {
    It 'sets a disabled service to its Windows default, starts the stopped ones, records every start type' {
        Mock -ModuleName DaDoctorFixes Get-Service {
            switch ($Name) {
                'IKEEXT' { [pscustomobject]@{ Name = 'IKEEXT'; Status = 'Stopped'; StartType = 'Disabled' } }
                'BFE' { [pscustomobject]@{ Name = 'BFE'; Status = 'Stopped'; StartType = 'Automatic' } }
                default { [pscustomobject]@{ Name = $Name; Status = 'Running'; StartType = 'Manual' } }
            }
        }
        Mock -ModuleName DaDoctorFixes Set-Service { }
        Mock -ModuleName DaDoctorFixes Start-Service { }
        $r = Invoke-TestFix '{"fix":"start-ipsec-services","params":{}}'
        $r.ok | Should -BeTrue
        $r.undoData.IKEEXT | Should -Be 'Disabled'
        $r.undoData.BFE | Should -Be 'Automatic'
        $r.undoData.PolicyAgent | Should -Be 'Manual'
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 1 -Exactly
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 1 -ParameterFilter { $Name -eq 'IKEEXT' -and $StartupType -eq 'Manual' }
        Should -Invoke -ModuleName DaDoctorFixes Start-Service -Times 2 -Exactly
    }
    It 'undo restores the saved start types, and refuses a start type that is not one or a service it does not handle' {
        Mock -ModuleName DaDoctorFixes Set-Service { }
        (Invoke-TestUndo '{"fix":"start-ipsec-services","undoData":{"IKEEXT":"Disabled","BFE":"Automatic"}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 1 -ParameterFilter { $Name -eq 'IKEEXT' -and $StartupType -eq 'Disabled' }
        Should -Invoke -ModuleName DaDoctorFixes Set-Service -Times 2 -Exactly
        (Invoke-TestUndo '{"fix":"start-ipsec-services","undoData":{"IKEEXT":"Manual; x"}}').ok | Should -BeFalse
        (Invoke-TestUndo '{"fix":"start-ipsec-services","undoData":{"iphlpsvc":"Manual"}}').ok | Should -BeFalse
    }
}

Describe 'import-root-ca / import-intermediate-ca' {
    BeforeEach {
        Mock -ModuleName DaDoctorFixes Get-DadCertificates { }
        Mock -ModuleName DaDoctorFixes Import-DadCertificate { }
        Mock -ModuleName DaDoctorFixes Restart-Service { }
        Mock -ModuleName DaDoctorFixes certutil { $global:LASTEXITCODE = 0 }
    }
    It 'imports the approved certificate into Root, restarts iphlpsvc, records the thumbprint' {
        $r = Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')
        $r.ok | Should -BeTrue
        $r.undoData.thumbprint | Should -Be $script:Root
        $r.undoData.store | Should -Be 'Root'
        Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 1 -ParameterFilter { $Store -eq 'Root' }
        Should -Invoke -ModuleName DaDoctorFixes Restart-Service -Times 1
    }
    It 'intermediates go to CA' {
        (Invoke-TestFix ('{"fix":"import-intermediate-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')).undoData.store | Should -Be 'CA'
        Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 1 -ParameterFilter { $Store -eq 'CA' }
    }
    It 'imports from memory: Import-DadCertificate gets the approved bytes and thumbprint, and no file is written' {
        Mock -ModuleName DaDoctorFixes Write-DadNewFile { }
        Mock -ModuleName DaDoctorFixes New-DadPrivateFolder { }
        (Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root.ToLowerInvariant() + '"}}')).ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 1 -ParameterFilter { $Store -ceq 'Root' -and $Thumbprint -ceq $script:Root -and (Get-TestSha1 $Certificate) -eq $script:Root }
        Should -Invoke -ModuleName DaDoctorFixes Write-DadNewFile -Times 0
        Should -Invoke -ModuleName DaDoctorFixes New-DadPrivateFolder -Times 0
    }
    Context 'Windows 7: certutil -addstore reads a file' {
        BeforeEach {
            Mock -ModuleName DaDoctorFixes Test-DadFixCommand { $false }
            $script:Private = Join-Path $TestDrive ([Guid]::NewGuid().ToString('N'))
            New-Item -ItemType Directory -Path $script:Private | Out-Null
            Mock -ModuleName DaDoctorFixes New-DadPrivateFolder { $script:Private }
            $script:SeenByCertutil = $null
            Mock -ModuleName DaDoctorFixes certutil { $global:LASTEXITCODE = 0; $script:SeenByCertutil = Get-TestSha1 ([IO.File]::ReadAllBytes($args[2])) }
        }
        It 'writes the approved bytes into the new administrators-only folder, checks them, then certutil -addstore Root <file>' {
            (Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')).ok | Should -BeTrue
            Should -Invoke -ModuleName DaDoctorFixes New-DadPrivateFolder -Times 1
            Should -Invoke -ModuleName DaDoctorFixes certutil -Times 1 -ParameterFilter { $args[0] -eq '-addstore' -and $args[1] -eq 'Root' -and $args[2] -eq (Join-Path $script:Private ($script:Root + '.cer')) }
            $script:SeenByCertutil | Should -Be $script:Root
            Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 0
            Test-Path -LiteralPath $script:Private | Should -BeFalse -Because 'the folder is deleted after the import'
        }
        It 'refuses when the file is swapped after writing (simulated: the read-back returns another certificate); certutil never runs' {
            Mock -ModuleName DaDoctorFixes Read-DadFileBytes { , $script:OtherBytes }
            $r = Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')
            $r.ok | Should -BeFalse
            $r.error | Should -Match 'changed after it was written'
            Should -Invoke -ModuleName DaDoctorFixes certutil -Times 0
            Should -Invoke -ModuleName DaDoctorFixes Restart-Service -Times 0
        }
        It 'refuses when other bytes land in the file (simulated: the write puts another certificate there); certutil never runs' {
            Mock -ModuleName DaDoctorFixes Write-DadNewFile { [IO.File]::WriteAllBytes($Path, $script:OtherBytes) }
            $r = Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')
            $r.ok | Should -BeFalse
            $r.error | Should -Match 'changed after it was written'
            Should -Invoke -ModuleName DaDoctorFixes certutil -Times 0
        }
        It 'never writes over a file already in the folder (created new), and then imports nothing' {
            [IO.File]::WriteAllBytes((Join-Path $script:Private ($script:Root + '.cer')), $script:OtherBytes)
            (Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"' + $script:Root + '"}}')).ok | Should -BeFalse
            Should -Invoke -ModuleName DaDoctorFixes certutil -Times 0
        }
    }
    It 'refuses a certificate whose recomputed thumbprint differs, and content that is not a certificate' {
        $r = Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"' + $script:RootB64 + '","thumbprint":"4A62D57559582AF225658CC47ACE84686C35E8C4"}}')
        $r.ok | Should -BeFalse
        $r.error | Should -Match 'not the approved'
        (Invoke-TestFix ('{"fix":"import-root-ca","params":{"certificate":"aGVsbG8=","thumbprint":"' + $script:Root + '"}}')).error | Should -Match 'not an X.509'
        Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 0
    }
    It 'rejects a hostile thumbprint or certificate at the parameter' {
        foreach ($h in $script:Hostile) {
            $json = @{ fix = 'import-root-ca'; params = @{ certificate = $script:RootB64; thumbprint = $h } } | ConvertTo-Json -Compress
            (Invoke-TestFix $json).ok | Should -BeFalse
            $json = @{ fix = 'import-root-ca'; params = @{ certificate = $h; thumbprint = $script:Root } } | ConvertTo-Json -Compress
            (Invoke-TestFix $json).ok | Should -BeFalse
        }
        Should -Invoke -ModuleName DaDoctorFixes Import-DadCertificate -Times 0
        Should -Invoke -ModuleName DaDoctorFixes Restart-Service -Times 0
    }
    It 'undo removes the thumbprint, unless it was there before' {
        Mock -ModuleName DaDoctorFixes Remove-DadCertificate { }
        (Invoke-TestUndo ('{"fix":"import-root-ca","undoData":{"store":"Root","thumbprint":"' + $script:Root + '","alreadyPresent":false}}')).ok | Should -BeTrue
        (Invoke-TestUndo ('{"fix":"import-root-ca","undoData":{"store":"Root","thumbprint":"' + $script:Root + '","alreadyPresent":true}}')).ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Remove-DadCertificate -Times 1 -ParameterFilter { $Thumbprint -eq $script:Root }
        (Invoke-TestUndo '{"fix":"import-root-ca","undoData":{"store":"My","thumbprint":"x"}}').ok | Should -BeFalse
    }
}

Describe 'resync-time, clear-crl-cache, renew-machine-certificate' {
    It 'resync-time starts w32time when stopped, resyncs, restarts iphlpsvc' {
        Mock -ModuleName DaDoctorFixes Get-Service { [pscustomobject]@{ Name = 'w32time'; Status = 'Stopped' } }
        Mock -ModuleName DaDoctorFixes Start-Service { }
        Mock -ModuleName DaDoctorFixes Restart-Service { }
        Mock -ModuleName DaDoctorFixes w32tm { $global:LASTEXITCODE = 0 }
        (Invoke-TestFix '{"fix":"resync-time","params":{}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Start-Service -Times 1 -ParameterFilter { $Name -eq 'w32time' }
        Should -Invoke -ModuleName DaDoctorFixes w32tm -Times 1 -ParameterFilter { $args -contains '/resync' }
    }
    It 'a failing native command fails the fix with its output' {
        Mock -ModuleName DaDoctorFixes Get-Service { [pscustomobject]@{ Name = 'w32time'; Status = 'Running' } }
        Mock -ModuleName DaDoctorFixes w32tm { $global:LASTEXITCODE = 5; 'The service has not been started.' }
        $r = Invoke-TestFix '{"fix":"resync-time","params":{}}'
        $r.ok | Should -BeFalse
        $r.error | Should -Match 'has not been started'
    }
    It 'clear-crl-cache runs both certutil commands (with @now quoted) and restarts iphlpsvc' {
        Mock -ModuleName DaDoctorFixes certutil { $global:LASTEXITCODE = 0 }
        Mock -ModuleName DaDoctorFixes Restart-Service { }
        (Invoke-TestFix '{"fix":"clear-crl-cache","params":{}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes certutil -Times 1 -ParameterFilter { $args[0] -eq '-urlcache' -and $args[1] -eq '*' -and $args[2] -eq 'delete' }
        Should -Invoke -ModuleName DaDoctorFixes certutil -Times 1 -ParameterFilter { $args[0] -eq '-setreg' -and $args[2] -eq '@now' }
    }
    It 'renew-machine-certificate pulses autoenrolment' {
        Mock -ModuleName DaDoctorFixes certutil { $global:LASTEXITCODE = 0 }
        (Invoke-TestFix '{"fix":"renew-machine-certificate","params":{}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes certutil -Times 1 -ParameterFilter { $args[0] -eq '-pulse' }
    }
}

Describe 'reset-winhttp-proxy / clear-iphlpsvc-proxy-cache' {
    BeforeEach { Mock -ModuleName DaDoctorFixes Restart-Service { } }
    It 'saves the WinHttpSettings bytes (never the localised netsh text), resets; undo writes the bytes back' {
        # version 0x28, counter 0, flags 3 (manual proxy), "proxy.contoso.com:8080", "<local>"
        $proxy = [Text.Encoding]::ASCII.GetBytes('proxy.contoso.com:8080'); $bypass = [Text.Encoding]::ASCII.GetBytes('<local>')
        $blob = [byte[]](@(0x28, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, $proxy.Length, 0, 0, 0) + $proxy + @($bypass.Length, 0, 0, 0) + $bypass)
        $hex = -join @($blob | ForEach-Object { '{0:x2}' -f [int]$_ })
        Mock -ModuleName DaDoctorFixes Get-DadRegistryValues { @{ WinHttpSettings = $blob } }.GetNewClosure()
        Mock -ModuleName DaDoctorFixes Set-DadRegistryValue { }
        Mock -ModuleName DaDoctorFixes netsh {
            $global:LASTEXITCODE = 0
            if ($args -contains 'show') { @('Aktuelle WinHTTP-Proxyeinstellungen:', '', '    Direkter Zugriff (kein Proxyserver).') }
        }
        $r = Invoke-TestFix '{"fix":"reset-winhttp-proxy","params":{}}'
        $r.ok | Should -BeTrue
        $r.undoData.winHttpSettings | Should -Be $hex
        $r.changed[0] | Should -Be 'reset the WinHTTP proxy to direct (was proxy.contoso.com:8080)'
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 1 -ParameterFilter { ($args -join ' ') -eq 'winhttp reset proxy' }
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 0 -ParameterFilter { $args -contains 'show' }
        (Invoke-TestUndo ('{"fix":"reset-winhttp-proxy","undoData":{"winHttpSettings":"' + $hex + '"}}')).ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Name -eq 'WinHttpSettings' -and $Type -eq 'Binary' -and ((-join @($Value | ForEach-Object { '{0:x2}' -f [int]$_ })) -eq $hex) }
    }
    It 'with no WinHttpSettings value before, undo resets to direct' {
        Mock -ModuleName DaDoctorFixes Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctorFixes netsh { $global:LASTEXITCODE = 0 }
        $r = Invoke-TestFix '{"fix":"reset-winhttp-proxy","params":{}}'
        $r.undoData.winHttpSettings | Should -BeNullOrEmpty
        (Invoke-TestUndo '{"fix":"reset-winhttp-proxy","undoData":{"winHttpSettings":null}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 2 -ParameterFilter { ($args -join ' ') -eq 'winhttp reset proxy' }
    }
    It 'undo refuses saved bytes that are not a WinHTTP blob or hold a hostile proxy' {
        Mock -ModuleName DaDoctorFixes netsh { $global:LASTEXITCODE = 0 }
        Mock -ModuleName DaDoctorFixes Set-DadRegistryValue { }
        $bad = [Text.Encoding]::ASCII.GetBytes('p:80"$(x)')
        $hostile = -join @([byte[]](@(0x28, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, $bad.Length, 0, 0, 0) + $bad + @(0, 0, 0, 0)) | ForEach-Object { '{0:x2}' -f [int]$_ })
        foreach ($h in @('zz', '0102', ('28000000' + '00000000' + '03000000' + 'ff000000'), $hostile)) {
            $json = @{ fix = 'reset-winhttp-proxy'; undoData = @{ winHttpSettings = $h } } | ConvertTo-Json -Compress
            (Invoke-TestUndo $json).ok | Should -BeFalse
        }
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 0
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 0
    }
    It 'exports the ProxyMgr subkeys, deletes them; undo writes them back' {
        Mock -ModuleName DaDoctorFixes Get-DadRegistrySubkeys { '{6A4E5F3B-2C1D-4E8F-9A7B-3C2D1E0F4A5B}' }
        Mock -ModuleName DaDoctorFixes Get-DadRegistryValues { @{ StaticProxy = 'proxy.contoso.com:8080'; Flags = 3 } }
        Mock -ModuleName DaDoctorFixes Remove-DadRegistryKey { }
        Mock -ModuleName DaDoctorFixes Set-DadRegistryValue { }
        $r = Invoke-TestFix '{"fix":"clear-iphlpsvc-proxy-cache","params":{}}'
        $r.ok | Should -BeTrue
        $r.undoData.subkeys.'{6A4E5F3B-2C1D-4E8F-9A7B-3C2D1E0F4A5B}'.StaticProxy | Should -Be 'proxy.contoso.com:8080'
        Should -Invoke -ModuleName DaDoctorFixes Remove-DadRegistryKey -Times 1 -ParameterFilter { $Path -like '*\ProxyMgr\{6A4E5F3B*' }
        $undo = @{ fix = 'clear-iphlpsvc-proxy-cache'; undoData = $r.undoData } | ConvertTo-Json -Compress -Depth 6
        (Invoke-TestUndo $undo).ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Name -eq 'StaticProxy' -and $Type -eq 'String' }
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Name -eq 'Flags' -and $Type -eq 'DWord' }
        (Invoke-TestUndo '{"fix":"clear-iphlpsvc-proxy-cache","undoData":{"subkeys":{"..\\\\Run":{"x":"y"}}}}').ok | Should -BeFalse
    }
}

Describe 'set-ipv6-prefer-ipv4 keeps every bit that does not stop the role (KB929852)' {
    It '<previous> on a <role> becomes <expected>' -ForEach @(
        @{ previous = 0x11; role = 'client'; expected = 0x30 },
        @{ previous = 0x91; role = 'client'; expected = 0x30 },
        @{ previous = 0x14; role = 'client'; expected = 0x34 },
        @{ previous = 0x15; role = 'manageOut'; expected = 0x30 },
        @{ previous = 0x80; role = 'manageOut'; expected = 0xa0 },
        @{ previous = -1; role = 'client'; expected = 4294967166L }
    ) {
        $v = $previous
        Mock -ModuleName DaDoctorFixes Get-DadRegistryValues { @{ DisabledComponents = $v } }
        Mock -ModuleName DaDoctorFixes Set-DadRegistryValue { }
        $r = Invoke-TestFix ('{"fix":"set-ipv6-prefer-ipv4","params":{"role":"' + $role + '"}}')
        $r.ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Name -eq 'DisabledComponents' -and $Value -eq $expected }
    }
    It 'refuses a role it does not know' {
        (Invoke-TestFix '{"fix":"set-ipv6-prefer-ipv4","params":{"role":"server"}}').ok | Should -BeFalse
    }
}

Describe 'set-ipv6-prefer-ipv4' {
    It 'records the previous DisabledComponents and clears only the client tunnel bits (0xff -> 0x7e); undo restores it' {
        Mock -ModuleName DaDoctorFixes Get-DadRegistryValues { @{ DisabledComponents = 255 } }
        Mock -ModuleName DaDoctorFixes Set-DadRegistryValue { }
        $r = Invoke-TestFix '{"fix":"set-ipv6-prefer-ipv4","params":{}}'
        $r.undoData.previous | Should -Be 255
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Name -eq 'DisabledComponents' -and $Value -eq 0x7e -and $Type -eq 'DWord' }
        (Invoke-TestUndo '{"fix":"set-ipv6-prefer-ipv4","undoData":{"previous":255}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-DadRegistryValue -Times 1 -ParameterFilter { $Value -eq 255 }
        (Invoke-TestUndo '{"fix":"set-ipv6-prefer-ipv4","undoData":{"previous":"$(x)"}}').ok | Should -BeFalse
    }
}

Describe 'enable-isatap / set-isatap-router' {
    BeforeEach {
        Mock -ModuleName DaDoctorFixes Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Default'; Router = 'isatap' } }
        Mock -ModuleName DaDoctorFixes Set-NetIsatapConfiguration { }
        Mock -ModuleName DaDoctorFixes netsh { $global:LASTEXITCODE = 0; 'Ok.' }
    }
    It 'enables with the router and records the previous state and router' {
        $r = Invoke-TestFix '{"fix":"enable-isatap","params":{"router":"isatap-da.corp.contoso.com"}}'
        $r.ok | Should -BeTrue
        $r.undoData.state | Should -Be 'Default'
        $r.undoData.router | Should -Be 'isatap'
        Should -Invoke -ModuleName DaDoctorFixes Set-NetIsatapConfiguration -Times 1 -ParameterFilter { $State -eq 'Enabled' -and $Router -eq 'isatap-da.corp.contoso.com' }
    }
    It 'Windows 7: netsh interface isatap set router / set state' {
        Mock -ModuleName DaDoctorFixes Test-DadFixCommand { $false }
        Mock -ModuleName DaDoctorFixes netsh { $global:LASTEXITCODE = 0; if ($args -contains 'show') { 'ISATAP State : default' } else { 'Ok.' } }
        (Invoke-TestFix '{"fix":"enable-isatap","params":{"router":"10.0.0.5"}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 1 -ParameterFilter { ($args -join ' ') -eq 'interface isatap set router 10.0.0.5' }
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 1 -ParameterFilter { ($args -join ' ') -eq 'interface isatap set state enabled' }
    }
    It 'rejects every hostile router inside the script, before any command runs' {
        foreach ($fix in @('enable-isatap', 'set-isatap-router')) {
            foreach ($h in $script:Hostile) {
                $json = @{ fix = $fix; params = @{ router = $h } } | ConvertTo-Json -Compress
                $r = Invoke-TestFix $json
                $r.ok | Should -BeFalse -Because "router '$h' must be rejected"
                $r.changed.Count | Should -Be 0
            }
        }
        Should -Invoke -ModuleName DaDoctorFixes Set-NetIsatapConfiguration -Times 0
        Should -Invoke -ModuleName DaDoctorFixes netsh -Times 0
    }
    It 'undo restores the previous state and router; a hostile saved router is refused' {
        (Invoke-TestUndo '{"fix":"set-isatap-router","undoData":{"state":"Enabled","router":"isatap"}}').ok | Should -BeTrue
        Should -Invoke -ModuleName DaDoctorFixes Set-NetIsatapConfiguration -Times 1 -ParameterFilter { $State -eq 'Enabled' -and $Router -eq 'isatap' }
        (Invoke-TestUndo '{"fix":"set-isatap-router","undoData":{"state":"Enabled","router":"a;b"}}').ok | Should -BeFalse
    }
}

# [ValidatePattern] and -match ignore case, and case-insensitive matching lets look-alikes through [A-Za-z]: the
# Kelvin sign (U+212A) always, the dotted capital I (U+0130) and dotless i (U+0131) under a Turkish culture.
Describe 'case-sensitive parameter checks: look-alike letters are refused by every fix that takes a router or thumbprint' {
    BeforeAll {
        $k = [string][char]0x212A; $dotI = [string][char]0x0130
        $script:LookAlike = @{
            router     = @(('isatap.' + $k + 'ontoso.com'), ('isatap.' + $dotI + 'sat.com'), ($dotI + 'satap'), ('isatap.contoso.com' + [char]0x0131))
            thumbprint = @(($script:Root.Substring(0, 39) + $k), ($script:Root.Substring(0, 39) + $dotI))
        }
    }
    BeforeEach {
        Mock -ModuleName DaDoctorFixes Get-NetIsatapConfiguration { [pscustomobject]@{ State = 'Default'; Router = 'isatap' } }
        Mock -ModuleName DaDoctorFixes Set-NetIsatapConfiguration { }
        Mock -ModuleName DaDoctorFixes netsh { $global:LASTEXITCODE = 0; 'Ok.' }
        Mock -ModuleName DaDoctorFixes certutil { $global:LASTEXITCODE = 0 }
        Mock -ModuleName DaDoctorFixes Get-DadCertificates { }
        Mock -ModuleName DaDoctorFixes Import-DadCertificate { }
        Mock -ModuleName DaDoctorFixes Remove-DadCertificate { }
        Mock -ModuleName DaDoctorFixes Restart-Service { }
        $script:Culture = [Globalization.CultureInfo]::CurrentCulture
    }
    AfterEach { [Globalization.CultureInfo]::CurrentCulture = $script:Culture }

    It '<Kind> <Fix> refuses them (culture <Culture>)' -ForEach @(
        foreach ($culture in @('', 'tr-TR')) {
            @{ Kind = 'fix'; Fix = 'enable-isatap'; Field = 'router'; Culture = $culture }
            @{ Kind = 'fix'; Fix = 'set-isatap-router'; Field = 'router'; Culture = $culture }
            @{ Kind = 'undo'; Fix = 'set-isatap-router'; Field = 'router'; Culture = $culture }
            @{ Kind = 'fix'; Fix = 'import-root-ca'; Field = 'thumbprint'; Culture = $culture }
            @{ Kind = 'fix'; Fix = 'import-intermediate-ca'; Field = 'thumbprint'; Culture = $culture }
            @{ Kind = 'undo'; Fix = 'import-root-ca'; Field = 'thumbprint'; Culture = $culture }
        }
    ) {
        if ($Culture) { [Globalization.CultureInfo]::CurrentCulture = $Culture }
        foreach ($v in $script:LookAlike[$Field]) {
            if ($Kind -eq 'fix') {
                $params = @{ $Field = $v }
                if ($Field -eq 'thumbprint') { $params['certificate'] = $script:RootB64 }
                $r = Invoke-TestFix (@{ fix = $Fix; params = $params } | ConvertTo-Json -Compress)
            } elseif ($Field -eq 'router') {
                $r = Invoke-TestUndo (@{ fix = $Fix; undoData = @{ state = 'Enabled'; router = $v } } | ConvertTo-Json -Compress)
            } else {
                $r = Invoke-TestUndo (@{ fix = $Fix; undoData = @{ store = 'Root'; thumbprint = $v; alreadyPresent = $false } } | ConvertTo-Json -Compress)
            }
            $r.ok | Should -BeFalse -Because ("$Fix ($Kind) must refuse the $Field '$v' (U+" + ('{0:X4}' -f [int]($v.ToCharArray() | Where-Object { [int]$_ -gt 127 } | Select-Object -First 1)) + ')')
        }
        foreach ($cmd in @('Set-NetIsatapConfiguration', 'netsh', 'certutil', 'Import-DadCertificate', 'Remove-DadCertificate', 'Restart-Service')) {
            Should -Invoke -ModuleName DaDoctorFixes $cmd -Times 0
        }
    }
    It 'the same checks take the plain ASCII values (the test values differ only in the look-alike)' {
        (Invoke-TestFix '{"fix":"set-isatap-router","params":{"router":"isatap.kontoso.com"}}').ok | Should -BeTrue
        (Invoke-TestUndo ('{"fix":"import-root-ca","undoData":{"store":"Root","thumbprint":"' + $script:Root + '","alreadyPresent":false}}')).ok | Should -BeTrue
    }
    It 'sets of names are case-sensitive too (a store, a role, a start type in another case is refused)' {
        (Invoke-TestUndo ('{"fix":"import-root-ca","undoData":{"store":"root","thumbprint":"' + $script:Root + '","alreadyPresent":false}}')).ok | Should -BeFalse
        (Invoke-TestFix '{"fix":"set-ipv6-prefer-ipv4","params":{"role":"MANAGEOUT"}}').ok | Should -BeFalse
        (Invoke-TestUndo '{"fix":"start-ip-helper","undoData":{"service":"IPHLPSVC","startType":"Manual"}}').ok | Should -BeFalse
    }
}

# Invoke-DadProbe's envelope, the JSON writer and the shared helpers of DaDoctor.psm1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Initialize-DadTestHost
}

AfterAll {
    Clear-DadTestHost
}

Describe 'Invoke-DadProbe' {
    BeforeEach {
        Mock -ModuleName DaDoctor Get-DadUtcNow { (New-Object DateTime 2025, 3, 10, 12, 0, 0, ([DateTimeKind]::Utc)) }
    }

    It 'writes exactly one line holding one compressed JSON object' {
        $out = Invoke-DadTestProbe 'clock'
        $out.Raw.Count | Should -Be 1
        $out.Raw[0] | Should -BeOfType [string]
        $out.Raw[0] | Should -Not -Match "[`r`n]"
        $out.Raw[0] | Should -Match '^\{"status":"ok","ms":\d+,"data":\{"utcNow":"2025-03-10T12:00:00.0000000Z"\}\}$'
    }

    It 'reports a probe that throws as status error with its message, and nothing else reaches the output' {
        Mock -ModuleName DaDoctor Get-DadUtcNow { throw 'clock exploded' }
        $out = Invoke-DadTestProbe 'clock'
        $out.Raw.Count | Should -Be 1
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Be 'clock exploded'
        $out.Envelope.ms | Should -BeGreaterOrEqual 0
        $out.Envelope.PSObject.Properties.Name | Should -Not -Contain 'data'
    }

    It 'reports an unknown section name as an error section, not an exception' {
        $out = Invoke-DadTestProbe 'coffee'
        $out.Raw.Count | Should -Be 1
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Match "unknown section 'coffee'"
    }

    It 'matches section names exactly (case matters, as in the snapshot)' {
        (Invoke-DadTestProbe 'CLOCK').Envelope.status | Should -Be 'error'
    }

    It 'reports base64 that does not decode as an error section' {
        $raw = @(Invoke-DadProbe -InputB64 'abc')
        $raw.Count | Should -Be 1
        ($raw[0] | ConvertFrom-Json).status | Should -Be 'error'
    }

    It 'reports input that is not {"name":...} JSON as an error section' {
        foreach ($json in @('"clock"', '[1,2]', '{"nom":"clock"}', '{"name":5}', 'not json', '{"name":"a b"}')) {
            $raw = @(Invoke-DadProbe -InputB64 (ConvertTo-DadTestInput $json))
            $raw.Count | Should -Be 1
            ($raw[0] | ConvertFrom-Json).status | Should -Be 'error' -Because $json
        }
    }

    It 'refuses input that is not base64 at parameter binding (the param block validates it)' {
        { Invoke-DadProbe -InputB64 'clock; Remove-Item C:\' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Invoke-DadProbe'
        { Invoke-DadProbe -InputB64 ('A' * 4097) } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Invoke-DadProbe'
    }

    It 'reports notApplicable with the reason and no data' {
        Mock -ModuleName DaDoctor Get-DadIpHttpsServerUrl { $null }
        $out = Invoke-DadTestProbe 'reachability'
        $out.Envelope.status | Should -Be 'notApplicable'
        $out.Envelope.message | Should -Match 'ServerURL'
        $out.Raw[0] | Should -Not -Match '"data"'
    }

    It 'turns stray pipeline output of a probe into an error instead of sending it on' {
        Mock -ModuleName DaDoctor Get-DadClockSection { 'stray'; @{ utcNow = 'x' } }
        $out = Invoke-DadTestProbe 'clock'
        $out.Raw.Count | Should -Be 1
        $out.Envelope.status | Should -Be 'error'
        $out.Envelope.message | Should -Match 'returned 2 objects'
    }

    It 'keeps warnings and verbose text of a probe out of the output' {
        # A real module function (not a mock) so that the wrapper's preference variables apply as in production.
        InModuleScope DaDoctor { function script:Get-DadClockSection { Write-Warning 'careful'; Write-Verbose 'chatty'; @{ utcNow = 'x' } } }
        try {
            $out = Invoke-DadTestProbe 'clock'
            $out.Raw.Count | Should -Be 1
            $out.Envelope.status | Should -Be 'ok'
        } finally {
            Import-Module $script:DadTestModulePath -Force -DisableNameChecking
        }
    }

    It 'knows every section of the snapshot schema' {
        $schema = Get-Content -Raw (Join-Path $PSScriptRoot '../../src-shared/snapshot.ts')
        # Up to the object's own closing line: a section's .default({ ... }) holds braces too.
        $block = [regex]::Match($schema, 'sectionsSchema = z\.object\(\{([\s\S]*?)\n\}\)').Groups[1].Value
        $names = @([regex]::Matches($block, '(\w+): section\(') | ForEach-Object { $_.Groups[1].Value })
        $names.Count | Should -Be 16
        InModuleScope DaDoctor -Parameters @{ Names = $names } {
            param($Names)
            $script:DadSectionOrder | Should -Be $Names
            foreach ($name in $Names) { Get-Command $script:DadSectionProbes[$name] -ErrorAction Stop | Should -Not -BeNullOrEmpty }
        }
        # What the standalone collector iterates over.
        Get-DadSectionNames | Should -Be $names
    }
}

Describe 'ConvertTo-DadJson' {
    It 'writes scalars, nested tables and arrays compressed, with sorted keys' {
        $value = @{ b = 1; a = @{ z = $true; y = $null }; c = @('x'); d = @(); e = [uint32]2148204809; f = -1.5 }
        ConvertTo-DadJson $value | Should -Be '{"a":{"y":null,"z":true},"b":1,"c":["x"],"d":[],"e":2148204809,"f":-1.5}'
    }

    It 'keeps one- and zero-element arrays as arrays' {
        ConvertTo-DadJson @{ one = @(@{ k = 'v' }); none = @() } | Should -Be '{"none":[],"one":[{"k":"v"}]}'
    }

    It 'escapes quotes, backslashes, control and non-ASCII characters' {
        ConvertTo-DadJson @{ s = "a`"b\c`nd`te" + [char]0x1 + [char]0xE9 } | Should -Be '{"s":"a\"b\\c\nd\te\u0001\u00e9"}'
    }

    It 'writes dates as ISO-8601 UTC and enums as their names' {
        $date = (New-Object DateTime 2024, 1, 31, 23, 59, 59, ([DateTimeKind]::Utc))
        ConvertTo-DadJson @{ d = $date; e = [System.DayOfWeek]::Monday } | Should -Be '{"d":"2024-01-31T23:59:59.0000000Z","e":"Monday"}'
    }

    It 'writes PSCustomObjects with their properties in order' {
        ConvertTo-DadJson ([pscustomobject]@{ b = 1; a = 'x' }) | Should -Be '{"b":1,"a":"x"}'
    }

    It 'gives the same data as ConvertTo-Json for a probe-shaped value' {
        $value = @{ list = @(@{ n = 1 }, @{ n = 2 }); text = 'da.contoso.com'; flag = $false; none = $null }
        $ours = ConvertTo-DadJson $value | ConvertFrom-Json
        $theirs = ConvertTo-Json $value -Depth 12 -Compress | ConvertFrom-Json
        foreach ($name in @('text', 'flag', 'none')) { $ours.$name | Should -Be $theirs.$name }
        $ours.list.n | Should -Be $theirs.list.n
    }

    It 'refuses nesting deeper than 12 levels' {
        $deep = @{}
        $cursor = $deep
        for ($i = 0; $i -lt 14; $i++) { $next = @{}; $cursor.n = $next; $cursor = $next }
        { ConvertTo-DadJson $deep } | Should -Throw '*deeper than 12*'
    }
}

Describe 'shared helpers' {
    It 'converts error codes in every rendering to uint32' -TestCases @(
        @{ Text = '0x800b0109'; Expected = 2148204809 }
        @{ Text = '0X800B0109'; Expected = 2148204809 }
        @{ Text = '0x800b0109   '; Expected = 2148204809 }
        @{ Text = ' 0x2AF9'; Expected = 11001 }
        @{ Text = '2148081683'; Expected = 2148081683 }
        @{ Text = '-2146885613'; Expected = 2148081683 }
        @{ Text = '0x0'; Expected = 0 }
        @{ Text = '0'; Expected = 0 }
        @{ Text = '0x90320 (SEC_I_INCOMPLETE_CREDENTIALS)'; Expected = 590624 }
    ) {
        param($Text, $Expected)
        InModuleScope DaDoctor -Parameters @{ Text = $Text; Expected = $Expected } {
            param($Text, $Expected)
            $value = ConvertTo-DadUInt32 $Text
            $value | Should -BeOfType [uint32]
            $value | Should -Be $Expected
        }
    }

    It 'converts numeric error codes, including signed int32, to uint32' {
        InModuleScope DaDoctor {
            ConvertTo-DadUInt32 ([int32]-2146762487) | Should -Be 2148204809
            ConvertTo-DadUInt32 ([uint32]1603) | Should -Be 1603
            ConvertTo-DadUInt32 ([int64]11001) | Should -Be 11001
            ConvertTo-DadUInt32 'none' | Should -BeNullOrEmpty
            ConvertTo-DadUInt32 $null | Should -BeNullOrEmpty
        }
    }

    It 'formats dates of any kind as ISO-8601 UTC' {
        InModuleScope DaDoctor {
            Format-DadDate ((New-Object DateTime 2025, 3, 10, 12, 0, 0, ([DateTimeKind]::Utc))) | Should -Be '2025-03-10T12:00:00.0000000Z'
            Format-DadDate ((New-Object DateTimeOffset 2025, 3, 10, 14, 0, 0, ([TimeSpan]::FromHours(2)))) | Should -Be '2025-03-10T12:00:00.0000000Z'
            Format-DadDate '2025-03-10T14:00:00+02:00' | Should -Be '2025-03-10T12:00:00.0000000Z'
            Format-DadDate '2025-03-10T12:00:00Z' | Should -Be '2025-03-10T12:00:00.0000000Z'
            Format-DadDate $null | Should -BeNullOrEmpty
        }
    }

    It 'splits ServerURLs into host and port' -TestCases @(
        @{ Url = 'https://da.contoso.com:443/IPHTTPS'; HostName = 'da.contoso.com'; Port = 443 }
        @{ Url = 'https://da.contoso.com/IPHTTPS'; HostName = 'da.contoso.com'; Port = 443 }
        @{ Url = 'https://da.contoso.com:8443/IPHTTPS'; HostName = 'da.contoso.com'; Port = 8443 }
        @{ Url = 'https://198.51.100.7:443/IPHTTPS'; HostName = '198.51.100.7'; Port = 443 }
        @{ Url = 'https://[2001:db8::1]:443/IPHTTPS'; HostName = '2001:db8::1'; Port = 443 }
        @{ Url = ' da.contoso.com:443/IPHTTPS '; HostName = 'da.contoso.com'; Port = 443 }
    ) {
        param($Url, $HostName, $Port)
        InModuleScope DaDoctor -Parameters @{ Url = $Url; HostName = $HostName; Port = $Port } {
            param($Url, $HostName, $Port)
            $endpoint = Split-DadServerUrl $Url
            $endpoint.host | Should -Be $HostName
            $endpoint.port | Should -Be $Port
        }
    }

    It 'reads netsh values whatever the spacing around the colon' {
        InModuleScope DaDoctor {
            $lines = @('Last Error Code            :0x80092013', 'Interface Status           : failed to connect   ', 'Role:client')
            Get-DadNetshValue $lines 'Last Error Code' | Should -Be '0x80092013'
            Get-DadNetshValue $lines 'interface status' | Should -Be 'failed to connect'
            Get-DadNetshValue $lines 'Role' | Should -Be 'client'
            Get-DadNetshValue $lines 'URL' | Should -BeNullOrEmpty
        }
    }

    It 'runs netsh (a function on the simulated host) and returns its text as lines' {
        Mock -ModuleName DaDoctor netsh { "line one`r`nline two" } -ParameterFilter { ($args -join ' ') -eq 'winhttp show proxy' }
        InModuleScope DaDoctor {
            $lines = Invoke-DadNetsh @('winhttp', 'show', 'proxy')
            , $lines | Should -BeOfType [object[]]
            $lines | Should -Be @('line one', 'line two')
        }
    }

    It 'finds commands defined as functions (the simulated host) and not missing ones' {
        InModuleScope DaDoctor {
            Test-DadCommand 'Get-NetIPHttpsState' | Should -BeTrue
            Test-DadCommand 'Get-DadNoSuchCommand' | Should -BeFalse
        }
    }

    It 'finds the ServerURL from the cmdlet, else the policy registry, else netsh' {
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration { @{ ServerURL = 'https://cmdlet.contoso.com/IPHTTPS' } }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ IPHTTPS_ClientUrl = 'https://registry.contoso.com/IPHTTPS' } }
        Mock -ModuleName DaDoctor Invoke-DadNetsh { @('Role : client', 'URL  : https://netsh.contoso.com/IPHTTPS') }
        Set-DadTestMissingCommands @()
        InModuleScope DaDoctor { Get-DadIpHttpsServerUrl | Should -Be 'https://cmdlet.contoso.com/IPHTTPS' }
        Set-DadTestMissingCommands @('Get-NetIPHttpsConfiguration')
        InModuleScope DaDoctor { Get-DadIpHttpsServerUrl | Should -Be 'https://registry.contoso.com/IPHTTPS' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        InModuleScope DaDoctor { Get-DadIpHttpsServerUrl | Should -Be 'https://netsh.contoso.com/IPHTTPS' }
        Mock -ModuleName DaDoctor Invoke-DadNetsh { @() }
        InModuleScope DaDoctor { Get-DadIpHttpsServerUrl | Should -BeNullOrEmpty }
    }

    It 'takes the ServerURL from the policy registry when Get-NetIPHttpsConfiguration throws, so the certificate probe still runs' {
        Set-DadTestMissingCommands @()
        Mock -ModuleName DaDoctor Get-NetIPHttpsConfiguration { throw 'Invalid class' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ IPHTTPS_ClientUrl = 'https://registry.contoso.com:8443/IPHTTPS' } }
        Mock -ModuleName DaDoctor Invoke-DadTlsProbe { [pscustomobject]@{ Handshake = 'failed'; HandshakeError = 'reset'; Chain = @(); ChainStatus = @(); ChainStatusOnline = @() } }
        $out = Invoke-DadTestProbe 'serverCertificate'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.url | Should -Be 'https://registry.contoso.com:8443/IPHTTPS'
        Should -Invoke -ModuleName DaDoctor Invoke-DadTlsProbe -Times 1 -ParameterFilter { $HostName -eq 'registry.contoso.com' -and $Port -eq 8443 }
    }
}

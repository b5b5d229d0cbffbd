# The proxy probe: WinHTTP (registry blob, netsh text as fallback), the SYSTEM account's and the logged-on user's
# WinINET settings, the iphlpsvc ProxyMgr cache.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:SystemKey = 'HKU:\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $script:ProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'
    $script:ConnectionsKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
    $script:UserKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $script:UserSid = 'S-1-5-21-1004336348-1177238915-682003330-1104'
    $script:Fixtures = Join-Path $PSScriptRoot 'fixtures'

    # A WinHttpSettings blob as knowledge J.3 lays it out: version, counter, flags, then length-prefixed strings.
    function New-TestWinHttpBlob([int]$Flags, [string]$Proxy = '', [string]$Bypass = '', [string]$Pac = $null, [int]$Version = 0x46) {
        $out = New-Object System.Collections.Generic.List[byte]
        $out.AddRange([BitConverter]::GetBytes([int]$Version))
        $out.AddRange([BitConverter]::GetBytes([int]7))
        $out.AddRange([BitConverter]::GetBytes([int]$Flags))
        foreach ($text in @($Proxy, $Bypass)) {
            $out.AddRange([BitConverter]::GetBytes([int]$text.Length))
            $out.AddRange([Text.Encoding]::ASCII.GetBytes($text))
        }
        if ($null -ne $Pac) {
            $out.AddRange([BitConverter]::GetBytes([int]$Pac.Length))
            $out.AddRange([Text.Encoding]::ASCII.GetBytes($Pac))
        }
        return , $out.ToArray()
    }
    function Read-TestFixture([string]$Name) { return , @(Get-Content -LiteralPath (Join-Path $script:Fixtures $Name)) }
}

AfterAll {
    Clear-DadTestHost
}

Describe 'ConvertFrom-DadWinHttpProxy' {
    It 'recognises <Name>' -TestCases @(
        @{ Name = 'the direct case'; Text = "`r`nCurrent WinHTTP proxy settings:`r`n`r`n    Direct access (no proxy server).`r`n"; Direct = $true; Server = $null; Bypass = $null }
        @{ Name = 'a proxy with no bypass list'; Text = "Current WinHTTP proxy settings:`r`n`r`n    Proxy Server(s) :  proxy.contoso.com:8080`r`n    Bypass List     :  (none)`r`n"; Direct = $false; Server = 'proxy.contoso.com:8080'; Bypass = $null }
        @{ Name = 'a proxy with a bypass list'; Text = "Current WinHTTP proxy settings:`n    Proxy Server(s) :  http=proxy:80;https=proxy:443  `n    Bypass List     :  <local>;*.contoso.com`n"; Direct = $false; Server = 'http=proxy:80;https=proxy:443'; Bypass = '<local>;*.contoso.com' }
        @{ Name = 'a colon without spaces'; Text = "Proxy Server(s):proxy:3128`nBypass List:(none)"; Direct = $false; Server = 'proxy:3128'; Bypass = $null }
        @{ Name = 'empty output'; Text = ''; Direct = $false; Server = $null; Bypass = $null }
    ) {
        param($Text, $Direct, $Server, $Bypass)
        $result = InModuleScope DaDoctor -Parameters @{ Lines = ($Text -split "\r?\n") } { param($Lines) ConvertFrom-DadWinHttpProxy $Lines }
        $result.direct | Should -Be $Direct
        $result.proxyServer | Should -Be $Server
        $result.bypassList | Should -Be $Bypass
    }

    It 'reads the real capture of knowledge Q.2 (netsh winhttp import proxy, indentation lost) as English' {
        $result = InModuleScope DaDoctor -Parameters @{ Lines = (Read-TestFixture 'winhttp-import-proxy.capture.txt') } { param($Lines) ConvertFrom-DadWinHttpProxy $Lines }
        $result.direct | Should -BeFalse
        $result.proxyServer | Should -Be '192.168.1.1:80'
        $result.bypassList | Should -BeNullOrEmpty
        $result.parse.language | Should -Be 'en'
        $result.parse.recognised | Should -BeTrue
    }

    It 'reads the German direct case (assumed shape, no real capture: knowledge Q.6)' {
        $result = InModuleScope DaDoctor -Parameters @{ Lines = (Read-TestFixture 'winhttp-direct-de.assumed.txt') } { param($Lines) ConvertFrom-DadWinHttpProxy $Lines }
        $result.direct | Should -BeTrue
        $result.parse.language | Should -Be 'de'
        $result.parse.recognised | Should -BeTrue
    }

    It 'reads German proxy labels Proxyserver(s) / Umgehungsliste (assumed shape, no real capture)' {
        $lines = @('Aktuelle WinHTTP-Proxyeinstellungen:', '', '    Proxyserver(s) :  proxy.contoso.de:8080', '    Umgehungsliste :  (keine)')
        $result = InModuleScope DaDoctor -Parameters @{ Lines = $lines } { param($Lines) ConvertFrom-DadWinHttpProxy $Lines }
        $result.direct | Should -BeFalse
        $result.proxyServer | Should -Be 'proxy.contoso.de:8080'
        $result.bypassList | Should -BeNullOrEmpty
        $result.parse.language | Should -Be 'de'
    }

    It 'says unknown, never direct, for text in another language (assumed shape, no real capture)' {
        $lines = @('Paramètres actuels du proxy WinHTTP :', '', '    Accès direct (pas de serveur proxy).')
        $result = InModuleScope DaDoctor -Parameters @{ Lines = $lines } { param($Lines) ConvertFrom-DadWinHttpProxy $Lines }
        $result.direct | Should -BeFalse
        $result.proxyServer | Should -BeNullOrEmpty
        $result.parse.recognised | Should -BeFalse
        $result.parse.language | Should -BeNullOrEmpty
        $result.parse.note | Should -Match 'unknown'
    }
}

Describe 'ConvertFrom-DadWinHttpBlob (knowledge J.3)' {
    It 'decodes flags, proxy, bypass list and auto-config URL' {
        $blob = New-TestWinHttpBlob -Flags 7 -Proxy 'proxy.contoso.com:8080' -Bypass '<local>;*.contoso.com' -Pac 'http://wpad/wpad.dat'
        $r = InModuleScope DaDoctor -Parameters @{ B = $blob } { param($B) ConvertFrom-DadWinHttpBlob $B }
        $r.flags | Should -Be 7
        $r.proxyServer | Should -Be 'proxy.contoso.com:8080'
        $r.bypassList | Should -Be '<local>;*.contoso.com'
        $r.autoConfigUrl | Should -Be 'http://wpad/wpad.dat'
    }
    It 'decodes the empty default blob (18 00 00 00 …, flags 1)' {
        $hex = '1800000000000000010000000000000000000000'
        $blob = [byte[]]@(for ($i = 0; $i -lt $hex.Length; $i += 2) { [Convert]::ToByte($hex.Substring($i, 2), 16) })
        $r = InModuleScope DaDoctor -Parameters @{ B = $blob } { param($B) ConvertFrom-DadWinHttpBlob $B }
        $r.flags | Should -Be 1
        $r.proxyServer | Should -BeNullOrEmpty
        $r.bypassList | Should -BeNullOrEmpty
    }
    It 'reads the whole length DWORD, not only its low byte (a 300-character bypass list)' {
        $bypass = ('a' * 290) + '.contoso.com'
        $r = InModuleScope DaDoctor -Parameters @{ B = (New-TestWinHttpBlob -Flags 3 -Proxy 'p:1' -Bypass $bypass) } { param($B) ConvertFrom-DadWinHttpBlob $B }
        $r.bypassList | Should -Be $bypass
    }
    It 'refuses what is not a blob: <Name>' -TestCases @(
        @{ Name = 'null'; Bytes = $null }
        @{ Name = 'a string'; Bytes = 'abc' }
        @{ Name = 'too short'; Bytes = [byte[]]@(0x18, 0, 0, 0, 0, 0, 0, 0, 1) }
        @{ Name = 'a length past the end'; Bytes = [byte[]]@(0x18, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 50, 0, 0, 0, 0x61) }
    ) {
        param($Bytes)
        InModuleScope DaDoctor -Parameters @{ B = $Bytes } { param($B) ConvertFrom-DadWinHttpBlob $B } | Should -BeNullOrEmpty
    }
}

Describe 'Get-DadProxySection' {
    BeforeEach {
        Mock -ModuleName DaDoctor netsh { "Current WinHTTP proxy settings:`r`n`r`n    Proxy Server(s) :  proxy.contoso.com:8080`r`n    Bypass List     :  (none)`r`n" } -ParameterFilter { ($args -join ' ') -eq 'winhttp show proxy' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
    }

    It 'reports WinHTTP, the SYSTEM proxy and ProxyMgr entries' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ProxyEnable = 1; ProxyServer = 'sysproxy:8080'; AutoConfigURL = 'http://wpad/wpad.dat' } } -ParameterFilter { $Path -eq $script:SystemKey }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { '{5E5A1A9C-1111-2222-3333-444455556666}' } -ParameterFilter { $Path -eq $script:ProxyMgrKey }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ StaticProxy = 'http=proxy.contoso.com:8080' } } -ParameterFilter { $Path -eq ($script:ProxyMgrKey + '\{5E5A1A9C-1111-2222-3333-444455556666}') }
        $out = Invoke-DadTestProbe 'proxy'
        $out.Envelope.status | Should -Be 'ok'
        $data = $out.Envelope.data
        $data.winHttp.direct | Should -BeFalse
        $data.winHttp.proxyServer | Should -Be 'proxy.contoso.com:8080'
        $data.system.proxyEnable | Should -BeTrue
        $data.system.proxyServer | Should -Be 'sysproxy:8080'
        $data.system.autoConfigUrl | Should -Be 'http://wpad/wpad.dat'
        $out.Raw[0] | Should -Match '"proxyMgr":\[\{"key":"\{5E5A1A9C-1111-2222-3333-444455556666\}","staticProxy":"http=proxy.contoso.com:8080"\}\]'
    }

    It 'reports no SYSTEM proxy and an empty ProxyMgr list when the keys are missing' {
        $out = Invoke-DadTestProbe 'proxy'
        $out.Raw[0] | Should -Match '"system":\{"autoConfigUrl":null,"proxyEnable":false,"proxyServer":null\}'
        $out.Raw[0] | Should -Match '"proxyMgr":\[\]'
    }

    It 'reports a ProxyMgr subkey without StaticProxy with staticProxy null' {
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { '{A}', '{B}' } -ParameterFilter { $Path -eq $script:ProxyMgrKey }
        $data = Get-DadProxySection
        $data.proxyMgr.Count | Should -Be 2
        $data.proxyMgr[1].key | Should -Be '{B}'
        $data.proxyMgr[1].staticProxy | Should -BeNullOrEmpty
    }

    It 'reads ProxyEnable 0 as false' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ProxyEnable = 0; ProxyServer = 'old:8080' } } -ParameterFilter { $Path -eq $script:SystemKey }
        (Get-DadProxySection).system.proxyEnable | Should -BeFalse
    }
}

Describe 'Get-DadProxySection: WinHTTP from the registry blob first' {
    BeforeEach {
        Mock -ModuleName DaDoctor netsh { "Current WinHTTP proxy settings:`r`n`r`n    Direct access (no proxy server).`r`n" } -ParameterFilter { ($args -join ' ') -eq 'winhttp show proxy' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
        Mock -ModuleName DaDoctor Get-DadUserContext { [pscustomobject]@{ UserName = 'CONTOSO\alice'; Sid = $script:UserSid; IsSystem = $false; ConsoleUserName = $null; ConsoleUserSid = $null } }
    }

    It 'takes a manual proxy from WinHttpSettings (flags 3) without running netsh' {
        $blob = New-TestWinHttpBlob -Flags 3 -Proxy 'proxy.contoso.com:8080' -Bypass '<local>'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ WinHttpSettings = $blob } } -ParameterFilter { $Path -eq $script:ConnectionsKey }
        $out = Invoke-DadTestProbe 'proxy'
        $w = $out.Envelope.data.winHttp
        $w.source | Should -Be 'registry'
        $w.direct | Should -BeFalse
        $w.proxyServer | Should -Be 'proxy.contoso.com:8080'
        $w.bypassList | Should -Be '<local>'
        $w.flags | Should -Be 3
        $w.autoDetect | Should -BeFalse
        Should -Invoke -ModuleName DaDoctor netsh -Times 0
    }

    It 'reads flags 1 as direct, and keeps no proxy string that the flags switch off' {
        $blob = New-TestWinHttpBlob -Flags 1 -Proxy 'old.contoso.com:8080'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ WinHttpSettings = $blob } } -ParameterFilter { $Path -eq $script:ConnectionsKey }
        $w = (Get-DadProxySection).winHttp
        $w.direct | Should -BeTrue
        $w.proxyServer | Should -BeNullOrEmpty
        $w.source | Should -Be 'registry'
    }

    It 'reports an auto-config URL and auto-detect as not direct' {
        $blob = New-TestWinHttpBlob -Flags 13 -Pac 'http://pac.contoso.com/proxy.pac'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ WinHttpSettings = $blob } } -ParameterFilter { $Path -eq $script:ConnectionsKey }
        $w = (Get-DadProxySection).winHttp
        $w.direct | Should -BeFalse
        $w.proxyServer | Should -BeNullOrEmpty
        $w.autoConfigUrl | Should -Be 'http://pac.contoso.com/proxy.pac'
        $w.autoDetect | Should -BeTrue
    }

    It 'falls back to netsh when the value is missing, and says so' {
        $out = Invoke-DadTestProbe 'proxy'
        $w = $out.Envelope.data.winHttp
        $w.source | Should -Be 'netsh'
        $w.direct | Should -BeTrue
        $w.parse.language | Should -Be 'en'
        $out.Raw[0] | Should -Match '"flags":null'
        Should -Invoke -ModuleName DaDoctor netsh -Times 1
    }

    It 'falls back to netsh when the value is not a blob it can read' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ WinHttpSettings = [byte[]]@(1, 2, 3) } } -ParameterFilter { $Path -eq $script:ConnectionsKey }
        (Get-DadProxySection).winHttp.source | Should -Be 'netsh'
    }
}

Describe 'Get-DadProxySection: the logged-on user proxy (knowledge J.1)' {
    BeforeEach {
        Mock -ModuleName DaDoctor netsh { "Current WinHTTP proxy settings:`r`n`r`n    Direct access (no proxy server).`r`n" } -ParameterFilter { ($args -join ' ') -eq 'winhttp show proxy' }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { $null }
        Mock -ModuleName DaDoctor Get-DadRegistrySubkeys { }
        Mock -ModuleName DaDoctor Get-DadUserContext { [pscustomobject]@{ UserName = 'CONTOSO\alice'; Sid = $script:UserSid; IsSystem = $false; ConsoleUserName = $null; ConsoleUserSid = $null } }
    }

    It 'reads HKCU when the probe runs as the user (the app)' {
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ProxyEnable = 1; ProxyServer = 'proxy.contoso.com:8080'; ProxyOverride = '<local>;*.corp.contoso.com'; AutoConfigURL = 'http://wpad/wpad.dat' } } -ParameterFilter { $Path -eq $script:UserKey }
        $out = Invoke-DadTestProbe 'proxy'
        $u = $out.Envelope.data.user
        $u.readAs | Should -Be 'currentUser'
        $u.keyPath | Should -Be $script:UserKey
        $u.account | Should -Be 'CONTOSO\alice'
        $u.sid | Should -Be $script:UserSid
        $u.keyExists | Should -BeTrue
        $u.proxyEnable | Should -BeTrue
        $u.proxyServer | Should -Be 'proxy.contoso.com:8080'
        $u.proxyOverride | Should -Be '<local>;*.corp.contoso.com'
        $u.autoConfigUrl | Should -Be 'http://wpad/wpad.dat'
        $u.autoDetect | Should -BeNullOrEmpty
        $u.note | Should -BeNullOrEmpty
    }

    It 'reads auto-detect from the user''s DefaultConnectionSettings blob' {
        $blob = New-TestWinHttpBlob -Flags 9
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ProxyEnable = 0 } } -ParameterFilter { $Path -eq $script:UserKey }
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ DefaultConnectionSettings = $blob } } -ParameterFilter { $Path -eq ($script:UserKey + '\Connections') }
        $u = (Get-DadProxySection).user
        $u.proxyEnable | Should -BeFalse
        $u.autoDetect | Should -BeTrue
    }

    It 'reads the console user''s hive under HKU\<SID> when it runs as SYSTEM (the standalone collector)' {
        Mock -ModuleName DaDoctor Get-DadUserContext { [pscustomobject]@{ UserName = 'NT AUTHORITY\SYSTEM'; Sid = 'S-1-5-18'; IsSystem = $true; ConsoleUserName = 'CONTOSO\alice'; ConsoleUserSid = $script:UserSid } }
        $hku = 'HKU:\' + $script:UserSid + '\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        Mock -ModuleName DaDoctor Get-DadRegistryValues { @{ ProxyEnable = 1; ProxyServer = 'proxy.contoso.com:8080' } } -ParameterFilter { $Path -eq $hku }
        $u = (Get-DadProxySection).user
        $u.readAs | Should -Be 'consoleUser'
        $u.keyPath | Should -Be $hku
        $u.account | Should -Be 'CONTOSO\alice'
        $u.proxyServer | Should -Be 'proxy.contoso.com:8080'
        Should -Invoke -ModuleName DaDoctor Get-DadRegistryValues -Times 0 -ParameterFilter { $Path -eq $script:UserKey }
    }

    It 'reads no hive as SYSTEM with nobody logged on, and says why' {
        Mock -ModuleName DaDoctor Get-DadUserContext { [pscustomobject]@{ UserName = 'NT AUTHORITY\SYSTEM'; Sid = 'S-1-5-18'; IsSystem = $true; ConsoleUserName = $null; ConsoleUserSid = $null } }
        $out = Invoke-DadTestProbe 'proxy'
        $u = $out.Envelope.data.user
        $u.readAs | Should -Be 'none'
        $u.keyPath | Should -BeNullOrEmpty
        $u.keyExists | Should -BeFalse
        $u.proxyEnable | Should -BeFalse
        $u.note | Should -Match 'no user is logged on'
        Should -Invoke -ModuleName DaDoctor Get-DadRegistryValues -Times 0 -ParameterFilter { $Path -like 'HKCU:*' -or $Path -like 'HKU:\S-1-5-21*' }
    }

    It 'says the key is missing rather than inventing values' {
        $u = (Get-DadProxySection).user
        $u.keyExists | Should -BeFalse
        $u.proxyEnable | Should -BeFalse
        $u.note | Should -Match 'does not exist'
    }

    It 'keeps the rest of the section when the user context cannot be read' {
        Mock -ModuleName DaDoctor Get-DadUserContext { throw 'access denied' }
        $out = Invoke-DadTestProbe 'proxy'
        $out.Envelope.status | Should -Be 'ok'
        $out.Envelope.data.winHttp.direct | Should -BeTrue
        $out.Envelope.data.user.readAs | Should -Be 'none'
        $out.Envelope.data.user.note | Should -Match 'access denied'
    }
}

# The proxy probe: netsh winhttp text, the SYSTEM account's WinINET settings, the iphlpsvc ProxyMgr cache.

BeforeAll {
    . (Join-Path $PSScriptRoot '../TestSupport.ps1')
    Initialize-DadTestHost
    $script:SystemKey = 'HKU:\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    $script:ProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'
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

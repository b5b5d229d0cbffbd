# Pester 5 tests of the simulated host: every scenario loads, commands exist only where that Windows has them, the
# chain status is computed from the machine, faults fire, transitions change the machine, bad input is refused.

BeforeAll {
    $script:SimDir = $PSScriptRoot
    $script:ScenarioDir = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios'
    $script:CertDir = Join-Path $script:ScenarioDir 'certs'
    . (Join-Path $script:SimDir 'SimHost.ps1')

    function ConvertTo-TestB64([string]$Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }
    function Import-TestScenario([string]$Name) {
        $path = Join-Path $script:ScenarioDir "$Name.json"
        $json = '{"path":' + (ConvertTo-Json -InputObject $path -Compress) + '}'
        return (Import-DadSimScenario -InputB64 (ConvertTo-TestB64 $json))
    }
    # Writes a scenario file (machine on the Windows 10 base unless given) to the test drive and loads it.
    function Import-TestMachine($Machine, $Extra = @{}) {
        $doc = @{ schema = 'da-doctor/scenario@1'; name = 'test'; base = 'win10-client.json'; machine = $Machine }
        foreach ($k in $Extra.Keys) { $doc[$k] = $Extra[$k] }
        $dir = Join-Path $TestDrive 'scen'
        New-Item -ItemType Directory -Force -Path (Join-Path $dir '_base') | Out-Null
        Copy-Item (Join-Path $script:ScenarioDir '_base/*.json') (Join-Path $dir '_base')
        $file = Join-Path $dir 'test.json'
        Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $doc -Depth 20) -Encoding UTF8
        $json = '{"path":' + (ConvertTo-Json -InputObject $file -Compress) + '}'
        return (Import-DadSimScenario -InputB64 (ConvertTo-TestB64 $json))
    }
    $script:RootThumb = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B'
    # Import-DadCertificate takes the certificate's bytes and the thumbprint approved for them (here: their own).
    function Import-TestCertificate([string]$File) {
        $bytes = [IO.File]::ReadAllBytes((Join-Path $script:CertDir $File))
        $thumb = (New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $bytes)).Thumbprint
        Import-DadCertificate -Store Root -Certificate $bytes -Thumbprint $thumb
    }
}

BeforeDiscovery {
    $names = @(Get-ChildItem -Path (Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios') -Filter '*.json' | ForEach-Object { $_.BaseName })
}

Describe 'Scenario files' {
    It 'has at least the 24 acceptance scenarios (later causes add their own)' {
        @(Get-ChildItem -Path $script:ScenarioDir -Filter '*.json').Count | Should -BeGreaterOrEqual 24
    }
    It 'loads <_> and reports one JSON object' -ForEach $names {
        $out = Import-TestScenario $_
        $o = $out | ConvertFrom-Json
        $o.schema | Should -Be 'da-doctor/sim-load@1'
        $o.scenario | Should -Be $_
        $global:DadSim.Machine['clock']['utcNow'] | Should -Not -BeNullOrEmpty
    }
    It 'loads a scenario in well under 100 ms once warm' {
        $null = Import-TestScenario 'healthy'
        $sw = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..5) { $null = Import-TestScenario 'untrusted-root' }
        ($sw.ElapsedMilliseconds / 5) | Should -BeLessThan 60
    }
    It 'every scenario file parses and names itself like its file' -ForEach $names {
        $doc = Get-Content -Raw (Join-Path $script:ScenarioDir "$_.json") | ConvertFrom-Json
        $doc.schema | Should -Be 'da-doctor/scenario@1'
        $doc.name | Should -Be $_
    }
}

Describe 'Commands follow the machine' {
    It 'Windows 10 has the NetworkTransition cmdlets with Windows types' {
        $null = Import-TestScenario 'untrusted-root'
        Get-Command Get-NetIPHttpsState -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
        $s = Get-NetIPHttpsState
        $s.LastErrorCode | Should -BeOfType [uint32]
        $s.LastErrorCode | Should -Be 2148204809
        $s.InterfaceStatus | Should -Be 'Failed to connect to the IPHTTPS server; waiting to reconnect'
        (Get-DadUtcNow) | Should -BeOfType [datetime]
        (Get-DadUtcNow).Kind | Should -Be 'Utc'
        (Get-Service -Name iphlpsvc).Status | Should -BeOfType [string]
    }
    It 'Windows 7 has no Get-NetIPHttpsState, Get-CimInstance, Get-DnsClientNrptPolicy, Get-DAConnectionStatus, Get-NetIsatapConfiguration' {
        $null = Import-TestScenario 'healthy'
        $null = Import-TestScenario 'win7-untrusted-root'
        foreach ($n in 'Get-NetIPHttpsState', 'Get-CimInstance', 'Get-DnsClientNrptPolicy', 'Get-DAConnectionStatus', 'Get-NetIsatapConfiguration') {
            Get-Command $n -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because "$n does not exist on Windows 7"
        }
        Get-Command Get-WmiObject -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
        (Get-Service -Name iphlpsvc).PSObject.Properties.Name | Should -Not -Contain 'StartType'
        Get-DadPowerShellVersion | Should -Be '2.0'
    }
    It 'brings the cmdlets back for the next Windows 10 scenario' {
        $null = Import-TestScenario 'win7-untrusted-root'
        $null = Import-TestScenario 'healthy'
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'Get-Service throws for a missing service with -ErrorAction Stop and is silent otherwise' {
        $null = Import-TestScenario 'win7-untrusted-root'
        { Get-Service -Name NcaSvc -ErrorAction Stop } | Should -Throw "*Cannot find any service with service name 'NcaSvc'*"
        Get-Service -Name NcaSvc -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
    It 'Get-CimInstance answers the three classes' {
        $null = Import-TestScenario 'edition-pro'
        (Get-CimInstance -ClassName Win32_OperatingSystem).OperatingSystemSKU | Should -Be 48
        (Get-CimInstance -ClassName Win32_OperatingSystem).BuildNumber | Should -BeOfType [string]
        (Get-CimInstance -ClassName Win32_ComputerSystem).PartOfDomain | Should -BeTrue
        (Get-CimInstance -ClassName Win32_Service -Filter "Name='iphlpsvc'").StartMode | Should -Be 'Auto'
    }
    It 'returns nothing where Windows returns nothing' {
        $null = Import-TestScenario 'inside-corpnet'
        Get-NetIPHttpsState | Should -BeNullOrEmpty
        (Get-DAConnectionStatus).Status | Should -Be 'ConnectedLocally'
        $null = Import-TestScenario 'not-configured'
        Get-DAConnectionStatus | Should -BeNullOrEmpty
        Get-NetIPHttpsConfiguration | Should -BeNullOrEmpty
        Get-DadRegistryValues -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition\IPHTTPS\IPHTTPSInterface' | Should -BeNullOrEmpty
    }
    It 'renders netsh in Windows shapes, verbatim text included' {
        $null = Import-TestScenario 'revocation-offline'
        $text = netsh interface httpstunnel show interfaces
        $text | Should -Contain 'Last Error Code            :0x80092013'
        $LASTEXITCODE | Should -Be 0
        (netsh int https show int) | Should -Contain 'Last Error Code            :0x80092013'
        $null = Import-TestScenario 'winhttp-proxy'
        (netsh winhttp show proxy) | Should -Contain '    Proxy Server(s) :  proxy.contoso.com:8080'
        $null = Import-TestScenario 'healthy'
        (netsh winhttp show proxy) | Should -Contain '    Direct access (no proxy server).'
        (netsh interface httpstunnel show interfaces) | Should -Contain 'Last Error Code            : 0x0'
        (netsh interface teredo show state) | Should -Contain 'State                   : offline'
        netsh interface bogus | Out-Null
        $LASTEXITCODE | Should -Be 1
    }
    It 'reads registry values with Windows types' {
        $null = Import-TestScenario 'ipv6-disabled'
        $v = Get-DadRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'
        $v['DisabledComponents'] | Should -BeOfType [int]
        $v['DisabledComponents'] | Should -Be 255
        $null = Import-TestScenario 'winhttp-proxy'
        @(Get-DadRegistrySubkeys -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr') | Should -Be @('{6A4E5F3B-2C1D-4E8F-9A7B-3C2D1E0F4A5B}')
        (Get-DadRegistryValues -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections')['WinHttpSettings'][8] | Should -Be 3
    }
    It 'generates the WinHttpSettings blob unless the scenario names the value (null = missing, so the probe reads German netsh text)' {
        $key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
        $null = Import-TestMachine @{ registry = @{ $key = @{ WinHttpSettings = $null } }; netshOutput = @{ 'winhttp show proxy' = "`nAktuelle WinHTTP-Proxyeinstellungen:`n`n    Direkter Zugriff (kein Proxyserver).`n" } }
        (Get-DadRegistryValues -Path $key).Contains('WinHttpSettings') | Should -BeFalse
        Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'DaDoctor.psm1') -DisableNameChecking -Force
        $w = (Get-DadProxySection).winHttp
        $w.source | Should -Be 'netsh'
        $w.direct | Should -BeTrue
        $w.parse.language | Should -Be 'de'
        Remove-Module DaDoctor
        $null = Import-TestMachine @{ registry = @{ $key = @{ Other = 1 } } }
        (Get-DadRegistryValues -Path $key)['WinHttpSettings'][8] | Should -Be 1
    }
    It 'serves the logged-on user''s WinINET settings from proxy.ieUser when the scenario gives no HKCU key' {
        $null = Import-TestScenario 'winhttp-proxy'
        $v = Get-DadRegistryValues -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        $v['ProxyEnable'] | Should -BeOfType [int]
        $v['ProxyEnable'] | Should -Be 1
        $v['ProxyServer'] | Should -Be 'proxy.contoso.com:8080'
        $v['ProxyOverride'] | Should -Be '<local>'
        $null = Import-TestScenario 'healthy'
        (Get-DadRegistryValues -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings')['ProxyEnable'] | Should -Be 0
        $u = Get-DadUserContext
        $u.IsSystem | Should -BeFalse
        $u.UserName | Should -Be 'CONTOSO\user'
        $u.ConsoleUserSid | Should -BeNullOrEmpty
    }
    It 'serves a scenario''s HKCU key as HKCU to the user and as HKU\<SID> to SYSTEM (machine.session)' {
        $key = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        $sid = 'S-1-5-21-1-2-3-1105'
        $null = Import-TestMachine @{ session = @{ UserName = 'CONTOSO\bob'; Sid = $sid }; registry = @{ $key = @{ ProxyEnable = 1; ProxyServer = 'hotel-proxy:3128'; AutoConfigURL = 'http://pac/p.pac' } } }
        (Get-DadRegistryValues -Path $key)['ProxyServer'] | Should -Be 'hotel-proxy:3128'
        (Get-DadRegistryValues -Path "HKU:\$sid\Software\Microsoft\Windows\CurrentVersion\Internet Settings")['AutoConfigURL'] | Should -Be 'http://pac/p.pac'
        (Get-DadUserContext).Sid | Should -Be $sid
        netsh winhttp import proxy source=ie | Out-Null
        Get-DadSimValue 'proxy.winHttp.ProxyServer' | Should -Be 'hotel-proxy:3128'
        $null = Import-TestMachine @{ session = @{ IsSystem = $true; UserName = 'CONTOSO\bob'; Sid = $sid }; registry = @{ $key = @{ ProxyEnable = 1; ProxyServer = 'hotel-proxy:3128' } } }
        $u = Get-DadUserContext
        $u.IsSystem | Should -BeTrue
        $u.Sid | Should -Be 'S-1-5-18'
        $u.ConsoleUserName | Should -Be 'CONTOSO\bob'
        $u.ConsoleUserSid | Should -Be $sid
        (Get-DadRegistryValues -Path "HKU:\$sid\Software\Microsoft\Windows\CurrentVersion\Internet Settings")['ProxyServer'] | Should -Be 'hotel-proxy:3128'
        # SYSTEM's own HKCU is HKU\S-1-5-18.
        (Get-DadRegistryValues -Path $key)['MigrateProxy'] | Should -Be 1
        $null = Import-TestMachine @{ session = @{ IsSystem = $true; ConsoleUserName = $null; ConsoleUserSid = $null } }
        (Get-DadUserContext).ConsoleUserSid | Should -BeNullOrEmpty
    }
}

Describe 'DNS answers: an address, no such name, no answer, a time-out (Resolve-DnsName shapes)' {
    BeforeEach {
        $null = Import-TestMachine @{ dns = @{
                'da.contoso.com'    = @('203.0.113.10', '2001:db8::10')
                'gone.contoso.com'  = @()
                'empty.contoso.com' = @{ outcome = 'noRecords' }
                'slow.contoso.com'  = @{ outcome = 'timedOut' }
                'nx.contoso.com'    = @{ outcome = 'nameError' }
            }
        }
    }
    It 'answers A and AAAA records in the Answer section' {
        $r = @(Resolve-DnsName -Name 'da.contoso.com' -Type A_AAAA)
        $r.Count | Should -Be 2
        $r[0].Type | Should -Be 'A'
        $r[0].Section | Should -Be 'Answer'
        $r[1].IPAddress | Should -Be '2001:db8::10'
        @(Resolve-DnsName -Name 'da.contoso.com' -Type A).Count | Should -Be 1
    }
    It 'no such name (an empty list, an unlisted name or nameError) throws as Windows does: DNS_ERROR_RCODE_NAME_ERROR, Win32Exception 9003 (real capture of the id)' {
        foreach ($n in 'gone.contoso.com', 'unlisted.contoso.com', 'nx.contoso.com') {
            $err = $null
            try { Resolve-DnsName -Name $n -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName*'
            $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $err.Exception | Should -BeOfType [System.ComponentModel.Win32Exception]
            $err.Exception.NativeErrorCode | Should -Be 9003
            $err.Exception.Message | Should -Be "$n : DNS name does not exist"
        }
        Resolve-DadName -Name 'gone.contoso.com' | Should -BeNullOrEmpty
    }
    It 'a time-out throws ERROR_TIMEOUT, Win32Exception 1460, OperationTimeout (real capture of the id)' {
        $err = $null
        try { Resolve-DnsName -Name 'slow.contoso.com' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ERROR_TIMEOUT,Microsoft.DnsClient.Commands.ResolveDnsName*'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err.Exception.NativeErrorCode | Should -Be 1460
        Resolve-DadName -Name 'slow.contoso.com' | Should -BeNullOrEmpty
    }
    It 'no records of that type answers the zone SOA in the Authority section, no error (assumed shape, no capture)' {
        $r = @(Resolve-DnsName -Name 'empty.contoso.com' -ErrorAction Stop)
        $r.Count | Should -Be 1
        $r[0].Type | Should -Be 'SOA'
        $r[0].Section | Should -Be 'Authority'
        $r[0].Name | Should -Be 'contoso.com'
    }
    It 'the probes record which of them happened' {
        Import-Module (Join-Path (Split-Path -Parent $script:SimDir) 'DaDoctor.psm1') -DisableNameChecking -Force
        $lookup = { param($n) & (Get-Module DaDoctor) { param($x) Resolve-DadNameLookup $x } $n }
        (& $lookup 'da.contoso.com').lookup.outcome | Should -Be 'answered'
        (& $lookup 'gone.contoso.com').lookup.outcome | Should -Be 'nameError'
        (& $lookup 'empty.contoso.com').lookup.outcome | Should -Be 'noRecords'
        (& $lookup 'slow.contoso.com').lookup.outcome | Should -Be 'timedOut'
    }
    It 'Windows 7 has no Resolve-DnsName and no Get-VpnConnection' {
        $null = Import-TestScenario 'win7-untrusted-root'
        Get-Command Resolve-DnsName -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-Command Get-VpnConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Other connections: VPN profiles, folders, the effective NRPT inside' {
    It 'Get-VpnConnection lists this user''s profiles, -AllUserConnection the machine''s (assumed shape, no capture)' {
        $null = Import-TestMachine @{ vpnConnections = @(
                @{ Name = 'Contoso Device Tunnel'; ServerAddress = 'vpn.contoso.com'; TunnelType = 'Ikev2'; ConnectionStatus = 'Connected'; AllUserConnection = $true }
                @{ Name = 'Contoso VPN'; ServerAddress = 'vpn.contoso.com'; TunnelType = 'Automatic'; ConnectionStatus = 'Disconnected'; AllUserConnection = $false }
            )
        }
        (Get-VpnConnection -AllUserConnection).Name | Should -Be 'Contoso Device Tunnel'
        (Get-VpnConnection).ConnectionStatus | Should -Be 'Disconnected'
    }
    It 'Test-DadFolder answers from machine.folders, any case' {
        $null = Import-TestMachine @{ folders = @('%ProgramFiles%\Global Secure Access Client') }
        Test-DadFolder -Path '%programfiles%\global secure access client' | Should -BeTrue
        Test-DadFolder -Path '%ProgramFiles%\Other' | Should -BeFalse
    }
    It 'inside (ConnectedLocally) the effective NRPT shows DirectAccess rules off unless the scenario says they stay on (assumed rendering)' {
        $null = Import-TestScenario 'inside-corpnet'
        (@(Get-DnsClientNrptPolicy -Effective) | Where-Object { $_.DirectAccessDnsServers.Count -gt 0 }).DirectAccessEnabled | Should -BeFalse
        $null = Import-TestScenario 'healthy'
        (@(Get-DnsClientNrptPolicy -Effective) | Where-Object { $_.DirectAccessDnsServers.Count -gt 0 }).DirectAccessEnabled | Should -BeTrue
    }
}

Describe 'Generated netsh text has the shapes of the real captures (probes/fixtures, knowledge Q)' {
    BeforeAll {
        $script:Fixtures = Join-Path (Split-Path -Parent $PSScriptRoot) 'probes/fixtures'
        function Read-TestFixture([string]$Name) { return , @(Get-Content -LiteralPath (Join-Path $script:Fixtures $Name)) }
        function Get-NonBlank($Lines) { return , @(foreach ($l in $Lines) { if ($l.Trim()) { [string]$l } }) }
        # A line with white space collapsed around the first colon (web pages lose indentation and column padding).
        function Get-Collapsed($Lines) { return , @(foreach ($l in (Get-NonBlank $Lines)) { ($l.Trim() -replace '\s*:\s*', ' : ' -replace '\s{2,}', ' ') }) }
    }

    It 'httpstunnel: the same lines, columns and values as the Windows 10 capture with the tunnel up (real capture)' {
        $null = Import-TestMachine @{ ipHttps = @{ configuration = @(@{ Profile = 'IPHTTPSInterface'; ProfileActivated = $true; ConfigurationType = 'GroupPolicy'; State = 'Default'; Type = 'Client'; AuthMode = 'None'; ServerURL = 'https://server.example.com:443/IPHTTPS'; PolicyStore = 'RSOP' }) } }
        $sim = Get-NonBlank (netsh interface httpstunnel show interfaces)
        $real = Get-NonBlank (Read-TestFixture 'httpstunnel-tunnel-up.capture.txt')
        $sim | Should -Be $real
    }

    It 'httpstunnel: the code line keeps the capture''s column for a failing client (real capture layout)' {
        $null = Import-TestScenario 'untrusted-root'
        $sim = Get-NonBlank (netsh interface httpstunnel show interfaces)
        $real = Get-NonBlank (Read-TestFixture 'httpstunnel-tunnel-up.capture.txt')
        $sim.Count | Should -Be $real.Count
        for ($i = 0; $i -lt $real.Count; $i++) { $sim[$i].IndexOf(':') | Should -Be $real[$i].IndexOf(':') -Because "line $i keeps its colon column" }
        $sim[4] | Should -Be 'Last Error Code            : 0x800b0109'
    }

    It 'winhttp: the labels and values of the import proxy capture (real capture, indentation lost)' {
        $null = Import-TestMachine @{ proxy = @{ winHttp = @{ ProxyServer = '192.168.1.1:80'; BypassList = $null } } }
        $sim = Get-Collapsed (netsh winhttp show proxy)
        $sim | Should -Be (Get-Collapsed (Read-TestFixture 'winhttp-import-proxy.capture.txt'))
    }

    It 'teredo: the same lines and columns as the pastebin capture (real capture)' {
        $null = Import-TestMachine @{ teredo = @{ Type = 'natawareclient'; ServerName = 'win1901.ipv6.microsoft.com.'; ClientRefreshInterval = '20 seconds'; State = 'qualified'; Error = $null; ClientType = 'teredo client'; Network = 'unmanaged'; NAT = 'cone'; NATSpecialBehaviour = 'UPNP: Yes, PortPreserving: Yes'; LocalMapping = '192.168.254.3:56486' } }
        $sim = Get-NonBlank (netsh interface teredo show state)
        $sim | Should -Be (Get-NonBlank (Read-TestFixture 'teredo-show-state.capture.txt'))
    }

    It 'namespace effectivepolicy inside the corporate network prints the note of the Windows 7 screenshot (blog text)' {
        $null = Import-TestMachine @{ location = 'inside' } @{ base = 'win7-client.json' }
        $real = (Get-NonBlank (Read-TestFixture 'namespace-effectivepolicy-inside.blogtext.txt'))[0]
        (netsh namespace show effectivepolicy) | Should -Contain $real
        $null = Import-TestScenario 'win7-untrusted-root'
        (netsh namespace show effectivepolicy) | Should -Not -Contain $real
    }

    It 'dnsclient show state says where the machine is (assumed shape, no real capture)' {
        $null = Import-TestMachine @{ location = 'inside' } @{ base = 'win7-client.json' }
        (netsh dnsclient show state) -match '^Machine Location\s+: Inside corporate network$' | Should -Not -BeNullOrEmpty
        $null = Import-TestScenario 'win7-untrusted-root'
        (netsh dnsclient show state) -match '^Machine Location\s+: Outside corporate network$' | Should -Not -BeNullOrEmpty
        $null = Import-TestScenario 'inside-corpnet'
        (netsh dnsclient show state) -match 'Inside corporate network' | Should -Not -BeNullOrEmpty
    }
}

Describe 'Chain status is computed from the machine' {
    It 'healthy: no status, names match' {
        $null = Import-TestScenario 'healthy'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443 -TimeoutMs 1000
        $r.Handshake | Should -Be 'succeeded'
        @($r.ChainStatus).Count | Should -Be 0
        @($r.ChainStatusOnline).Count | Should -Be 0
        $r.NameMatches | Should -BeTrue
        $r.Chain.Count | Should -Be 3
        $r.Chain[0].NotAfter | Should -BeOfType [datetime]
        $r.ServerDate | Should -BeOfType [datetime]
    }
    It 'untrusted root when the root is not in LocalMachine\Root' {
        $null = Import-TestScenario 'untrusted-root'
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('UntrustedRoot')
    }
    It 'partial chain when the intermediate is neither presented nor in the CA store' {
        $leaf = (Get-Content -Raw (Join-Path $script:CertDir 'index.json') | ConvertFrom-Json) | Where-Object { $_.file -eq 'da-contoso-com.cer' }
        $null = Import-TestMachine @{
            certificates = @{ CA = @() }
            servers      = @{ 'da.contoso.com:443' = @{ presentedChain = @($leaf) } }
        }
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('PartialChain')
    }
    It 'an intermediate missing from every store is fetched from the AIA URL when its host answers; PartialChain when it does not' {
        $index = Get-Content -Raw (Join-Path $script:CertDir 'index.json') | ConvertFrom-Json
        $leaf = $index | Where-Object { $_.file -eq 'da-contoso-com.cer' } | Select-Object * -ExcludeProperty file
        $leaf | Add-Member -NotePropertyName AiaUrls -NotePropertyValue @('http://pki.contoso.com/aia/ContosoIssuing.crt')
        $issuing = $index | Where-Object { $_.file -eq 'contoso-issuing-ca.cer' } | Select-Object * -ExcludeProperty file
        $machine = @{
            certificates = @{ CA = @() }
            servers      = @{ 'da.contoso.com:443' = @{ presentedChain = @($leaf) } }
            network      = @{ urls = @{ 'http://pki.contoso.com/aia/ContosoIssuing.crt' = @{ certificate = $issuing } } }
        }
        $null = Import-TestMachine $machine
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        @($r.ChainStatus).Count | Should -Be 0
        $r.Chain.Count | Should -Be 3
        $machine.network.tcp = @{ 'pki.contoso.com:80' = 'timedOut' }
        $null = Import-TestMachine $machine
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('PartialChain')
    }
    It 'NotValidForUsage when a certificate of the chain does not allow Server Authentication (knowledge C.2)' {
        $index = Get-Content -Raw (Join-Path $script:CertDir 'index.json') | ConvertFrom-Json
        $leaf = $index | Where-Object { $_.file -eq 'da-contoso-com.cer' } | Select-Object * -ExcludeProperty file
        $leaf.Ekus = @('1.3.6.1.5.5.7.3.2')
        $null = Import-TestMachine @{ servers = @{ 'da.contoso.com:443' = @{ presentedChain = @($leaf) } } }
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('NotValidForUsage')
        $leaf.Ekus = @('2.5.29.37.0')
        $null = Import-TestMachine @{ servers = @{ 'da.contoso.com:443' = @{ presentedChain = @($leaf) } } }
        @((Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus).Count | Should -Be 0
    }
    It 'not time valid for an expired certificate, and for a clock 3 years ahead' {
        $null = Import-TestScenario 'expired-server-cert'
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('NotTimeValid')
        $null = Import-TestScenario 'clock-skew'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        $r.ChainStatus | Should -Be @('NotTimeValid')
        $r.ServerDate.Year | Should -Be 2026
        (Get-DadUtcNow).Year | Should -Be 2029
    }
    It 'online revocation fails when the CRL distribution point is unreachable' {
        $null = Import-TestScenario 'revocation-offline'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        @($r.ChainStatus).Count | Should -Be 0
        $r.ChainStatusOnline | Should -Be @('RevocationStatusUnknown', 'OfflineRevocation')
        $r.Chain[0].CrlUrls | Should -Be @('http://pki.contoso.com/crl/ContosoIssuing.crl')
    }
    It 'name mismatch from the ServerURL host and the leaf names' {
        $null = Import-TestScenario 'name-mismatch'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        $r.NameMatches | Should -BeFalse
        $r.Chain[0].DnsNames | Should -Be @('vpn.contoso.com')
    }
    It 'does not attempt the handshake unless TCP succeeds' {
        $null = Import-TestScenario 'captive-portal'
        Test-DadTcpPort -HostName 'da.contoso.com' -Port 443 -TimeoutMs 100 | Should -Be 'timedOut'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        $r.Handshake | Should -Be 'notAttempted'
        $r.NameMatches | Should -BeNullOrEmpty
        $null = Import-TestScenario 'nrpt-split-dns'
        @(Resolve-DadName -Name 'da.contoso.com').Count | Should -Be 0
        Test-DadTcpPort -HostName 'da.contoso.com' -Port 443 | Should -Be 'unresolved'
    }
    It 'reports the client certificate request of the server' {
        $null = Import-TestScenario 'preauth-no-machine-cert'
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ClientCertificateRequested | Should -BeTrue
        @(Get-DadCertificates -Store My).Count | Should -Be 0
    }
    It 'self-signed renewed: the new self-signed leaf is untrusted although the old one is in Root' {
        $null = Import-TestScenario 'self-signed-renewed'
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443
        $r.Chain.Count | Should -Be 1
        $r.ChainStatus | Should -Be @('UntrustedRoot')
    }
    It 'Test-DadCertificateChain builds the machine certificate to a trusted root' {
        $null = Import-TestScenario 'healthy'
        Test-DadCertificateChain -Thumbprint 'CC64E9CA5BA9F94B19844E2E6087DBDC896E09D3' | Should -BeTrue
    }
}

Describe 'Faults' {
    It 'a throwing command throws' {
        $null = Import-TestScenario 'probe-throws'
        { Get-NetTeredoState } | Should -Throw '*simulated failure*'
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'a hanging command sleeps (here for 1 s)' {
        $null = Import-TestMachine @{} @{ faults = @{ 'Get-DnsClientNrptPolicy' = @{ mode = 'hang'; seconds = 1 } } }
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-DnsClientNrptPolicy -Effective
        $sw.ElapsedMilliseconds | Should -BeGreaterOrEqual 900
    }
    It 'probe-hangs hangs Get-DnsClientNrptPolicy' {
        $null = Import-TestScenario 'probe-hangs'
        $global:DadSim.Faults['Get-DnsClientNrptPolicy'] | Should -Be 'hang'
    }
}

Describe 'Transitions' {
    It 'untrusted-root: importing the pinned root and restarting iphlpsvc connects' {
        $null = Import-TestScenario 'untrusted-root'
        Import-TestCertificate 'contoso-root-ca.cer' | Out-Null
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 2148204809
        Restart-Service -Name iphlpsvc -Force
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
        (Get-NetIPHttpsState).InterfaceStatus | Should -Be 'IPHTTPS interface active'
        (Get-DAConnectionStatus).Status | Should -Be 'ConnectedRemotely'
        @((Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus).Count | Should -Be 0
        $state = Get-DadSimState | ConvertFrom-Json
        @($state.events | ForEach-Object { $_.event }) | Should -Be @('certificate-imported:Root', 'service-restarted:iphlpsvc')
    }
    It 'untrusted-root-no-pin: a file whose thumbprint does not match changes nothing' {
        $null = Import-TestScenario 'untrusted-root-no-pin'
        Import-TestCertificate 'contoso-root-ca-2016.cer' | Out-Null
        Restart-Service -Name iphlpsvc -Force
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 2148204809
        (Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443).ChainStatus | Should -Be @('UntrustedRoot')
        Remove-DadCertificate -Store Root -Thumbprint '5DAC96631D893710D92A25106AC763CBE1374A4C'
        Import-TestCertificate 'contoso-root-ca.cer' | Out-Null
        Restart-Service -Name iphlpsvc -Force
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'win7-untrusted-root: certutil -addstore, restart, netsh shows 0x0' {
        $null = Import-TestScenario 'win7-untrusted-root'
        $out = certutil -addstore Root (Join-Path $script:CertDir 'contoso-root-ca.cer')
        $LASTEXITCODE | Should -Be 0
        $out | Should -Contain 'CertUtil: -addstore command completed successfully.'
        Restart-Service -Name iphlpsvc -Force
        (netsh interface httpstunnel show interfaces) | Should -Contain 'Last Error Code            : 0x0'
    }
    It 'clock-skew: w32tm /resync corrects the clock and IP-HTTPS connects' {
        $null = Import-TestScenario 'clock-skew'
        $out = w32tm /resync
        $LASTEXITCODE | Should -Be 0
        $out | Should -Contain 'The command completed successfully.'
        (Get-DadUtcNow).Year | Should -Be 2026
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'clock-skew: w32tm fails while w32time is stopped' {
        $null = Import-TestMachine @{ services = @{ w32time = @{ Status = 'Stopped' } } }
        $null = w32tm /resync
        $LASTEXITCODE | Should -Not -Be 0
    }
    It 'revocation-offline: clearing the CRL caches leaves it failing' {
        $null = Import-TestScenario 'revocation-offline'
        $null = certutil -urlcache * delete
        $null = certutil -setreg 'chain\ChainCacheResyncFiletime' '@now'
        Restart-Service -Name iphlpsvc -Force
        (netsh interface httpstunnel show interfaces) | Should -Contain 'Last Error Code            :0x80092013'
        @((Get-DadSimState | ConvertFrom-Json).events | Where-Object { $_.event -eq 'crl-cache-cleared' }).Count | Should -Be 2
    }
    It 'winhttp-proxy: reset and ProxyMgr cleared restores IP-HTTPS, and not before' {
        $null = Import-TestScenario 'winhttp-proxy'
        $null = netsh winhttp reset proxy
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 11001
        (netsh winhttp show proxy) | Should -Contain '    Direct access (no proxy server).'
        foreach ($k in @(Get-DadRegistrySubkeys -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr')) {
            Remove-DadRegistryKey -Path ('HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr\' + $k)
        }
        Restart-Service -Name iphlpsvc -Force
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'winhttp-proxy: the undo puts the saved proxy back' {
        $null = Import-TestScenario 'winhttp-proxy'
        $null = netsh winhttp reset proxy
        $null = netsh winhttp set proxy proxy-server="proxy.contoso.com:8080" bypass-list="<local>"
        (netsh winhttp show proxy) | Should -Contain '    Proxy Server(s) :  proxy.contoso.com:8080'
    }
    It 'winhttp-proxy: writing the saved WinHttpSettings bytes back (the undo) restores the proxy and fires winhttp-proxy-set' {
        $null = Import-TestScenario 'winhttp-proxy'
        $key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
        $saved = [byte[]](Get-DadRegistryValues -Path $key)['WinHttpSettings']
        $null = netsh winhttp reset proxy
        (Get-DadRegistryValues -Path $key)['WinHttpSettings'][8] | Should -Be 1
        Set-DadRegistryValue -Path $key -Name WinHttpSettings -Value $saved -Type Binary
        (netsh winhttp show proxy) | Should -Contain '    Proxy Server(s) :  proxy.contoso.com:8080'
        (Get-DadRegistryValues -Path $key)['WinHttpSettings'][8] | Should -Be 3
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 11001
        @((Get-DadSimState | ConvertFrom-Json).events | Where-Object { $_.event -eq 'winhttp-proxy-set' }).Count | Should -Be 1
    }
    It 'netsh winhttp reset proxy replaces a WinHttpSettings value the scenario named' {
        $key = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
        $null = Import-TestMachine @{ registry = @{ $key = @{ WinHttpSettings = $null } } }
        (Get-DadRegistryValues -Path $key).Contains('WinHttpSettings') | Should -BeFalse
        $null = netsh winhttp reset proxy
        (Get-DadRegistryValues -Path $key)['WinHttpSettings'][8] | Should -Be 1
    }
    It 'ip-helper-stopped: Set-Service Automatic and Start-Service bring IP-HTTPS up' {
        $null = Import-TestScenario 'ip-helper-stopped'
        Get-NetIPHttpsState | Should -BeNullOrEmpty
        Set-Service -Name iphlpsvc -StartupType Automatic
        Start-Service -Name iphlpsvc
        (Get-Service -Name iphlpsvc).Status | Should -Be 'Running'
        (Get-Service -Name iphlpsvc).StartType | Should -Be 'Automatic'
        (Get-NetIPHttpsState).InterfaceStatus | Should -Be 'IPHTTPS interface active'
    }
    It 'edition-pro: NcaSvc cannot start' {
        $null = Import-TestScenario 'edition-pro'
        { Start-Service -Name NcaSvc } | Should -Throw "*Failed to start service 'Network Connectivity Assistant (NcaSvc)'*"
    }
    It 'ipv6-disabled: 0x7e (0xff without the client tunnel bits, plus 0x20) makes a reboot pending; after the reboot IP-HTTPS connects' {
        $null = Import-TestScenario 'ipv6-disabled'
        Set-DadRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' -Name DisabledComponents -Value 0x7e -Type DWord
        (Get-DadRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters')['DisabledComponents'] | Should -Be 126
        $global:DadSim.Machine['rebootPending'] | Should -BeTrue
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 1603
        $null = Restart-DadSimMachine
        $global:DadSim.Machine['rebootPending'] | Should -BeFalse
        (Get-NetIPHttpsState).LastErrorCode | Should -Be 0
    }
    It 'isatap-default-state: Set-NetIsatapConfiguration -State Enabled creates the interface' {
        $null = Import-TestScenario 'isatap-default-state'
        @(Get-NetIPAddress -AddressFamily IPv6 | Where-Object { $_.InterfaceAlias -like 'isatap*' }).Count | Should -Be 0
        Set-NetIsatapConfiguration -State Enabled -Router 'isatap-da.corp.contoso.com'
        (Get-NetIsatapConfiguration).State | Should -Be 'Enabled'
        @(Get-NetIPAddress -AddressFamily IPv6 | Where-Object { $_.InterfaceAlias -like 'isatap*' }).IPAddress | Should -Contain 'fd00:1234:5678:1::5efe:10.0.1.20'
    }
    It 'isatap-blocked-name: setting the targeted router name brings the interface up' {
        $null = Import-TestScenario 'isatap-blocked-name'
        @(Resolve-DadName -Name 'isatap').Count | Should -Be 0
        Set-NetIsatapConfiguration -Router 'isatap-da.corp.contoso.com'
        @(Resolve-DadName -Name (Get-NetIsatapConfiguration).Router) | Should -Be @('10.0.0.5')
        @(Get-NetIPAddress -AddressFamily IPv6).IPAddress | Should -Contain 'fd00:1234:5678:1::5efe:10.0.1.20'
    }
    It 'netsh interface isatap set router/state changes the ISATAP configuration' {
        $null = Import-TestScenario 'isatap-default-state'
        (netsh interface isatap set state enabled) | Should -Contain 'Ok.'
        (netsh interface isatap show state) | Should -Contain 'ISATAP State            : enabled'
        $null = netsh interface isatap set router isatap-da.corp.contoso.com enabled
        (netsh interface isatap show router) | Should -Contain 'Router Name             : isatap-da.corp.contoso.com'
        @(Get-NetIPAddress -AddressFamily IPv6).IPAddress | Should -Contain 'fd00:1234:5678:1::5efe:10.0.1.20'
    }
    It 'transition-6to4-in-use: Set-Net6to4Configuration -State Disabled removes the 2002: address and IP-HTTPS connects' {
        $null = Import-TestScenario 'transition-6to4-in-use'
        (Get-Net6to4Configuration).State | Should -Be 'Enabled'
        $null -eq (Get-NetIPHttpsState) | Should -BeTrue
        @(Get-NetIPAddress -AddressFamily IPv6).IPAddress | Should -Contain '2002:c633:6425::c633:6425'
        Set-Net6to4Configuration -State Disabled
        (Get-Net6to4Configuration).State | Should -Be 'Disabled'
        @(Get-NetIPAddress -AddressFamily IPv6).IPAddress | Should -Not -Contain '2002:c633:6425::c633:6425'
        (Get-NetIPHttpsState).InterfaceStatus | Should -Be 'IPHTTPS interface active'
        (Get-DAConnectionStatus).Status | Should -Be 'ConnectedRemotely'
    }
    It 'netsh interface 6to4 set/show state changes the 6to4 state (Windows 8 and later base: Default)' {
        $null = Import-TestScenario 'healthy'
        ((netsh interface 6to4 show state) -join "`n") | Should -Match '6to4 Service State\s+: default'
        (netsh interface 6to4 set state disabled) | Should -Contain 'Ok.'
        (Get-Net6to4Configuration).State | Should -Be 'Disabled'
    }
    It 'loading the scenario again undoes what the fixes changed' {
        $null = Import-TestScenario 'untrusted-root'
        Import-TestCertificate 'contoso-root-ca.cer' | Out-Null
        $null = Import-TestScenario 'untrusted-root'
        @(Get-DadCertificates -Store Root | Where-Object { $_.Thumbprint -eq $script:RootThumb }).Count | Should -Be 0
    }
}

Describe 'Scenario format rules' {
    It 'merges objects key by key, replaces arrays, and edits arrays with $remove/$append' {
        $null = Import-TestMachine @{
            services     = @{ iphlpsvc = @{ Status = 'Stopped' } }
            ipAddresses  = @(@{ InterfaceAlias = 'Ethernet'; IPAddress = '10.1.1.1' })
            certificates = @{ Root = @{ '$remove' = @($script:RootThumb) } }
        }
        (Get-Service -Name iphlpsvc).Status | Should -Be 'Stopped'
        (Get-Service -Name iphlpsvc).StartType | Should -Be 'Automatic'
        @(Get-NetIPAddress).Count | Should -Be 1
        @(Get-DadCertificates -Store Root).Count | Should -Be 2
    }
    It 'splits bracketed paths' {
        $a = Split-DadSimPath 'registry[HKLM:\A.B\C].Name'
        $a | Should -Be @('registry', 'HKLM:\A.B\C', 'Name')
        $b = Split-DadSimPath 'servers[da.contoso.com:443].presentedChain.0'
        $b | Should -Be @('servers', 'da.contoso.com:443', 'presentedChain', '0')
    }
}

Describe 'Import-DadSimScenario refuses bad input clearly' {
    It 'refuses characters outside base64 in param()' {
        { Import-DadSimScenario -InputB64 'not base64!' } | Should -Throw '*InputB64*'
    }
    It 'refuses base64 that does not decode' {
        { Import-DadSimScenario -InputB64 'abc' } | Should -Throw '*not valid base64*'
    }
    It 'refuses input that is not JSON' {
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 'hello') } | Should -Throw '*does not decode to JSON*'
    }
    It 'refuses JSON without a path' {
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 '{"file":"x"}') } | Should -Throw '*{"path"*'
    }
    It 'refuses a relative path, a missing file and a file that is not .json' {
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 '{"path":"healthy.json"}') } | Should -Throw '*must be absolute*'
        $missing = Join-Path $TestDrive 'nope.json'
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json $missing) + '}')) } | Should -Throw '*scenario file not found*'
        $txt = Join-Path $TestDrive 'x.txt'; Set-Content -LiteralPath $txt -Value '{}'
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json $txt) + '}')) } | Should -Throw '*.json file*'
    }
    It 'refuses a file that is not JSON' {
        $bad = Join-Path $TestDrive 'bad.json'; Set-Content -LiteralPath $bad -Value 'schema: nope'
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json $bad) + '}')) } | Should -Throw '*is not valid JSON*'
    }
    It 'refuses a wrong schema tag' {
        $bad = Join-Path $TestDrive 'wrong.json'; Set-Content -LiteralPath $bad -Value '{"schema":"da-doctor/snapshot@1","machine":{}}'
        { Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json $bad) + '}')) } | Should -Throw "*expected 'da-doctor/scenario@1'*"
    }
    It 'refuses unknown commands, faults and malformed transitions' {
        { Import-TestMachine @{ commands = @{ 'Get-Nothing' = $true } } } | Should -Throw '*machine.commands*'
        { Import-TestMachine @{} @{ faults = @{ 'Get-NetTeredoState' = 'explode' } } } | Should -Throw '*throw*hang*'
        { Import-TestMachine @{} @{ transitions = @(@{ on = 'x'; when = @(@{ weird = 1 }); set = @{ a = 1 } }) } } | Should -Throw '*unknown condition*'
    }
}

Describe 'Location: the network location server and the networks are a world, not a flag' {
    It 'Get-NCSIPolicyConfiguration shows the policy registry''s NLS URL; Windows 7 has no such cmdlet' {
        $null = Import-TestScenario 'healthy'
        (Get-NCSIPolicyConfiguration).DomainLocationDeterminationURL | Should -Be 'https://nls.corp.contoso.com/'
        $null = Import-TestScenario 'win7-untrusted-root'
        Get-Command Get-NCSIPolicyConfiguration -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-Command Get-NetConnectionProfile -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
    It 'the firewall''s current profile types follow the networks (Domain 0x1, Private 0x2, Public 0x4) unless given' {
        $null = Import-TestScenario 'inside-corpnet'
        (Get-NetConnectionProfile).NetworkCategory | Should -Be 'DomainAuthenticated'
        Get-DadFirewallCurrentProfileTypes | Should -Be 1
        $null = Import-TestScenario 'healthy'
        Get-DadFirewallCurrentProfileTypes | Should -Be 4
        $null = Import-TestMachine @{ connectionProfiles = @(@{ NetworkCategory = 'Private' }, @{ NetworkCategory = 'DomainAuthenticated' }) }
        Get-DadFirewallCurrentProfileTypes | Should -Be 3
        $null = Import-TestMachine @{ connectionProfiles = $null; firewallCurrentProfileTypes = 5 }
        Get-DadFirewallCurrentProfileTypes | Should -Be 5
        $null = Import-TestMachine @{ connectionProfiles = $null }
        Get-DadFirewallCurrentProfileTypes | Should -BeNullOrEmpty
    }
    It 'the NLS answers inside with the HEAD request''s status; refused and expired where the scenario says' {
        $null = Import-TestScenario 'inside-corpnet'
        $r = Invoke-DadTlsProbe -HostName 'nls.corp.contoso.com' -Port 443 -Path '/'
        $r.Handshake | Should -Be 'succeeded'
        $r.HttpStatus | Should -Be 200
        @($r.ChainStatusOnline).Count | Should -Be 0
        $null = Import-TestScenario 'nls-unreachable-inside'
        Test-DadTcpPort -HostName 'nls.corp.contoso.com' -Port 443 -TimeoutMs 100 | Should -Be 'refused'
        $null = Import-TestScenario 'nls-cert-expired-inside'
        (Invoke-DadTlsProbe -HostName 'nls.corp.contoso.com' -Port 443).ChainStatus | Should -Be @('NotTimeValid')
    }
    It 'Windows 7 without a verdict of its own is inside exactly when the NLS of its policy answers from its network' {
        $nls = @{
            dns                = @{ 'nls.corp.contoso.com' = @('10.0.0.10') }
            network            = @{ tcp = @{ 'nls.corp.contoso.com:443' = 'succeeded'; 'pki.contoso.com:80' = 'succeeded' } }
            servers            = @{ 'nls.corp.contoso.com:443' = @{ presentedChain = @(@{ Subject = 'CN=nls.corp.contoso.com'; Issuer = 'CN=Contoso Issuing CA'; Thumbprint = '4E1A2B3C4D5E6F708192A3B4C5D6E7F801234567'; NotBefore = '2024-06-01T00:00:00Z'; NotAfter = '2027-06-01T00:00:00Z'; DnsNames = @('nls.corp.contoso.com'); CrlUrls = @('http://pki.contoso.com/crl/ContosoIssuing.crl') }) } }
            connectionProfiles = @(@{ InterfaceAlias = 'Local Area Connection'; NetworkCategory = 'DomainAuthenticated' })
        }
        $null = Import-TestMachine $nls @{ base = 'win7-client.json' }
        (netsh dnsclient show state) -match '^Machine Location\s+: Inside corporate network$' | Should -Not -BeNullOrEmpty
        # The intranet CRL distribution point unreachable: "Without a reachable CRL distribution point on the intranet,
        # intranet detection fails" (TechNet ee382300, knowledge H.1).
        $nls.network.tcp['pki.contoso.com:80'] = 'timedOut'
        $null = Import-TestMachine $nls @{ base = 'win7-client.json' }
        (netsh dnsclient show state) -match '^Machine Location\s+: Outside corporate network$' | Should -Not -BeNullOrEmpty
        $nls.network.tcp['pki.contoso.com:80'] = 'succeeded'
        $nls.network.tcp['nls.corp.contoso.com:443'] = 'refused'
        $null = Import-TestMachine $nls @{ base = 'win7-client.json' }
        (netsh dnsclient show state) -match '^Machine Location\s+: Outside corporate network$' | Should -Not -BeNullOrEmpty
    }
}

Describe 'IPsec security associations are computed from the machine (knowledge I.7; assumed cmdlet shapes, Q.5)' {
    BeforeAll {
        function Get-TestSaRemotes { foreach ($sa in @(Get-NetIPsecMainModeSA)) { $sa.RemoteEndpoint } }
    }
    It 'a connected Windows 10 client has a main-mode and a quick-mode SA to each DTE' {
        $null = Import-TestScenario 'healthy'
        @(Get-TestSaRemotes) | Should -Be @('fd00:1234:5678:1000::1', 'fd00:1234:5678:1000::2')
        @(Get-NetIPsecQuickModeSA).Count | Should -Be 2
        (@(Get-NetIPsecMainModeSA)[0]).LocalFirstId.AuthenticationMethod | Should -Be 'MachineCert'
        @(Get-NetIPsecRule -PolicyStore ActiveStore | Where-Object { $_.DisplayName -like 'DirectAccess Policy*' }).Count | Should -Be 4
    }
    It 'none while IKEEXT is stopped; starting it (as start-ipsec-services does) brings them' {
        $null = Import-TestMachine @{ services = @{ IKEEXT = @{ Status = 'Stopped'; StartType = 'Manual' } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        Start-Service -Name IKEEXT
        @(Get-TestSaRemotes).Count | Should -Be 2
    }
    It 'none while PolicyAgent, BFE or MpsSvc is not running' {
        foreach ($name in 'PolicyAgent', 'BFE', 'MpsSvc') {
            $null = Import-TestMachine @{ services = @{ $name = @{ Status = 'Stopped'; StartType = 'Manual' } } }
            @(Get-TestSaRemotes).Count | Should -Be 0 -Because "$name is stopped"
        }
    }
    It 'none when the firewall is off for the profile in use (Public by default); another profile off does not matter' {
        $null = Import-TestMachine @{ registry = @{ 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile' = @{ EnableFirewall = 0 } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        $null = Import-TestMachine @{ registry = @{ 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\StandardProfile' = @{ EnableFirewall = 0 } } }
        @(Get-TestSaRemotes).Count | Should -Be 2
        $null = Import-TestMachine @{ connectionProfiles = @(@{ NetworkCategory = 'Private' }); registry = @{ 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\StandardProfile' = @{ EnableFirewall = 0 } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
    }
    It 'none without a usable computer certificate where IPsec authenticates with one; Kerberos does not need it' {
        $null = Import-TestMachine @{ certificates = @{ My = @() } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        $kerb = @(@{ Name = 'DirectAccess Policy-ClientToInfra-Phase1AuthSet'; Proposal = @(@{ AuthenticationMethod = 'MachineKerb' }) },
            @{ Name = 'DirectAccess Policy-ClientToCorp-Phase1AuthSet'; Proposal = @(@{ AuthenticationMethod = 'MachineKerb' }) })
        $null = Import-TestMachine @{ certificates = @{ My = @() }; ipsec = @{ phase1AuthSets = $kerb } }
        @(Get-TestSaRemotes).Count | Should -Be 2
        $null = Import-TestMachine @{ clock = @{ utcNow = '2026-10-01T00:00:00Z'; referenceUtc = '2026-10-01T00:00:00Z' } }
        @(Get-TestSaRemotes).Count | Should -Be 0 -Because 'the computer certificate expired on 2026-09-01'
    }
    It 'none when IP-HTTPS is not up, inside the office, or when the server side refuses (the scenario knob)' {
        $null = Import-TestMachine @{ ipHttps = @{ state = @{ LastErrorCode = '0x800b0109'; InterfaceStatus = 'Failed to connect to the IPHTTPS server; waiting to reconnect' } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        # each half of "up" on its own: a code with the active text, code 0 without it
        $null = Import-TestMachine @{ ipHttps = @{ state = @{ LastErrorCode = '0x2af9'; InterfaceStatus = 'IPHTTPS interface active' } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        $null = Import-TestMachine @{ ipHttps = @{ state = @{ LastErrorCode = 0; InterfaceStatus = 'IPHTTPS interface deactivated' } } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        $null = Import-TestMachine @{ daConnectionStatus = @{ Status = 'ConnectedLocally'; Substatus = 'None' } }
        @(Get-TestSaRemotes).Count | Should -Be 0
        $null = Import-TestMachine @{ ipsec = @{ serverFailure = 'the server no longer trusts the issuing CA' } }
        @(Get-TestSaRemotes).Count | Should -Be 0
    }
    It 'refuses an unelevated caller with access denied when the scenario says the cmdlet needs an administrator' {
        $null = Import-TestMachine @{ ipsec = @{ saNeedsElevation = $true } }
        { Get-NetIPsecMainModeSA } | Should -Throw '*Access is denied*'
        (Test-DadElevated) | Should -BeFalse
        $null = Import-TestMachine @{ ipsec = @{ saNeedsElevation = $true }; session = @{ IsElevated = $true } }
        @(Get-TestSaRemotes).Count | Should -Be 2
        (Test-DadElevated) | Should -BeTrue
    }
    It 'Windows 7 has none of the NetSecurity cmdlets' {
        $null = Import-TestScenario 'win7-untrusted-root'
        foreach ($n in 'Get-NetIPsecRule', 'Get-NetIPsecPhase1AuthSet', 'Get-NetIPsecMainModeSA', 'Get-NetIPsecQuickModeSA') {
            Get-Command $n -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because "$n does not exist on Windows 7"
        }
        $null = Import-TestScenario 'healthy'
    }
}

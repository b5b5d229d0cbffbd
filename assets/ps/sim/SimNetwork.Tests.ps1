# Pester 5 tests of time on the simulated network (machine.network.latency, issue 12) and of the probe pool
# (Start-/Receive-/Stop-DadProbes) on the simulated host. Waits are checked from below only ("it really waited"); how
# fast things are is measured by `npm run bench`, never asserted here.

BeforeAll {
    $script:PsDir = Split-Path -Parent $PSScriptRoot
    $script:ScenarioDir = Join-Path (Split-Path -Parent $script:PsDir) 'scenarios'
    Import-Module (Join-Path $script:PsDir 'DaDoctor.psm1') -Force -DisableNameChecking
    . (Join-Path $PSScriptRoot 'SimHost.ps1')

    function ConvertTo-TestB64([string]$Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }
    function Import-TestMachine($Machine) {
        $doc = @{ schema = 'da-doctor/scenario@1'; name = 'test'; base = 'win10-client.json'; machine = $Machine }
        $dir = Join-Path $TestDrive 'scen'
        New-Item -ItemType Directory -Force -Path (Join-Path $dir '_base') | Out-Null
        Copy-Item (Join-Path $script:ScenarioDir '_base/*.json') (Join-Path $dir '_base')
        $file = Join-Path $dir 'test.json'
        Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $doc -Depth 20) -Encoding UTF8
        $null = Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json -InputObject $file -Compress) + '}'))
    }
    function Measure-TestMs([scriptblock]$Block) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = & $Block
        return @{ Ms = $watch.ElapsedMilliseconds; Result = $result }
    }
    # Runs the pool until every started probe has answered; returns name -> envelope.
    function Receive-TestProbes {
        $all = @{}
        for ($i = 0; $i -lt 200; $i++) {
            $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":200}') | ConvertFrom-Json
            foreach ($p in $r.done.PSObject.Properties) { $all[$p.Name] = $p.Value }
            if (@($r.pending).Count -eq 0) { return $all }
        }
        throw 'the pool never finished'
    }
}

AfterAll {
    Remove-Module DaDoctor -ErrorAction SilentlyContinue
}

Describe 'Time on the simulated network' {
    It 'answers after the endpoint''s delay, within the caller''s budget' {
        Import-TestMachine @{ network = @{ latency = @{ 'da.contoso.com' = @{ ms = 300 } } } }
        $m = Measure-TestMs { Resolve-DadName -Name 'da.contoso.com' -TimeoutMs 2000 }
        $m.Result | Should -Be @('203.0.113.10')
        $m.Ms | Should -BeGreaterOrEqual 300
    }

    It 'gives nothing from a name that hangs, after waiting the whole budget, and says it timed out' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $m = Measure-TestMs { Resolve-DadNames -Names @('da.contoso.com') -TimeoutMs 250 }
        $m.Result['da.contoso.com'].Addresses.Count | Should -Be 0
        $m.Result['da.contoso.com'].TimedOut | Should -BeTrue
        $m.Ms | Should -BeGreaterOrEqual 250
    }

    It 'a delay longer than the budget is a timeout; a shorter one is an answer' {
        Import-TestMachine @{ network = @{ latency = @{ 'da.contoso.com' = @{ ms = 200 } } } }
        (Resolve-DadNames -Names @('da.contoso.com') -TimeoutMs 100)['da.contoso.com'].TimedOut | Should -BeTrue
        (Resolve-DadNames -Names @('da.contoso.com') -TimeoutMs 1000)['da.contoso.com'].TimedOut | Should -BeFalse
    }

    It 'uses the most specific entry: host:port before the name''s own delay before "*"' {
        Import-TestMachine @{ network = @{ latency = @{ 'da.contoso.com:443' = @{ hang = $true }; '*' = @{ ms = 0 } } } }
        Test-DadTcpPort -HostName 'da.contoso.com' -Port 443 -TimeoutMs 150 | Should -Be 'timedOut'
        Test-DadTcpPort -HostName 'pki.contoso.com' -Port 80 -TimeoutMs 150 | Should -Be 'succeeded'
    }

    It 'a TLS probe to a silent network times out and says so; the handshake is never attempted' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443 -TimeoutMs 150
        $r.TimedOut | Should -BeTrue
        $r.Handshake | Should -Be 'notAttempted'
    }

    It 'a CRL download that outlasts its budget counts as offline revocation, the handshake still succeeds' {
        Import-TestMachine @{ network = @{ latency = @{ 'http://pki.contoso.com/crl/ContosoIssuing.crl' = @{ hang = $true } } } }
        $r = Invoke-DadTlsProbe -HostName 'da.contoso.com' -Port 443 -TimeoutMs 150
        $r.Handshake | Should -Be 'succeeded'
        $r.TimedOut | Should -BeFalse
        $r.ChainStatusOnline | Should -Contain 'OfflineRevocation'
        $r.ChainStatus | Should -Not -Contain 'OfflineRevocation'
    }

    It 'without latency entries nothing waits and nothing times out (every older scenario)' {
        Import-TestMachine @{}
        (Resolve-DadNames -Names @('da.contoso.com') -TimeoutMs 0)['da.contoso.com'].Addresses | Should -Be @('203.0.113.10')
    }
}

Describe 'The probe pool (Start-/Receive-/Stop-DadProbes)' {
    It 'runs network probes in the pool with the same answers as one by one' {
        Import-TestMachine @{}
        $one = Invoke-DadProbe -InputB64 (ConvertTo-TestB64 '{"name":"reachability"}') | ConvertFrom-Json
        $started = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability","serverCertificate"]}') | ConvertFrom-Json
        $started.started | Should -Be @('reachability', 'serverCertificate')
        $all = Receive-TestProbes
        $all['reachability'].status | Should -Be 'ok'
        ($all['reachability'].data | ConvertTo-Json -Compress) | Should -Be ($one.data | ConvertTo-Json -Compress)
        $all['serverCertificate'].data.handshake | Should -Be 'succeeded'
    }

    It 'sees the one simulated machine, as changed since the pool started (a fix in the session is seen by the pool)' {
        Import-TestMachine @{}
        $global:DadSim.Machine['dns']['da.contoso.com'] = @('198.51.100.99')
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}')
        (Receive-TestProbes)['reachability'].data.addresses | Should -Be @('198.51.100.99')
    }

    It 'on a silent network every network probe is timedOut with its reason, and local probes in the session still answer' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability","serverCertificate"]}')
        (Invoke-DadProbe -InputB64 (ConvertTo-TestB64 '{"name":"os"}') | ConvertFrom-Json).status | Should -Be 'ok'
        $all = Receive-TestProbes
        $all['reachability'].status | Should -Be 'timedOut'
        $all['reachability'].data.lookup.outcome | Should -Be 'timedOut'
        $all['serverCertificate'].status | Should -Be 'timedOut'
        $all['serverCertificate'].message | Should -Match '^no TLS answer from da\.contoso\.com:443 within 5 s'
    }

    It 'Stop-DadProbes abandons a running probe: it is no longer pending and never reported' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}')
        (Stop-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}') | ConvertFrom-Json).stopped | Should -Be @('reachability')
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":0}') | ConvertFrom-Json
        @($r.pending).Count | Should -Be 0
        @($r.done.PSObject.Properties).Count | Should -Be 0
    }

    It 'one poll gathers every probe that ends within its wait, not only the first to end' {
        # A round trip per probe otherwise: on a machine that answers at once, most of a warm re-check (issue 12).
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ ms = 400 } } } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability","clock"]}')
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":15000}') | ConvertFrom-Json
        @($r.done.PSObject.Properties.Name | Sort-Object) | Should -Be @('clock', 'reachability')
        @($r.pending).Count | Should -Be 0
    }

    It 'a poll still ends after its wait while a probe runs on' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability","clock"]}')
        $t = Measure-TestMs { Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":300}') | ConvertFrom-Json }
        @($t.Result.done.PSObject.Properties.Name) | Should -Be @('clock')
        @($t.Result.pending) | Should -Be @('reachability')
        $t.Ms | Should -BeGreaterOrEqual 250
        $null = Stop-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}')
    }

    It 'probes stopped while still queued never run and are never reported; started again, they run' {
        Import-TestMachine @{}
        $all = '{"names":["os","services","daStatus","ipHttps","trustStores","machineCertificates","proxy","nrpt","ipv6","teredo","clock","firewall","coexistence","server"]}'
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 $all)
        @((Stop-DadProbes -InputB64 (ConvertTo-TestB64 $all) | ConvertFrom-Json).stopped).Count | Should -Be 14
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":1000}') | ConvertFrom-Json
        @($r.done.PSObject.Properties).Count | Should -Be 0
        @($r.pending).Count | Should -Be 0
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["clock","os"]}')
        $again = Receive-TestProbes
        @($again.Keys | Sort-Object) | Should -Be @('clock', 'os')
        $again['os'].status | Should -Be 'ok'
    }

    It 'Receive-DadProbes says how long a pending probe has been running in its runspace' {
        Import-TestMachine @{ network = @{ latency = @{ '*' = @{ hang = $true } } } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}')
        $running = $null
        for ($i = 0; $i -lt 50 -and $null -eq $running; $i++) {
            Start-Sleep -Milliseconds 100
            $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":0}') | ConvertFrom-Json
            $running = $r.running.reachability
        }
        @($r.pending) | Should -Be @('reachability')
        $running | Should -BeOfType [long]
        $running | Should -BeGreaterOrEqual 0
        $null = Stop-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["reachability"]}')
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":0}') | ConvertFrom-Json
        @($r.running.PSObject.Properties).Count | Should -Be 0
    }

    It 'a warm pool probes the machine loaded last: its runspaces take up a new scenario''s machine' {
        Import-TestMachine @{}
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["os"]}')
        (Receive-TestProbes)['os'].data.computerName | Should -Be 'CLIENT01'
        Import-TestMachine @{ os = @{ CSName = 'LAPTOP77' } }
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["os"]}')
        (Receive-TestProbes)['os'].data.computerName | Should -Be 'LAPTOP77'
    }

    It 'hands a probe to the pool as a call of the worker by name: a script would be parsed and compiled on every call' {
        Import-TestMachine @{}
        $null = Start-DadProbes -InputB64 (ConvertTo-TestB64 '{"names":["os"]}')
        $command = InModuleScope DaDoctor { $script:DadRunning['os'].PowerShell.Commands.Commands[0] }
        $command.CommandText | Should -Be 'Invoke-DadPoolWorker'
        $command.IsScript | Should -BeFalse
        (Receive-TestProbes)['os'].status | Should -Be 'ok'
    }

    It 'Initialize-DadProbePool readies runspaces without probing anything: nothing is pending afterwards' {
        Import-TestMachine @{}
        (Initialize-DadProbePool -InputB64 (ConvertTo-TestB64 '{"count":2}') | ConvertFrom-Json).ready | Should -Be 2
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":0}') | ConvertFrom-Json
        @($r.pending).Count | Should -Be 0
        { Initialize-DadProbePool -InputB64 (ConvertTo-TestB64 '{"count":99}') } | Should -Throw
    }

    It 'refuses unknown sections and malformed input, starting nothing' -TestCases @(
        @{ Json = '{"names":["reachability","nope"]}' }
        @{ Json = '{"names":[]}' }
        @{ Json = '{"names":["reachability"],"x":1}' }
        @{ Json = '{"names":["$(whoami)"]}' }
    ) {
        { Start-DadProbes -InputB64 (ConvertTo-TestB64 $Json) } | Should -Throw
        $r = Receive-DadProbes -InputB64 (ConvertTo-TestB64 '{"waitMs":0}') | ConvertFrom-Json
        @($r.pending).Count | Should -Be 0
    }
}

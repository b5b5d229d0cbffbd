# Parity of FixCommands.json with the fix scripts: every fix and every undo runs on the simulated host (on the
# machines where each of its branches is taken: Windows 10 and Windows 7, already done and not yet done), every OS-
# boundary command it invokes (BOUNDARY.md) is recorded, and the test fails when a script runs a command its
# declaration does not list, or when the declaration lists a command that no run of the script ran. The app's preview
# is built from the same declaration, so what the person confirms is what runs.

BeforeDiscovery {
    $declared = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'FixCommands.json') | ConvertFrom-Json
    $fixIds = @($declared.fixes.PSObject.Properties | ForEach-Object { $_.Name })
}

BeforeAll {
    $script:ScenarioDir = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios'
    $script:CertDir = Join-Path $script:ScenarioDir 'certs'
    . (Join-Path (Split-Path -Parent $PSScriptRoot) 'sim/SimHost.ps1')
    Import-Module (Join-Path $PSScriptRoot 'DaDoctorFixes.psm1') -Force -DisableNameChecking
    $script:Declared = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot 'FixCommands.json') | ConvertFrom-Json
    $script:Native = @('netsh', 'certutil', 'w32tm')

    function ConvertTo-TestB64([string]$Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }

    # Loads a machine: a scenario file of assets/scenarios as it is, or a base machine with overrides (written to the
    # test drive next to a copy of the bases).
    function Import-TestMachine([hashtable]$Case) {
        if ($Case.Scenario) {
            $file = Join-Path $script:ScenarioDir ($Case.Scenario + '.json')
        } else {
            $dir = Join-Path $TestDrive 'scen'
            New-Item -ItemType Directory -Force -Path (Join-Path $dir '_base') | Out-Null
            Copy-Item (Join-Path $script:ScenarioDir '_base/*.json') (Join-Path $dir '_base')
            $machine = @{}; if ($Case.Machine) { $machine = $Case.Machine }
            $doc = @{ schema = 'da-doctor/scenario@1'; name = 'parity'; base = $Case.Base; machine = $machine }
            $file = Join-Path $dir 'parity.json'
            Set-Content -LiteralPath $file -Value (ConvertTo-Json -InputObject $doc -Depth 20) -Encoding UTF8
        }
        $null = Import-DadSimScenario -InputB64 (ConvertTo-TestB64 ('{"path":' + (ConvertTo-Json -InputObject $file -Compress) + '}'))
    }

    # Stands a recorder in front of every command the simulated host defines: it notes the name and the arguments
    # (parameter names as -Name), then runs the simulated command. The next Import-DadSimScenario puts the plain
    # simulated commands back.
    function Start-TestRecorder {
        $global:DadTestCalls = New-Object System.Collections.ArrayList
        foreach ($name in @($global:DadSimCommandBodies.Keys)) {
            if (-not (Test-Path -LiteralPath ('Function:\' + $name))) { continue }
            $wrapper = [scriptblock]::Create(@"
`$tokens = @('$name') + @(foreach (`$a in `$args) {
    `$p = if (`$null -ne `$a) { `$a.PSObject.Properties['<CommandParameterName>'] } else { `$null }
    if (`$null -ne `$p) { '-' + `$p.Value } elseif (`$null -eq `$a) { '' } else { [string]`$a }
})
`$null = `$global:DadTestCalls.Add([string[]]`$tokens)
& `$global:DadSimCommandBodies['$name'] @args
"@)
            Set-Item -LiteralPath ('Function:\global:' + $name) -Value $wrapper
        }
    }

    # A command line as comparable parts: native commands keep their order; a cmdlet's -Name value pairs are sorted
    # (a splatted hashtable has no order).
    function ConvertTo-TestParts([string[]]$Tokens) {
        $name = $Tokens[0]
        $rest = @($Tokens | Select-Object -Skip 1)
        if ($script:Native -contains $name) { return , @(@($name) + $rest) }
        $pairs = New-Object System.Collections.ArrayList
        for ($i = 0; $i -lt $rest.Count; $i++) {
            $t = [string]$rest[$i]
            if ($t.StartsWith('-')) {
                if ($i + 1 -lt $rest.Count -and -not ([string]$rest[$i + 1]).StartsWith('-')) { $null = $pairs.Add(@($t, [string]$rest[$i + 1], $pairs.Count)); $i++ }
                else { $null = $pairs.Add(@($t, '', $pairs.Count)) }
            } else { $null = $pairs.Add(@('', $t, $pairs.Count)) }
        }
        # Sorted by name, then by position (Windows PowerShell 5.1 has no Sort-Object -Stable).
        $sorted = @($pairs | Sort-Object -Property @{ Expression = { $_[0] } }, @{ Expression = { $_[2] } })
        return , @(@($name) + @(foreach ($p in $sorted) { $p[0]; $p[1] }))
    }

    # Whether one declared token stands for one invoked token: {param} is the fix's parameter, $Name (a value only
    # known while the fix runs) is anything, numbers compare as numbers (0x20 is 32), path separators and case do not
    # matter.
    function Test-TestToken([string]$Declared, [string]$Actual, [hashtable]$Params) {
        $d = $Declared -replace '/', '\'; $a = $Actual -replace '/', '\'
        if ($d -match '[{$]') {
            $pattern = '^' + (([regex]::Split($d, '(\{[A-Za-z]+\}|\$[A-Za-z]+)') | ForEach-Object {
                if ($_ -match '^\{([A-Za-z]+)\}$') { if ($Params.ContainsKey($Matches[1])) { [regex]::Escape([string]$Params[$Matches[1]]) } else { '.*' } }
                elseif ($_ -match '^\$[A-Za-z]+$') { '.*' }
                else { [regex]::Escape($_) }
            }) -join '') + '$'
            return ($a -match $pattern)
        }
        if ($null -ne ($d -as [long]) -and $null -ne ($a -as [long])) { return ([long]($d -as [long]) -eq [long]($a -as [long])) }
        return ($d -eq $a)
    }

    # The declared command an invocation is, or $null.
    function Find-TestDeclared([object[]]$Commands, [string[]]$Call, [hashtable]$Params) {
        $actual = ConvertTo-TestParts $Call
        foreach ($c in $Commands) {
            # A token is a run of non-space characters and "quoted text" (a path with a space).
            $tokens = @([regex]::Matches([string]$c.run, '(?:"[^"]*"|\S)+') | ForEach-Object { $_.Value -replace '"', '' })
            $declared = ConvertTo-TestParts $tokens
            if ($declared.Count -ne $actual.Count) { continue }
            $same = $true
            for ($i = 0; $i -lt $declared.Count -and $same; $i++) { $same = Test-TestToken $declared[$i] $actual[$i] $Params }
            if ($same) { return $c }
        }
        return $null
    }

    # Runs the fix (and its undo, when it has one) of every case; returns the problems and the declared lines seen.
    function Invoke-TestParity([string]$Fix, [object[]]$Cases) {
        $entry = $script:Declared.fixes.$Fix
        $problems = New-Object System.Collections.ArrayList
        $seen = @{}
        foreach ($case in $Cases) {
            Import-TestMachine $case
            Start-TestRecorder
            $fixJson = @{ fix = $Fix; params = $case.Params } | ConvertTo-Json -Compress -Depth 5
            $out = Invoke-DadFix -InputB64 (ConvertTo-TestB64 $fixJson) | ConvertFrom-Json
            # A case with Fails runs a failure path on purpose (e.g. a restore after a failed netsh): it must fail, and
            # what it ran must still be declared; it has no undo.
            if ($case.Fails) {
                if ($out.ok) { $null = $problems.Add("$($case.Name): the fix should have failed") }
            } elseif (-not $out.ok) { $null = $problems.Add("$($case.Name): the fix failed: $($out.error)"); continue }
            $parts = @(@{ Part = 'fix'; Commands = @($entry.fix.commands); Calls = @($global:DadTestCalls) })
            if ($entry.PSObject.Properties['undo'] -and -not $case.Fails) {
                Start-TestRecorder
                $undoJson = @{ fix = $Fix; undoData = $out.undoData } | ConvertTo-Json -Compress -Depth 10
                $u = Undo-DadFix -InputB64 (ConvertTo-TestB64 $undoJson) | ConvertFrom-Json
                if (-not $u.ok) { $null = $problems.Add("$($case.Name): the undo failed: $($u.error)"); continue }
                $parts += @{ Part = 'undo'; Commands = @($entry.undo.commands); Calls = @($global:DadTestCalls) }
            }
            foreach ($p in $parts) {
                foreach ($call in $p.Calls) {
                    $hit = Find-TestDeclared $p.Commands $call $case.Params
                    if ($null -eq $hit) { $null = $problems.Add("$($case.Name): the $($p.Part) runs '$($call -join ' ')', which FixCommands.json does not declare") }
                    else { $seen[$p.Part + ': ' + $hit.run] = $true }
                }
            }
        }
        foreach ($part in @('fix', 'undo')) {
            if (-not $entry.PSObject.Properties[$part]) { continue }
            foreach ($c in @($entry.$part.commands)) {
                if (-not $seen.ContainsKey($part + ': ' + $c.run)) { $null = $problems.Add("FixCommands.json declares for the $part '$($c.run)', which no run of it ran") }
            }
        }
        return , $problems.ToArray()
    }

    $rootB64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-root-ca.cer')))
    $caB64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-issuing-ca.cer')))
    $root = @{ certificate = $rootB64; thumbprint = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B' }
    $ca = @{ certificate = $caB64; thumbprint = '68A5412799C377F5209FEAA4C245BD44535ECE3C' }
    $router = @{ router = 'isatap.contoso.com' }
    $stopped = @{ DisplayName = 'IP Helper'; Status = 'Stopped'; StartType = 'Manual' }
    # Each fix on the machines that take each of its branches.
    $script:Cases = @{
        'start-ip-helper'            = @(
            @{ Name = 'Windows 10, Manual'; Base = 'win10-client.json'; Machine = @{ services = @{ iphlpsvc = $stopped } }; Params = @{} },
            @{ Name = 'Windows 7, Manual'; Base = 'win7-client.json'; Machine = @{ services = @{ iphlpsvc = $stopped } }; Params = @{} },
            @{ Name = 'Windows 10, Automatic'; Base = 'win10-client.json'; Params = @{} })
        'restart-ip-helper'          = @(@{ Name = 'Windows 10'; Base = 'win10-client.json'; Params = @{} })
        'start-nca-service'          = @(
            @{ Name = 'nca-service-stopped (Disabled)'; Scenario = 'nca-service-stopped'; Params = @{} },
            @{ Name = 'Windows 10, Manual, stopped'; Base = 'win10-client.json'; Machine = @{ services = @{ NcaSvc = @{ DisplayName = 'Network Connectivity Assistant'; Status = 'Stopped'; StartType = 'Manual' } } }; Params = @{} })
        'start-ipsec-services'       = @(
            @{ Name = 'ipsec-services-stopped (IKEEXT Disabled)'; Scenario = 'ipsec-services-stopped'; Params = @{} },
            @{ Name = 'firewall-service-stopped (MpsSvc Disabled)'; Scenario = 'firewall-service-stopped'; Params = @{} },
            @{ Name = 'ipsec-tunnel-policyagent-stopped (PolicyAgent stopped, Manual)'; Scenario = 'ipsec-tunnel-policyagent-stopped'; Params = @{} },
            @{ Name = 'Windows 7, BFE stopped'; Base = 'win7-client.json'; Machine = @{ services = @{ BFE = @{ DisplayName = 'Base Filtering Engine'; Status = 'Stopped'; StartType = 'Automatic' } } }; Params = @{} },
            @{ Name = 'Windows 10, all running'; Base = 'win10-client.json'; Params = @{} })
        'import-root-ca'             = @(
            @{ Name = 'untrusted-root'; Scenario = 'untrusted-root'; Params = $root },
            @{ Name = 'win7-untrusted-root'; Scenario = 'win7-untrusted-root'; Params = $root },
            @{ Name = 'healthy (already trusted)'; Scenario = 'healthy'; Params = $root })
        'import-intermediate-ca'     = @(
            @{ Name = 'Windows 10 without it'; Base = 'win10-client.json'; Machine = @{ certificates = @{ CA = @() } }; Params = $ca },
            @{ Name = 'Windows 7 without it'; Base = 'win7-client.json'; Machine = @{ certificates = @{ CA = @() } }; Params = $ca },
            @{ Name = 'Windows 10 with it'; Base = 'win10-client.json'; Params = $ca })
        'resync-time'                = @(
            @{ Name = 'clock-skew'; Scenario = 'clock-skew'; Params = @{} },
            @{ Name = 'w32time stopped'; Base = 'win10-client.json'; Machine = @{ services = @{ w32time = @{ DisplayName = 'Windows Time'; Status = 'Stopped'; StartType = 'Manual' } } }; Params = @{} })
        'clear-crl-cache'            = @(@{ Name = 'revocation-offline'; Scenario = 'revocation-offline'; Params = @{} })
        'reset-winhttp-proxy'        = @(
            @{ Name = 'winhttp-proxy'; Scenario = 'winhttp-proxy'; Params = @{} },
            @{ Name = 'proxy with a bypass list'; Base = 'win10-client.json'; Machine = @{ proxy = @{ winHttp = @{ ProxyServer = 'proxy.contoso.com:8080'; BypassList = '<local>;*.contoso.com' } } }; Params = @{} },
            @{ Name = 'direct'; Base = 'win10-client.json'; Params = @{} },
            @{ Name = 'no WinHttpSettings value'; Base = 'win10-client.json'; Machine = @{ registry = @{ 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' = @{ WinHttpSettings = $null } } }; Params = @{} })
        'clear-iphlpsvc-proxy-cache' = @(@{ Name = 'winhttp-proxy'; Scenario = 'winhttp-proxy'; Params = @{} })
        'set-ipv6-prefer-ipv4'       = @(
            @{ Name = 'ipv6-disabled'; Scenario = 'ipv6-disabled'; Params = @{} },
            @{ Name = 'manage-out host'; Base = 'ws2016-manageout.json'; Params = @{ role = 'manageOut' } })
        'renew-machine-certificate'  = @(@{ Name = 'preauth-no-machine-cert'; Scenario = 'preauth-no-machine-cert'; Params = @{} })
        'disable-6to4'               = @(
            @{ Name = 'transition-6to4-in-use (Enabled)'; Scenario = 'transition-6to4-in-use'; Params = @{} },
            @{ Name = 'Windows 7'; Base = 'win7-client.json'; Machine = @{ sixToFour = @{ State = 'Enabled' } }; Params = @{} },
            @{ Name = 'Windows 10, already Default'; Base = 'win10-client.json'; Params = @{} })
        'enable-isatap'              = @(
            @{ Name = 'Windows Server 2016'; Base = 'ws2016-manageout.json'; Params = $router },
            @{ Name = 'Windows 7'; Base = 'win7-client.json'; Params = $router })
        'enable-iphttps-preauth'     = @(
            @{ Name = 'server-preauth-disabled (OTP off)'; Scenario = 'server-preauth-disabled'; Params = @{} },
            @{ Name = 're-adding fails: the saved binding is put back'; Base = 'ws2016-da-server.json'; Machine = @{ netshFailures = @{ 'http add sslcert' = 1 } }; Params = @{}; Fails = $true })
        'disable-iphttps-preauth'    = @(
            @{ Name = 'server-preauth-otp-conflict'; Scenario = 'server-preauth-otp-conflict'; Params = @{} },
            @{ Name = 're-adding fails: the saved binding is put back'; Base = 'ws2016-da-server.json'; Machine = @{ netshFailures = @{ 'http add sslcert' = 1 }; registry = @{ 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\0.0.0.0:443' = @{ DefaultFlags = 3 } } }; Params = @{}; Fails = $true })
        'reset-isatap-router'        = @(
            @{ Name = 'server-isatap-not-advertising (route there, not published)'; Scenario = 'server-isatap-not-advertising'; Params = @{} },
            @{ Name = 'no route at all'; Base = 'ws2016-da-server.json'; Machine = @{ routes = @() }; Params = @{} })
        'set-isatap-router'          = @(
            @{ Name = 'Windows Server 2016'; Base = 'ws2016-manageout.json'; Params = $router },
            @{ Name = 'Windows 7'; Base = 'win7-client.json'; Params = $router })
    }
}

AfterAll {
    Remove-Module DaDoctorFixes -ErrorAction SilentlyContinue
    Remove-Variable -Name DadTestCalls -Scope Global -ErrorAction SilentlyContinue
}

Describe 'FixCommands.json' {
    It 'declares every fix of the dispatch table, and every fix it declares has test machines' {
        $ids = @($script:Declared.fixes.PSObject.Properties | ForEach-Object { $_.Name })
        foreach ($id in $ids) { $script:Cases.ContainsKey($id) | Should -BeTrue -Because "$id needs machines in FixCommands.Tests.ps1" }
        foreach ($id in $ids) { Get-Command -Module DaDoctorFixes -Name $script:Declared.fixes.$id.fix.fn | Should -Not -BeNullOrEmpty }
    }

    It '<_> runs exactly the commands it declares' -ForEach $fixIds {
        $problems = Invoke-TestParity $_ $script:Cases[$_]
        $problems | Should -BeNullOrEmpty
    }
}

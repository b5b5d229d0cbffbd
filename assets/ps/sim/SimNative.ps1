# Simulated host, native commands: netsh, certutil and w32tm print text in Windows' shapes (knowledge B.1, B.4, B.5,
# B.10) and set $LASTEXITCODE. A scenario may give the exact text of a netsh command (machine.netshOutput, e.g. a
# Windows 7 capture with `Last Error Code            :0x80092013`); otherwise the text is generated from the
# machine state. Dot-sourced by SimHost.ps1; Windows PowerShell 5.1 syntax only.

# netsh's short forms, so `netsh int https show int` finds the same output as the long form.
$global:DadSimNetshWords = @{ int = 'interface'; https = 'httpstunnel'; sh = 'show'; ns = 'namespace' }

# The normalised command line: lower case, single spaces, short forms expanded (`interfaces` for the final `int`).
function global:Get-DadSimNetshKey {
    param([string[]]$Words)
    $out = @()
    for ($i = 0; $i -lt $Words.Count; $i++) {
        $w = $Words[$i].ToLowerInvariant()
        if ($w -eq 'int' -and $i -eq $Words.Count - 1 -and $i -gt 0) { $w = 'interfaces' }
        elseif ($global:DadSimNetshWords.ContainsKey($w)) { $w = $global:DadSimNetshWords[$w] }
        $out += $w
    }
    return ($out -join ' ')
}

function global:Format-DadSimNetshLine {
    param([string]$Label, $Value, [int]$Width)
    return ('{0} : {1}' -f $Label.PadRight($Width), $Value)
}

function global:Get-DadSimHttpsTunnelText {
    # foreach, not Where-Object: the first pipeline cmdlet of a session costs ~15-25 ms.
    $configs = @(foreach ($c in (Get-DadSimValue 'ipHttps.configuration')) { if ($null -ne $c) { $c } })
    $state = Get-DadSimValue 'ipHttps.state'
    $lines = @('')
    if ($configs.Count -eq 0) { return $lines }
    $c = $configs[0]
    $name = [string]$c['Profile']
    if (-not $name) { $name = 'IPHTTPSInterface' }
    $tag = 'Local'
    if ([string]$c['PolicyStore'] -ne 'ActiveStore' -and [string]$c['PolicyStore'] -ne 'PersistentStore') { $tag = 'Group Policy' }
    if ($c.Contains('ConfigurationType') -and [string]$c['ConfigurationType'] -match 'Local') { $tag = 'Local' }
    $lines += "Interface $name ($tag)  Parameters"
    $lines += ('-' * 60)
    $lines += Format-DadSimNetshLine 'Role' ([string]$c['Type']).ToLowerInvariant() 26
    $lines += Format-DadSimNetshLine 'URL' ([string]$c['ServerURL']) 26
    if ($null -ne $state) {
        $lines += Format-DadSimNetshLine 'Last Error Code' ('0x{0:x}' -f (ConvertTo-DadSimUInt32 $state['LastErrorCode'])) 26
        $lines += Format-DadSimNetshLine 'Interface Status' ([string]$state['InterfaceStatus']) 26
    } else {
        $lines += Format-DadSimNetshLine 'Last Error Code' '0x0' 26
        $lines += Format-DadSimNetshLine 'Interface Status' 'IPHTTPS interface deactivated' 26
    }
    $lines += ''
    return $lines
}

function global:Get-DadSimWinHttpText {
    $proxy = [string](Get-DadSimValue 'proxy.winHttp.ProxyServer')
    $bypass = [string](Get-DadSimValue 'proxy.winHttp.BypassList')
    $lines = @('', 'Current WinHTTP proxy settings:', '')
    if ($proxy) {
        if (-not $bypass) { $bypass = '(none)' }
        $lines += "    Proxy Server(s) :  $proxy"
        $lines += "    Bypass List     :  $bypass"
    } else {
        $lines += '    Direct access (no proxy server).'
    }
    $lines += ''
    return $lines
}

function global:Get-DadSimNrptText {
    param([switch]$Effective)
    if ($Effective) { $title = 'DNS Effective Name Resolution Policy Table Settings' } else { $title = 'DNS Name Resolution Policy Table Settings' }
    $lines = @('', $title, '')
    # Knowledge Q.3 (blog text of a real Windows 7 screenshot): the effective policy inside the corporate network.
    if ($Effective -and (Get-DadSimLocation) -eq 'inside') {
        $lines += 'Note: DirectAccess settings would be turned off when computer is inside corporate network'
        $lines += ''
    }
    foreach ($rule in @(foreach ($r in (Get-DadSimValue 'nrpt')) { if ($null -ne $r) { $r } })) {
        $servers = @(foreach ($a in $rule['DirectAccessDnsServers']) { if ($a) { $a } })
        foreach ($ns in @($rule['Namespace'])) {
            $lines += ''
            $lines += "Settings for $ns"
            $lines += ('-' * 70)
            $lines += Format-DadSimNetshLine 'Certification authority' ([string]$rule['DirectAccessIPsecCARestriction']) 39
            $lines += Format-DadSimNetshLine 'DNSSEC (Validation)' 'disabled' 39
            $lines += Format-DadSimNetshLine 'IPsec settings' 'disabled' 39
            $lines += Format-DadSimNetshLine 'DirectAccess (DNS Servers)' ($servers -join ', ') 39
            $lines += Format-DadSimNetshLine 'DirectAccess (IPsec)' 'disabled' 39
            if ($servers.Count -gt 0) { $p = 'Bypass proxy' } else { $p = 'Use default browser settings' }
            $lines += Format-DadSimNetshLine 'DirectAccess (Proxy Settings)' $p 39
        }
    }
    $lines += ''
    return $lines
}

# `netsh dnsclient show state` (Windows 7). ASSUMED layout, no real capture (knowledge B.8, Q.5): the Machine Location
# and Direct Access Settings lines follow the knowledge; the others are believed. machine.location ("inside" or
# "outside") says where Windows believes the machine is; without it, Get-DAConnectionStatus's ConnectedLocally means
# inside, and a machine without that cmdlet's answer (Windows 7) decides as Windows does: inside when the network
# location server of its policy answers from this network (Test-DadSimNlsAnswers, knowledge H.1).
function global:Get-DadSimLocation {
    $where = [string](Get-DadSimValue 'location')
    if ($where) { return $where.ToLowerInvariant() }
    $status = [string](Get-DadSimValue 'daConnectionStatus.Status')
    if ($status -eq 'ConnectedLocally') { return 'inside' }
    if (-not $status -and (Test-DadSimNlsAnswers)) { return 'inside' }
    return 'outside'
}

function global:Get-DadSimDnsClientStateText {
    $where = Get-DadSimLocation
    if ($where -eq 'inside') { $location = 'Inside corporate network' } else { $location = 'Outside corporate network' }
    $configured = 'Not Configured'
    if (@(foreach ($c in (Get-DadSimValue 'ipHttps.configuration')) { if ($null -ne $c) { $c } }).Count -gt 0) { $configured = 'Configured and Enabled' }
    return @('', 'Name Resolution Policy Table Options', ('-' * 68), '',
        (Format-DadSimNetshLine 'Query Failure Behavior' 'Always fall back to LLMNR and NetBIOS' 37),
        '', (Format-DadSimNetshLine 'Query Resolution Behavior' 'Resolve only IPv6 addresses for names' 37),
        '', (Format-DadSimNetshLine 'Network Location Behavior' 'Let Network ID determine when Direct Access settings are to be used' 37),
        '', (Format-DadSimNetshLine 'Machine Location' $location 37),
        '', (Format-DadSimNetshLine 'Direct Access Settings' $configured 37),
        '', (Format-DadSimNetshLine 'DNSSEC Settings' 'Disabled' 37), '')
}

function global:Get-DadSimIsatapText {
    param([string]$What)
    $c = Get-DadSimValue 'isatap'
    $state = 'default'; $router = 'default'; $res = 'default'; $interval = 'default'
    if ($null -ne $c) {
        if ($c['State']) { $state = ([string]$c['State']).ToLowerInvariant() }
        if ($c['Router']) { $router = [string]$c['Router'] }
        if ($c['ResolutionState']) { $res = ([string]$c['ResolutionState']).ToLowerInvariant() }
        if ($c['ResolutionInterval']) { $interval = "$($c['ResolutionInterval']) minutes" }
    }
    if ($What -eq 'state') { return @((Format-DadSimNetshLine 'ISATAP State' $state 23), '') }
    return @((Format-DadSimNetshLine 'Router Name' $router 23), (Format-DadSimNetshLine 'Resolution State' $res 23),
        (Format-DadSimNetshLine 'Resolution Interval' $interval 23), '')
}

function global:Get-DadSimTeredoText {
    $t = Get-DadSimValue 'teredo'
    $lines = @('Teredo Parameters', ('-' * 45))
    if ($null -eq $t) {
        $lines += Format-DadSimNetshLine 'Type' 'disabled' 23
        return ($lines + '')
    }
    $lines += Format-DadSimNetshLine 'Type' ([string]$t['Type']).ToLowerInvariant() 23
    $server = [string]$t['ServerName']; if (-not $server) { $server = 'teredo.ipv6.microsoft.com.' }
    $lines += Format-DadSimNetshLine 'Server Name' $server 23
    $refresh = [string]$t['ClientRefreshInterval']; if (-not $refresh) { $refresh = '30 seconds' }
    $lines += Format-DadSimNetshLine 'Client Refresh Interval' $refresh 23
    $lines += Format-DadSimNetshLine 'Client Port' 'unspecified' 23
    $lines += Format-DadSimNetshLine 'State' ([string]$t['State']).ToLowerInvariant() 23
    if ($t['Error']) { $lines += Format-DadSimNetshLine 'Error' ([string]$t['Error']) 23 }
    foreach ($pair in @(@('ClientType', 'Client Type'), @('Network', 'Network'), @('NAT', 'NAT'), @('NATSpecialBehaviour', 'NAT Special Behaviour'), @('LocalMapping', 'Local Mapping'), @('ExternalNatMapping', 'External NAT Mapping'))) {
        if ($t[$pair[0]]) { $lines += Format-DadSimNetshLine $pair[1] ([string]$t[$pair[0]]) 23 }
    }
    return ($lines + '')
}

# HTTP.SYS bindings live in the registry under SslBindingInfo (the server probe reads them there).
$global:DadSimSslBindingKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\'

# netsh http delete sslcert ipport=<ipport>: removes the key; "The system cannot find the file specified." when none.
function global:Remove-DadSimSslBinding {
    param([string[]]$Rest)
    $ipPort = Get-DadSimArgument $Rest 'ipport' 99
    $reg = Get-DadSimValue 'registry'
    $key = $global:DadSimSslBindingKey + $ipPort
    if (-not $ipPort -or -not ($reg -is [System.Collections.IDictionary]) -or $null -eq $reg[$key]) {
        $global:LASTEXITCODE = 1
        return @('', 'SSL Certificate deletion failed, Error: 2', 'The system cannot find the file specified.', '')
    }
    $reg.Remove($key)
    Invoke-DadSimEvent 'sslcert-deleted'
    return @('', 'SSL Certificate successfully deleted', '')
}

# netsh http add sslcert ipport= certhash= appid={guid} [dsmapperusage=enable] [clientcertnegotiation=enable]: writes
# the key as HTTP.SYS would (assumed value names, knowledge Q.5); refuses a bad hash or appid, or an existing binding.
function global:Add-DadSimSslBinding {
    param([string[]]$Rest)
    $ipPort = Get-DadSimArgument $Rest 'ipport' 99
    $hash = Get-DadSimArgument $Rest 'certhash' 99
    $appId = Get-DadSimArgument $Rest 'appid' 99
    $invalid = @('', 'The parameter is incorrect.', '')
    if (-not $ipPort -or $ipPort -notmatch '^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d{1,5}$') { $global:LASTEXITCODE = 1; return $invalid }
    if (-not $hash -or $hash -notmatch '^[0-9a-fA-F]{40}$') { $global:LASTEXITCODE = 1; return $invalid }
    $guid = [guid]::Empty
    if (-not $appId -or $appId -notmatch '^\{[0-9a-fA-F-]{36}\}$' -or -not [guid]::TryParse($appId, [ref]$guid)) { $global:LASTEXITCODE = 1; return $invalid }
    $flags = 0
    foreach ($pair in @(@('dsmapperusage', 1), @('clientcertnegotiation', 2))) {
        $v = Get-DadSimArgument $Rest $pair[0] 99
        if ($null -eq $v) { continue }
        if (@('enable', 'disable') -notcontains $v.ToLowerInvariant()) { $global:LASTEXITCODE = 1; return $invalid }
        if ($v -eq 'enable') { $flags = $flags -bor $pair[1] }
    }
    $reg = Get-DadSimValue 'registry'
    $key = $global:DadSimSslBindingKey + $ipPort
    if ($null -ne $reg[$key]) { $global:LASTEXITCODE = 1; return @('', 'SSL Certificate add failed, Error: 183', 'Cannot create a file when that file already exists.', '') }
    $reg[$key] = ConvertTo-DadSimData @{
        SslCertHash      = @{ type = 'Binary'; value = $hash.ToLowerInvariant() }
        AppId            = @{ type = 'Binary'; value = (($guid.ToByteArray() | ForEach-Object { '{0:x2}' -f [int]$_ }) -join '') }
        SslCertStoreName = 'MY'
        DefaultFlags     = $flags
    }
    Invoke-DadSimEvent 'sslcert-added'
    return @('', 'SSL Certificate successfully added', '')
}

# key=value or positional argument i (after the command words), without quotes.
function global:Get-DadSimArgument {
    param([string[]]$Rest, [string]$Name, [int]$Position)
    foreach ($r in $Rest) { if ($r -match "^$Name=(.*)$") { return $Matches[1].Trim('"') } }
    $positional = @(foreach ($r in $Rest) { if ($r -notmatch '^[A-Za-z-]+=') { $r } })
    if ($Position -lt $positional.Count) { return $positional[$Position].Trim('"') }
    return $null
}

$DadSimCommandBodies['netsh'] = {
    $words = [string[]]@(foreach ($a in $args) { [string]$a })
    $key = Get-DadSimNetshKey $words
    Invoke-DadSimFault @('netsh', "netsh $key")
    $global:LASTEXITCODE = 0
    $verbatim = Get-DadSimValue 'netshOutput'
    if ($verbatim -is [System.Collections.IDictionary] -and $verbatim.Contains($key) -and $null -ne $verbatim[$key]) {
        $text = $verbatim[$key]
        if ($text -is [string]) { return ($text -split "`r?`n") }
        return [string[]]@($text)
    }
    # machine.netshFailures: {"http add sslcert": n} makes the next n such calls fail (a fix's restore path).
    $failures = Get-DadSimValue 'netshFailures'
    foreach ($f in @(if ($failures -is [System.Collections.IDictionary]) { @($failures.Keys) } else { @() })) {
        if ($key.StartsWith([string]$f) -and [int]$failures[$f] -gt 0) {
            $failures[$f] = [int]$failures[$f] - 1
            $global:LASTEXITCODE = 1
            return @('', 'SSL Certificate add failed, Error: 1312', 'A specified logon session does not exist. It may already have been terminated.', '')
        }
    }
    switch -regex ($key) {
        '^interface httpstunnel show interfaces?$' { return (Get-DadSimHttpsTunnelText) }
        '^http delete sslcert' { return (Remove-DadSimSslBinding @($words | Select-Object -Skip 3)) }
        '^http add sslcert' { return (Add-DadSimSslBinding @($words | Select-Object -Skip 3)) }
        '^winhttp show proxy$' { return (Get-DadSimWinHttpText) }
        '^winhttp reset proxy$' {
            Set-DadSimValue 'proxy.winHttp.ProxyServer' $null
            Set-DadSimValue 'proxy.winHttp.BypassList' $null
            Clear-DadSimWinHttpValue
            Invoke-DadSimEvent 'winhttp-proxy-reset'
            return (Get-DadSimWinHttpText)
        }
        '^winhttp import proxy' {
            $ie = Get-DadSimImportableProxy
            if (-not $ie['ProxyServer']) {
                Set-DadSimValue 'proxy.winHttp.ProxyServer' $null; Set-DadSimValue 'proxy.winHttp.BypassList' $null
            } else {
                Set-DadSimValue 'proxy.winHttp.ProxyServer' ([string]$ie['ProxyServer']); Set-DadSimValue 'proxy.winHttp.BypassList' $ie['BypassList']
            }
            Clear-DadSimWinHttpValue
            Invoke-DadSimEvent 'winhttp-proxy-imported'
            return (Get-DadSimWinHttpText)
        }
        '^winhttp set proxy' {
            $rest = @($words | Select-Object -Skip 3)
            $server = Get-DadSimArgument $rest 'proxy-server' 0
            if (-not $server) { $global:LASTEXITCODE = 1; return @('', 'The syntax supplied for this command is not valid. Check help for the correct syntax.', '') }
            $bypass = Get-DadSimArgument $rest 'bypass-list' 1
            Set-DadSimValue 'proxy.winHttp.ProxyServer' $server
            Set-DadSimValue 'proxy.winHttp.BypassList' $bypass
            Clear-DadSimWinHttpValue
            Invoke-DadSimEvent 'winhttp-proxy-set'
            return (Get-DadSimWinHttpText)
        }
        '^namespace show effectivepolicy$' { return (Get-DadSimNrptText -Effective) }
        '^namespace show policy$' { return (Get-DadSimNrptText) }
        '^interface isatap show state$' { return (Get-DadSimIsatapText 'state') }
        '^interface isatap show router$' { return (Get-DadSimIsatapText 'router') }
        '^interface isatap set (router|state)' {
            $what = $Matches[1]
            $rest = @($words | Select-Object -Skip 4)
            $c = Get-DadSimValue 'isatap'
            if ($null -eq $c) { Set-DadSimValue 'isatap' (ConvertTo-DadSimData @{ State = 'Default'; Router = $null; ResolutionState = 'Default'; ResolutionInterval = 0 }); $c = Get-DadSimValue 'isatap' }
            $state = $null
            if ($what -eq 'router') {
                $name = Get-DadSimArgument $rest 'name' 0
                if ($name -eq 'default') { $c['Router'] = $null } elseif ($name) { $c['Router'] = $name }
                $state = Get-DadSimArgument $rest 'state' 1
                if ($state) { $c['ResolutionState'] = (Get-Culture).TextInfo.ToTitleCase($state.ToLowerInvariant()) }
            } else {
                $state = Get-DadSimArgument $rest 'state' 0
                if ($state) { $c['State'] = (Get-Culture).TextInfo.ToTitleCase($state.ToLowerInvariant()) }
            }
            Invoke-DadSimEvent 'isatap-changed'
            return @('Ok.', '')
        }
        '^interface teredo show state$' { return (Get-DadSimTeredoText) }
        '^interface 6to4 show state$' {
            $c = Get-DadSimSixToFour
            return @('6to4 Service State', ('-' * 45), (Format-DadSimNetshLine '6to4 Service State' ([string]$c['State']).ToLowerInvariant() 35), '')
        }
        '^interface 6to4 set state' {
            $state = Get-DadSimArgument @($words | Select-Object -Skip 4) 'state' 0
            if (@('default', 'automatic', 'enabled', 'disabled') -notcontains ([string]$state).ToLowerInvariant()) {
                $global:LASTEXITCODE = 1; return @('', 'The syntax supplied for this command is not valid. Check help for the correct syntax.', '')
            }
            Set-DadSimSixToFourState ((Get-Culture).TextInfo.ToTitleCase($state.ToLowerInvariant()))
            return @('Ok.', '')
        }
        '^dnsclient show state$' { return (Get-DadSimDnsClientStateText) }
        default {
            $global:LASTEXITCODE = 1
            return @("The following command was not found: $($words -join ' ').")
        }
    }
}

$DadSimCommandBodies['certutil'] = {
    $words = [string[]]@(foreach ($a in $args) { [string]$a })
    Invoke-DadSimFault @('certutil')
    $global:LASTEXITCODE = 0
    $verb = ''
    $rest = @()
    foreach ($w in $words) {
        if ($w -match '^-(f|silent|q|user|enterprise)$') { continue }
        if (-not $verb -and $w.StartsWith('-')) { $verb = $w.ToLowerInvariant(); continue }
        $rest += $w
    }
    switch ($verb) {
        '-addstore' {
            if ($rest.Count -lt 2 -or @('root', 'ca') -notcontains $rest[0].ToLowerInvariant()) {
                $global:LASTEXITCODE = -2147024809
                return @('CertUtil: -addstore command FAILED: 0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)', 'CertUtil: The parameter is incorrect.')
            }
            $store = 'Root'; if ($rest[0] -eq 'ca') { $store = 'CA' }
            try { $cert = Add-DadSimCertificate -Store $store -Path $rest[1] } catch {
                $global:LASTEXITCODE = -2147024894
                return @("CertUtil: -addstore command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)", "CertUtil: $($_.Exception.Message)")
            }
            $storeTitle = 'Trusted Root Certification Authorities'; if ($store -eq 'CA') { $storeTitle = 'Intermediate Certification Authorities' }
            $cn = $cert.Subject -replace '^CN=', '' -replace ',.*$', ''
            return @("$store ""$storeTitle""", 'Signature matches Public Key', "Certificate ""$cn"" added to store.", 'CertUtil: -addstore command completed successfully.')
        }
        '-delstore' {
            if ($rest.Count -lt 2) { $global:LASTEXITCODE = -2147024809; return @('CertUtil: -delstore command FAILED: 0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)') }
            $store = 'Root'; if ($rest[0].ToLowerInvariant() -eq 'ca') { $store = 'CA' }
            Remove-DadSimCertificate -Store $store -Thumbprint $rest[1]
            return @('CertUtil: -delstore command completed successfully.')
        }
        '-urlcache' {
            if ($rest -contains 'delete') {
                $n = @(Get-DadSimValue 'crlCache' | Where-Object { $_ }).Count
                Set-DadSimValue 'crlCache' ([object[]]@())
                Invoke-DadSimEvent 'crl-cache-cleared'
                return @("WinHttp Cache entries deleted: $n", 'CertUtil: -URLCache command completed successfully.')
            }
            $lines = @()
            foreach ($u in @(Get-DadSimValue 'crlCache' | Where-Object { $_ })) { $lines += "  $u" }
            return ($lines + 'CertUtil: -URLCache command completed successfully.')
        }
        '-setreg' {
            if ($rest.Count -ge 1 -and $rest[0] -match '(?i)^chain\\ChainCacheResyncFiletime$') {
                Invoke-DadSimEvent 'crl-cache-cleared'
                return @('HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\crypt32\Chain\Config:', '',
                    ('  ChainCacheResyncFiletime REG_BINARY = ' + (Get-DadSimNow).ToString('M/d/yyyy h:mm tt', [System.Globalization.CultureInfo]::InvariantCulture)),
                    'CertUtil: -setreg command completed successfully.',
                    'The CertSvc service may need to be restarted for changes to take effect.')
            }
            $global:LASTEXITCODE = -2147024809
            return @('CertUtil: -setreg command FAILED: 0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)')
        }
        '-pulse' {
            Invoke-DadSimEvent 'autoenrollment-pulsed'
            return @('CertUtil: -pulse command completed successfully.')
        }
        default {
            $global:LASTEXITCODE = -2147024809
            return @("CertUtil: Unknown arg: $verb", 'CertUtil: -? command FAILED: 0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)')
        }
    }
}

$DadSimCommandBodies['w32tm'] = {
    $words = [string[]]@(foreach ($a in $args) { ([string]$a).ToLowerInvariant() })
    Invoke-DadSimFault @('w32tm')
    $global:LASTEXITCODE = 0
    if ($words -contains '/resync') {
        $svc = Get-DadSimService 'w32time'
        if ($null -eq $svc -or $svc['Status'] -ne 'Running') {
            $global:LASTEXITCODE = -2147023834
            return @('Sending resync command to local computer', 'The following error occurred: The service has not been started. (0x80070426)')
        }
        $ref = Get-DadSimValue 'clock.referenceUtc'
        if ($ref) { Set-DadSimValue 'clock.utcNow' $ref }
        Invoke-DadSimEvent 'time-resynced'
        return @('Sending resync command to local computer', 'The command completed successfully.')
    }
    $global:LASTEXITCODE = -2147024809
    return @('The parameter is incorrect. (0x80070057)')
}

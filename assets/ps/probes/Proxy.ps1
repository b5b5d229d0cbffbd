# Proxy settings that can stand between IP-HTTPS and its server (knowledge A.6, A.15, J): WinHTTP (the registry blob,
# netsh text only as a fallback), the SYSTEM account's and the logged-on user's WinINET settings, and the proxies
# iphlpsvc cached under ProxyMgr.

$script:DadInternetSettingsSubkey = 'Software\Microsoft\Windows\CurrentVersion\Internet Settings'
$script:DadSystemInternetSettingsKey = 'HKU:\S-1-5-18\' + $script:DadInternetSettingsSubkey
$script:DadProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'
$script:DadWinHttpConnectionsKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'

# Every proxy source that can stand between IP-HTTPS and the server.
function Get-DadProxySection {
    $winHttp = Get-DadWinHttpProxy
    $values = Get-DadRegistryValues -Path $script:DadSystemInternetSettingsKey
    $enable = ConvertTo-DadUInt32 (Get-DadProperty $values 'ProxyEnable')
    $system = @{
        proxyEnable   = ($null -ne $enable -and $enable -ne 0)
        proxyServer   = Get-DadString $values 'ProxyServer'
        autoConfigUrl = Get-DadString $values 'AutoConfigURL'
    }
    $proxyMgr = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($key in (ConvertTo-DadStringArray (Get-DadRegistrySubkeys -Path $script:DadProxyMgrKey))) {
        $subValues = Get-DadRegistryValues -Path ($script:DadProxyMgrKey + '\' + $key)
        $null = $proxyMgr.Add(@{ key = $key; staticProxy = (Get-DadString $subValues 'StaticProxy') })
    }
    # The user's proxy is one more piece of evidence: failing to read it must not lose the rest of the section.
    try {
        $user = Get-DadUserProxy
    } catch {
        $user = @{
            readAs = 'none'; keyPath = $null; account = $null; sid = $null; keyExists = $false; proxyEnable = $false
            proxyServer = $null; proxyOverride = $null; autoConfigUrl = $null; autoDetect = $null
            note = ('the user proxy could not be read: ' + $_.Exception.Message)
        }
    }
    return @{ winHttp = $winHttp; system = $system; proxyMgr = $proxyMgr.ToArray(); user = $user }
}

# WinHTTP from the WinHttpSettings blob (locale-independent, knowledge J.3); the netsh text only when the value is
# missing or cannot be decoded, and then with how the text was read (parse).
function Get-DadWinHttpProxy {
    $values = Get-DadRegistryValues -Path $script:DadWinHttpConnectionsKey
    $blob = ConvertFrom-DadWinHttpBlob (Get-DadProperty $values 'WinHttpSettings')
    if ($null -ne $blob) {
        $manual = (($blob.flags -band 2) -ne 0)
        $server = $null
        $bypass = $null
        if ($manual) {
            $server = $blob.proxyServer
            $bypass = $blob.bypassList
        }
        $autoConfigUrl = $null
        if (($blob.flags -band 4) -ne 0) { $autoConfigUrl = $blob.autoConfigUrl }
        return @{
            direct        = (($blob.flags -band 14) -eq 0)
            proxyServer   = $server
            bypassList    = $bypass
            source        = 'registry'
            flags         = [int64]$blob.flags
            autoConfigUrl = $autoConfigUrl
            autoDetect    = (($blob.flags -band 8) -ne 0)
        }
    }
    $parsed = ConvertFrom-DadWinHttpProxy (Invoke-DadNetsh @('winhttp', 'show', 'proxy'))
    $parsed.source = 'netsh'
    $parsed.flags = $null
    $parsed.autoConfigUrl = $null
    $parsed.autoDetect = $null
    return $parsed
}

# Decodes a WinHttpSettings / DefaultConnectionSettings blob (knowledge J.3, little-endian): version, counter, flags,
# then length-prefixed ASCII proxy, bypass list and auto-config URL (older or shorter blobs may stop after any of
# them). Returns $null for anything that is not such a blob, so the caller falls back rather than guesses.
function ConvertFrom-DadWinHttpBlob {
    param($Bytes)
    if ($null -eq $Bytes) { return $null }
    # A byte[] returned from a function arrives unrolled as object[]; anything not all bytes is not a blob.
    if (-not ($Bytes -is [byte[]])) {
        if (-not ($Bytes -is [System.Array])) { return $null }
        try { $Bytes = [byte[]]$Bytes } catch { return $null }
    }
    if ($Bytes.Length -lt 12) { return $null }
    $flags = [BitConverter]::ToUInt32($Bytes, 8)
    if ($flags -gt 255) { return $null }
    $strings = [Activator]::CreateInstance([System.Collections.ArrayList])
    $offset = 12
    for ($i = 0; $i -lt 3; $i++) {
        if ($offset + 4 -gt $Bytes.Length) { break }
        $length = [BitConverter]::ToUInt32($Bytes, $offset)
        $offset += 4
        if ($length -gt ($Bytes.Length - $offset)) { return $null }
        $text = [System.Text.Encoding]::ASCII.GetString($Bytes, $offset, [int]$length)
        $null = $strings.Add((ConvertTo-DadNullableString ($text.TrimEnd([char]0))))
        $offset += [int]$length
    }
    while ($strings.Count -lt 3) { $null = $strings.Add($null) }
    return @{ flags = $flags; proxyServer = $strings[0]; bypassList = $strings[1]; autoConfigUrl = $strings[2] }
}

# Parses `netsh winhttp show proxy` (and `import proxy`, which prints the same): "Direct access (no proxy server)." or
# the Proxy Server(s) / Bypass List lines (knowledge B.10, Q.2). German labels per knowledge Q.6 (assumed: no real
# German capture). A bypass list of "(none)" is reported as null. Text in no known shape is reported as such (parse),
# with direct false and nulls, which the diagnosis must read as unknown.
function ConvertFrom-DadWinHttpProxy {
    param([string[]]$Lines)
    if ($null -eq $Lines) { $Lines = @() }
    $text = [string]::Join("`n", $Lines)
    $language = $null
    $server = Get-DadNetshValue $Lines 'Proxy Server(s)'
    if ($null -eq $server) { $server = Get-DadNetshValue $Lines 'Proxy Server' }
    $bypass = Get-DadNetshValue $Lines 'Bypass List'
    if ($null -ne $server -or $text -match '(?i)current winhttp proxy settings') { $language = 'en' }
    $direct = ($text -match '(?i)direct access\s*\(no proxy server\)')
    if ($direct) { $language = 'en' }
    if ($null -eq $language) {
        # Assumed German labels: Q.6 has only the direct phrase and the heading.
        $server = Get-DadNetshValue $Lines 'Proxyserver(s)'
        if ($null -eq $server) { $server = Get-DadNetshValue $Lines 'Proxyserver' }
        $bypass = Get-DadNetshValue $Lines 'Umgehungsliste'
        $direct = ($text -match '(?i)direkter zugriff\s*\(kein proxyserver\)')
        if ($direct -or $null -ne $server) { $language = 'de' }
    }
    if ($null -ne $bypass -and $bypass -match '^\((none|keine)\)$') { $bypass = $null }
    if ($direct) { $server = $null; $bypass = $null }
    $recognised = ($direct -or $null -ne $server)
    $note = $null
    if (-not $recognised) {
        $note = 'netsh winhttp show proxy printed text in no known language or shape; the WinHTTP proxy is unknown'
        $server = $null
        $bypass = $null
    }
    return @{
        direct      = $direct
        proxyServer = $server
        bypassList  = $bypass
        parse       = @{ language = $language; recognised = $recognised; note = $note }
    }
}

# The logged-on user's WinINET proxy (knowledge J.1). The app runs as that user, so HKCU is their hive; a process
# running as SYSTEM (the standalone collector from a management tool) has SYSTEM's HKCU, so it reads the console
# user's hive under HKU\<SID> instead, and says which one it read.
function Get-DadUserProxy {
    $context = Get-DadUserContext
    $isSystem = [bool](Get-DadProperty $context 'IsSystem')
    $readAs = 'currentUser'
    $keyPath = 'HKCU:\' + $script:DadInternetSettingsSubkey
    $account = Get-DadString $context 'UserName'
    $sid = Get-DadString $context 'Sid'
    $note = $null
    if ($isSystem) {
        $account = Get-DadString $context 'ConsoleUserName'
        $sid = Get-DadString $context 'ConsoleUserSid'
        if ($null -ne $sid) {
            $readAs = 'consoleUser'
            $keyPath = 'HKU:\' + $sid + '\' + $script:DadInternetSettingsSubkey
        } else {
            $readAs = 'none'
            $keyPath = $null
            $note = 'running as SYSTEM and no user is logged on at the console: no user proxy to read'
            if ($null -ne $account) { $note = 'running as SYSTEM; the console user ' + $account + ' has no SID that could be found' }
        }
    }
    $values = $null
    $autoDetect = $null
    if ($null -ne $keyPath) {
        $values = Get-DadRegistryValues -Path $keyPath
        $connections = Get-DadRegistryValues -Path ($keyPath + '\Connections')
        $blob = ConvertFrom-DadWinHttpBlob (Get-DadProperty $connections 'DefaultConnectionSettings')
        if ($null -ne $blob) { $autoDetect = (($blob.flags -band 8) -ne 0) }
        if ($null -eq $values -and $null -eq $note) { $note = 'the key does not exist (the user has never opened Internet Options?)' }
    }
    $enable = ConvertTo-DadUInt32 (Get-DadProperty $values 'ProxyEnable')
    return @{
        readAs        = $readAs
        keyPath       = $keyPath
        account       = $account
        sid           = $sid
        keyExists     = ($null -ne $values)
        proxyEnable   = ($null -ne $enable -and $enable -ne 0)
        proxyServer   = Get-DadString $values 'ProxyServer'
        proxyOverride = Get-DadString $values 'ProxyOverride'
        autoConfigUrl = Get-DadString $values 'AutoConfigURL'
        autoDetect    = $autoDetect
        note          = $note
    }
}

# Proxy settings that the LocalSystem IP Helper service sees: WinHTTP, the SYSTEM account's WinINET settings and the
# proxies iphlpsvc cached under ProxyMgr (knowledge A.6, A.15).

$script:DadSystemInternetSettingsKey = 'HKU:\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
$script:DadProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'

# Every proxy source that can stand between IP-HTTPS and the server.
function Get-DadProxySection {
    $winHttp = ConvertFrom-DadWinHttpProxy (Invoke-DadNetsh @('winhttp', 'show', 'proxy'))
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
    return @{ winHttp = $winHttp; system = $system; proxyMgr = $proxyMgr.ToArray() }
}

# Parses `netsh winhttp show proxy`: "Direct access (no proxy server)." or the Proxy Server(s) / Bypass List lines.
# A bypass list of "(none)" is reported as null.
function ConvertFrom-DadWinHttpProxy {
    param([string[]]$Lines)
    if ($null -eq $Lines) { $Lines = @() }
    $text = [string]::Join("`n", $Lines)
    $server = Get-DadNetshValue $Lines 'Proxy Server(s)'
    if ($null -eq $server) { $server = Get-DadNetshValue $Lines 'Proxy Server' }
    $bypass = Get-DadNetshValue $Lines 'Bypass List'
    if ($null -ne $bypass -and $bypass -match '^\(none\)$') { $bypass = $null }
    $direct = ($text -match '(?i)direct access\s*\(no proxy server\)')
    if ($direct) { $server = $null; $bypass = $null }
    return @{ direct = $direct; proxyServer = $server; bypassList = $bypass }
}

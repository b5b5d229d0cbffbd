# Fixes for a proxy in the way of IP-HTTPS (knowledge A.6, A.15): reset-winhttp-proxy and clear-iphlpsvc-proxy-cache.
# Both save what they remove, so undo can put it back.

$script:DadProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'
# What a saved proxy may look like: host:port lists (http=a:80;https=b:443); no spaces or quotes, nothing to parse.
$script:DadProxyServerPattern = '^[A-Za-z0-9.:;=/_\[\]*-]{1,1000}\z'
$script:DadBypassPattern = '^[A-Za-z0-9.:;,_\[\]*<>/ -]{1,2000}\z'

# reset-winhttp-proxy: saves the WinHTTP proxy as Windows stores it, the WinHttpSettings value (REG_BINARY, knowledge
# J.3: the same in every language, unlike netsh text), resets it to direct, restarts iphlpsvc. Undo writes the saved
# bytes back. Services inside the office may need that proxy (the catalogue's words warn).
function Reset-DadWinHttpProxy {
    [CmdletBinding()]
    param()
    $values = Get-DadRegistryValues -Path $script:DadWinHttpConnectionsKey
    $bytes = ConvertTo-DadWinHttpBytes (Get-DadProperty $values 'WinHttpSettings')
    $hex = $null
    $was = 'direct (no WinHttpSettings value)'
    if ($null -ne $bytes) {
        $hex = -join @($bytes | ForEach-Object { '{0:x2}' -f [int]$_ })
        $blob = ConvertFrom-DadWinHttpBlob $bytes
        if ($null -eq $blob) { $was = 'an undecodable WinHttpSettings value, saved as it is' }
        elseif (($blob.flags -band 2) -ne 0 -and $blob.proxyServer) { $was = [string]$blob.proxyServer }
        else { $was = 'direct' }
    }
    $undo = @{ winHttpSettings = $hex }
    $script:DadFixUndo = $undo
    $null = Invoke-DadNative 'netsh' @('winhttp', 'reset', 'proxy')
    Add-DadFixChange ('reset the WinHTTP proxy to direct (was ' + $was + ')')
    Restart-DadIpHelperService
    return $undo
}

# A registry value as byte[] (it may arrive unrolled as object[]), or $null when it is not binary.
function ConvertTo-DadWinHttpBytes {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [byte[]]) { return , $Value }
    if (-not ($Value -is [System.Array])) { return $null }
    try { return , ([byte[]]$Value) } catch { return $null }
}

# Undo of reset-winhttp-proxy: the saved WinHttpSettings bytes back (checked first: the audit log that carries them is
# a file of the user's), or direct when the value did not exist before.
function Undo-DadWinHttpProxy {
    [CmdletBinding()]
    param([AllowNull()][AllowEmptyString()][string]$WinHttpSettings)
    if (-not $WinHttpSettings) {
        $null = Invoke-DadNative 'netsh' @('winhttp', 'reset', 'proxy')
        Add-DadFixChange 'WinHTTP proxy left direct (there was no WinHttpSettings value before the fix)'
        return
    }
    if ($WinHttpSettings -cnotmatch '^(?:[0-9A-Fa-f]{2}){12,4096}\z') { throw 'the saved WinHttpSettings value is not a WinHTTP settings blob' }
    $bytes = [Array]::CreateInstance([byte], [int]($WinHttpSettings.Length / 2))
    for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = [Convert]::ToByte($WinHttpSettings.Substring($i * 2, 2), 16) }
    $blob = ConvertFrom-DadWinHttpBlob $bytes
    if ($null -eq $blob) { throw 'the saved WinHttpSettings value is not a WinHTTP settings blob' }
    if ($blob.proxyServer -and $blob.proxyServer -cnotmatch $script:DadProxyServerPattern) { throw 'the saved proxy server has characters a proxy cannot have' }
    if ($blob.bypassList -and $blob.bypassList -cnotmatch $script:DadBypassPattern) { throw 'the saved bypass list has characters a bypass list cannot have' }
    Set-DadRegistryValue -Path $script:DadWinHttpConnectionsKey -Name 'WinHttpSettings' -Value $bytes -Type 'Binary'
    if (($blob.flags -band 2) -ne 0 -and $blob.proxyServer) { Add-DadFixChange ('restored the WinHTTP proxy ' + $blob.proxyServer) }
    else { Add-DadFixChange 'restored the saved WinHTTP settings (direct)' }
}

# clear-iphlpsvc-proxy-cache: exports the values of every ProxyMgr subkey into the undo data, deletes the subkeys
# (not ProxyMgr itself), restarts iphlpsvc.
function Clear-DadProxyCache {
    [CmdletBinding()]
    param()
    $export = @{}
    foreach ($name in (ConvertTo-DadStringArray (Get-DadRegistrySubkeys -Path $script:DadProxyMgrKey))) {
        $values = Get-DadRegistryValues -Path ($script:DadProxyMgrKey + '\' + $name)
        $copy = @{}
        if ($null -ne $values) { foreach ($k in @($values.Keys)) { $copy[[string]$k] = $values[$k] } }
        $export[$name] = $copy
    }
    $undo = @{ key = $script:DadProxyMgrKey; subkeys = $export }
    $script:DadFixUndo = $undo
    foreach ($name in @($export.Keys)) {
        Remove-DadRegistryKey -Path ($script:DadProxyMgrKey + '\' + $name)
        Add-DadFixChange ('deleted ProxyMgr\' + $name)
    }
    if ($export.Count -eq 0) { Add-DadFixChange 'ProxyMgr held no cached proxy' }
    Restart-DadIpHelperService
    return $undo
}

# Undo of clear-iphlpsvc-proxy-cache: writes the exported values back, each name and value checked first (the audit
# log that carries them is a file of the user's).
function Undo-DadProxyCache {
    [CmdletBinding()]
    param(
        [ValidateSet('HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr', IgnoreCase = $false)][string]$Key,
        [Parameter(Mandatory = $true)]$Subkeys
    )
    foreach ($sub in @($Subkeys.PSObject.Properties)) {
        if ($sub.Name -cnotmatch '^\{?[A-Za-z0-9-]{1,64}\}?\z') { throw ('not a ProxyMgr subkey name: ' + $sub.Name) }
        foreach ($v in @($sub.Value.PSObject.Properties)) {
            if ($v.Name -cnotmatch '^[A-Za-z0-9_-]{1,64}\z') { throw ('not a ProxyMgr value name: ' + $v.Name) }
            $path = $script:DadProxyMgrKey + '\' + $sub.Name
            if ($v.Value -is [string]) {
                if ($v.Value -cmatch '[\x00-\x1f]' -or $v.Value.Length -gt 2000) { throw ('the saved value ' + $v.Name + ' is not a proxy setting') }
                Set-DadRegistryValue -Path $path -Name $v.Name -Value ([string]$v.Value) -Type 'String'
            } elseif ($v.Value -is [int] -or $v.Value -is [long]) {
                Set-DadRegistryValue -Path $path -Name $v.Name -Value ([long]$v.Value) -Type 'DWord'
            } else {
                throw ('the saved value ' + $v.Name + ' is neither text nor a number')
            }
        }
        Add-DadFixChange ('restored ProxyMgr\' + $sub.Name)
    }
}

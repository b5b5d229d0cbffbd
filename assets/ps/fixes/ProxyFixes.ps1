# Fixes for a proxy in the way of IP-HTTPS (knowledge A.6, A.15): reset-winhttp-proxy and clear-iphlpsvc-proxy-cache.
# Both save what they remove, so undo can put it back.

$script:DadProxyMgrKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr'
# What a saved proxy may look like: host:port lists (http=a:80;https=b:443); no spaces or quotes, nothing to parse.
$script:DadProxyServerPattern = '^[A-Za-z0-9.:;=/_\[\]*-]{1,1000}\z'
$script:DadBypassPattern = '^[A-Za-z0-9.:;_\[\]*<>-]{1,2000}\z'

# reset-winhttp-proxy: saves the WinHTTP proxy, resets it to direct, restarts iphlpsvc.
function Reset-DadWinHttpProxy {
    [CmdletBinding()]
    param()
    $saved = ConvertFrom-DadWinHttpProxy (Invoke-DadNetsh @('winhttp', 'show', 'proxy'))
    $undo = @{ direct = [bool]$saved.direct; proxyServer = $saved.proxyServer; bypassList = $saved.bypassList }
    $script:DadFixUndo = $undo
    $null = Invoke-DadNative 'netsh' @('winhttp', 'reset', 'proxy')
    Add-DadFixChange ('reset the WinHTTP proxy to direct (was ' + $(if ($saved.direct) { 'direct' } else { [string]$saved.proxyServer }) + ')')
    Restart-DadIpHelperService
    return $undo
}

# Undo of reset-winhttp-proxy: the saved proxy back (netsh winhttp set proxy), or direct when it was direct.
function Undo-DadWinHttpProxy {
    [CmdletBinding()]
    param(
        [bool]$Direct = $false,
        [AllowNull()][AllowEmptyString()][string]$ProxyServer,
        [AllowNull()][AllowEmptyString()][string]$BypassList
    )
    if ($Direct -or -not $ProxyServer) {
        $null = Invoke-DadNative 'netsh' @('winhttp', 'reset', 'proxy')
        Add-DadFixChange 'WinHTTP proxy left direct (it was direct before the fix)'
        return
    }
    if ($ProxyServer -notmatch $script:DadProxyServerPattern) { throw 'the saved proxy server has characters a proxy cannot have' }
    $arguments = @('winhttp', 'set', 'proxy', ('proxy-server=' + $ProxyServer))
    if ($BypassList) {
        if ($BypassList -notmatch $script:DadBypassPattern) { throw 'the saved bypass list has characters a bypass list cannot have' }
        $arguments += ('bypass-list=' + $BypassList)
    }
    $null = Invoke-DadNative 'netsh' $arguments
    Add-DadFixChange ('restored the WinHTTP proxy ' + $ProxyServer)
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
        [ValidateSet('HKLM:\SYSTEM\CurrentControlSet\Services\iphlpsvc\Parameters\ProxyMgr')][string]$Key,
        [Parameter(Mandatory = $true)]$Subkeys
    )
    foreach ($sub in @($Subkeys.PSObject.Properties)) {
        if ($sub.Name -notmatch '^\{?[A-Za-z0-9-]{1,64}\}?\z') { throw ('not a ProxyMgr subkey name: ' + $sub.Name) }
        foreach ($v in @($sub.Value.PSObject.Properties)) {
            if ($v.Name -notmatch '^[A-Za-z0-9_-]{1,64}\z') { throw ('not a ProxyMgr value name: ' + $v.Name) }
            $path = $script:DadProxyMgrKey + '\' + $sub.Name
            if ($v.Value -is [string]) {
                if ($v.Value -match '[\x00-\x1f]' -or $v.Value.Length -gt 2000) { throw ('the saved value ' + $v.Name + ' is not a proxy setting') }
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

# DirectAccess server fixes (knowledge D.2, D.5, E.3): enable-iphttps-preauth, disable-iphttps-preauth (re-create the
# HTTP.SYS binding of IP-HTTPS with or without client-certificate negotiation) and reset-isatap-router. netsh always
# gets its arguments as an array (Invoke-DadNative), so the braces of the application id never reach the PowerShell
# parser as a script block (knowledge D.2: "in PowerShell quote the appid"). Windows PowerShell 5.1 syntax.

$script:DadSslBindingPath = 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo\0.0.0.0:443'
$script:DadIpHttpsIpPort = '0.0.0.0:443'
$script:DadIpHttpsAppIdText = '5d8e2743-ef20-4d38-8751-7e400f200e65'
# The only appid these fixes write is DirectAccess IP-HTTPS' own, in braces as netsh takes it (lower case, as the binding
# is read back): another application's binding is never written. A certhash is 40 hex digits; an ipport the wildcard
# IPv4 or IPv6 address with a port.
$script:DadAppIdPattern = '^\{5d8e2743-ef20-4d38-8751-7e400f200e65\}\z'
$script:DadIpPortPattern = '^(0\.0\.0\.0|\[::\]):([1-9][0-9]{0,4})\z'

# The binding of 0.0.0.0:443 as it is now (registry, locale-free; assumed value names, knowledge Q.5), or $null.
function Get-DadIpHttpsBindingNow {
    $values = Get-DadRegistryValues -Path $script:DadSslBindingPath
    if ($null -eq $values) { return $null }
    $b = ConvertTo-DadSslBinding $script:DadIpHttpsIpPort $values
    if (-not $b.certificateHash -or -not $b.appId) { return $null }
    return $b
}

# Whether one-time passwords are in use: 'Enabled', 'Disabled', or $null when Get-DAOtpAuthentication cannot tell.
function Get-DadOtpStatusNow {
    if (-not (Test-DadFixCommand 'Get-DAOtpAuthentication')) { return $null }
    try { return (Get-DadString (@(Get-DAOtpAuthentication)[0]) 'OtpStatus') } catch { return $null }
}

# netsh http add sslcert for IP-HTTPS, as an argument array. Every value is checked again right here.
function Add-DadIpHttpsBinding {
    param([string]$IpPort, [string]$CertHash, [string]$AppId, [bool]$DsMapper, [bool]$Negotiate)
    $null = Assert-DadMatch $IpPort $script:DadIpPortPattern 'the ipport'
    $null = Assert-DadMatch $CertHash $script:DadThumbprintPattern 'the certificate hash'
    $null = Assert-DadMatch $AppId $script:DadAppIdPattern 'the application id'
    $arguments = @('http', 'add', 'sslcert', ('ipport=' + $IpPort), ('certhash=' + $CertHash), ('appid=' + $AppId))
    if ($DsMapper) { $arguments += 'dsmapperusage=enable' }
    if ($Negotiate) { $arguments += 'clientcertnegotiation=enable' }
    $null = Invoke-DadNative 'netsh' $arguments
}

# Deletes the binding and adds it again with client-certificate negotiation on or off; when the add fails, the saved
# binding is put back at once and the failure reported (never a server left without its IP-HTTPS binding).
function Set-DadIpHttpsNegotiation {
    param([bool]$Negotiate)
    $saved = Get-DadIpHttpsBindingNow
    if ($null -eq $saved) { throw ('no IP-HTTPS binding on ' + $script:DadIpHttpsIpPort + ' to change; nothing changed') }
    if ($saved.appId -ne $script:DadIpHttpsAppIdText) { throw ('the binding on ' + $script:DadIpHttpsIpPort + ' belongs to application {' + $saved.appId + '}, not to DirectAccess IP-HTTPS; nothing changed') }
    $dsMapper = ($saved.dsMapper -eq $true)
    $savedNegotiate = ($saved.negotiateClientCertificate -eq $true)
    $appId = '{' + $saved.appId + '}'
    $undo = @{ ipPort = $script:DadIpHttpsIpPort; certHash = $saved.certificateHash; appId = $appId; dsMapper = $dsMapper; negotiate = $savedNegotiate }
    $script:DadFixUndo = $undo
    $null = Invoke-DadNative 'netsh' @('http', 'delete', 'sslcert', ('ipport=' + $script:DadIpHttpsIpPort))
    try {
        Add-DadIpHttpsBinding -IpPort $script:DadIpHttpsIpPort -CertHash $saved.certificateHash -AppId $appId -DsMapper $dsMapper -Negotiate $Negotiate
    } catch {
        $why = $_.Exception.Message
        Add-DadIpHttpsBinding -IpPort $script:DadIpHttpsIpPort -CertHash $saved.certificateHash -AppId $appId -DsMapper $dsMapper -Negotiate $savedNegotiate
        Add-DadFixChange 're-adding the binding failed; the saved binding was put back'
        throw ('re-adding the IP-HTTPS binding failed (' + $why + '); the saved binding was restored')
    }
    $word = 'off'; if ($Negotiate) { $word = 'on' }
    Add-DadFixChange ('IP-HTTPS binding ' + $script:DadIpHttpsIpPort + ' re-created with client-certificate negotiation ' + $word + ' (certhash ' + $saved.certificateHash + ')')
    return $undo
}

# enable-iphttps-preauth: refused while one-time passwords are in use or when that cannot be read (knowledge D.5).
function Enable-DadIpHttpsPreauth {
    [CmdletBinding()]
    param()
    $otp = Get-DadOtpStatusNow
    if ($otp -ne 'Disabled') {
        if ($otp -eq 'Enabled') { throw 'refused: one-time passwords are in use, and IP-HTTPS preauthentication is incompatible with them; nothing changed' }
        throw 'refused: whether one-time passwords are in use cannot be read (Get-DAOtpAuthentication); nothing changed'
    }
    return (Set-DadIpHttpsNegotiation -Negotiate $true)
}

# disable-iphttps-preauth: the binding without client-certificate negotiation.
function Disable-DadIpHttpsPreauth {
    [CmdletBinding()]
    param()
    return (Set-DadIpHttpsNegotiation -Negotiate $false)
}

# Undo of both: the saved binding exactly (every value from the undo record is checked again).
function Undo-DadIpHttpsBinding {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadIpPortPattern 'the ipport' })][string]$IpPort,
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadThumbprintPattern 'the certificate hash' })][string]$CertHash,
        [Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadAppIdPattern 'the application id' })][string]$AppId,
        [bool]$DsMapper,
        [bool]$Negotiate
    )
    $port = [int]($IpPort.Substring($IpPort.LastIndexOf(':') + 1))
    if ($port -gt 65535) { throw 'the ipport is not valid' }
    if ($null -ne (Get-DadRegistryValues -Path ($script:DadSslBindingPath -replace '0\.0\.0\.0:443$', $IpPort))) {
        $null = Invoke-DadNative 'netsh' @('http', 'delete', 'sslcert', ('ipport=' + $IpPort))
    }
    Add-DadIpHttpsBinding -IpPort $IpPort -CertHash $CertHash -AppId $AppId -DsMapper $DsMapper -Negotiate $Negotiate
    Add-DadFixChange ('IP-HTTPS binding ' + $IpPort + ' restored as saved (client-certificate negotiation ' + $(if ($Negotiate) { 'on' } else { 'off' }) + ')')
}

# reset-isatap-router (knowledge E.3 item 5, Hicks' Reset-DaIsatapConfiguration.ps1): publish the internal prefix on
# the ISATAP interface, enable forwarding and advertising. Refused where the interface is not known for certain.
function Reset-DadIsatapRouter {
    [CmdletBinding()]
    param()
    $ra = @(Get-RemoteAccess)[0]
    $prefix = Get-DadString $ra 'InternalIPv6Prefix'
    if (-not $prefix -or $prefix -cnotmatch '^[0-9A-Fa-f:]{2,39}/[0-9]{1,3}\z') { throw 'refused: Get-RemoteAccess names no internal IPv6 prefix; nothing changed' }
    $isatap = @(foreach ($i in @(Get-NetIPInterface -AddressFamily IPv6)) { if ([string](Get-DadProperty $i 'InterfaceAlias') -like 'isatap*') { $i } })
    if ($isatap.Count -ne 1) { throw ('refused: ' + $isatap.Count + ' ISATAP interfaces, which one routes for the internal network is not known; nothing changed') }
    $index = [int](Get-DadProperty $isatap[0] 'InterfaceIndex')
    $route = @(Get-NetRoute -AddressFamily IPv6 -DestinationPrefix $prefix -InterfaceIndex $index -ErrorAction SilentlyContinue)
    if ($route.Count -gt 0) {
        Set-NetRoute -AddressFamily IPv6 -DestinationPrefix $prefix -InterfaceIndex $index -Publish Yes
    } else {
        $null = New-NetRoute -AddressFamily IPv6 -DestinationPrefix $prefix -InterfaceIndex $index -Publish Yes
    }
    Set-NetIPInterface -InterfaceIndex $index -Forwarding Enabled -Advertising Enabled
    Add-DadFixChange ('published ' + $prefix + ' on ISATAP interface ' + $index + '; forwarding and advertising enabled')
    return $null
}

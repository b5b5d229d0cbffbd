# Probe of the DirectAccess server itself (knowledge C, D, E.3): the Remote Access configuration, one-time passwords,
# the IP-HTTPS binding of HTTP.SYS and its certificate, and the ISATAP router. Locale-free throughout: enum names of
# the RemoteAccess and NetTCPIP cmdlets, registry values, certificate properties; never `netsh http show sslcert`
# text, which is localised.

$script:DadSslBindingKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\HTTP\Parameters\SslBindingInfo'
# DirectAccess' IP-HTTPS application id in the HTTP.SYS binding (KB973982, knowledge D.2).
$script:DadIpHttpsAppId = '5d8e2743-ef20-4d38-8751-7e400f200e65'
# The IP:port bindings IP-HTTPS uses (knowledge D.2: 0.0.0.0:443; whether [::]:443 is bound too is unverified).
$script:DadIpHttpsIpPorts = @('0.0.0.0:443', '[::]:443')

# The DirectAccess server's configuration; notApplicable on a machine where nothing says it is one.
function Get-DadServerSection {
    $errors = [Activator]::CreateInstance([System.Collections.ArrayList])
    $remote = $null
    if (Test-DadCommand 'Get-RemoteAccess') {
        # It needs the Remote Access management service and, on some builds, administrator rights: a failure is
        # recorded, and the binding below still tells whether this is the server.
        try {
            $ra = @(Get-RemoteAccess)[0]
            if ($null -ne $ra) { $remote = ConvertTo-DadRemoteAccess $ra }
        } catch {
            $null = $errors.Add('Get-RemoteAccess: ' + $_.Exception.Message)
        }
    }
    $bindings = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($ipPort in $script:DadIpHttpsIpPorts) {
        $values = Get-DadRegistryValues -Path ($script:DadSslBindingKey + '\' + $ipPort)
        if ($null -ne $values) { $null = $bindings.Add((ConvertTo-DadSslBinding $ipPort $values)) }
    }
    $daBinding = $null
    foreach ($b in $bindings) { if ($null -eq $daBinding -and $b.appId -eq $script:DadIpHttpsAppId) { $daBinding = $b } }
    $installed = ($null -ne $remote -and $remote.daStatus -eq 'Installed')
    if (-not $installed -and $null -eq $daBinding -and $errors.Count -eq 0) {
        return New-DadNotApplicable 'not a DirectAccess server (Get-RemoteAccess does not say DirectAccess is installed, and no HTTP.SYS binding of the IP-HTTPS application exists)'
    }

    $otp = $null
    if (Test-DadCommand 'Get-DAOtpAuthentication') {
        try { $otp = Get-DadString (@(Get-DAOtpAuthentication)[0]) 'OtpStatus' } catch { $null = $errors.Add('Get-DAOtpAuthentication: ' + $_.Exception.Message) }
    }

    # The certificate the DirectAccess binding names (else the one Get-RemoteAccess names), from LocalMachine\My.
    $hash = $null
    if ($null -ne $daBinding) { $hash = $daBinding.certificateHash }
    if ($null -eq $hash -and $null -ne $remote) { $hash = $remote.sslCertificateThumbprint }
    $certificate = $null
    if ($null -ne $hash) {
        foreach ($c in (ConvertTo-DadArray (Get-DadCertificates -Store 'My'))) {
            if ($null -eq $certificate -and (Format-DadThumbprint (Get-DadProperty $c 'Thumbprint')) -eq $hash) { $certificate = ConvertTo-DadCertInfo $c }
        }
    }

    $isatap = $null
    if ((Test-DadCommand 'Get-NetIPInterface') -and (Test-DadCommand 'Get-NetRoute')) {
        $prefix = $null
        if ($null -ne $remote) { $prefix = $remote.internalIPv6Prefix }
        try { $isatap = Get-DadServerIsatap $prefix } catch { $null = $errors.Add('ISATAP router: ' + $_.Exception.Message) }
    }

    $result = @{ remoteAccess = $remote; otpStatus = $otp; bindings = $bindings.ToArray(); certificate = $certificate; isatap = $isatap }
    if ($errors.Count -gt 0) { $result.errors = $errors.ToArray() }
    return $result
}

# The Get-RemoteAccess properties the rules read (doc example: DAStatus, LoadBalancing, ConnectToAddress,
# InternalInterface, ForceTunnel, EntrypointName, InternalIPv6Prefix, NlsLocation, NlsUrl, SslCertificate).
function ConvertTo-DadRemoteAccess {
    param($Ra)
    $thumb = $null
    $cert = Get-DadProperty $Ra 'SslCertificate'
    if ($null -ne $cert) {
        $thumb = Format-DadThumbprint (Get-DadProperty $cert 'Thumbprint')
        if (-not $thumb) { $thumb = $null }
    }
    return @{
        daStatus                 = Get-DadString $Ra 'DAStatus'
        connectToAddress         = Get-DadString $Ra 'ConnectToAddress'
        loadBalancing            = Get-DadString $Ra 'LoadBalancing'
        forceTunnel              = Get-DadString $Ra 'ForceTunnel'
        entrypointName           = Get-DadString $Ra 'EntrypointName'
        internalInterface        = Get-DadString $Ra 'InternalInterface'
        internalIPv6Prefix       = Get-DadString $Ra 'InternalIPv6Prefix'
        nlsLocation              = Get-DadString $Ra 'NlsLocation'
        nlsUrl                   = Get-DadString $Ra 'NlsUrl'
        sslCertificateThumbprint = $thumb
    }
}

# One SslBindingInfo key's values as the snapshot's binding. ASSUMED value names and types, no real capture
# (knowledge Q.5): SslCertHash REG_BINARY (the SHA-1 hash), AppId REG_BINARY (a GUID in Guid.ToByteArray order),
# SslCertStoreName REG_SZ, DefaultFlags REG_DWORD with http.h's HTTP_SERVICE_CONFIG_SSL_FLAG_* bits
# (0x1 USE_DS_MAPPER, 0x2 NEGOTIATE_CLIENT_CERT).
function ConvertTo-DadSslBinding {
    param([string]$IpPort, $Values)
    $hash = $null
    $hashValue = ConvertTo-DadBytes (Get-DadProperty $Values 'SslCertHash')
    if ($null -ne $hashValue -and $hashValue.Length -eq 20) { $hash = ConvertTo-DadHex $hashValue }
    $appId = $null
    $appValue = ConvertTo-DadBytes (Get-DadProperty $Values 'AppId')
    if ($null -ne $appValue -and $appValue.Length -eq 16) {
        $appId = ([Activator]::CreateInstance([System.Guid], [object[]]@(, [byte[]]$appValue))).ToString('D').ToLowerInvariant()
    }
    $flags = ConvertTo-DadUInt32 (Get-DadProperty $Values 'DefaultFlags')
    $dsMapper = $null
    $negotiate = $null
    if ($null -ne $flags) {
        $dsMapper = (($flags -band 1) -ne 0)
        $negotiate = (($flags -band 2) -ne 0)
    }
    $flagsOut = $null
    if ($null -ne $flags) { $flagsOut = [int64]$flags }
    return @{
        ipPort                     = $IpPort
        certificateHash            = $hash
        appId                      = $appId
        certStoreName              = Get-DadString $Values 'SslCertStoreName'
        defaultFlags               = $flagsOut
        dsMapper                   = $dsMapper
        negotiateClientCertificate = $negotiate
    }
}

# A REG_BINARY value as byte[] (a byte[] returned from a function arrives unrolled as object[]); $null for anything
# that is not all bytes (a REG_SZ written by hand, say).
function ConvertTo-DadBytes {
    param($Value)
    if ($null -eq $Value -or $Value -is [string]) { return $null }
    if ($Value -is [byte[]]) { return , $Value }
    foreach ($v in @($Value)) { if (-not ($v -is [byte])) { return $null } }
    return , ([byte[]]@($Value))
}

# Bytes as upper-case hex.
function ConvertTo-DadHex {
    param([byte[]]$Bytes)
    $sb = [Activator]::CreateInstance([System.Text.StringBuilder])
    foreach ($b in $Bytes) { $null = $sb.Append($b.ToString('X2', [System.Globalization.CultureInfo]::InvariantCulture)) }
    return $sb.ToString()
}

# The server's ISATAP interfaces with their forwarding and advertising (enum names Enabled/Disabled), and the IPv6
# routes it publishes (Publish Yes/No/Age) on them: what Hicks' Reset-DaIsatapConfiguration.ps1 sets (knowledge E.3.5).
# Routes to the internal IPv6 prefix on other interfaces come along too: they show native IPv6 inside, where the
# server is no ISATAP router.
# ASSUMED shapes of Get-NetIPInterface / Get-NetRoute on an ISATAP router, no capture (knowledge Q.5).
function Get-DadServerIsatap {
    param([string]$InternalPrefix)
    $interfaces = [Activator]::CreateInstance([System.Collections.ArrayList])
    $indexes = @()
    foreach ($i in (ConvertTo-DadArray (Get-NetIPInterface -AddressFamily IPv6))) {
        $alias = Get-DadString $i 'InterfaceAlias'
        if ($null -eq $alias -or $alias -notlike 'isatap*') { continue }
        $index = ConvertTo-DadUInt32 (Get-DadProperty $i 'InterfaceIndex')
        if ($null -eq $index) { continue }
        $indexes += [int64]$index
        $null = $interfaces.Add(@{ alias = $alias; index = [int64]$index; forwarding = (Get-DadString $i 'Forwarding'); advertising = (Get-DadString $i 'Advertising') })
    }
    $routes = [Activator]::CreateInstance([System.Collections.ArrayList])
    if ($interfaces.Count -gt 0 -or $InternalPrefix) {
        foreach ($r in (ConvertTo-DadArray (Get-NetRoute -AddressFamily IPv6))) {
            $index = ConvertTo-DadUInt32 (Get-DadProperty $r 'InterfaceIndex')
            $prefix = Get-DadString $r 'DestinationPrefix'
            if ($null -eq $index -or $null -eq $prefix) { continue }
            if ($indexes -notcontains [int64]$index -and $prefix -ne $InternalPrefix) { continue }
            $null = $routes.Add(@{ destinationPrefix = $prefix; index = [int64]$index; publish = (Get-DadString $r 'Publish') })
        }
    }
    return @{ interfaces = $interfaces.ToArray(); routes = $routes.ToArray() }
}

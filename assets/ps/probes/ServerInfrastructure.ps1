# Probe of the DirectAccess server's "infrastructure servers" as Microsoft's planning guide names them
# (windowsserverdocs da-adv-plan-s1-infrastructure.md §1.4 and §1.5; knowledge H.1, H.4, E.2, E.4): where the network
# location server (NLS) runs and with which certificate, whether its name is an NRPT exemption of the DirectAccess
# client policy, and the DNS side of ISATAP: the DNS server's global query block list (only where the DnsServer
# cmdlets exist: otherwise "not checked", never "fine") and whether the generic name `isatap` resolves.
# A section of its own, not part of `server`: the name lookups wait on the network (probePlan.ts), the server's reads do not.
# Locale-free: enum names (NlsLocation DirectAccessServer/ExternalServer), booleans, string arrays, lookup outcomes.
# Reading only: no -CheckReachability (the NLS answering from here says nothing about the Internet side, knowledge H.5).

function Get-DadServerInfrastructureSection {
    $errors = [Activator]::CreateInstance([System.Collections.ArrayList])
    if (-not (Test-DadCommand 'Get-RemoteAccess')) {
        return New-DadNotApplicable 'not a DirectAccess server (no Get-RemoteAccess on this machine)'
    }
    # A throw here leaves the section `error`: on the server the rules then say "unknown", never "fine".
    $ra = @(Get-RemoteAccess)[0]
    if ($null -eq $ra -or (Get-DadString $ra 'DAStatus') -ne 'Installed') {
        return New-DadNotApplicable 'not a DirectAccess server (Get-RemoteAccess does not say DirectAccess is installed)'
    }

    $nls = $null
    try { $nls = Get-DadServerNls $ra } catch { $null = $errors.Add('Get-DANetworkLocationServer: ' + $_.Exception.Message) }

    $nrpt = $null
    if (Test-DadCommand 'Get-DAClientDnsConfiguration') {
        try { $nrpt = Get-DadDaClientNrpt } catch { $null = $errors.Add('Get-DAClientDnsConfiguration: ' + $_.Exception.Message) }
    }

    $blockList = @{ status = 'noCmdlet'; enable = $null; list = @() }
    if (Test-DadCommand 'Get-DnsServerGlobalQueryBlockList') {
        try {
            $b = @(Get-DnsServerGlobalQueryBlockList)[0]
            $enable = Get-DadProperty $b 'Enable'
            if ($null -ne $enable) { $enable = [bool]$enable }
            $blockList = @{ status = 'read'; enable = $enable; list = (ConvertTo-DadStringArray (Get-DadProperty $b 'List')) }
        } catch {
            # Typically: the DnsServer module (RSAT) is here but this server runs no DNS service.
            $blockList = @{ status = 'failed'; enable = $null; list = @() }
            $null = $errors.Add('Get-DnsServerGlobalQueryBlockList: ' + $_.Exception.Message)
        }
    }

    $lookups = [Activator]::CreateInstance([System.Collections.ArrayList])
    $names = Get-DadIsatapNames
    if ($names.Count -gt 0) {
        $answers = Resolve-DadNameLookups -Names ([string[]]@($names.Keys))
        foreach ($name in $names.Keys) {
            $a = $answers[$name]
            $null = $lookups.Add(@{ name = $name; purpose = $names[$name]; addresses = (ConvertTo-DadStringArray $a.addresses); lookup = $a.lookup })
        }
    }

    $result = @{ nls = $nls; nrpt = $nrpt; globalQueryBlockList = $blockList; isatapLookups = $lookups.ToArray() }
    if ($errors.Count -gt 0) { $result.errors = $errors.ToArray() }
    return $result
}

# Where the NLS runs (Get-DANetworkLocationServer NlsLocation DirectAccessServer/ExternalServer, Url; doc example and
# the DANetworkLocationServer class), else the same from Get-RemoteAccess (NlsLocation, NlsUrl, NlsCertificate: doc
# example). The NLS name: the URL's host; with the NLS on this server and no URL, the name of its certificate
# (ASSUMED, knowledge Q.5: the doc examples show the URL empty in that case and the certificate named
# directaccess-nls.<domain>).
function Get-DadServerNls {
    param($Ra)
    $source = 'Get-RemoteAccess'
    $location = Get-DadString $Ra 'NlsLocation'
    $url = Get-DadString $Ra 'NlsUrl'
    $cert = Get-DadProperty $Ra 'NlsCertificate'
    if (Test-DadCommand 'Get-DANetworkLocationServer') {
        $n = @(Get-DANetworkLocationServer)[0]
        if ($null -ne $n) {
            $source = 'Get-DANetworkLocationServer'
            $location = Get-DadString $n 'NlsLocation'
            $url = Get-DadString $n 'Url'
            $cert = Get-DadProperty $n 'Certificate'
        }
    }
    $thumb = Get-DadNlsThumbprint $cert
    $info = $null
    if ($null -ne $thumb) {
        foreach ($c in (ConvertTo-DadArray (Get-DadCertificates -Store 'My'))) {
            if ($null -eq $info -and (Format-DadThumbprint (Get-DadProperty $c 'Thumbprint')) -eq $thumb) { $info = ConvertTo-DadCertInfo $c }
        }
    }
    $fqdn = $null
    $fqdnSource = $null
    $parts = Split-DadServerUrl $url
    if ($null -ne $url -and $null -ne $parts) {
        $fqdn = $parts.host.ToLowerInvariant()
        $fqdnSource = 'url'
    } elseif ($null -ne $info) {
        $name = Get-DadCertificateName $info
        if ($null -ne $name) { $fqdn = $name.ToLowerInvariant(); $fqdnSource = 'certificate' }
    }
    return @{
        source                = $source
        location              = $location
        url                   = $url
        fqdn                  = $fqdn
        fqdnSource            = $fqdnSource
        certificateThumbprint = $thumb
        certificate           = $info
    }
}

# The NLS certificate's thumbprint: the doc examples render an X509Certificate2 (Thumbprint), the CIM class declares
# uint8[] (the DER bytes), read here in memory.
function Get-DadNlsThumbprint {
    param($Certificate)
    if ($null -eq $Certificate) { return $null }
    $thumb = Get-DadString $Certificate 'Thumbprint'
    if ($null -eq $thumb) {
        $bytes = ConvertTo-DadBytes $Certificate
        if ($null -eq $bytes -or $bytes.Length -eq 0) { return $null }
        try {
            $x = [Activator]::CreateInstance([System.Security.Cryptography.X509Certificates.X509Certificate2], [object[]]@(, [byte[]]$bytes))
            $thumb = $x.Thumbprint
        } catch { return $null }
    }
    $thumb = Format-DadThumbprint $thumb
    if (-not $thumb) { return $null }
    return $thumb
}

# The first DNS name of a certificate, else the CN of its subject.
function Get-DadCertificateName {
    param($Info)
    foreach ($n in @($Info.dnsNames)) { if ($n) { return [string]$n } }
    $m = [regex]::Match([string]$Info.subject, '(?:^|,)\s*CN\s*=\s*([^,]+)', [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
    if ($m.Success) { return $m.Groups[1].Value.Trim() }
    return $null
}

# The NRPT of the DirectAccess client policy: Get-DAClientDnsConfiguration's NrptEntry (DnsClientNrptRule instances:
# Namespace, DirectAccessDnsServers; the class is documented as DAClientDnsConfiguration { NrptEntry[];
# NrptGlobalSettings }, the doc example renders only NrptSuffixes: ASSUMED property path, knowledge Q.5). An entry
# without DNS servers is an exemption (Add-DAClientDnsConfiguration doc).
function Get-DadDaClientNrpt {
    $config = @(Get-DAClientDnsConfiguration)[0]
    $entries = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($e in (ConvertTo-DadArray (Get-DadProperty $config 'NrptEntry'))) {
        $namespaces = ConvertTo-DadStringArray (Get-DadProperty $e 'Namespace')
        if ($namespaces.Length -eq 0) { continue }
        $null = $entries.Add(@{ namespaces = $namespaces; dnsServers = (ConvertTo-DadStringArray (Get-DadProperty $e 'DirectAccessDnsServers')) })
    }
    return , $entries.ToArray()
}

# Names to look up, name -> purpose: `isatap` in the server's domain (the generic name every ISATAP host tries,
# knowledge E.2), and the ISATAP router name this server is set to, if any (a targeted name).
function Get-DadIsatapNames {
    $names = @{}
    $cs = $null
    try { $cs = @(Get-DadWmiObject -ClassName 'Win32_ComputerSystem')[0] } catch { $cs = $null }
    $domain = Get-DadString $cs 'Domain'
    if ($null -ne $domain -and [bool](Get-DadProperty $cs 'PartOfDomain')) { $names[('isatap.' + $domain.ToLowerInvariant())] = 'generic' }
    if (Test-DadCommand 'Get-NetIsatapConfiguration') {
        $router = $null
        try { $router = Get-DadString (@(Get-NetIsatapConfiguration)[0]) 'Router' } catch { $router = $null }
        if ($null -ne $router -and -not $names.ContainsKey($router.ToLowerInvariant())) { $names[$router.ToLowerInvariant()] = 'router' }
    }
    return $names
}

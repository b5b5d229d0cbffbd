# Where the machine is (knowledge H): the network location server (NLS) URL of the DirectAccess policy, the tool's own
# HTTPS probe of it step by step (H.2 last row), and the domain evidence (a domain controller answered: Domain profile).
# Windows' own verdict (Get-DAConnectionStatus, netsh dnsclient show state) stays in the daStatus section. Locale-free
# sources only: the NCSI cmdlet's properties, the policy registry, CIM enum names, the firewall's profile bit mask.

$script:DadNcsiPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityStatusIndicator\CorporateConnectivity'
# Bounded waits: TCP then TLS (whose online revocation check waits at most 3 s more); the whole probe stays inside the
# collector's network budget (src-main/collect/probePlan.ts) even when every step times out.
$script:DadNlsTcpTimeoutMs = 3000
$script:DadNlsTlsTimeoutMs = 4000

function Get-DadLocationSection {
    $errors = [Activator]::CreateInstance([System.Collections.ArrayList])
    $ncsi = $null
    if (Test-DadCommand 'Get-NCSIPolicyConfiguration') {
        try { $ncsi = Get-DadNcsiPolicy } catch { $null = $errors.Add('Get-NCSIPolicyConfiguration: ' + $_.Exception.Message) }
    }
    $policyUrl = Get-DadString (Get-DadRegistryValues -Path $script:DadNcsiPolicyKey) 'DomainLocationDeterminationUrl'
    $url = $null
    $source = $null
    if ($null -ne $ncsi -and $null -ne $ncsi.domainLocationDeterminationUrl) {
        $url = $ncsi.domainLocationDeterminationUrl
        $source = 'ncsiPolicy'
    } elseif ($null -ne $policyUrl) {
        $url = $policyUrl
        $source = 'registry'
    }
    $nls = $null
    if ($null -ne $url) { $nls = Invoke-DadNlsProbe $url }
    $profiles = $null
    if (Test-DadCommand 'Get-NetConnectionProfile') {
        try { $profiles = Get-DadConnectionProfiles } catch { $null = $errors.Add('Get-NetConnectionProfile: ' + $_.Exception.Message) }
    }
    $types = $null
    try {
        $types = ConvertTo-DadUInt32 (Get-DadFirewallCurrentProfileTypes)
        if ($null -ne $types) { $types = [int64]$types }
    } catch {
        $null = $errors.Add('HNetCfg.FwPolicy2.CurrentProfileTypes: ' + $_.Exception.Message)
    }
    $result = @{
        nlsUrl                      = $url
        nlsUrlSource                = $source
        policyUrl                   = $policyUrl
        ncsi                        = $ncsi
        nls                         = $nls
        connectionProfiles          = $profiles
        firewallCurrentProfileTypes = $types
    }
    if ($errors.Count -gt 0) { $result.errors = $errors.ToArray() }
    return $result
}

# Get-NCSIPolicyConfiguration (knowledge B.7; property names from the class, the doc example is the only shape). Its
# default policy store is not documented (H.2), so when it names no NLS URL the ActiveStore is asked too.
function Get-DadNcsiPolicy {
    $config = @(Get-NCSIPolicyConfiguration)[0]
    if ($null -eq (Get-DadString $config 'DomainLocationDeterminationURL')) {
        $active = @(Get-NCSIPolicyConfiguration -PolicyStore 'ActiveStore')[0]
        if ($null -ne $active) { $config = $active }
    }
    if ($null -eq $config) { return $null }
    $prefixes = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($text in (ConvertTo-DadStringArray (Get-DadProperty $config 'CorporateSitePrefixList'))) {
        foreach ($prefix in ($text -split '[\s,;]+')) { if ($prefix.Length -gt 0) { $null = $prefixes.Add($prefix) } }
    }
    return @{
        domainLocationDeterminationUrl = Get-DadString $config 'DomainLocationDeterminationURL'
        corporateDnsProbeHostName      = Get-DadString $config 'CorporateDNSProbeHostName'
        corporateDnsProbeHostAddress   = Get-DadString $config 'CorporateDNSProbeHostAddress'
        corporateWebsiteProbeUrl       = Get-DadString $config 'CorporateWebsiteProbeURL'
        corporateSitePrefixList        = $prefixes.ToArray()
        policyStore                    = Get-DadString $config 'PolicyStore'
    }
}

# The tool's probe of the NLS URL, each step recorded (H.2): resolve with the system resolver (the NLS name is an NRPT
# exemption, so the interface's DNS servers answer, as for Windows' own check, H.1), TCP, then the TLS adapter the
# IP-HTTPS server-certificate probe uses (machine-context chain, online revocation) with a HEAD request for the URL's
# path. A step that fails ends the probe: later steps stay notAttempted.
function Invoke-DadNlsProbe {
    param([string]$Url)
    $endpoint = Split-DadServerUrl $Url
    if ($null -eq $endpoint) { throw ('the network location server URL cannot be parsed: ' + $Url) }
    $path = '/'
    $m = [regex]::Match($Url, '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+(/[^?#\s]*)')
    if ($m.Success) { $path = $m.Groups[1].Value }
    $result = @{
        host = $endpoint.host; port = $endpoint.port; addresses = @(); tcp = 'unresolved'; handshake = 'notAttempted'
        handshakeError = $null; httpStatus = $null; chain = @(); chainStatus = @(); chainStatusOnline = @(); nameMatches = $null
    }
    # Bounded like every lookup (one network timeout), and saying how it ended: no answer is not "no such name".
    $resolved = (Resolve-DadNameLookups @($endpoint.host))[$endpoint.host]
    $result.addresses = ConvertTo-DadStringArray $resolved.addresses
    $result.lookup = $resolved.lookup
    if ($result.addresses.Length -eq 0) { return $result }
    $result.tcp = [string](Test-DadTcpPort -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadNlsTcpTimeoutMs)
    if ($result.tcp -ne 'succeeded') { return $result }
    $probe = Invoke-DadTlsProbe -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadNlsTlsTimeoutMs -Path $path
    $handshake = Get-DadString $probe 'Handshake'
    if ($null -eq $handshake) { $handshake = 'notAttempted' }
    $result.handshake = $handshake
    $result.handshakeError = Get-DadString $probe 'HandshakeError'
    $status = Get-DadProperty $probe 'HttpStatus'
    if ($null -ne $status) { $result.httpStatus = [int]$status }
    $chain = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($cert in (ConvertTo-DadArray (Get-DadProperty $probe 'Chain'))) { $null = $chain.Add((ConvertTo-DadCertInfo $cert)) }
    $result.chain = $chain.ToArray()
    $result.chainStatus = ConvertTo-DadStringArray (Get-DadProperty $probe 'ChainStatus')
    $result.chainStatusOnline = ConvertTo-DadStringArray (Get-DadProperty $probe 'ChainStatusOnline')
    $nameMatches = Get-DadProperty $probe 'NameMatches'
    if ($null -ne $nameMatches) { $result.nameMatches = [bool]$nameMatches }
    return $result
}

# NetworkCategory of MSFT_NetConnectionProfile by value (Public 0, Private 1, DomainAuthenticated 2), for a reader
# that gets the number instead of the enum name.
$script:DadNetworkCategories = @('Public', 'Private', 'DomainAuthenticated')

# Get-NetConnectionProfile (Windows 8+). ASSUMED shape, no real capture (knowledge Q.5): properties Name,
# InterfaceAlias, NetworkCategory, IPv4Connectivity as on MSFT_NetConnectionProfile; NetworkCategory as its enum name
# (not localised, Q.6) or its number.
function Get-DadConnectionProfiles {
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($p in (ConvertTo-DadArray (Get-NetConnectionProfile))) {
        $category = Get-DadString $p 'NetworkCategory'
        if ($null -ne $category -and $category -match '^[0-2]$') { $category = $script:DadNetworkCategories[[int]$category] }
        $null = $list.Add(@{
                name             = Get-DadString $p 'Name'
                interfaceAlias   = Get-DadString $p 'InterfaceAlias'
                networkCategory  = $category
                ipv4Connectivity = Get-DadString $p 'IPv4Connectivity'
            })
    }
    return , $list.ToArray()
}

# Probes of the DirectAccess policy and the IP-HTTPS tunnel: policy, interface state, reachability and the
# certificate the server presents.

$script:DadNcaPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant'
$script:DadIpHttpsPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition\IPHTTPS\IPHTTPSInterface'

# Whether DirectAccess client policy reached the machine, and what the NCA says about the connection.
function Get-DadDaStatusSection {
    $url = Get-DadString (Get-DadRegistryValues -Path $script:DadIpHttpsPolicyKey) 'IPHTTPS_ClientUrl'
    $ncaConfigured = ($null -ne (Get-DadRegistryValues -Path $script:DadNcaPolicyKey))
    $connection = $null
    $location = @{ value = $null; source = 'none'; raw = $null }
    if (Test-DadCommand 'Get-DAConnectionStatus') {
        # It fails outright when NcaSvc cannot run (e.g. Pro edition); policy presence is still worth reporting, and
        # the services section carries the NcaSvc state that explains the failure.
        try {
            $status = @(Get-DAConnectionStatus)[0]
        } catch {
            $status = $null
        }
        if ($null -ne $status) {
            $connection = @{ status = [string](Get-DadString $status 'Status'); substatus = [string](Get-DadString $status 'Substatus') }
            $location = ConvertTo-DadNcaLocation $connection.status
        }
    } else {
        # Windows 7: only netsh knows where the machine thinks it is; its failure leaves the location unknown.
        try {
            $location = ConvertFrom-DadDnsClientState (Invoke-DadNetsh @('dnsclient', 'show', 'state'))
        } catch {
            $location = @{ value = $null; source = 'netsh'; raw = $null; parse = @{ language = $null; recognised = $false; note = ('netsh dnsclient show state failed: ' + $_.Exception.Message) } }
        }
    }
    return @{
        policyApplied   = (($null -ne $url) -or $ncaConfigured)
        ipHttpsClientUrl = $url
        ncaConfigured   = $ncaConfigured
        connection      = $connection
        location        = $location
    }
}

# Location from Get-DAConnectionStatus's Status (an enum name, not localised; knowledge B.6, H): ConnectedLocally is
# inside (it only means the NLS answered, H.5); ConnectedRemotely outside; anything else says nothing about location.
function ConvertTo-DadNcaLocation {
    param([string]$Status)
    $value = $null
    if ($Status -eq 'ConnectedLocally') { $value = 'inside-corpnet' }
    if ($Status -eq 'ConnectedRemotely') { $value = 'outside-corpnet' }
    return @{ value = $value; source = 'ncaStatus'; raw = $Status }
}

# Parses the "Machine Location" line of `netsh dnsclient show state` (Windows 7). ASSUMED shape, no real capture
# (knowledge B.8, Q.5): `Machine Location : Inside corporate network` / `Outside corporate network`. German labels
# are not known, so any other text is unknown (value null, with a note), never a location.
function ConvertFrom-DadDnsClientState {
    param([string[]]$Lines)
    $raw = Get-DadNetshValue $Lines 'Machine Location'
    $value = $null
    if ($null -ne $raw -and $raw -match '(?i)^outside\b') { $value = 'outside-corpnet' }
    if ($null -ne $raw -and $raw -match '(?i)^inside\b') { $value = 'inside-corpnet' }
    $parse = @{ language = $null; recognised = $false; note = $null }
    if ($null -ne $value) {
        $parse.language = 'en'
        $parse.recognised = $true
    } elseif ($null -ne $raw) {
        $parse.language = 'en'
        $parse.note = ('netsh dnsclient show state: Machine Location "' + $raw + '" is not a known value; location unknown')
    } else {
        $parse.note = 'netsh dnsclient show state printed no Machine Location line in a known language; location unknown'
    }
    return @{ value = $value; source = 'netsh'; raw = $raw; parse = $parse }
}

# IP-HTTPS interface state and configuration: the cmdlets on Windows 8+, netsh text on Windows 7. A cmdlet that
# throws does not blind the section: the state then comes from netsh (its `errors` say why), the configuration from
# the policy registry; only when nothing else answers does the section fail with the cmdlet's error.
function Get-DadIpHttpsSection {
    if (Test-DadCommand 'Get-NetIPHttpsState') {
        $errors = [Activator]::CreateInstance([System.Collections.ArrayList])
        $source = 'cmdlet'
        $state = $null
        $stateError = $null
        try {
            $current = @(Get-NetIPHttpsState)[0]
        } catch {
            $stateError = $_
            $current = $null
            $null = $errors.Add('Get-NetIPHttpsState: ' + $_.Exception.Message)
        }
        if ($null -ne $current) {
            $code = ConvertTo-DadUInt32 (Get-DadProperty $current 'LastErrorCode')
            if ($null -eq $code) { throw ('LastErrorCode is not a number: ' + (Get-DadProperty $current 'LastErrorCode')) }
            $status = Get-DadString $current 'InterfaceStatus'
            if ($null -eq $status) { $status = '' }
            $state = @{ lastErrorCode = [int64]$code; interfaceStatus = $status }
        }
        $parse = $null
        if ($null -ne $stateError) {
            $fromNetsh = $null
            try { $fromNetsh = ConvertFrom-DadIpHttpsNetsh (Invoke-DadNetsh @('interface', 'httpstunnel', 'show', 'interfaces')) } catch { $fromNetsh = $null }
            if ($null -eq $fromNetsh -or $null -eq $fromNetsh.state) { throw $stateError }
            $source = 'netsh'
            $state = $fromNetsh.state
            $parse = $fromNetsh.parse
        }
        $configuration = $null
        $profiles = [Activator]::CreateInstance([System.Collections.ArrayList])
        if (Test-DadCommand 'Get-NetIPHttpsConfiguration') {
            $configs = $null
            try {
                $configs = ConvertTo-DadArray (Get-NetIPHttpsConfiguration)
            } catch {
                $null = $errors.Add('Get-NetIPHttpsConfiguration: ' + $_.Exception.Message)
                $configuration = Get-DadIpHttpsPolicyConfiguration
            }
            if ($null -ne $configs) {
                $configuration = Select-DadIpHttpsConfiguration $configs
                foreach ($config in $configs) { $null = $profiles.Add((ConvertTo-DadIpHttpsProfile $config)) }
            }
        }
        $result = @{ source = $source; state = $state; configuration = $configuration; profiles = $profiles.ToArray() }
        if ($errors.Count -gt 0) { $result.errors = $errors.ToArray() }
        if ($null -ne $parse) { $result.parse = $parse }
        return $result
    }
    $lines = Invoke-DadNetsh @('interface', 'httpstunnel', 'show', 'interfaces')
    return ConvertFrom-DadIpHttpsNetsh $lines
}

# The client configuration as the policy registry gives it (IPHTTPS_ClientUrl, knowledge B.3), when the cmdlet failed.
function Get-DadIpHttpsPolicyConfiguration {
    $url = Get-DadString (Get-DadRegistryValues -Path $script:DadIpHttpsPolicyKey) 'IPHTTPS_ClientUrl'
    if ($null -eq $url) { return $null }
    return @{ serverUrl = $url; state = $null; authMode = $null; profile = $null; profileActivated = $null; source = 'registry' }
}

# One Get-NetIPHttpsConfiguration instance as the snapshot lists it (ProfileActivated null where Windows has none).
function ConvertTo-DadIpHttpsProfile {
    param($Config)
    $activated = Get-DadProperty $Config 'ProfileActivated'
    if ($null -ne $activated) { $activated = [bool]$activated }
    return @{
        profile          = Get-DadString $Config 'Profile'
        serverUrl        = Get-DadString $Config 'ServerURL'
        profileActivated = $activated
        type             = Get-DadString $Config 'Type'
        state            = Get-DadString $Config 'State'
        policyStore      = Get-DadString $Config 'PolicyStore'
    }
}

# The client configuration among those Get-NetIPHttpsConfiguration lists (one per profile/policy store; multisite
# clients hold one profile per entry point and activate one, knowledge B.3, P.1): the activated client profile, else
# a client profile, else an activated one, else the first with a ServerURL, else the first.
function Select-DadIpHttpsConfiguration {
    param([object[]]$Configurations)
    $best = $null
    $bestRank = 0
    foreach ($config in $Configurations) {
        if ($null -eq $config) { continue }
        $rank = 1
        if ($null -ne (Get-DadString $config 'ServerURL')) {
            $rank = 2
            $isClient = ((Get-DadString $config 'Type') -eq 'Client')
            $activated = [bool](Get-DadProperty $config 'ProfileActivated')
            if ($activated) { $rank = 4 }
            if ($isClient) { $rank = 5 }
            if ($isClient -and $activated) { $rank = 6 }
        }
        if ($rank -gt $bestRank) { $best = $config; $bestRank = $rank }
    }
    if ($null -eq $best) { return $null }
    $activatedValue = Get-DadProperty $best 'ProfileActivated'
    if ($null -ne $activatedValue) { $activatedValue = [bool]$activatedValue }
    return @{
        serverUrl        = Get-DadString $best 'ServerURL'
        state            = Get-DadString $best 'State'
        authMode         = Get-DadString $best 'AuthMode'
        profile          = Get-DadString $best 'Profile'
        profileActivated = $activatedValue
        source           = 'cmdlet'
    }
}

# The lines of the client interface's block in `netsh interface httpstunnel show interfaces` (a DA server may
# list a server interface too); the first block when none says "Role : client".
function Select-DadIpHttpsBlock {
    param([string[]]$Lines)
    $blocks = [Activator]::CreateInstance([System.Collections.ArrayList])
    $current = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($line in $Lines) {
        if ($line -match '^\s*Interface\s+\S.*Parameters\s*$' -and $current.Count -gt 0) {
            $null = $blocks.Add($current.ToArray())
            $current = [Activator]::CreateInstance([System.Collections.ArrayList])
        }
        $null = $current.Add($line)
    }
    if ($current.Count -gt 0) { $null = $blocks.Add($current.ToArray()) }
    foreach ($block in $blocks) {
        if ((Get-DadNetshValue $block 'Role') -eq 'client') { return , $block }
    }
    if ($blocks.Count -gt 0) { return , $blocks[0] }
    return , @()
}

# Parses `netsh interface httpstunnel show interfaces` (knowledge B.1, real captures in Q.1 and fixtures/). The
# separator after the label may lack its space (`Last Error Code            :0x80092013`), values may carry trailing
# blanks, codes may be hex, decimal or signed; interface status text is kept as printed (trimmed) because its wording
# varies between builds. Only English labels have a capture; text with none of them (another language) is reported
# as unknown (parse.recognised false, state and configuration null), never as "no interface".
function ConvertFrom-DadIpHttpsNetsh {
    param([string[]]$Lines)
    $block = Select-DadIpHttpsBlock $Lines
    $url = Get-DadNetshValue $block 'URL'
    $role = Get-DadNetshValue $block 'Role'
    $codeText = Get-DadNetshValue $block 'Last Error Code'
    $status = Get-DadNetshValue $block 'Interface Status'
    $state = $null
    if ($null -ne $codeText) {
        $code = ConvertTo-DadUInt32 $codeText
        if ($null -eq $code) { throw ('unrecognised Last Error Code: ' + $codeText) }
        if ($null -eq $status) { $status = '' }
        $state = @{ lastErrorCode = [int64]$code; interfaceStatus = $status }
    }
    $configuration = $null
    if ($null -ne $url -or $null -ne $role) {
        # netsh shows no state/auth mode for a client interface.
        $configuration = @{ serverUrl = $url; state = $null; authMode = $null; source = 'netsh' }
    }
    $parse = @{ language = 'en'; recognised = $true; note = $null }
    if ($null -eq $url -and $null -eq $role -and $null -eq $codeText -and $null -eq $status) {
        $parse.language = $null
        if (Test-DadBlankText $Lines) {
            $parse.note = 'netsh listed no IP-HTTPS interface'
        } else {
            $parse.recognised = $false
            $parse.note = 'netsh interface httpstunnel show interfaces printed text in no known language; the IP-HTTPS state is unknown'
        }
    }
    return @{ source = 'netsh'; state = $state; configuration = $configuration; parse = $parse }
}

# True when the lines hold nothing but white space.
function Test-DadBlankText {
    param([string[]]$Lines)
    foreach ($line in $Lines) {
        if ($null -ne $line -and $line.Trim().Length -gt 0) { return $false }
    }
    return $true
}

# The ServerURL split into host and port, or a notApplicable marker when the machine knows no IP-HTTPS server.
function Get-DadServerEndpoint {
    $url = Get-DadIpHttpsServerUrl
    if ($null -eq $url) { return New-DadNotApplicable 'no IP-HTTPS ServerURL is configured on this machine' }
    $endpoint = Split-DadServerUrl $url
    if ($null -eq $endpoint) { throw ('the IP-HTTPS ServerURL cannot be parsed: ' + $url) }
    $endpoint.url = $url
    return $endpoint
}

# Whether the IP-HTTPS server's name resolves (and if not, how the lookup ended) and its port accepts a TCP connection.
function Get-DadReachabilitySection {
    $endpoint = Get-DadServerEndpoint
    if ($endpoint.ContainsKey('DadNotApplicable')) { return $endpoint }
    $resolved = (Resolve-DadNameLookups @($endpoint.host))[$endpoint.host]
    $addresses = ConvertTo-DadStringArray $resolved.addresses
    if ($resolved.lookup.outcome -eq 'timedOut') {
        # No answer at all, not "no such name": from this network the server cannot even be looked up (issue 12).
        return New-DadTimedOut ('the DNS lookup of ' + $endpoint.host + ' did not answer within ' + ($script:DadNetworkTimeoutMs / 1000) + ' s') @{
            host = $endpoint.host; port = $endpoint.port; addresses = $addresses; lookup = $resolved.lookup; tcp = 'unresolved'
        }
    }
    if ($addresses.Length -eq 0) {
        $tcp = 'unresolved'
    } else {
        $tcp = [string](Test-DadTcpPort -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadNetworkTimeoutMs)
    }
    return @{ host = $endpoint.host; port = $endpoint.port; addresses = $addresses; lookup = $resolved.lookup; tcp = $tcp }
}

# True for an IPv4 or IPv6 address literal (an IP-HTTPS URL must name an FQDN; the diagnosis says so).
function Test-DadIpLiteral {
    param([string]$Name)
    $address = $null
    return [System.Net.IPAddress]::TryParse($Name, [ref]$address)
}

# The certificate chain the IP-HTTPS server presents, as the LocalSystem IP Helper would judge it.
function Get-DadServerCertificateSection {
    $endpoint = Get-DadServerEndpoint
    if ($endpoint.ContainsKey('DadNotApplicable')) { return $endpoint }
    $probe = Invoke-DadTlsProbe -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadNetworkTimeoutMs
    $chain = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($cert in (ConvertTo-DadArray (Get-DadProperty $probe 'Chain'))) {
        $null = $chain.Add((ConvertTo-DadCertInfo $cert))
    }
    $handshake = Get-DadString $probe 'Handshake'
    if ($null -eq $handshake) { $handshake = 'notAttempted' }
    if ([bool](Get-DadProperty $probe 'TimedOut')) {
        return New-DadTimedOut ('no TLS answer from ' + $endpoint.host + ':' + $endpoint.port + ' within ' + ($script:DadNetworkTimeoutMs / 1000) + ' s: ' + (Get-DadString $probe 'HandshakeError')) $null
    }
    $nameMatches = Get-DadProperty $probe 'NameMatches'
    if ($null -ne $nameMatches) { $nameMatches = [bool]$nameMatches }
    return @{
        url                        = $endpoint.url
        host                       = $endpoint.host
        port                       = $endpoint.port
        handshake                  = $handshake
        handshakeError             = Get-DadString $probe 'HandshakeError'
        clientCertificateRequested = [bool](Get-DadProperty $probe 'ClientCertificateRequested')
        serverDate                 = Format-DadDate (Get-DadProperty $probe 'ServerDate')
        chain                      = $chain.ToArray()
        chainStatus                = ConvertTo-DadStringArray (Get-DadProperty $probe 'ChainStatus')
        chainStatusOnline          = ConvertTo-DadStringArray (Get-DadProperty $probe 'ChainStatusOnline')
        nameMatches                = $nameMatches
    }
}

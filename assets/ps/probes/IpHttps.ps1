# Probes of the DirectAccess policy and the IP-HTTPS tunnel: policy, interface state, reachability and the
# certificate the server presents.

$script:DadNcaPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant'
$script:DadIpHttpsPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition\IPHTTPS\IPHTTPSInterface'
$script:DadTcpTimeoutMs = 4000
$script:DadTlsTimeoutMs = 5000

# Whether DirectAccess client policy reached the machine, and what the NCA says about the connection.
function Get-DadDaStatusSection {
    $url = Get-DadString (Get-DadRegistryValues -Path $script:DadIpHttpsPolicyKey) 'IPHTTPS_ClientUrl'
    $ncaConfigured = ($null -ne (Get-DadRegistryValues -Path $script:DadNcaPolicyKey))
    $connection = $null
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
        }
    }
    return @{
        policyApplied   = (($null -ne $url) -or $ncaConfigured)
        ipHttpsClientUrl = $url
        ncaConfigured   = $ncaConfigured
        connection      = $connection
    }
}

# IP-HTTPS interface state and configuration: the cmdlets on Windows 8+, netsh text on Windows 7.
function Get-DadIpHttpsSection {
    if (Test-DadCommand 'Get-NetIPHttpsState') {
        $state = $null
        $current = @(Get-NetIPHttpsState)[0]
        if ($null -ne $current) {
            $code = ConvertTo-DadUInt32 (Get-DadProperty $current 'LastErrorCode')
            if ($null -eq $code) { throw ('LastErrorCode is not a number: ' + (Get-DadProperty $current 'LastErrorCode')) }
            $status = Get-DadString $current 'InterfaceStatus'
            if ($null -eq $status) { $status = '' }
            $state = @{ lastErrorCode = [int64]$code; interfaceStatus = $status }
        }
        $configuration = $null
        if (Test-DadCommand 'Get-NetIPHttpsConfiguration') {
            $configuration = Select-DadIpHttpsConfiguration (ConvertTo-DadArray (Get-NetIPHttpsConfiguration))
        }
        return @{ source = 'cmdlet'; state = $state; configuration = $configuration }
    }
    $lines = Invoke-DadNetsh @('interface', 'httpstunnel', 'show', 'interfaces')
    return ConvertFrom-DadIpHttpsNetsh $lines
}

# The client configuration among those Get-NetIPHttpsConfiguration lists (one per profile/policy store).
function Select-DadIpHttpsConfiguration {
    param([object[]]$Configurations)
    $chosen = $null
    foreach ($config in $Configurations) {
        if ($null -eq (Get-DadString $config 'ServerURL')) { continue }
        if ($null -eq $chosen) { $chosen = $config }
        if ((Get-DadString $config 'Type') -eq 'Client') { $chosen = $config; break }
    }
    if ($null -eq $chosen -and $Configurations.Length -gt 0) { $chosen = $Configurations[0] }
    if ($null -eq $chosen) { return $null }
    return @{
        serverUrl = Get-DadString $chosen 'ServerURL'
        state     = Get-DadString $chosen 'State'
        authMode  = Get-DadString $chosen 'AuthMode'
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

# Parses `netsh interface httpstunnel show interfaces` (knowledge B.1). The separator after the label may lack its
# space (`Last Error Code            :0x80092013`), values may carry trailing blanks, codes may be hex, decimal or
# signed; interface status text is kept as printed (trimmed) because its wording varies between builds.
function ConvertFrom-DadIpHttpsNetsh {
    param([string[]]$Lines)
    $block = Select-DadIpHttpsBlock $Lines
    $url = Get-DadNetshValue $block 'URL'
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
    if ($null -ne $url -or $null -ne (Get-DadNetshValue $block 'Role')) {
        # netsh shows no state/auth mode for a client interface.
        $configuration = @{ serverUrl = $url; state = $null; authMode = $null }
    }
    return @{ source = 'netsh'; state = $state; configuration = $configuration }
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

# Whether the IP-HTTPS server's name resolves and its port accepts a TCP connection from here.
function Get-DadReachabilitySection {
    $endpoint = Get-DadServerEndpoint
    if ($endpoint.ContainsKey('DadNotApplicable')) { return $endpoint }
    $addresses = ConvertTo-DadStringArray (Resolve-DadName -Name $endpoint.host)
    $isLiteral = Test-DadIpLiteral $endpoint.host
    if ($addresses.Length -eq 0 -and -not $isLiteral) {
        $tcp = 'unresolved'
    } else {
        $tcp = [string](Test-DadTcpPort -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadTcpTimeoutMs)
    }
    return @{ host = $endpoint.host; port = $endpoint.port; addresses = $addresses; tcp = $tcp }
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
    $probe = Invoke-DadTlsProbe -HostName $endpoint.host -Port $endpoint.port -TimeoutMs $script:DadTlsTimeoutMs
    $chain = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($cert in (ConvertTo-DadArray (Get-DadProperty $probe 'Chain'))) {
        $null = $chain.Add((ConvertTo-DadCertInfo $cert))
    }
    $handshake = Get-DadString $probe 'Handshake'
    if ($null -eq $handshake) { $handshake = 'notAttempted' }
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

# Simulated host, network and trust: name resolution, TCP reachability, certificate stores and the chain the
# machine would build for what the IP-HTTPS server presents. The chain status is COMPUTED from the machine state
# (stores, clock, CRL reachability), never copied from the scenario, so a fix that imports a root or resyncs the
# clock changes what the probes see. Dot-sourced by SimHost.ps1; Windows PowerShell 5.1 syntax only.

# X509ChainStatusFlags values, to report flags in the order .NET's enum does.
$global:DadSimChainFlagOrder = @{
    NotTimeValid = 1; Revoked = 4; NotSignatureValid = 8; NotValidForUsage = 16; UntrustedRoot = 32
    RevocationStatusUnknown = 64; PartialChain = 65536; OfflineRevocation = 16777216; ExplicitDistrust = 67108864
}
# The same flags sorted by value (the order of the chain status lists).
$global:DadSimChainFlagNames = @('NotTimeValid', 'Revoked', 'NotSignatureValid', 'NotValidForUsage', 'UntrustedRoot',
    'RevocationStatusUnknown', 'PartialChain', 'OfflineRevocation', 'ExplicitDistrust')

function global:Get-DadSimNow {
    return (ConvertTo-DadSimDate (Get-DadSimValue 'clock.utcNow'))
}

function global:Test-DadSimIpLiteral {
    param([string]$Name)
    $ip = $null
    return [System.Net.IPAddress]::TryParse($Name, [ref]$ip)
}

# Time on the simulated network (issue 12). machine.network.latency maps an endpoint -- a DNS name, "host:port" or a
# URL -- or "*" (every endpoint not listed) to {"ms": N} (answers after N ms) or {"hang": true} (never answers). A
# simulated network call really waits, bounded by its caller's budget, so timing is measured, not assumed. Endpoints
# are tried most specific first. Get-DadSimLatencyMs: how long an endpoint takes (infinity: it hangs).
function global:Get-DadSimLatencyMs {
    param([string[]]$Endpoints)
    $latency = Get-DadSimValue 'network.latency'
    if (-not ($latency -is [System.Collections.IDictionary])) { $latency = @{} }
    $entry = $null
    foreach ($e in @($Endpoints)) {
        if ($e -and $latency.Contains($e)) { $entry = $latency[$e]; break }
    }
    # A name whose DNS answer is {"outcome": "timedOut"} (machine.dns) never answers: one fact, however it is written.
    if ($null -eq $entry) {
        foreach ($e in @($Endpoints)) {
            if (-not $e -or $e.Contains(':') -or $e.Contains('/')) { continue }
            $answer = Get-DadSimDnsAnswer $e
            if ($answer -is [System.Collections.IDictionary] -and [string]$answer['outcome'] -eq 'timedOut') { return [double]::PositiveInfinity }
        }
    }
    if ($null -eq $entry -and $latency.Contains('*')) { $entry = $latency['*'] }
    if (-not ($entry -is [System.Collections.IDictionary])) { return 0 }
    if ($entry['hang']) { return [double]::PositiveInfinity }
    if ($null -eq $entry['ms']) { return 0 }
    return [Math]::Max(0, [double]$entry['ms'])
}

# Waits as long as the endpoint takes to answer, at most the budget: the budget left, or -1 when it ran out.
function global:Wait-DadSimNetwork {
    param([string[]]$Endpoints, [int]$BudgetMs)
    $wait = Get-DadSimLatencyMs $Endpoints
    if ($wait -eq 0) { return $BudgetMs }
    if ($wait -ge $BudgetMs) {
        if ($BudgetMs -gt 0) { [System.Threading.Thread]::Sleep([int]$BudgetMs) }
        return -1
    }
    if ($wait -gt 0) { [System.Threading.Thread]::Sleep([int]$wait) }
    return [int]($BudgetMs - $wait)
}

# Addresses for a name as the machine's resolver answers (machine.dns; IP literals answer themselves).
function global:Resolve-DadSimName {
    param([string]$Name)
    if (Test-DadSimIpLiteral $Name) { return , @($Name) }
    $answer = Get-DadSimDnsAnswer $Name
    if ($answer -is [System.Collections.IDictionary]) { return , ([string[]]@()) }
    return , ([string[]]@($answer))
}

# machine.dns for a name: an array of addresses (empty: no such name), or {"outcome": "nameError" | "noRecords" |
# "timedOut"} for how a lookup without addresses ended; an unlisted name has no such name (an empty array).
function global:Get-DadSimDnsAnswer {
    param([string]$Name)
    $dns = Get-DadSimValue 'dns'
    $key = $Name.TrimEnd('.')
    if ($dns -is [System.Collections.IDictionary] -and $dns.Contains($key) -and $null -ne $dns[$key]) {
        $v = $dns[$key]
        if ($v -is [System.Collections.IDictionary]) { return $v }
        return , ([string[]]@(foreach ($a in $v) { if ($null -ne $a) { $a } }))
    }
    return , ([string[]]@())
}

# The time a TCP connect takes on the simulated network: the name's lookup, then the connect to host:port (or to a
# resolved address:port). Returns the budget left, or -1 (timed out).
function global:Wait-DadSimTcpTime {
    param([string]$HostName, [int]$Port, [int]$BudgetMs)
    $left = $BudgetMs
    if (-not (Test-DadSimIpLiteral $HostName)) { $left = Wait-DadSimNetwork -Endpoints @($HostName) -BudgetMs $left }
    if ($left -lt 0) { return -1 }
    $keys = @("${HostName}:$Port") + @(foreach ($a in (Resolve-DadSimName $HostName)) { "${a}:$Port" })
    return (Wait-DadSimNetwork -Endpoints $keys -BudgetMs $left)
}

# Outcome of a TCP connect: machine.network.tcp["host:port"], else ["address:port"] of a resolved address,
# else timedOut (nothing answers).
function global:Get-DadSimTcpOutcome {
    param([string]$HostName, [int]$Port)
    $addresses = Resolve-DadSimName $HostName
    if ($addresses.Count -eq 0) { return 'unresolved' }
    $tcp = Get-DadSimValue 'network.tcp'
    if ($tcp -is [System.Collections.IDictionary]) {
        $k = "${HostName}:$Port"
        if ($tcp.Contains($k)) { return [string]$tcp[$k] }
        foreach ($a in $addresses) { $k = "${a}:$Port"; if ($tcp.Contains($k)) { return [string]$tcp[$k] } }
    }
    return 'timedOut'
}

# A scenario certificate as Get-DadCertificates returns it (Windows property names, real types).
function global:ConvertTo-DadSimCertificate {
    param($Cert)
    # foreach, not Where-Object: the first pipeline cmdlet of a session costs ~15-25 ms.
    $ekus = [string[]]@(foreach ($e in $Cert['Ekus']) { if ($null -ne $e) { $e } })
    $names = [string[]]@(foreach ($e in $Cert['DnsNames']) { if ($null -ne $e) { $e } })
    $crls = [string[]]@(foreach ($e in $Cert['CrlUrls']) { if ($null -ne $e) { $e } })
    New-DadSimPSObject ([ordered]@{
            Subject       = [string]$Cert['Subject']
            Issuer        = [string]$Cert['Issuer']
            Thumbprint    = ([string]$Cert['Thumbprint']).ToUpperInvariant()
            NotBefore     = ConvertTo-DadSimDate $Cert['NotBefore']
            NotAfter      = ConvertTo-DadSimDate $Cert['NotAfter']
            HasPrivateKey = [bool]$Cert['HasPrivateKey']
            Ekus          = $ekus
            DnsNames      = $names
            CrlUrls       = $crls
        })
}

function global:Get-DadSimStore {
    param([string]$Store)
    $s = Get-DadSimValue "certificates[$Store]"
    if ($null -eq $s) { return , @() }
    return , @($s)
}

function global:Find-DadSimStoreCertificate {
    param([string]$Store, [string]$Thumbprint)
    $t = ($Thumbprint -replace '\s', '').ToUpperInvariant()
    foreach ($c in (Get-DadSimStore $Store)) { if (([string]$c['Thumbprint']).ToUpperInvariant() -eq $t) { return $c } }
    return $null
}

function global:Test-DadSimSelfSigned {
    param($Cert)
    return ([string]$Cert['Subject'] -eq [string]$Cert['Issuer'])
}

# Can the machine fetch this CRL now? A cached copy (machine.crlCache) counts; otherwise the URL's host must
# resolve, accept TCP, and machine.network.urls[url].status (default 200) must be 200.
function global:Get-DadSimCrlOutcome {
    param([string]$Url, [string]$Thumbprint, [int]$TimeoutMs = -1)
    $cache = @(Get-DadSimValue 'crlCache')
    $urls = Get-DadSimValue 'network.urls'
    $entry = $null
    if ($urls -is [System.Collections.IDictionary] -and $urls.Contains($Url)) { $entry = $urls[$Url] }
    $available = $cache -contains $Url
    if (-not $available) {
        $uri = $null
        if (-not [System.Uri]::TryCreate($Url, [System.UriKind]::Absolute, [ref]$uri)) { return 'unavailable' }
        if ($uri.Scheme -ne 'http' -and $uri.Scheme -ne 'https') { return 'unavailable' }
        # Each CRL URL has its own budget: its name, the TCP connect, then the download. A negative budget: a chain
        # built with no network wait modelled (the machine-certificate check is not a network probe).
        if ($TimeoutMs -ge 0) {
            $left = Wait-DadSimTcpTime -HostName $uri.Host -Port $uri.Port -BudgetMs $TimeoutMs
            if ($left -lt 0 -or (Wait-DadSimNetwork -Endpoints @($Url) -BudgetMs $left) -lt 0) { return 'unavailable' }
        }
        if ((Get-DadSimTcpOutcome -HostName $uri.Host -Port $uri.Port) -ne 'succeeded') { return 'unavailable' }
        if ($null -ne $entry -and $null -ne $entry['status'] -and [int]$entry['status'] -ne 200) { return 'unavailable' }
    }
    if ($null -ne $entry -and @($entry['revoked']) -contains $Thumbprint) { return 'revoked' }
    return 'good'
}

# An issuer fetched from a certificate's Authority Information Access URL (AiaUrls), as Windows' chain engine does
# when an issuer is in no store and not sent by the server: machine.network.urls[<url>].certificate is what the URL
# serves; the fetch needs the URL's host to answer (network.tcp) and, when a budget is given, its time (latency).
function global:Get-DadSimAiaIssuer {
    param($Cert, [int]$TimeoutMs = -1)
    $urls = Get-DadSimValue 'network.urls'
    foreach ($u in @($Cert['AiaUrls'])) {
        if (-not $u -or -not ($urls -is [System.Collections.IDictionary]) -or -not $urls.Contains($u)) { continue }
        $served = $urls[$u]['certificate']
        if (-not ($served -is [System.Collections.IDictionary])) { continue }
        $uri = $null
        if (-not [System.Uri]::TryCreate([string]$u, [System.UriKind]::Absolute, [ref]$uri)) { continue }
        if ($TimeoutMs -ge 0) {
            $left = Wait-DadSimTcpTime -HostName $uri.Host -Port $uri.Port -BudgetMs $TimeoutMs
            if ($left -lt 0 -or (Wait-DadSimNetwork -Endpoints @([string]$u) -BudgetMs $left) -lt 0) { continue }
        }
        if ((Get-DadSimTcpOutcome -HostName $uri.Host -Port $uri.Port) -ne 'succeeded') { continue }
        if ([string]$served['Subject'] -eq [string]$Cert['Issuer']) { return $served }
    }
    return $null
}

# False when a certificate's EKU extension (Ekus; empty = every usage) leaves out the usage the chain is built for
# and "any purpose" (2.5.29.37.0): Windows then reports NotValidForUsage for the chain (knowledge C.2).
function global:Test-DadSimUsage {
    param($Cert, [string]$Usage)
    $ekus = @(foreach ($e in $Cert['Ekus']) { if ($e) { [string]$e } })
    return ($ekus.Count -eq 0 -or $ekus -contains $Usage -or $ekus -contains '2.5.29.37.0')
}

# Builds the chain the machine would build for a leaf, with the certificates a server presented (leaf first):
# issuers are found by subject among the presented certificates, then LocalMachine\CA, then LocalMachine\Root, then
# by the certificate's AIA URL. `Usage`: the application policy (an EKU OID) every certificate must allow.
# Returns @{ Chain = certificates leaf..root; ChainStatus = flags (revocation off); ChainStatusOnline = flags }.
function global:Get-DadSimChain {
    param($Leaf, $Presented = @(), [int]$CrlTimeoutMs = -1, [string]$Usage = $null)
    $now = Get-DadSimNow
    $flags = @{}
    $chain = [Activator]::CreateInstance([System.Collections.ArrayList])
    [void]$chain.Add($Leaf)
    $current = $Leaf
    for ($depth = 0; $depth -lt 10; $depth++) {
        if (Test-DadSimSelfSigned $current) {
            if ($null -eq (Find-DadSimStoreCertificate -Store 'Root' -Thumbprint $current['Thumbprint'])) { $flags['UntrustedRoot'] = $true }
            break
        }
        $issuer = $null
        $pools = @(@($Presented), (Get-DadSimStore 'CA'), (Get-DadSimStore 'Root'))
        foreach ($pool in $pools) {
            foreach ($c in $pool) {
                if ($null -eq $c -or [string]$c['Thumbprint'] -eq [string]$current['Thumbprint']) { continue }
                if ([string]$c['Subject'] -eq [string]$current['Issuer']) { $issuer = $c; break }
            }
            if ($null -ne $issuer) { break }
        }
        if ($null -eq $issuer) { $issuer = Get-DadSimAiaIssuer -Cert $current -TimeoutMs $CrlTimeoutMs }
        if ($null -eq $issuer) { $flags['PartialChain'] = $true; break }
        [void]$chain.Add($issuer)
        $current = $issuer
    }
    if ($Usage) {
        foreach ($c in $chain) { if (-not (Test-DadSimUsage -Cert $c -Usage $Usage)) { $flags['NotValidForUsage'] = $true } }
    }
    foreach ($c in $chain) {
        $nb = ConvertTo-DadSimDate $c['NotBefore']; $na = ConvertTo-DadSimDate $c['NotAfter']
        if (($null -ne $nb -and $now -lt $nb) -or ($null -ne $na -and $now -gt $na)) { $flags['NotTimeValid'] = $true }
    }
    $online = @{}
    foreach ($k in $flags.Keys) { $online[$k] = $true }
    foreach ($c in $chain) {
        if (Test-DadSimSelfSigned $c) { continue }
        $crls = @(foreach ($u in $c['CrlUrls']) { if ($u) { $u } })
        if ($crls.Count -eq 0) { $online['RevocationStatusUnknown'] = $true; continue }
        $outcome = 'unavailable'
        foreach ($u in $crls) {
            $o = Get-DadSimCrlOutcome -Url $u -Thumbprint ([string]$c['Thumbprint']) -TimeoutMs $CrlTimeoutMs
            if ($o -ne 'unavailable') { $outcome = $o; break }
        }
        if ($outcome -eq 'revoked') { $online['Revoked'] = $true }
        if ($outcome -eq 'unavailable') { $online['RevocationStatusUnknown'] = $true; $online['OfflineRevocation'] = $true }
    }
    # The flag names in enum order rather than Sort-Object (a Microsoft.PowerShell.Utility cmdlet: ~85 ms on first use).
    $names = $global:DadSimChainFlagNames
    return @{
        Chain             = $chain.ToArray()
        ChainStatus       = [string[]]@(foreach ($f in $names) { if ($flags.ContainsKey($f)) { $f } })
        ChainStatusOnline = [string[]]@(foreach ($f in $names) { if ($online.ContainsKey($f)) { $f } })
    }
}

# Does a host name match the leaf's DNS names (or, without any, the CN of its subject)? One-label wildcards.
function global:Test-DadSimNameMatch {
    param([string]$HostName, $Leaf)
    $names = @(foreach ($n in $Leaf['DnsNames']) { if ($n) { $n } })
    if ($names.Count -eq 0 -and [string]$Leaf['Subject'] -match '(?:^|,\s*)CN=([^,]+)') { $names = @($Matches[1].Trim()) }
    foreach ($n in $names) {
        $n = [string]$n
        if ($n -eq $HostName) { return $true }
        if ($n.StartsWith('*.') -and -not (Test-DadSimIpLiteral $HostName)) {
            $dot = $HostName.IndexOf('.')
            if ($dot -gt 0 -and $HostName.Substring($dot) -eq $n.Substring(1)) { return $true }
        }
    }
    return $false
}

# The TLS probe's answer for host:port on this machine: TCP first, then the handshake with the scenario's server
# (machine.servers["host:port"]), then the chain built in machine context.
function global:Get-DadSimTlsResult {
    param([string]$HostName, [int]$Port, [int]$TimeoutMs = [int]::MaxValue, [int]$CrlTimeoutMs = -1)
    $r = @{
        Handshake = 'notAttempted'; HandshakeError = $null; ClientCertificateRequested = $false; ServerDate = $null
        Chain = @(); ChainStatus = [string[]]@(); ChainStatusOnline = [string[]]@(); NameMatches = $null; HttpStatus = $null
        TimedOut = $false
    }
    # As on Windows: the name, the TCP connect and the handshake share one budget.
    $left = Wait-DadSimTcpTime -HostName $HostName -Port $Port -BudgetMs $TimeoutMs
    $tcp = 'timedOut'
    if ($left -ge 0) { $tcp = Get-DadSimTcpOutcome -HostName $HostName -Port $Port }
    # As the Windows adapter: a connect that got no answer in time (here or by the scenario's tcp outcome) timed out.
    $r.TimedOut = ($tcp -eq 'timedOut')
    if ($tcp -ne 'succeeded') {
        $r.HandshakeError = "TCP connection to ${HostName}:$Port failed: $tcp"
        return $r
    }
    $servers = Get-DadSimValue 'servers'
    $server = $null
    if ($servers -is [System.Collections.IDictionary]) {
        if ($servers.Contains("${HostName}:$Port")) { $server = $servers["${HostName}:$Port"] }
        else {
            foreach ($a in (Resolve-DadSimName $HostName)) { if ($servers.Contains("${a}:$Port")) { $server = $servers["${a}:$Port"]; break } }
        }
    }
    if ($null -eq $server) {
        $r.Handshake = 'failed'
        $r.HandshakeError = 'The remote host closed the connection during the TLS handshake (no TLS server in the scenario for this address).'
        return $r
    }
    $r.ClientCertificateRequested = [bool]$server['clientCertificateRequested']
    if ((Wait-DadSimNetwork -Endpoints @("${HostName}:$Port") -BudgetMs $left) -lt 0) {
        $r.Handshake = 'failed'
        $r.HandshakeError = 'The TLS handshake timed out.'
        $r.TimedOut = $true
        return $r
    }
    if ($server['handshake'] -eq 'failed') {
        $r.Handshake = 'failed'
        $r.HandshakeError = [string]$server['handshakeError']
        if (-not $r.HandshakeError) { $r.HandshakeError = 'The TLS handshake failed.' }
        return $r
    }
    $presented = @(foreach ($p in $server['presentedChain']) { if ($null -ne $p) { $p } })
    $r.Handshake = 'succeeded'
    $date = $server['date']
    if (-not $date) { $date = Get-DadSimValue 'clock.referenceUtc' }
    if (-not $date) { $date = Get-DadSimValue 'clock.utcNow' }
    $r.ServerDate = ConvertTo-DadSimDate $date
    # The HEAD request's status (servers[...].httpStatus, default 200).
    $r.HttpStatus = 200
    if ($null -ne $server['httpStatus']) { $r.HttpStatus = [int]$server['httpStatus'] }
    if ($presented.Count -eq 0) { return $r }
    # The server's certificate is judged for Server Authentication, as the Windows adapter asks (ApplicationPolicy).
    $built = Get-DadSimChain -Leaf $presented[0] -Presented $presented -CrlTimeoutMs $CrlTimeoutMs -Usage '1.3.6.1.5.5.7.3.1'
    $r.Chain = $built.Chain
    $r.ChainStatus = $built.ChainStatus
    $r.ChainStatusOnline = $built.ChainStatusOnline
    $r.NameMatches = Test-DadSimNameMatch -HostName $HostName -Leaf $presented[0]
    return $r
}

# Metadata of a certificate file for Import-DadCertificate / certutil -addstore: the scenario's own description
# when it knows that thumbprint (stores, presented chains, knownCertificates), else what the file itself says.
function global:Read-DadSimCertificateFile {
    param([string]$Path)
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { throw "Cannot find the certificate file '$Path'." }
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $text = [System.Text.Encoding]::ASCII.GetString($bytes)
    if ($text -match '-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----') {
        $bytes = [Convert]::FromBase64String(($Matches[1] -replace '\s', ''))
    }
    return (Read-DadSimCertificateBytes $bytes ("The file '" + $Path + "'"))
}

# The same for certificate bytes in memory (Import-DadCertificate -Certificate).
function global:Read-DadSimCertificateBytes {
    param([byte[]]$Bytes, [string]$What)
    $bytes = $Bytes
    try {
        $x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $bytes)
    } catch {
        throw "$What is not a certificate: $($_.Exception.Message)"
    }
    $thumb = $x.Thumbprint.ToUpperInvariant()
    $known = @()
    foreach ($store in @((Get-DadSimValue 'certificates').Values)) { $known += @($store) }
    $servers = Get-DadSimValue 'servers'
    if ($servers -is [System.Collections.IDictionary]) { foreach ($s in $servers.Values) { $known += @($s['presentedChain']) } }
    $known += @(Get-DadSimValue 'knownCertificates')
    foreach ($k in $known) {
        if ($null -ne $k -and ([string]$k['Thumbprint']).ToUpperInvariant() -eq $thumb) {
            $copy = Copy-DadSimData $k
            $copy['HasPrivateKey'] = $false
            return $copy
        }
    }
    $d = (New-DadSimDictionary)
    $d['Subject'] = $x.Subject; $d['Issuer'] = $x.Issuer; $d['Thumbprint'] = $thumb
    $d['NotBefore'] = $x.NotBefore.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    $d['NotAfter'] = $x.NotAfter.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    $d['HasPrivateKey'] = $false
    $ekus = @(); $dns = @(); $crls = @()
    foreach ($ext in $x.Extensions) {
        $oid = $ext.Oid.Value
        if ($oid -eq '2.5.29.37') { foreach ($o in ([System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension]$ext).EnhancedKeyUsages) { $ekus += $o.Value } }
        elseif ($oid -eq '2.5.29.17') {
            foreach ($m in [regex]::Matches($ext.Format($false), '(?:DNS Name=|DNS:)([^,\s]+)')) { $dns += $m.Groups[1].Value }
        } elseif ($oid -eq '2.5.29.31') {
            foreach ($m in [regex]::Matches($ext.Format($false), '(?:https?|ldap)://[^\s,]+')) { $crls += $m.Value }
        }
    }
    $d['Ekus'] = [object[]]$ekus; $d['DnsNames'] = [object[]]$dns; $d['CrlUrls'] = [object[]]$crls
    return $d
}

# Windows' own network location check (knowledge H.1): the NLS URL of the policy answers over HTTPS with a trusted,
# valid, revocation-checked certificate for its name. The simulated machine's location follows from it where the
# scenario states no verdict of its own (Windows 7's netsh dnsclient show state), so inside and outside are networks
# the scenario describes, not a flag.
function global:Test-DadSimNlsAnswers {
    $url = Get-DadSimNlsUrl
    if (-not $url) { return $false }
    $uri = $null
    if (-not [System.Uri]::TryCreate($url, [System.UriKind]::Absolute, [ref]$uri) -or $uri.Scheme -ne 'https') { return $false }
    $r = Get-DadSimTlsResult -HostName $uri.Host -Port $uri.Port
    return ($r.Handshake -eq 'succeeded' -and @($r.ChainStatusOnline).Count -eq 0 -and $r.NameMatches -eq $true)
}

# The NLS URL of the simulated machine: machine.ncsiPolicy.DomainLocationDeterminationURL, else the policy registry.
function global:Get-DadSimNlsUrl {
    $policy = Get-DadSimNcsiPolicy
    if ($null -ne $policy -and $policy['DomainLocationDeterminationURL']) { return [string]$policy['DomainLocationDeterminationURL'] }
    return $null
}

# What Get-NCSIPolicyConfiguration shows (knowledge B.7): machine.ncsiPolicy when the scenario gives it, else the
# values of the Group Policy key it comes from (H.2), else nothing.
function global:Get-DadSimNcsiPolicy {
    $explicit = Get-DadSimValue 'ncsiPolicy'
    if ($explicit -is [System.Collections.IDictionary]) { return $explicit }
    $values = Get-DadSimValue 'registry[HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityStatusIndicator\CorporateConnectivity]'
    if (-not ($values -is [System.Collections.IDictionary])) { return $null }
    $d = (New-DadSimDictionary)
    $d['Description'] = 'NCSI Configuration'
    # Only the NLS URL's value name is known (knowledge H.2); the other properties stay empty unless ncsiPolicy says.
    $d['CorporateDNSProbeHostAddress'] = $null
    $d['CorporateDNSProbeHostName'] = $null
    $d['CorporateSitePrefixList'] = $null
    $d['CorporateWebsiteProbeURL'] = $null
    $d['DomainLocationDeterminationURL'] = $values['DomainLocationDeterminationUrl']
    $d['PolicyStore'] = 'ActiveStore'
    return $d
}

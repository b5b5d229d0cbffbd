# Simulated host, IPsec (knowledge I.2-I.7): the DirectAccess connection security rules and phase-1 authentication
# sets of the active store come from the scenario (`ipsec.rules`, `ipsec.phase1AuthSets`); the security associations
# do NOT: Get-NetIPsecMainModeSA / Get-NetIPsecQuickModeSA compute them from the machine as it is now, so a fix that
# starts a service or a new certificate makes them appear on the next collect. Dot-sourced by SimHost.ps1; Windows
# PowerShell 5.1 syntax only. Output shapes are ASSUMED (knowledge Q.5: no real capture of these cmdlets yet).

# The firewall profile of the network in use, from the networks the machine is on (`connectionProfiles`, the one
# source the location probe reads too: NetworkCategory Public/Private/DomainAuthenticated; none = Public, a hotel).
# Inside the corporate network it is the Domain profile.
function global:Get-DadSimFirewallProfileInUse {
    $category = 'Public'
    foreach ($p in @(Get-DadSimValue 'connectionProfiles')) { if ($null -ne $p -and $p['NetworkCategory']) { $category = [string]$p['NetworkCategory']; break } }
    if ((Get-DadSimLocation) -eq 'inside' -or $category -eq 'DomainAuthenticated') { return @('DomainProfile', 'DomainProfile') }
    if ($category -eq 'Private') { return @('StandardProfile', 'PrivateProfile') }
    return @('PublicProfile', 'PublicProfile')
}

# Effective firewall state of one profile, as Windows applies it: the Group Policy value wins, then the local one,
# neither set = on (the same registry values the firewall probe reads).
function global:Test-DadSimFirewallOn {
    param([string]$LocalKey, [string]$PolicyKey)
    $reg = Get-DadSimValue 'registry'
    $policy = $null; $local = $null
    if ($reg -is [System.Collections.IDictionary]) {
        $p = $reg['HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall\' + $PolicyKey]
        if ($p -is [System.Collections.IDictionary] -and $null -ne $p['EnableFirewall']) { $policy = [long]$p['EnableFirewall'] }
        $l = $reg['HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\' + $LocalKey]
        if ($l -is [System.Collections.IDictionary] -and $null -ne $l['EnableFirewall']) { $local = [long]$l['EnableFirewall'] }
    }
    if ($null -ne $policy) { return ($policy -ne 0) }
    if ($null -ne $local) { return ($local -ne 0) }
    return $true
}

# The DirectAccess rules of the scenario that are enabled.
function global:Get-DadSimEnabledDaRules {
    return @(foreach ($r in @(Get-DadSimValue 'ipsec.rules')) {
            if ($null -ne $r -and ([string]$r['DisplayName']).StartsWith('DirectAccess Policy') -and [string]$r['Enabled'] -eq 'True') { $r }
        })
}

# True when one of the phase-1 sets the enabled DirectAccess rules use authenticates the computer by certificate;
# the certificate authority it names (or $null).
function global:Get-DadSimCertificateAuthority {
    $names = @(foreach ($r in (Get-DadSimEnabledDaRules)) { [string]$r['Phase1AuthSet'] })
    foreach ($set in @(Get-DadSimValue 'ipsec.phase1AuthSets')) {
        if ($null -eq $set -or $names -notcontains [string]$set['Name']) { continue }
        foreach ($p in @($set['Proposal'])) {
            if ($null -ne $p -and [string]$p['AuthenticationMethod'] -eq 'MachineCert') { return @{ Required = $true; Authority = $p['Authority'] } }
        }
    }
    return @{ Required = $false; Authority = $null }
}

# A certificate of LocalMachine\My IPsec can use: Client Authentication EKU, private key, valid now, chain trusted,
# and (when the auth set names one) the named CA in its chain (knowledge I.4).
function global:Test-DadSimIpsecCertificate {
    param($Authority)
    $now = Get-DadSimNow
    foreach ($c in (Get-DadSimStore 'My')) {
        if ($null -eq $c -or @($c['Ekus']) -notcontains '1.3.6.1.5.5.7.3.2' -or -not [bool]$c['HasPrivateKey']) { continue }
        $nb = ConvertTo-DadSimDate $c['NotBefore']; $na = ConvertTo-DadSimDate $c['NotAfter']
        if (($null -ne $nb -and $now -lt $nb) -or ($null -ne $na -and $now -gt $na)) { continue }
        $built = Get-DadSimChain -Leaf $c
        if ($built.ChainStatus.Count -gt 0) { continue }
        if (-not $Authority) { return $true }
        foreach ($link in $built.Chain) { if ([string]$link['Subject'] -eq [string]$Authority) { return $true } }
    }
    return $false
}

# Why no tunnel can be built right now, or $null when every precondition holds: outside, a transition tunnel up
# (IP-HTTPS 0 / interface active), IKEEXT, BFE, PolicyAgent and MpsSvc running, the firewall on for the profile in
# use, enabled DirectAccess rules, a usable computer certificate where IPsec authenticates with one, and the server
# side willing (`ipsec.serverFailure`, a scenario knob: the reason the server refuses, e.g. its IPsec certificate).
function global:Get-DadSimTunnelBlocker {
    if ((Get-DadSimLocation) -eq 'inside') { return 'inside the corporate network' }
    $state = Get-DadSimValue 'ipHttps.state'
    if ($null -eq $state -or (ConvertTo-DadSimUInt32 $state['LastErrorCode']) -ne 0 -or [string]$state['InterfaceStatus'] -ne 'IPHTTPS interface active') { return 'no transition tunnel' }
    foreach ($name in @('BFE', 'MpsSvc', 'PolicyAgent', 'IKEEXT')) {
        $svc = Get-DadSimService $name
        if ($null -eq $svc -or [string]$svc['Status'] -ne 'Running') { return "service $name not running" }
    }
    $fwProfile = Get-DadSimFirewallProfileInUse
    if (-not (Test-DadSimFirewallOn -LocalKey $fwProfile[0] -PolicyKey $fwProfile[1])) { return "firewall off ($($fwProfile[1]))" }
    if ((Get-DadSimEnabledDaRules).Count -eq 0) { return 'no enabled DirectAccess rules' }
    $auth = Get-DadSimCertificateAuthority
    if ($auth.Required -and -not (Test-DadSimIpsecCertificate $auth.Authority)) { return 'no usable computer certificate' }
    $server = Get-DadSimValue 'ipsec.serverFailure'
    if ($server) { return "server: $server" }
    return $null
}

# The tunnel endpoints (NCA policy DTEs, `PING:<IPv6>`), in order.
function global:Get-DadSimDtes {
    $reg = Get-DadSimValue 'registry'
    $key = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant\DTEs'
    if (-not ($reg -is [System.Collections.IDictionary]) -or -not ($reg[$key] -is [System.Collections.IDictionary])) { return @() }
    return @(foreach ($k in $reg[$key].Keys) { if ($k -match '^PING:(.+)$') { $Matches[1] } })
}

# The main-mode SAs the machine has now: one per DTE (the first the infrastructure tunnel, then the intranet tunnel).
function global:Get-DadSimMainModeSas {
    if ($null -ne (Get-DadSimTunnelBlocker)) { return @() }
    $local = $null
    foreach ($a in @(Get-DadSimValue 'ipAddresses')) {
        if ($null -ne $a -and [string]$a['InterfaceAlias'] -eq 'IPHTTPSInterface' -and -not ([string]$a['IPAddress']).StartsWith('fe80')) { $local = [string]$a['IPAddress']; break }
    }
    $auth = Get-DadSimCertificateAuthority
    $method = 'NtlmV2'
    if ($auth.Required) { $method = 'MachineCert' }
    $fqdn = [string](Get-DadSimValue 'computerSystem.DNSHostName') + '.' + [string](Get-DadSimValue 'computerSystem.Domain')
    $n = 0
    return @(foreach ($dte in (Get-DadSimDtes)) {
            $n++
            $id = New-DadSimPSObject ([ordered]@{ Identity = $fqdn; AuthenticationMethod = $method })
            New-DadSimPSObject ([ordered]@{
                    Name = [string]$n; LocalEndpoint = $local; RemoteEndpoint = $dte
                    LocalFirstId = $id; RemoteFirstId = (New-DadSimPSObject ([ordered]@{ Identity = 'da.contoso.com'; AuthenticationMethod = $method }))
                    LocalSecondId = $null; RemoteSecondId = $null; KeyModule = 'AuthIp'
                })
        })
}

# Get-NetIPsecMainModeSA may need an administrator (knowledge I.3, [I]); `ipsec.saNeedsElevation` true makes the
# simulated cmdlet refuse an unelevated caller with Windows' access-denied text.
function global:Assert-DadSimSaAccess {
    param([string]$Name)
    if (-not [bool](Get-DadSimValue 'ipsec.saNeedsElevation')) { return }
    $s = Get-DadSimSession
    if ($s.IsSystem -or [bool](Get-DadSimValue 'session.IsElevated')) { return }
    throw "${Name}: Access is denied."
}

$DadSimCommandBodies['Get-NetIPsecRule'] = {
    [CmdletBinding()]
    param([string]$PolicyStore, [string[]]$DisplayName)
    Invoke-DadSimFault 'Get-NetIPsecRule'
    foreach ($r in @(Get-DadSimValue 'ipsec.rules')) { if ($null -ne $r) { ConvertTo-DadSimObject $r -StringArrays 'RemoteTunnelEndpoint', 'LocalTunnelEndpoint' } }
}

$DadSimCommandBodies['Get-NetIPsecPhase1AuthSet'] = {
    [CmdletBinding()]
    param([string]$PolicyStore)
    Invoke-DadSimFault 'Get-NetIPsecPhase1AuthSet'
    foreach ($set in @(Get-DadSimValue 'ipsec.phase1AuthSets')) {
        if ($null -eq $set) { continue }
        $o = ConvertTo-DadSimObject $set
        $o.Proposal = [object[]]@(foreach ($p in @($set['Proposal'])) { if ($null -ne $p) { ConvertTo-DadSimObject $p } })
        $o
    }
}

$DadSimCommandBodies['Get-NetIPsecMainModeSA'] = {
    [CmdletBinding()]
    param()
    Invoke-DadSimFault 'Get-NetIPsecMainModeSA'
    Assert-DadSimSaAccess 'Get-NetIPsecMainModeSA'
    foreach ($sa in (Get-DadSimMainModeSas)) { $sa }
}

$DadSimCommandBodies['Get-NetIPsecQuickModeSA'] = {
    [CmdletBinding()]
    param()
    Invoke-DadSimFault 'Get-NetIPsecQuickModeSA'
    Assert-DadSimSaAccess 'Get-NetIPsecQuickModeSA'
    foreach ($mm in (Get-DadSimMainModeSas)) {
        New-DadSimPSObject ([ordered]@{ LocalEndpoint = $mm.LocalEndpoint; RemoteEndpoint = $mm.RemoteEndpoint; InterfaceAlias = 'IPHTTPSInterface'; EncapsulationMode = 'Tunnel'; MmSaId = $mm.Name })
    }
}

# Test-DadElevated (adapter): whether this process has an administrator token. `session.IsElevated`, or SYSTEM.
$DadSimCommandBodies['Test-DadElevated'] = {
    Invoke-DadSimFault 'Test-DadElevated'
    $s = Get-DadSimSession
    return ($s.IsSystem -or [bool](Get-DadSimValue 'session.IsElevated'))
}

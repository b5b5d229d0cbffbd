# The IPsec tunnels DirectAccess builds once a transition tunnel is up (knowledge I.2-I.4): the DirectAccess connection
# security rules of the active store, the tunnel endpoints (DTEs), the main- and quick-mode security associations and
# how IPsec authenticates the computer (phase-1 auth sets). Every shape here is ASSUMED (knowledge Q.5: no real capture
# of Get-NetIPsecRule, Get-NetIPsecPhase1AuthSet, Get-NetIPsecMainModeSA or Get-NetIPsecQuickModeSA yet); properties
# are read by the names of their CIM classes (MSFT_NetConSecRule, MSFT_NetIKEP1AuthSet, MSFT_NetMainModeSA,
# MSFT_NetQuickModeSA) and a missing one reads as null. Locale-free: enum names and addresses, no text parsing.

$script:DadDaRulePrefix = 'DirectAccess Policy'
$script:DadDteKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant\DTEs'
$script:DadNcaProbesKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkConnectivityAssistant\Probes'

function Get-DadIpsecSection {
    if (-not (Test-DadCommand 'Get-NetIPsecRule')) {
        # Windows 7 has only `netsh advfirewall monitor show consec|mmsa|qmsa`, whose text has no capture (Q.5).
        return New-DadNotApplicable 'no NetSecurity cmdlets (Windows 7): the text of netsh advfirewall monitor is not verified, so IPsec rules and security associations are not read'
    }
    $elevated = $null
    try { $elevated = [bool](Test-DadElevated) } catch { $elevated = $null }
    $dtes = Get-DadDtes
    $rules = Get-DadDaRules
    $authSets = Get-DadPhase1AuthSets
    # Tunnels are built on demand (I.3): a name query of an intranet probe host is traffic that brings them up.
    $trigger = Invoke-DadTunnelTrigger
    $mainMode = Get-DadMainModeSas -Dtes $dtes -Elevated $elevated
    $quickCount = $null
    if ($mainMode.readable) {
        try { $quickCount = (ConvertTo-DadArray (Get-NetIPsecQuickModeSA)).Length } catch { $quickCount = $null }
    }
    return @{
        elevated    = $elevated
        dtes        = $dtes
        rules       = $rules
        authSets    = $authSets
        trigger     = $trigger
        mainModeSas = $mainMode
        quickModeSaCount = $quickCount
    }
}

# One list read from a cmdlet, as the section's rules, authSets and mainModeSas hold it: the items when readable, else
# why not (and no items).
function New-DadReading {
    param([object[]]$Items, [string]$Problem)
    if ($Problem) { return @{ readable = $false; error = $Problem; items = @() } }
    return @{ readable = $true; error = $null; items = $Items }
}

# The DTE addresses of the NCA policy (value names `PING:<IPv6>`, knowledge F.2/I.2).
function Get-DadDtes {
    $values = Get-DadRegistryValues -Path $script:DadDteKey
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    if ($null -eq $values) { return , $list.ToArray() }
    foreach ($name in @($values.Keys)) {
        if ([string]$name -match '^(?i)PING:(.+)$') { $null = $list.Add($Matches[1].Trim()) }
    }
    # Registry value order is not an order Windows promises: sorted, so snapshots compare.
    $sorted = [string[]]$list.ToArray()
    [Array]::Sort($sorted, [StringComparer]::OrdinalIgnoreCase)
    return , $sorted
}

# The connection security rules whose display name starts with `DirectAccess Policy` (I.2), or what could not be read.
function Get-DadDaRules {
    $items = [Activator]::CreateInstance([System.Collections.ArrayList])
    try { $all = ConvertTo-DadArray (Get-NetIPsecRule -PolicyStore 'ActiveStore') }
    catch { return New-DadReading -Problem ('Get-NetIPsecRule: ' + $_.Exception.Message) }
    foreach ($r in $all) {
        $display = Get-DadString $r 'DisplayName'
        if ($null -eq $display -or -not $display.StartsWith($script:DadDaRulePrefix)) { continue }
        $enabled = $null
        $e = Get-DadString $r 'Enabled'
        if ($null -ne $e) { $enabled = ($e -eq 'True' -or $e -eq '1') }
        $null = $items.Add(@{
                displayName   = $display
                enabled       = $enabled
                profiles      = Get-DadString $r 'Profile'
                mode          = Get-DadString $r 'Mode'
                phase1AuthSet = Get-DadString $r 'Phase1AuthSet'
            })
    }
    return New-DadReading $items.ToArray()
}

# Phase-1 (main mode, computer) authentication sets with their proposals: method enum name (MachineCert, MachineKerb,
# MachineNtlm …) and, for certificates, the CA the proposal names (I.4).
function Get-DadPhase1AuthSets {
    $items = [Activator]::CreateInstance([System.Collections.ArrayList])
    try { $all = ConvertTo-DadArray (Get-NetIPsecPhase1AuthSet -PolicyStore 'ActiveStore') }
    catch { return New-DadReading -Problem ('Get-NetIPsecPhase1AuthSet: ' + $_.Exception.Message) }
    foreach ($set in $all) {
        $methods = [Activator]::CreateInstance([System.Collections.ArrayList])
        foreach ($p in (ConvertTo-DadArray (Get-DadProperty $set 'Proposal'))) {
            $null = $methods.Add(@{ method = Get-DadString $p 'AuthenticationMethod'; authority = Get-DadString $p 'Authority' })
        }
        $null = $items.Add(@{ name = Get-DadString $set 'Name'; methods = $methods.ToArray() })
    }
    return New-DadReading $items.ToArray()
}

# Resolves the first NCA probe host (`HTTP:http://host…` or `PING:host`): a name inside the DirectAccess namespace, so
# the query goes through the infrastructure tunnel and builds it when it is missing. Only a name query; null when the
# policy names no probe host.
function Invoke-DadTunnelTrigger {
    $values = Get-DadRegistryValues -Path $script:DadNcaProbesKey
    if ($null -eq $values) { return $null }
    foreach ($name in @($values.Keys)) {
        $target = $null
        if ([string]$name -match '^(?i)HTTP:https?://([^/:]+)') { $target = $Matches[1] }
        elseif ([string]$name -match '^(?i)PING:([A-Za-z][A-Za-z0-9.-]*)$') { $target = $Matches[1] }
        if ($null -eq $target) { continue }
        $answered = $false
        try { $answered = ((ConvertTo-DadArray (Resolve-DadName -Name $target)).Length -gt 0) } catch { $answered = $false }
        return @{ name = $target; answered = $answered }
    }
    return $null
}

# Main-mode SAs with the fields of I.3 and whether each goes to a DTE. `readable` says whether "none" can be believed:
# the cmdlet may need an administrator (I.3), so an empty answer to an unelevated (or unknown) caller, or an error,
# is not "no SA" but not known.
function Get-DadMainModeSas {
    param($Dtes, $Elevated)
    $items = [Activator]::CreateInstance([System.Collections.ArrayList])
    try { $all = ConvertTo-DadArray (Get-NetIPsecMainModeSA) }
    catch { return New-DadReading -Problem ('Get-NetIPsecMainModeSA: ' + $_.Exception.Message) }
    foreach ($sa in $all) {
        $remote = Get-DadString $sa 'RemoteEndpoint'
        $toDte = $false
        foreach ($d in $Dtes) { if ($null -ne $remote -and $remote.ToLowerInvariant() -eq ([string]$d).ToLowerInvariant()) { $toDte = $true } }
        $first = Get-DadProperty $sa 'LocalFirstId'
        $second = Get-DadProperty $sa 'LocalSecondId'
        $null = $items.Add(@{
                name           = Get-DadString $sa 'Name'
                localEndpoint  = Get-DadString $sa 'LocalEndpoint'
                remoteEndpoint = $remote
                toDte          = $toDte
                localFirstId   = Get-DadString $first 'Identity'
                firstAuth      = Get-DadString $first 'AuthenticationMethod'
                remoteFirstId  = Get-DadString (Get-DadProperty $sa 'RemoteFirstId') 'Identity'
                localSecondId  = Get-DadString $second 'Identity'
                secondAuth     = Get-DadString $second 'AuthenticationMethod'
            })
    }
    if ($items.Count -eq 0 -and $Elevated -ne $true) {
        return New-DadReading -Problem 'Get-NetIPsecMainModeSA returned nothing to a process that is not elevated (it may need an administrator): not known whether security associations exist'
    }
    return New-DadReading $items.ToArray()
}

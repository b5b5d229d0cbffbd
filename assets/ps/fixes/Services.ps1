# Fixes that start or restart services and run the machine's own repair commands (contract.md §2): start-ip-helper,
# restart-ip-helper, start-nca-service, start-ipsec-services, resync-time, clear-crl-cache, renew-machine-certificate.

# start-ip-helper: IP Helper to Automatic and started; undo restores the start type it had.
function Repair-DadIpHelper {
    [CmdletBinding()]
    param()
    $previous = Get-DadServiceStartType -Name $script:DadIpHelper
    $undo = @{ service = $script:DadIpHelper; startType = $previous }
    $script:DadFixUndo = $undo
    if ($previous -ne 'Automatic') {
        Set-Service -Name $script:DadIpHelper -StartupType Automatic
        Add-DadFixChange ('set iphlpsvc to start automatically (was ' + $previous + ')')
    }
    Start-Service -Name $script:DadIpHelper
    Add-DadFixChange 'started the IP Helper service (iphlpsvc)'
    return $undo
}

# Undo of start-ip-helper: the start type it had before (the service keeps running until the next restart).
function Undo-DadIpHelper {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('iphlpsvc', IgnoreCase = $false)][string]$Service,
        [Parameter(Mandatory = $true)][ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$StartType
    )
    Set-Service -Name $Service -StartupType $StartType
    Add-DadFixChange ('set iphlpsvc back to ' + $StartType)
}

# start-nca-service: the Network Connectivity Assistant started, and set back to its Windows default (Manual, trigger
# start) only when it was disabled; undo restores the start type it had (knowledge B.9).
function Repair-DadNcaService {
    [CmdletBinding()]
    param()
    $previous = Get-DadServiceStartType -Name 'NcaSvc'
    $undo = @{ service = 'NcaSvc'; startType = $previous }
    $script:DadFixUndo = $undo
    if ($previous -eq 'Disabled') {
        Set-Service -Name 'NcaSvc' -StartupType Manual
        Add-DadFixChange 'set NcaSvc to start when needed (was Disabled)'
    }
    Start-Service -Name 'NcaSvc'
    Add-DadFixChange 'started the Network Connectivity Assistant service (NcaSvc)'
    return $undo
}

# Undo of start-nca-service: the start type it had before (the service keeps running until the next restart).
function Undo-DadNcaService {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('NcaSvc', IgnoreCase = $false)][string]$Service,
        [Parameter(Mandatory = $true)][ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$StartType
    )
    Set-Service -Name $Service -StartupType $StartType
    Add-DadFixChange ('set NcaSvc back to ' + $StartType)
}

# start-ipsec-services: the services DirectAccess's IPsec tunnels need, in dependency order (BFE first: the others
# depend on it). A Disabled one is set back to the start type Windows ships it with (knowledge B.9: IKEEXT and
# PolicyAgent Manual, trigger start; BFE Automatic; MpsSvc Automatic, a later Microsoft list says Manual, so the
# previous start type is recorded for undo either way); one that does not run is started. A service this machine does
# not have is left alone. Undo data: service name -> the start type it had.
$script:DadIpsecServiceDefaults = [ordered]@{ BFE = 'Automatic'; MpsSvc = 'Automatic'; PolicyAgent = 'Manual'; IKEEXT = 'Manual' }
function Repair-DadIpsecServices {
    [CmdletBinding()]
    param()
    $undo = @{}
    $script:DadFixUndo = $undo
    foreach ($name in @($script:DadIpsecServiceDefaults.Keys)) {
        try { $svc = @(Get-Service -Name $name -ErrorAction Stop)[0] } catch { continue }
        $previous = Get-DadServiceStartType -Name $name
        $undo[$name] = $previous
        if ($previous -eq 'Disabled') {
            $default = $script:DadIpsecServiceDefaults[$name]
            Set-Service -Name $name -StartupType $default
            Add-DadFixChange ('set ' + $name + ' to its Windows default ' + $default + ' (was Disabled)')
        }
        if ([string]$svc.Status -ne 'Running') {
            Start-Service -Name $name
            Add-DadFixChange ('started ' + $name)
        }
    }
    return $undo
}

# Undo of start-ipsec-services: the start types the services had before (they keep running until the next restart).
function Undo-DadIpsecServices {
    [CmdletBinding()]
    param(
        [ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$Bfe,
        [ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$MpsSvc,
        [ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$PolicyAgent,
        [ValidateSet('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled', IgnoreCase = $false)][string]$IkeExt
    )
    $saved = [ordered]@{ IKEEXT = $IkeExt; PolicyAgent = $PolicyAgent; MpsSvc = $MpsSvc; BFE = $Bfe }
    foreach ($name in @($saved.Keys)) {
        if (-not $saved[$name]) { continue }
        Set-Service -Name $name -StartupType $saved[$name]
        Add-DadFixChange ('set ' + $name + ' back to ' + $saved[$name])
    }
}

# restart-ip-helper: rebuilds the IP-HTTPS interface (nothing to undo).
function Restart-DadIpHelper {
    [CmdletBinding()]
    param()
    Restart-DadIpHelperService
    return $null
}

# resync-time: starts the time service when stopped, resynchronises, then lets IP-HTTPS retry.
function Sync-DadClock {
    [CmdletBinding()]
    param()
    $svc = Get-Service -Name 'w32time' -ErrorAction Stop
    if ([string]$svc.Status -ne 'Running') {
        Start-Service -Name 'w32time'
        Add-DadFixChange 'started the Windows Time service (w32time)'
    }
    $null = Invoke-DadNative 'w32tm' @('/resync', '/force')
    Add-DadFixChange 'resynchronised the clock (w32tm /resync /force)'
    Restart-DadIpHelperService
    return $null
}

# clear-crl-cache: Windows fetches the revocation lists again (knowledge A.3).
function Clear-DadCrlCache {
    [CmdletBinding()]
    param()
    $null = Invoke-DadNative 'certutil' @('-urlcache', '*', 'delete')
    Add-DadFixChange 'deleted the URL cache (certutil -urlcache * delete)'
    # '@now' quoted: a bare @now would be PowerShell splatting.
    $null = Invoke-DadNative 'certutil' @('-setreg', 'chain\ChainCacheResyncFiletime', '@now')
    Add-DadFixChange 'resynchronised the chain cache (certutil -setreg chain\ChainCacheResyncFiletime @now)'
    Restart-DadIpHelperService
    return $null
}

# renew-machine-certificate: triggers autoenrolment; works only where the CA is reachable (corporate network).
function Update-DadMachineCertificate {
    [CmdletBinding()]
    param()
    $null = Invoke-DadNative 'certutil' @('-pulse')
    Add-DadFixChange 'triggered certificate autoenrolment (certutil -pulse)'
    return $null
}

# What else connects this machine to the organisation (knowledge N): Always On VPN and the Global Secure Access client
# of Entra Private Access. A machine moved off DirectAccess on purpose shows them; leftover DirectAccess settings on it
# are knowledge M. Locale-free: registry values, service names and enum names only.

$script:DadRasManKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\RasMan'
# Knowledge N: the services of the Global Secure Access client (names vary by version, so any of them counts).
$script:DadGsaServices = @('GlobalSecureAccessTunnelingService', 'GlobalSecureAccessManagementService',
    'GlobalSecureAccessEngineService', 'GlobalSecureAccessClientManagerService',
    'GlobalSecureAccessForwardingProfileService', 'GlobalSecureAccessPolicyRetrieverService')
$script:DadGsaFolder = '%ProgramFiles%\Global Secure Access Client'

# The Always On VPN tunnels, the VPN profiles Windows lists to this account, and the Global Secure Access client.
function Get-DadCoexistenceSection {
    $unread = [Activator]::CreateInstance([System.Collections.ArrayList])
    $profiles = Get-DadVpnProfiles $unread
    # The device tunnel is an all-user profile; the always-on user tunnel belongs to the user RasMan names (UserSID).
    $device = Get-DadAlwaysOnTunnel ($script:DadRasManKey + '\DeviceTunnel') $profiles $true $unread
    $user = Get-DadAlwaysOnTunnel ($script:DadRasManKey + '\Config') $profiles $false $unread
    $services = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($name in $script:DadGsaServices) {
        $state = Get-DadServiceState $name
        if ($state.exists) { $null = $services.Add(@{ name = $name; status = $state.status; startType = $state.startType }) }
    }
    $folder = $null
    try { $folder = [bool](Test-DadFolder -Path $script:DadGsaFolder) } catch { $null = $unread.Add('Test-DadFolder ' + $script:DadGsaFolder + ': ' + $_.Exception.Message) }
    return @{
        deviceTunnel       = $device
        userTunnel         = $user
        vpnProfiles        = $profiles
        globalSecureAccess = @{ services = $services.ToArray(); installFolder = $folder }
        unread             = $unread.ToArray()
    }
}

# VPN profiles from Get-VpnConnection (this account's) and -AllUserConnection (the machine's, where the device tunnel
# lives); $null when the cmdlet does not exist (Windows 7). A call that throws (e.g. not elevated) is named in $Unread.
# ASSUMED shape (knowledge Q.5, no capture): MSFT_VpnConnection's Name, ServerAddress, TunnelType, ConnectionStatus.
function Get-DadVpnProfiles {
    param([System.Collections.ArrayList]$Unread)
    if (-not (Test-DadCommand 'Get-VpnConnection')) { return $null }
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($allUsers in @($false, $true)) {
        try {
            if ($allUsers) { $found = Get-VpnConnection -AllUserConnection -ErrorAction Stop } else { $found = Get-VpnConnection -ErrorAction Stop }
        } catch {
            $call = 'Get-VpnConnection'
            if ($allUsers) { $call = 'Get-VpnConnection -AllUserConnection' }
            $null = $Unread.Add($call + ': ' + $_.Exception.Message)
            continue
        }
        foreach ($connection in (ConvertTo-DadArray $found)) {
            $name = Get-DadString $connection 'Name'
            if ($null -eq $name) { continue }
            $null = $list.Add(@{
                    name             = $name
                    allUsers         = $allUsers
                    serverAddress    = (Get-DadString $connection 'ServerAddress')
                    tunnelType       = (Get-DadString $connection 'TunnelType')
                    connectionStatus = (Get-DadString $connection 'ConnectionStatus')
                })
        }
    }
    return , $list.ToArray()
}

# An always-on tunnel from its RasMan key (AutoTriggerProfileEntryName, AutoTriggerProfilePhonebookPath; knowledge N),
# connected when the profile of that name is listed as Connected; $null when the key names no profile.
function Get-DadAlwaysOnTunnel {
    param([string]$Key, $Profiles, [bool]$AllUsers, [System.Collections.ArrayList]$Unread)
    try {
        $values = Get-DadRegistryValues -Path $Key
    } catch {
        $null = $Unread.Add($Key + ': ' + $_.Exception.Message)
        return $null
    }
    $name = Get-DadString $values 'AutoTriggerProfileEntryName'
    if ($null -eq $name) { return $null }
    $connected = $null
    foreach ($p in (ConvertTo-DadArray $Profiles)) {
        if ($p.name -eq $name -and $p.allUsers -eq $AllUsers) { $connected = ($p.connectionStatus -eq 'Connected') }
    }
    $tunnel = @{ profileName = $name; phonebookPath = (Get-DadString $values 'AutoTriggerProfilePhonebookPath'); connected = $connected }
    if (-not $AllUsers) { $tunnel.userSid = Get-DadString $values 'UserSID' }
    return $tunnel
}

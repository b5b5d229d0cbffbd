# Probes of the machine itself: operating system, services, IPv6 switch, clock, Windows Firewall.

# Windows edition, build and domain membership: decide whether the machine can be a DirectAccess client at all.
function Get-DadOsSection {
    $os = @(Get-DadWmiObject -ClassName 'Win32_OperatingSystem')[0]
    if ($null -eq $os) { throw 'Win32_OperatingSystem returned nothing' }
    $identity = Get-DadComputerIdentity
    $computerName = Get-DadString $os 'CSName'
    if ($null -eq $computerName) { $computerName = $identity.name }
    if ($null -eq $computerName) { $computerName = [System.Environment]::MachineName }
    $build = 0
    $buildText = Get-DadString $os 'BuildNumber'
    if ($null -ne $buildText) { $build = [int]$buildText }
    $caption = Get-DadString $os 'Caption'
    if ($null -eq $caption) { $caption = '' }
    $version = Get-DadString $os 'Version'
    if ($null -eq $version) { $version = '' }
    $sku = Get-DadProperty $os 'OperatingSystemSKU'
    if ($null -eq $sku) { $sku = 0 }
    $productType = Get-DadProperty $os 'ProductType'
    if ($null -eq $productType) { $productType = 1 }
    return @{
        caption      = $caption
        version      = $version
        build        = $build
        sku          = [int]$sku
        productType  = [int]$productType
        computerName = $computerName
        domain       = $identity.domain
        partOfDomain = $identity.partOfDomain
        fqdn         = $identity.fqdn
        psVersion    = [string](Get-DadPowerShellVersion)
    }
}

# State of the services DirectAccess depends on, keyed by service name: the tunnels (iphlpsvc), the status (NcaSvc),
# the clock (w32time) and IPsec (IKEEXT, PolicyAgent, BFE, MpsSvc; knowledge I.6). Status and StartType are enum
# names, the same in every display language.
function Get-DadServicesSection {
    $result = @{}
    foreach ($name in @('iphlpsvc', 'NcaSvc', 'w32time', 'IKEEXT', 'PolicyAgent', 'BFE', 'MpsSvc')) {
        $result[$name] = Get-DadServiceState $name
    }
    return $result
}

# One service: exists/status/start type. Get-Service throws for a missing service; PowerShell 2.0 has no StartType,
# so the start mode then comes from Win32_Service.
function Get-DadServiceState {
    param([string]$Name)
    try {
        $svc = Get-Service -Name $Name -ErrorAction Stop
    } catch {
        return @{ exists = $false; status = $null; startType = $null }
    }
    $svc = @($svc)[0]
    $startType = Get-DadString $svc 'StartType'
    if ($null -eq $startType) {
        $wmi = @(Get-DadWmiObject -ClassName 'Win32_Service' -Filter ("Name='" + $Name + "'"))[0]
        $startType = ConvertTo-DadStartType (Get-DadString $wmi 'StartMode')
    }
    return @{ exists = $true; status = (Get-DadString $svc 'Status'); startType = $startType }
}

# Win32_Service StartMode names (Auto) as Get-Service names them (Automatic).
function ConvertTo-DadStartType {
    param([string]$StartMode)
    if (-not $StartMode) { return $null }
    if ($StartMode -eq 'Auto') { return 'Automatic' }
    return $StartMode
}

# DisabledComponents under Tcpip6: bit 0 or 0xFF switches off the tunnels DirectAccess needs.
function Get-DadIpv6Section {
    $values = Get-DadRegistryValues -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'
    $raw = Get-DadProperty $values 'DisabledComponents'
    $value = ConvertTo-DadUInt32 $raw
    if ($null -ne $value) { $value = [int64]$value }
    return @{ disabledComponents = $value }
}

# The client clock, compared later with the server's Date header.
function Get-DadClockSection {
    return @{ utcNow = (Format-DadDate (Get-DadUtcNow)) }
}

# Windows Firewall per profile (knowledge I.5: DirectAccess' connection security rules live in it). From the registry,
# which is locale-free and the same on Windows 7 (PowerShell 2.0, no Get-NetFirewallProfile; netsh advfirewall text is
# localised): the local setting under SharedAccess (the Private profile is named Standard there) and the Group Policy
# setting under Policies\Microsoft\WindowsFirewall, which wins when set. Neither set = on (the Windows default).
function Get-DadFirewallSection {
    $local = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\'
    $policy = 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall\'
    $result = @{}
    foreach ($p in @(@('domain', 'DomainProfile', 'DomainProfile'), @('private', 'StandardProfile', 'PrivateProfile'), @('public', 'PublicProfile', 'PublicProfile'))) {
        $localOn = ConvertTo-DadFirewallFlag (Get-DadProperty (Get-DadRegistryValues -Path ($local + $p[1])) 'EnableFirewall')
        $policyOn = ConvertTo-DadFirewallFlag (Get-DadProperty (Get-DadRegistryValues -Path ($policy + $p[2])) 'EnableFirewall')
        $enabled = $true
        if ($null -ne $policyOn) { $enabled = $policyOn } elseif ($null -ne $localOn) { $enabled = $localOn }
        $result[$p[0]] = @{ enabled = $enabled; local = $localOn; policy = $policyOn }
    }
    return $result
}

# EnableFirewall (REG_DWORD): 0 off, anything else on; $null when absent or unreadable.
function ConvertTo-DadFirewallFlag {
    param($Value)
    $number = ConvertTo-DadUInt32 $Value
    if ($null -eq $number) { return $null }
    return ($number -ne 0)
}

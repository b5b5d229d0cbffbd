# IPv6 transition tunnels other than IP-HTTPS: ISATAP (manage-out, knowledge E), Teredo (B.5) and 6to4 (K).

$script:DadV6TransitionPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition'

# ISATAP state and router, whether the router name and the generic name `isatap` resolve, the ISATAP interfaces, and
# Group Policy's ISATAP settings from the registry (locale-independent).
function Get-DadIsatapSection {
    $parse = $null
    if (Test-DadCommand 'Get-NetIsatapConfiguration') {
        $source = 'cmdlet'
        $configuration = $null
        $config = @(Get-NetIsatapConfiguration)[0]
        if ($null -ne $config) {
            $state = Format-DadIsatapEnum (Get-DadProperty $config 'State')
            if ($null -eq $state) { $state = 'Default' }
            $configuration = @{
                state           = $state
                router          = Get-DadString $config 'Router'
                resolutionState = Format-DadIsatapEnum (Get-DadProperty $config 'ResolutionState')
            }
        }
    } else {
        $source = 'netsh'
        $stateLines = Invoke-DadNetsh @('interface', 'isatap', 'show', 'state')
        $routerLines = Invoke-DadNetsh @('interface', 'isatap', 'show', 'router')
        $configuration = ConvertFrom-DadIsatapNetsh $stateLines $routerLines
        $parse = @{ language = 'en'; recognised = $true; note = $null }
        if ($null -eq $configuration) {
            $text = [string]::Join("`n", [string[]]($stateLines + $routerLines))
            if ($text.Trim().Length -eq 0 -or $text -match '(?i)the following command was not found') {
                return New-DadNotApplicable 'no ISATAP cmdlet and no ISATAP state from netsh'
            }
            $parse = @{ language = $null; recognised = $false; note = 'netsh interface isatap printed text in no known language; the ISATAP state is unknown' }
        }
    }
    # The router's name and the generic name are looked up at the same time: one network timeout, not two.
    $names = @('isatap')
    if ($null -ne $configuration -and $null -ne $configuration.router) { $names += [string]$configuration.router }
    $resolved = Resolve-DadNameLookups $names
    $router = $null
    if ($names.Count -gt 1) { $router = ConvertTo-DadResolution $configuration.router $resolved[$names[1]] }
    $generic = ConvertTo-DadResolution 'isatap' $resolved['isatap']
    $policy = $null
    try {
        $values = Get-DadRegistryValues -Path $script:DadV6TransitionPolicyKey
        if ($null -ne $values) { $policy = @{ state = (Get-DadString $values 'ISATAP_State'); router = (Get-DadString $values 'ISATAP_RouterName') } }
    } catch {
        $policy = $null
    }
    $result = @{
        source        = $source
        configuration = $configuration
        router        = $router
        genericName   = $generic
        interfaces    = (Get-DadIsatapInterfaces)
        policy        = $policy
    }
    if ($null -ne $parse) { $result.parse = $parse }
    return $result
}

# An ISATAP State / ResolutionState as its enum name: the cmdlet renders names, a raw CIM instance gives the uint32.
# Numbers per knowledge B.4 (ResolutionState: 0 Default, 1 Automatic, 2 Enabled, 3 Disabled); State is assumed to use
# the same numbering (the class documentation read gives no table for it).
function Format-DadIsatapEnum {
    param($Value)
    if ($null -eq $Value) { return $null }
    $text = ConvertTo-DadNullableString $Value
    if ($null -eq $text) { return $null }
    if ($text -match '^[0-3]$') { return @('Default', 'Automatic', 'Enabled', 'Disabled')[[int]$text] }
    return $text
}

# Parses `netsh interface isatap show state` and `show router` (Windows 7). ASSUMED shape (knowledge B.4 is [U]):
# "ISATAP State : enabled" (or "State : enabled"), "Router Name : <name>", "Resolution State : default". A router
# name of "default" means no router was set (Windows then tries the name `isatap`), so it is reported as null.
# netsh prints states in lower case; they are given the cmdlet's capitalisation so both sources read alike.
function ConvertFrom-DadIsatapNetsh {
    param([string[]]$StateLines, [string[]]$RouterLines)
    $state = Get-DadNetshValue $StateLines 'ISATAP State'
    if ($null -eq $state) { $state = Get-DadNetshValue $StateLines 'State' }
    $router = Get-DadNetshValue $RouterLines 'Router Name'
    if ($null -eq $router) { $router = Get-DadNetshValue $RouterLines 'Router' }
    $resolution = Get-DadNetshValue $RouterLines 'Resolution State'
    if ($null -eq $state -and $null -eq $router) { return $null }
    if ($null -ne $router -and $router -eq 'default') { $router = $null }
    if ($null -eq $state) { $state = 'Default' }
    return @{
        state           = Format-DadStateName $state
        router          = $router
        resolutionState = Format-DadStateName $resolution
    }
}

# netsh's lower-case state words (enabled, default, disabled, automatic) with the cmdlet's capitalisation.
function Format-DadStateName {
    param($Text)
    if ($null -eq $Text) { return $null }
    $value = ([string]$Text).Trim().TrimEnd('.')
    if ($value -match '^(enabled|disabled|default|automatic)$') {
        return $value.Substring(0, 1).ToUpperInvariant() + $value.Substring(1).ToLowerInvariant()
    }
    return $value
}

# ISATAP interfaces and their IPv6 addresses; Windows 7 has no Get-NetIPAddress, so the list is empty there.
function Get-DadIsatapInterfaces {
    $byAlias = @{}
    $order = [Activator]::CreateInstance([System.Collections.ArrayList])
    if (Test-DadCommand 'Get-NetIPAddress') {
        foreach ($address in (ConvertTo-DadArray (Get-NetIPAddress -AddressFamily IPv6))) {
            $alias = Get-DadString $address 'InterfaceAlias'
            if ($null -eq $alias -or -not ($alias -like 'isatap*')) { continue }
            if (-not $byAlias.ContainsKey($alias)) {
                $byAlias[$alias] = [Activator]::CreateInstance([System.Collections.ArrayList])
                $null = $order.Add($alias)
            }
            $ip = Get-DadString $address 'IPAddress'
            if ($null -ne $ip) { $null = $byAlias[$alias].Add($ip) }
        }
    }
    $interfaces = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($alias in $order) {
        $null = $interfaces.Add(@{ alias = $alias; addresses = $byAlias[$alias].ToArray() })
    }
    return , $interfaces.ToArray()
}

# Teredo state: Get-NetTeredoState (Windows 8+) or `netsh interface teredo show state`; nothing returned => nulls.
# The section also carries 6to4 (`sixToFour`, knowledge K): the other tunnel a client tries before IP-HTTPS.
function Get-DadTeredoSection {
    if (Test-DadCommand 'Get-NetTeredoState') {
        $state = @(Get-NetTeredoState)[0]
        $result = @{
            state = Get-DadString $state 'State'
            type  = Get-DadString $state 'Type'
            error = Get-DadString $state 'Error'
        }
    } else {
        $result = ConvertFrom-DadTeredoNetsh (Invoke-DadNetsh @('interface', 'teredo', 'show', 'state'))
    }
    $result.sixToFour = Get-DadSixToFour
    return $result
}

# 6to4 (knowledge K.3): Get-Net6to4Configuration State (Default/Automatic/Enabled/Disabled), RelayName, RelayState;
# Windows 7: `netsh interface 6to4 show state` (assumed shape "6to4 Service State : default" or "State : default", no
# real capture). Group Policy's
# 6to4_State under v6Transition (overrides the local state). The IPv4 addresses of the machine (the diagnosis decides
# which are public) and the 6to4 adapter's `2002:` addresses (Get-NetIPAddress; none on Windows 7).
function Get-DadSixToFour {
    $relayName = $null; $relayState = $null
    if (Test-DadCommand 'Get-Net6to4Configuration') {
        $source = 'cmdlet'
        $config = @(Get-Net6to4Configuration)[0]
        $state = $null
        if ($null -ne $config) {
            $state = Format-DadIsatapEnum (Get-DadProperty $config 'State')
            $relayName = Get-DadString $config 'RelayName'
            $relayState = Format-DadIsatapEnum (Get-DadProperty $config 'RelayState')
        }
    } else {
        $source = 'netsh'
        $lines = Invoke-DadNetsh @('interface', '6to4', 'show', 'state')
        $text = Get-DadNetshValue $lines '6to4 Service State'
        if ($null -eq $text) { $text = Get-DadNetshValue $lines 'State' }
        $state = Format-DadStateName $text
        if ($null -eq $state -and (Test-DadBlankText $lines)) { return $null }
    }
    $policy = $null
    try {
        $values = Get-DadRegistryValues -Path $script:DadV6TransitionPolicyKey
        if ($null -ne $values) { $policy = Get-DadString $values '6to4_State' }
    } catch {
        $policy = $null
    }
    $ipv4 = [Activator]::CreateInstance([System.Collections.ArrayList])
    $tunnel = [Activator]::CreateInstance([System.Collections.ArrayList])
    if (Test-DadCommand 'Get-NetIPAddress') {
        foreach ($address in (ConvertTo-DadArray (Get-NetIPAddress -AddressFamily IPv4))) {
            $ip = Get-DadString $address 'IPAddress'
            if ($null -ne $ip) { $null = $ipv4.Add(@{ alias = (Get-DadString $address 'InterfaceAlias'); address = $ip }) }
        }
        foreach ($address in (ConvertTo-DadArray (Get-NetIPAddress -AddressFamily IPv6))) {
            $ip = Get-DadString $address 'IPAddress'
            if ($null -ne $ip -and $ip -match '^2002:') { $null = $tunnel.Add(@{ alias = (Get-DadString $address 'InterfaceAlias'); address = $ip }) }
        }
    }
    return @{
        source        = $source
        state         = $state
        relayName     = $relayName
        relayState    = $relayState
        policyState   = $policy
        ipv4Addresses = $ipv4.ToArray()
        addresses     = $tunnel.ToArray()
    }
}

# Parses `netsh interface teredo show state` (knowledge B.5, a real capture in fixtures/): Type, State and, when
# Teredo failed, Error lines. English labels only (no other capture): other text is unknown (nulls, parse says so).
function ConvertFrom-DadTeredoNetsh {
    param([string[]]$Lines)
    $state = Get-DadNetshValue $Lines 'State'
    $type = Get-DadNetshValue $Lines 'Type'
    $parse = @{ language = 'en'; recognised = $true; note = $null }
    if ($null -eq $state -and $null -eq $type) {
        $parse.language = $null
        if (-not (Test-DadBlankText $Lines)) {
            $parse.recognised = $false
            $parse.note = 'netsh interface teredo show state printed text in no known language; the Teredo state is unknown'
        }
    }
    return @{
        state = $state
        type  = $type
        error = Get-DadNetshValue $Lines 'Error'
        parse = $parse
    }
}

# A name with its addresses and how the lookup ended (Resolve-DadNameLookups), as the isatap section records it.
function ConvertTo-DadResolution {
    param([string]$Name, $Resolved)
    return @{ name = $Name; addresses = (ConvertTo-DadStringArray $Resolved.addresses); lookup = $Resolved.lookup }
}

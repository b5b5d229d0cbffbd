# IPv6 transition tunnels other than IP-HTTPS: ISATAP (manage-out, knowledge E) and Teredo (B.5).

# ISATAP state and router, whether the router name and the generic name `isatap` resolve, and the ISATAP interfaces.
function Get-DadIsatapSection {
    if (Test-DadCommand 'Get-NetIsatapConfiguration') {
        $source = 'cmdlet'
        $configuration = $null
        $config = @(Get-NetIsatapConfiguration)[0]
        if ($null -ne $config) {
            $state = Get-DadString $config 'State'
            if ($null -eq $state) { $state = 'Default' }
            $configuration = @{
                state           = $state
                router          = Get-DadString $config 'Router'
                resolutionState = Get-DadString $config 'ResolutionState'
            }
        }
    } else {
        $source = 'netsh'
        $stateLines = Invoke-DadNetsh @('interface', 'isatap', 'show', 'state')
        $routerLines = Invoke-DadNetsh @('interface', 'isatap', 'show', 'router')
        $configuration = ConvertFrom-DadIsatapNetsh $stateLines $routerLines
        if ($null -eq $configuration) {
            return New-DadNotApplicable 'no ISATAP cmdlet and no ISATAP state from netsh'
        }
    }
    $router = $null
    if ($null -ne $configuration -and $null -ne $configuration.router) {
        $router = @{ name = $configuration.router; addresses = (ConvertTo-DadStringArray (Resolve-DadName -Name $configuration.router)) }
    }
    $generic = @{ name = 'isatap'; addresses = (ConvertTo-DadStringArray (Resolve-DadName -Name 'isatap')) }
    return @{
        source        = $source
        configuration = $configuration
        router        = $router
        genericName   = $generic
        interfaces    = (Get-DadIsatapInterfaces)
    }
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
function Get-DadTeredoSection {
    if (Test-DadCommand 'Get-NetTeredoState') {
        $state = @(Get-NetTeredoState)[0]
        return @{
            state = Get-DadString $state 'State'
            type  = Get-DadString $state 'Type'
            error = Get-DadString $state 'Error'
        }
    }
    return ConvertFrom-DadTeredoNetsh (Invoke-DadNetsh @('interface', 'teredo', 'show', 'state'))
}

# Parses `netsh interface teredo show state` (knowledge B.5): Type, State and, when Teredo failed, Error lines.
function ConvertFrom-DadTeredoNetsh {
    param([string[]]$Lines)
    return @{
        state = Get-DadNetshValue $Lines 'State'
        type  = Get-DadNetshValue $Lines 'Type'
        error = Get-DadNetshValue $Lines 'Error'
    }
}

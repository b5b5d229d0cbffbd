# Manage-out fixes (knowledge E.2, E.3): enable-isatap and set-isatap-router. Windows 7 has no
# Set-NetIsatapConfiguration; there netsh interface isatap does the same.

# The ISATAP state and router as they are now (cmdlet, or netsh on Windows 7).
function Get-DadIsatapNow {
    if (Test-DadFixCommand 'Get-NetIsatapConfiguration') {
        $c = @(Get-NetIsatapConfiguration)[0]
        if ($null -eq $c) { return @{ state = 'Default'; router = $null } }
        $state = Get-DadString $c 'State'; if ($null -eq $state) { $state = 'Default' }
        return @{ state = $state; router = (Get-DadString $c 'Router') }
    }
    $parsed = ConvertFrom-DadIsatapNetsh (Invoke-DadNetsh @('interface', 'isatap', 'show', 'state')) (Invoke-DadNetsh @('interface', 'isatap', 'show', 'router'))
    if ($null -eq $parsed) { return @{ state = 'Default'; router = $null } }
    return @{ state = $parsed.state; router = $parsed.router }
}

# Sets state and/or router with whichever command this Windows has.
function Set-DadIsatap {
    param([string]$State, [string]$Router)
    if (Test-DadFixCommand 'Set-NetIsatapConfiguration') {
        $splat = @{}
        if ($State) { $splat['State'] = $State }
        if ($PSBoundParameters.ContainsKey('Router')) { $splat['Router'] = $Router }
        Set-NetIsatapConfiguration @splat
        return
    }
    if ($PSBoundParameters.ContainsKey('Router')) {
        $name = $Router; if (-not $name) { $name = 'default' }
        $null = Invoke-DadNative 'netsh' @('interface', 'isatap', 'set', 'router', $name)
    }
    if ($State) { $null = Invoke-DadNative 'netsh' @('interface', 'isatap', 'set', 'state', $State.ToLowerInvariant()) }
}

# enable-isatap: State Enabled and the router.
function Enable-DadIsatap {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadRouterPattern 'the router name' })][string]$Router)
    $now = Get-DadIsatapNow
    $undo = @{ state = $now.state; router = $now.router }
    $script:DadFixUndo = $undo
    Set-DadIsatap -State 'Enabled' -Router $Router
    Add-DadFixChange ('ISATAP state Enabled, router ' + $Router + ' (was ' + $now.state + ', ' + $(if ($now.router) { $now.router } else { 'no router' }) + ')')
    return $undo
}

# set-isatap-router: only the router name.
function Set-DadIsatapRouter {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidateScript({ Assert-DadMatch $_ $script:DadRouterPattern 'the router name' })][string]$Router)
    $now = Get-DadIsatapNow
    $undo = @{ state = $now.state; router = $now.router }
    $script:DadFixUndo = $undo
    Set-DadIsatap -Router $Router
    Add-DadFixChange ('ISATAP router ' + $Router + ' (was ' + $(if ($now.router) { $now.router } else { 'no router' }) + ')')
    return $undo
}

# Undo of both: the previous state and router.
function Undo-DadIsatap {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled', IgnoreCase = $false)][string]$State,
        [AllowNull()][AllowEmptyString()][string]$Router
    )
    if ($Router -and $Router -cnotmatch $script:DadRouterPattern) { throw 'the saved router is not a host name or IPv4 address' }
    $r = ''; if ($Router) { $r = $Router }
    Set-DadIsatap -State $State -Router $r
    Add-DadFixChange ('ISATAP back to ' + $State + ', router ' + $(if ($Router) { $Router } else { 'none' }))
}

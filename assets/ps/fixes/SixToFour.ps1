# disable-6to4 (knowledge K.2): switch 6to4 off so a client with a public IPv4 address goes straight to IP-HTTPS.
# Windows 7 has no Set-Net6to4Configuration; there netsh interface 6to4 does the same.

# The local 6to4 state as it is now (cmdlet, or netsh on Windows 7); Default when nothing can be read.
function Get-DadSixToFourNow {
    if (Test-DadFixCommand 'Get-Net6to4Configuration') {
        $c = @(Get-Net6to4Configuration)[0]
        $state = $null
        if ($null -ne $c) { $state = Format-DadIsatapEnum (Get-DadProperty $c 'State') }
    } else {
        $lines = Invoke-DadNetsh @('interface', '6to4', 'show', 'state')
        $text = Get-DadNetshValue $lines '6to4 Service State'
        if ($null -eq $text) { $text = Get-DadNetshValue $lines 'State' }
        $state = Format-DadStateName $text
    }
    if (@('Default', 'Automatic', 'Enabled', 'Disabled') -cnotcontains $state) { $state = 'Default' }
    return $state
}

# Sets the local 6to4 state with whichever command this Windows has.
function Set-DadSixToFourState {
    param([ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled')][string]$State)
    if (Test-DadFixCommand 'Set-Net6to4Configuration') {
        Set-Net6to4Configuration -State $State
        return
    }
    $null = Invoke-DadNative 'netsh' @('interface', '6to4', 'set', 'state', $State.ToLowerInvariant())
}

# disable-6to4: State Disabled; the previous state is the undo data.
function Disable-DadSixToFour {
    [CmdletBinding()]
    param()
    $now = Get-DadSixToFourNow
    $undo = @{ state = $now }
    $script:DadFixUndo = $undo
    Set-DadSixToFourState -State 'Disabled'
    Add-DadFixChange ('6to4 state Disabled (was ' + $now + ')')
    return $undo
}

# Undo: the saved state.
function Undo-DadSixToFour {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled', IgnoreCase = $false)][string]$State)
    Set-DadSixToFourState -State $State
    Add-DadFixChange ('6to4 state back to ' + $State)
}

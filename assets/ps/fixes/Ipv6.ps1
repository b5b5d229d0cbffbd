# set-ipv6-prefer-ipv4 (knowledge A.13): DisabledComponents 0x20 keeps IPv4 first but allows the tunnels. Windows
# applies it at the next restart.

$script:DadTcpip6Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'

# Sets DisabledComponents to 0x20, remembering the previous value (null when it was absent).
function Set-DadIpv6PreferIpv4 {
    [CmdletBinding()]
    param()
    $values = Get-DadRegistryValues -Path $script:DadTcpip6Key
    $previous = $null
    if ($null -ne $values -and $values.ContainsKey('DisabledComponents')) { $previous = [long](ConvertTo-DadUInt32 $values['DisabledComponents']) }
    $undo = @{ previous = $previous }
    $script:DadFixUndo = $undo
    Set-DadRegistryValue -Path $script:DadTcpip6Key -Name 'DisabledComponents' -Value 0x20 -Type 'DWord'
    $was = 'absent'; if ($null -ne $previous) { $was = '0x' + $previous.ToString('x') }
    Add-DadFixChange ('set DisabledComponents to 0x20 (was ' + $was + '); restart Windows to apply it')
    return $undo
}

# Undo: the previous value back. A value that was absent becomes 0 (the same meaning: nothing disabled), because
# the fix commands have no "delete one value".
function Undo-DadIpv6PreferIpv4 {
    [CmdletBinding()]
    param([AllowNull()][Nullable[long]]$Previous)
    $value = 0
    if ($null -ne $Previous) {
        if ($Previous -lt 0 -or $Previous -gt 4294967295) { throw 'the saved DisabledComponents is not a DWORD' }
        $value = [long]$Previous
    }
    Set-DadRegistryValue -Path $script:DadTcpip6Key -Name 'DisabledComponents' -Value $value -Type 'DWord'
    Add-DadFixChange ('set DisabledComponents back to 0x' + $value.ToString('x') + '; restart Windows to apply it')
}

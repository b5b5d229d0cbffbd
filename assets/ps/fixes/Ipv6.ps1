# set-ipv6-prefer-ipv4 (knowledge A.13.1, KB929852): clears only the DisabledComponents bits that stop this role's
# tunnels (0x01 always; 0x80 "IP-TLS" on a client; 0x04 ISATAP on a manage-out host) and sets 0x20 (prefer IPv4).
# Every other bit stays: a baseline's 0x10 (native interfaces off) is not ours to undo. Windows applies it at the
# next restart.

$script:DadTcpip6Key = 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'

# The bits that stop a role's tunnels.
function Get-DadTunnelBits {
    param([string]$Role)
    $mask = 0x01
    if ($Role -ceq 'client') { $mask = $mask -bor 0x80 }
    if ($Role -ceq 'manageOut') { $mask = $mask -bor 0x04 }
    return [long]$mask
}

# Clears the role's tunnel bits and sets 0x20, remembering the previous value (null when it was absent).
function Set-DadIpv6PreferIpv4 {
    [CmdletBinding()]
    param([ValidateSet('client', 'manageOut', IgnoreCase = $false)][string]$Role = 'client')
    $values = Get-DadRegistryValues -Path $script:DadTcpip6Key
    $previous = $null
    if ($null -ne $values -and $values.ContainsKey('DisabledComponents')) { $previous = [long](ConvertTo-DadUInt32 $values['DisabledComponents']) }
    $undo = @{ previous = $previous }
    $script:DadFixUndo = $undo
    $new = [long]0x20
    if ($null -ne $previous) {
        # 64-bit arithmetic: the value is a DWORD, and -bnot on a long keeps the high bits of the DWORD intact.
        $new = ($previous -band (-bnot (Get-DadTunnelBits $Role)) -band 0xFFFFFFFFL) -bor 0x20
    }
    Set-DadRegistryValue -Path $script:DadTcpip6Key -Name 'DisabledComponents' -Value $new -Type 'DWord'
    $was = 'absent'; if ($null -ne $previous) { $was = '0x' + $previous.ToString('x') }
    Add-DadFixChange ('set DisabledComponents to 0x' + $new.ToString('x') + ' (was ' + $was + '); restart Windows to apply it')
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

# The effective Name Resolution Policy Table: which namespaces DirectAccess sends to its own DNS servers (A.6-A.8).

# One rule per namespace string, from Get-DnsClientNrptPolicy -Effective (Windows 8+) or netsh (Windows 7).
function Get-DadNrptSection {
    if (Test-DadCommand 'Get-DnsClientNrptPolicy') {
        $rules = [Activator]::CreateInstance([System.Collections.ArrayList])
        foreach ($policy in (ConvertTo-DadArray (Get-DnsClientNrptPolicy -Effective))) {
            $servers = ConvertTo-DadStringArray (Get-DadProperty $policy 'DirectAccessDnsServers')
            $enabled = Get-DadProperty $policy 'DirectAccessEnabled'
            if ($null -ne $enabled) { $enabled = [bool]$enabled }
            # Namespace is a string[]: one policy can cover several suffixes.
            foreach ($namespace in (ConvertTo-DadStringArray (Get-DadProperty $policy 'Namespace'))) {
                $null = $rules.Add(@{ namespace = $namespace; directAccessDnsServers = $servers; directAccessEnabled = $enabled })
            }
        }
        return @{ source = 'cmdlet'; rules = $rules.ToArray() }
    }
    return @{ source = 'netsh'; rules = (ConvertFrom-DadNrptNetsh (Invoke-DadNetsh @('namespace', 'show', 'effectivepolicy'))) }
}

# Parses `netsh namespace show effectivepolicy` (Windows 7). ASSUMED shape, not yet captured from a real machine
# (knowledge B.8 has only the command name): one block per rule headed "Settings for <namespace>" (a "Namespace :"
# label is accepted too), with a "DirectAccess (DNS Servers) : <addr> [<addr>...]" line whose addresses may be
# separated by spaces, commas or semicolons and may wrap onto indented continuation lines. netsh shows no explicit
# DirectAccess on/off flag, so directAccessEnabled is true when the rule names DirectAccess DNS servers, else null.
function ConvertFrom-DadNrptNetsh {
    param([string[]]$Lines)
    $rules = [Activator]::CreateInstance([System.Collections.ArrayList])
    $namespaces = $null
    $servers = $null
    $inServers = $false
    foreach ($line in (ConvertTo-DadArray $Lines)) {
        $line = [string]$line
        $header = [regex]::Match($line, '^\s*(?:Settings for|Namespace\s*:)\s*(\S.*?)\s*$', 'IgnoreCase')
        if ($header.Success) {
            Add-DadNrptNetshRules $rules $namespaces $servers
            $namespaces = $header.Groups[1].Value
            $servers = [Activator]::CreateInstance([System.Collections.ArrayList])
            $inServers = $false
            continue
        }
        if ($null -eq $namespaces) { continue }
        $dns = [regex]::Match($line, '^\s*DirectAccess\s*\(DNS Servers\)\s*:(.*)$', 'IgnoreCase')
        if ($dns.Success) {
            Add-DadAddressTokens $servers $dns.Groups[1].Value
            $inServers = $true
            continue
        }
        if ($inServers -and $line -match '^\s+[0-9A-Fa-f:.,;%\s]+$') {
            Add-DadAddressTokens $servers $line
            continue
        }
        $inServers = $false
    }
    Add-DadNrptNetshRules $rules $namespaces $servers
    return , $rules.ToArray()
}

# Adds the rules of one parsed block (a header may list several namespaces separated by commas).
function Add-DadNrptNetshRules {
    param([System.Collections.ArrayList]$Rules, $Namespaces, $Servers)
    if ($null -eq $Namespaces) { return }
    $serverArray = @()
    if ($null -ne $Servers) { $serverArray = $Servers.ToArray() }
    $enabled = $null
    if ($serverArray.Length -gt 0) { $enabled = $true }
    foreach ($namespace in ([string]$Namespaces -split ',')) {
        $name = $namespace.Trim()
        if ($name.Length -eq 0) { continue }
        $null = $Rules.Add(@{ namespace = $name; directAccessDnsServers = $serverArray; directAccessEnabled = $enabled })
    }
}

# Splits a list of addresses written with spaces, commas or semicolons (and braces, as the cmdlet's text view shows).
function Add-DadAddressTokens {
    param([System.Collections.ArrayList]$List, [string]$Text)
    foreach ($token in ($Text -split '[\s,;{}]+')) {
        if ($token.Length -gt 0) { $null = $List.Add($token) }
    }
}

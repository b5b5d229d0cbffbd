# The effective Name Resolution Policy Table: which namespaces DirectAccess sends to its own DNS servers (A.6-A.8).

$script:DadNrptPolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient\DnsPolicyConfig'

# One rule per namespace string, from Get-DnsClientNrptPolicy -Effective (Windows 8+) or netsh (Windows 7), plus the
# Group Policy rules from the registry (locale-independent, on every Windows).
function Get-DadNrptSection {
    $section = Get-DadEffectiveNrpt
    # The policy rules are extra evidence: a failure to read them must not lose the effective table.
    try { $section.policyRules = Get-DadNrptPolicyRules } catch { $section.policyRules = $null }
    return $section
}

# The NRPT rules Group Policy wrote (knowledge B.8, MS-GPNRPT): one subkey per rule with `Name` (the namespaces,
# REG_MULTI_SZ) and `DirectAccessDNSServers` (REG_SZ, semicolon- or space-separated). $null when there is no key.
function Get-DadNrptPolicyRules {
    if ($null -eq (Get-DadRegistryValues -Path $script:DadNrptPolicyKey)) { return $null }
    $rules = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($key in (ConvertTo-DadStringArray (Get-DadRegistrySubkeys -Path $script:DadNrptPolicyKey))) {
        $values = Get-DadRegistryValues -Path ($script:DadNrptPolicyKey + '\' + $key)
        $servers = [Activator]::CreateInstance([System.Collections.ArrayList])
        foreach ($text in (ConvertTo-DadStringArray (Get-DadProperty $values 'DirectAccessDNSServers'))) { Add-DadAddressTokens $servers $text }
        $null = $rules.Add(@{ key = $key; namespaces = (ConvertTo-DadStringArray (Get-DadProperty $values 'Name')); directAccessDnsServers = $servers.ToArray() })
    }
    return , $rules.ToArray()
}

# The effective table: the cmdlet's objects, or Windows 7's netsh text.
function Get-DadEffectiveNrpt {
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
    $lines = Invoke-DadNetsh @('namespace', 'show', 'effectivepolicy')
    $rules = ConvertFrom-DadNrptNetsh $lines
    $text = [string]::Join("`n", $lines)
    # Knowledge Q.3 (blog text of a real screenshot): inside the corporate network Windows 7 prints this note.
    $insideNote = ($text -match '(?i)DirectAccess settings would be turned off when computer is inside corporate network')
    $parse = @{ language = $null; recognised = $true; note = $null }
    if ($rules.Length -gt 0 -or $insideNote -or $text -match '(?i)Name Resolution Policy Table') {
        $parse.language = 'en'
    } elseif (-not (Test-DadBlankText $lines)) {
        $parse.recognised = $false
        $parse.note = 'netsh namespace show effectivepolicy printed text in no known language; the effective NRPT is unknown'
    }
    return @{ source = 'netsh'; rules = $rules; insideCorpnetNote = $insideNote; parse = $parse }
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

# Helpers every probe shares: safe property reads, command detection, number/date normalisation, netsh text.
# Dot-sourced by DaDoctor.psm1. PowerShell 2.0-safe: no [ordered], no [pscustomobject], no .Where()/.ForEach().
# Objects are made with [Activator]::CreateInstance rather than New-Object in every probe file: New-Object is a cmdlet
# of Microsoft.PowerShell.Utility, which PowerShell 7 auto-loads on first use (~85 ms in a fresh session); the probes
# use no cmdlet of that module (or of Microsoft.PowerShell.Management) at all on the simulated host.

# The budget of one network call (a name lookup, a TCP connect, a TLS handshake, one CRL URL): on a network that drops
# packets every call waits this long, so the probes that wait on the network run at the same time (Start-DadProbes)
# and the whole check waits about one of these, not their sum (issue 12).
$script:DadNetworkTimeoutMs = 5000

# Reads a property or hashtable key without tripping StrictMode when it is absent (PS 2.0 objects lack newer ones).
function Get-DadProperty {
    param($InputObject, [string]$Name)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Collections.IDictionary]) {
        if ($InputObject.Contains($Name)) { return $InputObject[$Name] }
        return $null
    }
    $prop = $InputObject.PSObject.Properties[$Name]
    if ($null -eq $prop) { return $null }
    return $prop.Value
}

# Property as a trimmed string, or $null when absent or blank (Windows pads some values with spaces).
function Get-DadString {
    param($InputObject, [string]$Name)
    $value = Get-DadProperty $InputObject $Name
    return ConvertTo-DadNullableString $value
}

# A value as a trimmed string, $null for null/blank.
function ConvertTo-DadNullableString {
    param($Value)
    if ($null -eq $Value) { return $null }
    $text = ([string]$Value).Trim()
    if ($text.Length -eq 0) { return $null }
    return $text
}

# True when a command exists on this machine. The function table is checked first because it is fast (the simulated
# host defines functions); only on Windows do we ask Get-Command, which auto-loads CDXML modules but costs ~15 ms a miss.
function Test-DadCommand {
    param([string]$Name)
    if ($ExecutionContext.SessionState.InvokeProvider.Item.Exists('function:\' + $Name)) { return $true }
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) { return $false }
    # The simulated host ($global:DadSim, set by Import-DadSimScenario) may run on Windows too; there a real cmdlet
    # must not stand in for one the scenario's machine lacks.
    if ($null -ne (Get-Variable -Name 'DadSim' -Scope Global -ErrorAction SilentlyContinue)) { return $false }
    # A real machine's commands do not change during a session, so each answer is kept.
    if (-not $script:DadCommandCache.ContainsKey($Name)) {
        $cmd = Get-Command -Name $Name -CommandType Cmdlet, Function -ErrorAction SilentlyContinue
        $script:DadCommandCache[$Name] = ($null -ne $cmd)
    }
    return $script:DadCommandCache[$Name]
}
$script:DadCommandCache = @{}

# Wraps a probe result so Invoke-DadProbe reports the section as notApplicable with this reason.
function New-DadNotApplicable {
    param([string]$Reason)
    return @{ DadNotApplicable = $true; Reason = $Reason }
}

# A probe whose network call ran out of its time: the section is timedOut, with the reason and what was learned
# before (Invoke-DadProbe writes both). The network not answering is itself evidence, so the data travels with it.
function New-DadTimedOut {
    param([string]$Reason, $Data)
    return @{ DadTimedOut = $true; Reason = $Reason; Data = $Data }
}

# Makes an array that survives PowerShell's unrolling of 0/1-element results (callers assign, never pipe it).
function ConvertTo-DadArray {
    param($Value)
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    if ($null -eq $Value) { return , $list.ToArray() }
    if ($Value -is [string] -or $Value -is [System.Collections.IDictionary]) { $null = $list.Add($Value); return , $list.ToArray() }
    if ($Value -is [System.Collections.IEnumerable]) {
        foreach ($item in $Value) { if ($null -ne $item) { $null = $list.Add($item) } }
        return , $list.ToArray()
    }
    $null = $list.Add($Value)
    return , $list.ToArray()
}

# Non-empty trimmed strings of a value that may be a string, an array of strings or null.
function ConvertTo-DadStringArray {
    param($Value)
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($item in (ConvertTo-DadArray $Value)) {
        $text = ConvertTo-DadNullableString $item
        if ($null -ne $text) { $null = $list.Add($text) }
    }
    return , $list.ToArray()
}

# Error codes arrive as uint32, as signed int32 (negative), as hex text in either case or as decimal text; the
# snapshot wants the uint32 value. Returns $null when the text holds no number.
function ConvertTo-DadUInt32 {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) {
        $text = $Value.Trim()
        if ($text -match '^0[xX]([0-9A-Fa-f]{1,8})\b') {
            return [System.Convert]::ToUInt32($Matches[1], 16)
        }
        if ($text -match '^(-?[0-9]{1,10})\b') {
            $number = [int64]$Matches[1]
        } else {
            return $null
        }
    } else {
        $number = [int64]$Value
    }
    if ($number -lt 0) { $number = $number + 4294967296 }
    if ($number -lt 0 -or $number -gt 4294967295) { return $null }
    return [uint32]$number
}

# ISO-8601 text in UTC for a [datetime], a DateTimeOffset or a date string; ConvertTo-Json would write [datetime]
# as "\/Date(...)\/" on Windows PowerShell, so dates never leave a probe unformatted.
function Format-DadDate {
    param($Value)
    if ($null -eq $Value) { return $null }
    $culture = [System.Globalization.CultureInfo]::InvariantCulture
    if ($Value -is [datetime]) {
        return $Value.ToUniversalTime().ToString('o', $culture)
    }
    if ($Value -is [System.DateTimeOffset]) {
        return $Value.UtcDateTime.ToString('o', $culture)
    }
    $text = ConvertTo-DadNullableString $Value
    if ($null -eq $text) { return $null }
    $parsed = [System.DateTimeOffset]::Parse($text, $culture, [System.Globalization.DateTimeStyles]::AssumeUniversal)
    return $parsed.UtcDateTime.ToString('o', $culture)
}

# Thumbprint as uppercase hex without spaces (the snapshot's regex is ^[0-9A-F]{40}$).
function Format-DadThumbprint {
    param($Value)
    if ($null -eq $Value) { return '' }
    return (([string]$Value) -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
}

# Runs netsh and returns its output as lines. netsh is native on Windows and a function on the simulated host; stderr
# is dropped under a local 'Continue' because Windows PowerShell turns redirected stderr into terminating errors.
function Invoke-DadNetsh {
    param([string[]]$Arguments)
    $ErrorActionPreference = 'Continue'
    $raw = & netsh @Arguments 2>$null
    $lines = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($chunk in (ConvertTo-DadArray $raw)) {
        foreach ($line in ([string]$chunk -split "\r?\n")) { $null = $lines.Add($line) }
    }
    return , $lines.ToArray()
}

# The value after "<Label> :" on the first line that carries it; spacing around the colon varies between builds.
function Get-DadNetshValue {
    param([string[]]$Lines, [string]$Label)
    $pattern = '^\s*' + [regex]::Escape($Label) + '\s*:(.*)$'
    foreach ($line in $Lines) {
        if ($null -eq $line) { continue }
        $m = [regex]::Match($line, $pattern, [System.Text.RegularExpressions.RegexOptions]::IgnoreCase)
        if ($m.Success) { return ConvertTo-DadNullableString $m.Groups[1].Value }
    }
    return $null
}

# Host and port of an IP-HTTPS URL; the port defaults to 443, brackets of an IPv6 literal are removed.
function Split-DadServerUrl {
    param([string]$Url)
    if ($null -eq $Url) { return $null }
    $m = [regex]::Match($Url.Trim(), '^(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?:\[([^\]]+)\]|([^:/?#\s\[\]]+))(?::([0-9]{1,5}))?')
    if (-not $m.Success) { return $null }
    $hostName = $m.Groups[2].Value
    if ($m.Groups[1].Success) { $hostName = $m.Groups[1].Value }
    $port = 443
    if ($m.Groups[3].Success) { $port = [int]$m.Groups[3].Value }
    return @{ host = $hostName; port = $port }
}

# The IP-HTTPS ServerURL from the first source that has one: the cmdlet (Win8+; the activated client profile of a
# multisite client), Group Policy registry, netsh (Win7). A cmdlet that throws is passed over rather than fatal, so the
# reachability and server-certificate probes still run on the registry's URL.
function Get-DadIpHttpsServerUrl {
    if (Test-DadCommand 'Get-NetIPHttpsConfiguration') {
        $configs = $null
        try { $configs = ConvertTo-DadArray (Get-NetIPHttpsConfiguration) } catch { $configs = $null }
        if ($null -ne $configs) {
            $chosen = Select-DadIpHttpsConfiguration $configs
            if ($null -ne $chosen -and $null -ne $chosen.serverUrl) { return $chosen.serverUrl }
        }
    }
    $values = Get-DadRegistryValues -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\TCPIP\v6Transition\IPHTTPS\IPHTTPSInterface'
    $url = Get-DadString $values 'IPHTTPS_ClientUrl'
    if ($null -ne $url) { return $url }
    $block = Select-DadIpHttpsBlock (Invoke-DadNetsh @('interface', 'httpstunnel', 'show', 'interfaces'))
    return Get-DadNetshValue $block 'URL'
}

# A certificate object of the adapters (Get-DadCertificates / Invoke-DadTlsProbe) as the snapshot's certInfo.
function ConvertTo-DadCertInfo {
    param($Certificate)
    $subject = [string](Get-DadProperty $Certificate 'Subject')
    $issuer = [string](Get-DadProperty $Certificate 'Issuer')
    $info = @{
        subject    = $subject
        issuer     = $issuer
        thumbprint = Format-DadThumbprint (Get-DadProperty $Certificate 'Thumbprint')
        notBefore  = Format-DadDate (Get-DadProperty $Certificate 'NotBefore')
        notAfter   = Format-DadDate (Get-DadProperty $Certificate 'NotAfter')
        dnsNames   = ConvertTo-DadStringArray (Get-DadProperty $Certificate 'DnsNames')
        selfSigned = ($subject -eq $issuer)
        crlUrls    = ConvertTo-DadStringArray (Get-DadProperty $Certificate 'CrlUrls')
        ekus       = ConvertTo-DadStringArray (Get-DadProperty $Certificate 'Ekus')
    }
    $hasKey = Get-DadProperty $Certificate 'HasPrivateKey'
    if ($null -ne $hasKey) { $info.hasPrivateKey = [bool]$hasKey }
    return $info
}

# Win32 class instances through CIM where it exists, WMI on PowerShell 2.0.
function Get-DadWmiObject {
    param([string]$ClassName, [string]$Filter)
    if (Test-DadCommand 'Get-CimInstance') {
        if ($Filter) { return Get-CimInstance -ClassName $ClassName -Filter $Filter }
        return Get-CimInstance -ClassName $ClassName
    }
    if ($Filter) { return Get-WmiObject -Class $ClassName -Filter $Filter }
    return Get-WmiObject -Class $ClassName
}

# The computer's FQDN as the domain knows it (DNS host name plus domain when joined).
function Get-DadComputerIdentity {
    $cs = @(Get-DadWmiObject -ClassName 'Win32_ComputerSystem')[0]
    $name = Get-DadString $cs 'DNSHostName'
    if ($null -eq $name) { $name = Get-DadString $cs 'Name' }
    if ($null -eq $name) { $name = [System.Environment]::MachineName }
    $partOfDomain = [bool](Get-DadProperty $cs 'PartOfDomain')
    $domain = $null
    if ($partOfDomain) { $domain = Get-DadString $cs 'Domain' }
    $fqdn = $name
    if ($null -ne $domain) { $fqdn = $name + '.' + $domain }
    return @{ name = (Get-DadString $cs 'Name'); domain = $domain; partOfDomain = $partOfDomain; fqdn = $fqdn }
}

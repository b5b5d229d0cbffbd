# Name resolution that says how a lookup ended: an answer, "no such name" (NXDOMAIN), "no answer" (the name exists
# but has no address record) or a time-out, because each points somewhere else (knowledge A.6/A.7): a missing public
# record, a record of the wrong type, or a DNS server that does not answer from this network.

# Win32 DNS error ids (the first part of Resolve-DnsName's FullyQualifiedErrorId, never localised; the message is) and
# their native codes (winerror.h: DNS_ERROR_RCODE_NAME_ERROR 9003, DNS_INFO_NO_RECORDS 9501, ERROR_TIMEOUT 1460).
$script:DadDnsErrorOutcomes = @{ 'DNS_ERROR_RCODE_NAME_ERROR' = 'nameError'; 'DNS_INFO_NO_RECORDS' = 'noRecords'; 'ERROR_TIMEOUT' = 'timedOut' }
$script:DadDnsNativeOutcomes = @{ 9003 = 'nameError'; 9501 = 'noRecords'; 1460 = 'timedOut' }

# @{ addresses = string[]; lookup = @{ outcome; errorId; source } } for a name, through the system's DNS client so the
# NRPT applies (as it does for IP-HTTPS). Resolve-DnsName (Windows 8+) tells the outcomes apart; Windows 7 has only
# the adapter Resolve-DadName, which says whether addresses came back, not why none did (`failed`).
function Resolve-DadNameLookup {
    param([string]$Name)
    if (Test-DadIpLiteral $Name) {
        # Resolve-DnsName would look up the PTR record of an address literal; it needs no lookup at all.
        return @{ addresses = @($Name); lookup = @{ outcome = 'answered'; errorId = $null; source = 'system' } }
    }
    if (Test-DadCommand 'Resolve-DnsName') {
        try {
            $records = ConvertTo-DadArray (Resolve-DnsName -Name $Name -Type A_AAAA -ErrorAction Stop)
        } catch {
            $lookup = ConvertFrom-DadDnsError $_
            return @{ addresses = @(); lookup = $lookup }
        }
        $addresses = Get-DadAnswerAddresses $records
        $outcome = 'answered'
        # ASSUMED shape (knowledge Q.5, no capture): a name without an A/AAAA record comes back as an SOA record in the
        # Authority section, or with nothing; either way there is no address to use.
        if ($addresses.Length -eq 0) { $outcome = 'noRecords' }
        return @{ addresses = $addresses; lookup = @{ outcome = $outcome; errorId = $null; source = 'Resolve-DnsName' } }
    }
    $found = ConvertTo-DadStringArray (Resolve-DadName -Name $Name)
    $outcome = 'failed'
    if ($found.Length -gt 0) { $outcome = 'answered' }
    return @{ addresses = $found; lookup = @{ outcome = $outcome; errorId = $null; source = 'system' } }
}

# The addresses of the Answer section's A and AAAA records (CNAME records on the way carry none).
function Get-DadAnswerAddresses {
    param($Records)
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($record in (ConvertTo-DadArray $Records)) {
        $section = Get-DadString $record 'Section'
        if ($null -ne $section -and $section -ne 'Answer') { continue }
        $address = Get-DadString $record 'IPAddress'
        if ($null -ne $address -and -not ($list -contains $address)) { $null = $list.Add($address) }
    }
    return , ([string[]]$list.ToArray())
}

# The outcome of a Resolve-DnsName error record: from the id before the first comma of FullyQualifiedErrorId
# (real captures: `DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName` for "DNS name does not
# exist", `ERROR_TIMEOUT,…` for "This operation returned because the timeout period expired"), else from the native
# code of the Win32Exception inside; anything else is `failed` with its id.
function ConvertFrom-DadDnsError {
    param($ErrorRecord)
    $id = [string](Get-DadProperty $ErrorRecord 'FullyQualifiedErrorId')
    $token = ($id -split ',')[0].Trim()
    if ($script:DadDnsErrorOutcomes.ContainsKey($token)) {
        return @{ outcome = $script:DadDnsErrorOutcomes[$token]; errorId = $token; source = 'Resolve-DnsName' }
    }
    $exception = Get-DadProperty $ErrorRecord 'Exception'
    while ($null -ne $exception) {
        if ($exception -is [System.ComponentModel.Win32Exception] -and $script:DadDnsNativeOutcomes.ContainsKey($exception.NativeErrorCode)) {
            return @{ outcome = $script:DadDnsNativeOutcomes[$exception.NativeErrorCode]; errorId = $token; source = 'Resolve-DnsName' }
        }
        $exception = $exception.InnerException
    }
    $errorId = $null
    if ($token.Length -gt 0) { $errorId = $token }
    return @{ outcome = 'failed'; errorId = $errorId; source = 'Resolve-DnsName' }
}

# Several names at once, each waiting at most one network timeout, all at the same time (issue 12): the system
# resolver (Resolve-DadNames) says which names answered and which got no answer at all; for a name that answered
# without an address, Resolve-DadNameLookup then says why (no such name / no records, Resolve-DnsName on Windows 8+),
# which costs no second wait: the DNS server has just answered. Returns name -> @{ addresses; lookup }.
function Resolve-DadNameLookups {
    param([string[]]$Names)
    $result = @{}
    $ask = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($n in $Names) {
        if (Test-DadIpLiteral $n) { $result[$n] = Resolve-DadNameLookup $n } else { $null = $ask.Add($n) }
    }
    if ($ask.Count -eq 0) { return $result }
    $system = Resolve-DadNames -Names ([string[]]$ask.ToArray()) -TimeoutMs $script:DadNetworkTimeoutMs
    foreach ($n in $ask) {
        $answer = $system[$n]
        $addresses = ConvertTo-DadStringArray (Get-DadProperty $answer 'Addresses')
        if ([bool](Get-DadProperty $answer 'TimedOut')) {
            $result[$n] = @{ addresses = $addresses; lookup = @{ outcome = 'timedOut'; errorId = $null; source = 'system' } }
        } elseif ($addresses.Length -gt 0) {
            $result[$n] = @{ addresses = $addresses; lookup = @{ outcome = 'answered'; errorId = $null; source = 'system' } }
        } elseif (Test-DadCommand 'Resolve-DnsName') {
            $result[$n] = Resolve-DadNameLookup $n
        } else {
            # Windows 7: the system resolver does not say why (and asking it again would only wait again).
            $result[$n] = @{ addresses = $addresses; lookup = @{ outcome = 'failed'; errorId = $null; source = 'system' } }
        }
    }
    return $result
}

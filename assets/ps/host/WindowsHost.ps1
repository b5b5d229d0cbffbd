# The real Windows implementations of the adapters in BOUNDARY.md. Dot-sourced into the session after DaDoctor.psm1
# (the simulated host defines the same names instead). Global functions so the module's probes find them; kept small
# and PowerShell 2.0-safe (Windows 7 collector): New-Object, no [pscustomobject], no ::new().

$dadHostDir = Split-Path -Parent $MyInvocation.MyCommand.Path
. (Join-Path $dadHostDir 'CertificateFields.ps1')
. (Join-Path $dadHostDir 'HttpDate.ps1')
Remove-Variable -Name dadHostDir

# A registry key for a provider-style path (HKLM:\, HKU:\, HKCU:\) opened read-only, or $null when it is missing.
# The .NET API is used because PowerShell has no HKU: drive and the provider is slow.
function global:Open-DadWinRegistryKey {
    param([string]$Path)
    $m = [regex]::Match($Path, '^(HKLM|HKU|HKCU):\\(.*)$')
    if (-not $m.Success) { throw ('unsupported registry path: ' + $Path) }
    $hive = [Microsoft.Win32.Registry]::LocalMachine
    if ($m.Groups[1].Value -eq 'HKU') { $hive = [Microsoft.Win32.Registry]::Users }
    if ($m.Groups[1].Value -eq 'HKCU') { $hive = [Microsoft.Win32.Registry]::CurrentUser }
    return $hive.OpenSubKey($m.Groups[2].Value, $false)
}

# Value name -> value of a registry key, or $null when the key does not exist.
function global:Get-DadRegistryValues {
    param([Parameter(Mandatory = $true)][string]$Path)
    $key = Open-DadWinRegistryKey $Path
    if ($null -eq $key) { return $null }
    try {
        $values = @{}
        foreach ($name in $key.GetValueNames()) { $values[$name] = $key.GetValue($name) }
        return $values
    } finally {
        $key.Close()
    }
}

# Names of a registry key's subkeys; empty when the key has none or does not exist.
function global:Get-DadRegistrySubkeys {
    param([Parameter(Mandatory = $true)][string]$Path)
    $key = Open-DadWinRegistryKey $Path
    if ($null -eq $key) { return , @() }
    try {
        return , ([string[]]$key.GetSubKeyNames())
    } finally {
        $key.Close()
    }
}

# The certificates of a LocalMachine store (Root, CA or My) as certificate objects.
function global:Get-DadCertificates {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', 'My')][string]$Store)
    $location = [System.Security.Cryptography.X509Certificates.StoreLocation]::LocalMachine
    $x509Store = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $Store, $location
    $x509Store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]'ReadOnly, OpenExistingOnly')
    try {
        $list = New-Object System.Collections.ArrayList
        foreach ($cert in $x509Store.Certificates) { $null = $list.Add((ConvertTo-DadWinCertificateObject $cert)) }
        return , $list.ToArray()
    } finally {
        $x509Store.Close()
    }
}

# Addresses of a name through the system resolver (so NRPT applies, as it does for IP-HTTPS); empty when it fails
# or does not answer within TimeoutMs (the resolver's own timeout is far longer on a network that drops DNS).
function global:Resolve-DadName {
    param([Parameter(Mandatory = $true)][string]$Name, [int]$TimeoutMs = 5000)
    $all = Resolve-DadNames -Names @($Name) -TimeoutMs $TimeoutMs
    return , $all[$Name].Addresses
}

# Several names looked up at the same time, so the wait is one timeout, not one per name: name -> @{ Addresses
# (strings); TimedOut (no answer within TimeoutMs, which is not "no such name") }.
function global:Resolve-DadNames {
    param([Parameter(Mandatory = $true)][string[]]$Names, [int]$TimeoutMs = 5000)
    $pending = @{}
    foreach ($n in $Names) {
        try { $pending[$n] = [System.Net.Dns]::BeginGetHostAddresses($n, $null, $null) } catch { $pending[$n] = $null }
    }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $result = @{}
    foreach ($n in $Names) {
        $list = New-Object System.Collections.ArrayList
        $async = $pending[$n]
        $timedOut = $false
        if ($null -ne $async) {
            $left = [Math]::Max(0, $TimeoutMs - [int]$watch.ElapsedMilliseconds)
            if ($async.AsyncWaitHandle.WaitOne($left, $false)) {
                try {
                    foreach ($address in [System.Net.Dns]::EndGetHostAddresses($async)) { $null = $list.Add($address.ToString()) }
                } catch {
                    # WSATRY_AGAIN: the DNS server did not answer (a timeout further up), not "no such name".
                    $timedOut = (Get-DadWinSocketError $_.Exception) -eq 'TryAgain'
                }
            } else {
                $timedOut = $true
            }
        }
        $result[$n] = @{ Addresses = [string[]]$list.ToArray(); TimedOut = $timedOut }
    }
    return $result
}

# True when a folder exists; environment variables in the path (%ProgramFiles%) are expanded first.
function global:Test-DadFolder {
    param([Parameter(Mandatory = $true)][string]$Path)
    return [System.IO.Directory]::Exists([System.Environment]::ExpandEnvironmentVariables($Path))
}

# A connected TcpClient to the first address of HostName, or a string saying why not (unresolved/timedOut/refused/error).
function global:Connect-DadWinTcpClient {
    param([string]$HostName, [int]$Port, [int]$TimeoutMs)
    # The lookup and the connect share the budget: a network that drops DNS must not cost the resolver's own timeout.
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $address = $null
    if (-not [System.Net.IPAddress]::TryParse($HostName, [ref]$address)) {
        $lookup = (Resolve-DadNames -Names @($HostName) -TimeoutMs $TimeoutMs)[$HostName]
        $found = @($lookup.Addresses)
        if ($found.Count -eq 0) {
            if ($lookup.TimedOut) { return 'timedOut' }
            return 'unresolved'
        }
        $address = [System.Net.IPAddress]::Parse([string]$found[0])
    }
    $addresses = @($address)
    $TimeoutMs = [Math]::Max(1, $TimeoutMs - [int]$watch.ElapsedMilliseconds)
    # TcpClient() is IPv4-only on .NET Framework; give it the address family of the address we connect to.
    $client = New-Object System.Net.Sockets.TcpClient -ArgumentList $addresses[0].AddressFamily
    $ok = $false
    try {
        $async = $client.BeginConnect($addresses[0], $Port, $null, $null)
        if (-not $async.AsyncWaitHandle.WaitOne($TimeoutMs, $false)) { return 'timedOut' }
        try {
            $client.EndConnect($async)
        } catch {
            $socketError = Get-DadWinSocketError $_.Exception
            if ($socketError -eq 'ConnectionRefused') { return 'refused' }
            if ($socketError -eq 'TimedOut') { return 'timedOut' }
            return 'error'
        }
        $ok = $true
        return $client
    } finally {
        if (-not $ok) { $client.Close() }
    }
}

# The SocketError name inside an exception chain (PowerShell wraps .NET exceptions), or $null.
function global:Get-DadWinSocketError {
    param([System.Exception]$Exception)
    $current = $Exception
    while ($null -ne $current) {
        if ($current -is [System.Net.Sockets.SocketException]) { return $current.SocketErrorCode.ToString() }
        $current = $current.InnerException
    }
    return $null
}

# Outcome of a TCP connect: succeeded, refused, timedOut, unresolved or error.
function global:Test-DadTcpPort {
    param([Parameter(Mandatory = $true)][string]$HostName, [int]$Port = 443, [int]$TimeoutMs = 4000)
    $client = Connect-DadWinTcpClient $HostName $Port $TimeoutMs
    if ($client -is [string]) { return $client }
    $client.Close()
    return 'succeeded'
}

# TLS versions to offer: the OS default on .NET Core; on .NET Framework the default is SSL3/TLS 1.0 only, which a
# hardened DirectAccess server refuses, so TLS 1.0-1.2 are asked for by value (the enum of .NET 3.5 lacks the names).
function global:Get-DadWinTlsProtocols {
    if ($PSVersionTable.PSVersion.Major -ge 6) { return [System.Security.Authentication.SslProtocols]::None }
    return [System.Security.Authentication.SslProtocols](192 -bor 768 -bor 3072)
}

# Builds the chain of a certificate in machine context (as the LocalSystem IP Helper sees trust) and returns
# @{ Status = X509ChainStatusFlags names; Elements = certificates leaf first }.
function global:Get-DadWinChainReport {
    param($Certificate, $ExtraCertificates, [string]$RevocationMode, [int]$TimeoutMs, [string]$Usage = $null)
    $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain -ArgumentList $true
    $chain.ChainPolicy.RevocationMode = $RevocationMode
    # Judged for what it is used for (a server: Server Authentication), so a wrong EKU shows as NotValidForUsage.
    if ($Usage) { $null = $chain.ChainPolicy.ApplicationPolicy.Add((New-Object System.Security.Cryptography.Oid -ArgumentList $Usage)) }
    $chain.ChainPolicy.UrlRetrievalTimeout = [System.TimeSpan]::FromMilliseconds($TimeoutMs)
    foreach ($extra in $ExtraCertificates) { $null = $chain.ChainPolicy.ExtraStore.Add($extra) }
    $null = $chain.Build($Certificate)
    $status = New-Object System.Collections.ArrayList
    foreach ($entry in $chain.ChainStatus) {
        foreach ($flag in ($entry.Status.ToString() -split ',\s*')) {
            if (-not $status.Contains($flag)) { $null = $status.Add($flag) }
        }
    }
    $elements = New-Object System.Collections.ArrayList
    foreach ($element in $chain.ChainElements) { $null = $elements.Add($element.Certificate) }
    return @{ Status = $status.ToArray(); Elements = $elements.ToArray() }
}

# TLS handshake with an HTTPS server (the IP-HTTPS server, the network location server): what it presents, whether it
# asks for a client certificate, how the chain builds in machine context without and with online revocation, and the
# server's clock and status code from a HEAD request for Path.
function global:Invoke-DadTlsProbe {
    param([Parameter(Mandatory = $true)][string]$HostName, [int]$Port = 443, [int]$TimeoutMs = 5000, [string]$Path = '/')
    $result = @{
        Handshake = 'notAttempted'; HandshakeError = $null; ClientCertificateRequested = $false; ServerDate = $null
        Chain = @(); ChainStatus = @(); ChainStatusOnline = @(); NameMatches = $null; HttpStatus = $null; TimedOut = $false
    }
    $client = Connect-DadWinTcpClient $HostName $Port $TimeoutMs
    if ($client -is [string]) {
        $result.HandshakeError = 'TCP connection not established: ' + $client
        $result.TimedOut = ($client -eq 'timedOut')
        return New-Object PSObject -Property $result
    }
    $seen = @{ Certificate = $null; Errors = $null; Extra = (New-Object System.Collections.ArrayList); Requested = $false }
    # Accept everything: the probe must see the chain even when it is untrusted; trust is judged below.
    $validate = {
        param($sender, $certificate, $chain, $errors)
        if ($null -ne $certificate) {
            $seen.Certificate = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $certificate.GetRawCertData())
            $seen.Errors = $errors
        }
        if ($null -ne $chain) {
            # Copies: the callback's chain (server-sent intermediates) is disposed after the handshake.
            foreach ($element in $chain.ChainElements) {
                $null = $seen.Extra.Add((New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $element.Certificate.RawData)))
            }
        }
        return $true
    }
    $validate = $validate.GetNewClosure()
    # Called again with the server's certificate when the server sends a CertificateRequest (preauthentication).
    $select = {
        param($sender, $targetHost, $localCertificates, $remoteCertificate, $acceptableIssuers)
        if ($null -ne $remoteCertificate) { $seen.Requested = $true }
        return $null
    }
    $select = $select.GetNewClosure()
    $ssl = $null
    try {
        $client.ReceiveTimeout = $TimeoutMs
        $client.SendTimeout = $TimeoutMs
        $ssl = New-Object System.Net.Security.SslStream -ArgumentList $client.GetStream(), $false,
            ([System.Net.Security.RemoteCertificateValidationCallback]$validate), ([System.Net.Security.LocalCertificateSelectionCallback]$select)
        try {
            $noCertificates = New-Object System.Security.Cryptography.X509Certificates.X509CertificateCollection
            $ssl.AuthenticateAsClient($HostName, $noCertificates, (Get-DadWinTlsProtocols), $false)
            $result.Handshake = 'succeeded'
        } catch {
            $result.Handshake = 'failed'
            $result.TimedOut = (Get-DadWinSocketError $_.Exception) -eq 'TimedOut'
            $inner = $_.Exception
            while ($null -ne $inner.InnerException) { $inner = $inner.InnerException }
            $result.HandshakeError = $inner.Message
        }
        if ($result.Handshake -eq 'succeeded') {
            $head = Get-DadWinHttpHead $ssl $HostName $Path
            $result.ServerDate = ConvertFrom-DadWinHttpDate $head
            $result.HttpStatus = ConvertFrom-DadWinHttpStatus $head
        }
    } finally {
        if ($null -ne $ssl) { $ssl.Close() }
        $client.Close()
    }
    $result.ClientCertificateRequested = $seen.Requested
    if ($null -ne $seen.Certificate) {
        $mismatch = [System.Net.Security.SslPolicyErrors]::RemoteCertificateNameMismatch
        $result.NameMatches = (($seen.Errors -band $mismatch) -eq 0)
        $extra = $seen.Extra.ToArray()
        $offline = Get-DadWinChainReport $seen.Certificate $extra 'NoCheck' $TimeoutMs '1.3.6.1.5.5.7.3.1'
        # UrlRetrievalTimeout bounds each CRL / AIA download of the online build (one network call each, issue 12).
        $online = Get-DadWinChainReport $seen.Certificate $extra 'Online' $TimeoutMs '1.3.6.1.5.5.7.3.1'
        $chainObjects = New-Object System.Collections.ArrayList
        foreach ($cert in $offline.Elements) { $null = $chainObjects.Add((ConvertTo-DadWinCertificateObject $cert)) }
        $result.Chain = $chainObjects.ToArray()
        $result.ChainStatus = $offline.Status
        $result.ChainStatusOnline = $online.Status
    }
    return New-Object PSObject -Property $result
}

# Sends a HEAD request for Path over the TLS stream and returns the response headers as text, or $null (a failure
# here must not spoil the handshake result).
function global:Get-DadWinHttpHead {
    param($Stream, [string]$HostName, [string]$Path = '/')
    if (-not $Path -or $Path -notmatch '^/[!-~]*$') { $Path = '/' }
    try {
        $request = 'HEAD ' + $Path + ' HTTP/1.1' + "`r`n" + 'Host: ' + $HostName + "`r`n" + 'User-Agent: DirectAccessDoctor' + "`r`n" + 'Connection: close' + "`r`n`r`n"
        $bytes = [System.Text.Encoding]::ASCII.GetBytes($request)
        $Stream.Write($bytes, 0, $bytes.Length)
        $Stream.Flush()
        $buffer = New-Object byte[] 8192
        $text = ''
        while ($text.IndexOf("`r`n`r`n") -lt 0 -and $text.Length -lt 16384) {
            $read = $Stream.Read($buffer, 0, $buffer.Length)
            if ($read -le 0) { break }
            $text += [System.Text.Encoding]::ASCII.GetString($buffer, 0, $read)
        }
        return $text
    } catch {
        return $null
    }
}

# True when a LocalMachine\My certificate's chain builds to a trusted root in machine context (no revocation check;
# an expired certificate also fails).
function global:Test-DadCertificateChain {
    param([Parameter(Mandatory = $true)][string]$Thumbprint)
    $location = [System.Security.Cryptography.X509Certificates.StoreLocation]::LocalMachine
    $store = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList 'My', $location
    $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]'ReadOnly, OpenExistingOnly')
    try {
        $found = $store.Certificates.Find([System.Security.Cryptography.X509Certificates.X509FindType]::FindByThumbprint, $Thumbprint, $false)
        if ($found.Count -eq 0) { return $false }
        $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain -ArgumentList $true
        $chain.ChainPolicy.RevocationMode = [System.Security.Cryptography.X509Certificates.X509RevocationMode]::NoCheck
        return $chain.Build($found[0])
    } finally {
        $store.Close()
    }
}

# HNetCfg.FwPolicy2.CurrentProfileTypes (Vista and later, locale-free): the firewall profiles in effect as a bit mask,
# 0x1 Domain, 0x2 Private, 0x4 Public (icftypes.h NET_FW_PROFILE_TYPE2). Domain means a domain controller answered on a
# network of the machine (knowledge H.1, H.2).
function global:Get-DadFirewallCurrentProfileTypes {
    $policy = New-Object -ComObject HNetCfg.FwPolicy2
    return [int]$policy.CurrentProfileTypes
}

# The client clock in UTC.
function global:Get-DadUtcNow {
    return [datetime]::UtcNow
}

# The version of the PowerShell running the probes (2.0 means the Windows 7 collector).
function global:Get-DadPowerShellVersion {
    return $PSVersionTable.PSVersion.ToString()
}

# Who the probes run as, and when that is SYSTEM (the standalone collector started by a management tool) who is logged
# on at the console (Win32_ComputerSystem.UserName, translated to a SID): the user's proxy lives in that person's hive
# (knowledge J.1). The console fields stay null for a normal user, and when nobody is logged on.
function global:Get-DadUserContext {
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $sid = $identity.User.Value
    $isSystem = ($sid -eq 'S-1-5-18')
    $consoleName = $null
    $consoleSid = $null
    if ($isSystem) {
        $cs = $null
        if (Get-Command -Name Get-CimInstance -ErrorAction SilentlyContinue) {
            $cs = Get-CimInstance -ClassName Win32_ComputerSystem
        } else {
            $cs = Get-WmiObject -Class Win32_ComputerSystem
        }
        if ($null -ne $cs -and $cs.UserName) {
            $consoleName = [string]$cs.UserName
            try {
                $account = New-Object System.Security.Principal.NTAccount -ArgumentList $consoleName
                $consoleSid = $account.Translate([System.Security.Principal.SecurityIdentifier]).Value
            } catch {
                $consoleSid = $null
            }
        }
    }
    return New-Object PSObject -Property @{
        UserName = $identity.Name; Sid = $sid; IsSystem = $isSystem; ConsoleUserName = $consoleName; ConsoleUserSid = $consoleSid
    }
}

# True when this process holds an administrator token (elevated, or SYSTEM): Get-NetIPsecMainModeSA may answer an
# unelevated caller with nothing (knowledge I.3), so "no security association" is believed only from an elevated one.
function global:Test-DadElevated {
    $principal = New-Object System.Security.Principal.WindowsPrincipal -ArgumentList ([System.Security.Principal.WindowsIdentity]::GetCurrent())
    return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

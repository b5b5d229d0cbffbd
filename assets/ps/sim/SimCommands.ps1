# Simulated host, the commands: one script block per Windows cmdlet or adapter of BOUNDARY.md, answering from the
# loaded scenario. SimHost.ps1 turns them into global functions with the real names (only the Windows commands that
# the scenario's machine has). Property names and types are Windows': LastErrorCode [uint32], dates [datetime],
# service Status strings. Dot-sourced by SimHost.ps1; Windows PowerShell 5.1 syntax only.

$global:DadSimCommandBodies = @{}

# --- helpers shared by the commands -------------------------------------------------------------------------------

# A PSObject with these note properties, in order: what `New-Object PSObject -Property` makes, without the cmdlet
# (New-Object is in Microsoft.PowerShell.Utility, whose first use in a session costs ~85 ms of module auto-load).
function global:New-DadSimPSObject {
    param($Properties)
    $o = [Activator]::CreateInstance([System.Management.Automation.PSObject])
    foreach ($k in $Properties.Keys) {
        $o.PSObject.Properties.Add([Activator]::CreateInstance([System.Management.Automation.PSNoteProperty], [object[]]@([string]$k, $Properties[$k])))
    }
    return $o
}

# A dictionary of the scenario as a PSObject with the same properties (arrays as typed arrays).
function global:ConvertTo-DadSimObject {
    param($Data, [string[]]$StringArrays = @())
    $props = [Activator]::CreateInstance([System.Collections.Specialized.OrderedDictionary])
    foreach ($k in $Data.Keys) {
        $v = $Data[$k]
        # foreach, not Where-Object: the first pipeline cmdlet of a session costs ~15-25 ms.
        if ($StringArrays -contains $k) { $v = [string[]]@(foreach ($e in $v) { if ($null -ne $e) { $e } }) }
        elseif ($v -is [System.Collections.IList] -and -not ($v -is [string])) { $v = [object[]]@($v) }
        $props[[string]$k] = $v
    }
    New-DadSimPSObject $props
}

function global:Get-DadSimService {
    param([string]$Name)
    $services = Get-DadSimValue 'services'
    if ($services -is [System.Collections.IDictionary] -and $services.Contains($Name) -and $null -ne $services[$Name]) {
        return $services[$Name]
    }
    return $null
}

function global:Get-DadSimServiceName {
    param([string]$Name)
    foreach ($k in (Get-DadSimValue 'services').Keys) { if ($k -eq $Name) { return [string]$k } }
    return $Name
}

function global:Write-DadSimServiceNotFound {
    param([string]$Name, $Cmdlet)
    $ex = [Activator]::CreateInstance([System.InvalidOperationException], [object[]]@("Cannot find any service with service name '$Name'."))
    $rec = [Activator]::CreateInstance([System.Management.Automation.ErrorRecord], [object[]]@($ex, 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Name))
    $Cmdlet.WriteError($rec)
}

# Starts a simulated service the way the Service Control Manager would: a Disabled service or one that cannot
# start on this machine (CanStart false, e.g. NcaSvc on Windows 10 Pro) throws Windows' message.
function global:Start-DadSimService {
    param([string]$Name)
    $svc = Get-DadSimService $Name
    $display = [string]$svc['DisplayName']
    if (-not $display) { $display = $Name }
    if ($svc['StartType'] -eq 'Disabled') {
        throw "Service '$display ($Name)' cannot be started due to the following error: Cannot start service $Name on computer '.'."
    }
    if ($svc.Contains('CanStart') -and -not [bool]$svc['CanStart']) {
        throw "Failed to start service '$display ($Name)'."
    }
    $svc['Status'] = 'Running'
}

function global:New-DadSimServiceObject {
    param([string]$Name, $Svc)
    $props = [Activator]::CreateInstance([System.Collections.Specialized.OrderedDictionary])
    $props['Status'] = [string]$Svc['Status']
    $props['Name'] = $Name
    $props['DisplayName'] = [string]$Svc['DisplayName']
    if (-not ([string](Get-DadSimValue 'powerShellVersion')).StartsWith('2.')) { $props['StartType'] = [string]$Svc['StartType'] }
    New-DadSimPSObject $props
}

function global:Get-DadSimWmiClass {
    param([string]$ClassName, [string]$Filter)
    $m = Get-DadSimValue 'os'
    $cs = Get-DadSimValue 'computerSystem'
    switch ($ClassName) {
        'Win32_OperatingSystem' {
            return (New-DadSimPSObject ([ordered]@{
                        Caption = [string]$m['Caption']; Version = [string]$m['Version']; BuildNumber = [string]$m['BuildNumber']
                        OperatingSystemSKU = [uint32]$m['OperatingSystemSKU']; ProductType = [uint32]$m['ProductType']
                        CSName = [string]$m['CSName']; ServicePackMajorVersion = [uint16]$m['ServicePackMajorVersion']
                    }))
        }
        'Win32_ComputerSystem' {
            return (New-DadSimPSObject ([ordered]@{
                        Name = [string]$cs['Name']; Domain = [string]$cs['Domain']; PartOfDomain = [bool]$cs['PartOfDomain']
                        DNSHostName = [string]$cs['DNSHostName']
                    }))
        }
        'Win32_Service' {
            $wanted = $null
            if ($Filter) {
                if ($Filter -match "^\s*Name\s*=\s*['""]([^'""]+)['""]\s*$") { $wanted = $Matches[1] }
                else { throw "Invalid query: the simulated host understands only Filter ""Name='x'"" (got: $Filter)" }
            }
            $services = Get-DadSimValue 'services'
            foreach ($k in @($services.Keys)) {
                $s = $services[$k]
                if ($null -eq $s) { continue }
                if ($null -ne $wanted -and $k -ne $wanted) { continue }
                $mode = switch ([string]$s['StartType']) { 'Automatic' { 'Auto' } 'AutomaticDelayedStart' { 'Auto' } default { [string]$s['StartType'] } }
                New-DadSimPSObject ([ordered]@{ Name = [string]$k; DisplayName = [string]$s['DisplayName']; State = [string]$s['Status']; StartMode = $mode })
            }
            return
        }
        default { throw "Invalid class ""$ClassName"" (the simulated host knows Win32_OperatingSystem, Win32_ComputerSystem, Win32_Service)" }
    }
}

# --- Windows cmdlets ----------------------------------------------------------------------------------------------

$DadSimCommandBodies['Get-CimInstance'] = {
    [CmdletBinding()]
    param([Parameter(Position = 0)][Alias('Class')][string]$ClassName, [string]$Filter, [string]$Namespace, [string]$ComputerName)
    Invoke-DadSimFault 'Get-CimInstance'
    Get-DadSimWmiClass -ClassName $ClassName -Filter $Filter
}

$DadSimCommandBodies['Get-WmiObject'] = {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Class, [string]$Filter, [string]$Namespace, [string]$ComputerName)
    Invoke-DadSimFault 'Get-WmiObject'
    Get-DadSimWmiClass -ClassName $Class -Filter $Filter
}

$DadSimCommandBodies['Get-Service'] = {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Name)
    Invoke-DadSimFault 'Get-Service'
    $services = Get-DadSimValue 'services'
    if (-not $Name) { $Name = @(foreach ($k in $services.Keys) { if ($null -ne $services[$k]) { $k } }) }
    foreach ($n in $Name) {
        $svc = Get-DadSimService $n
        if ($null -eq $svc) { Write-DadSimServiceNotFound -Name $n -Cmdlet $PSCmdlet; continue }
        New-DadSimServiceObject -Name (Get-DadSimServiceName $n) -Svc $svc
    }
}

$DadSimCommandBodies['Set-Service'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0)][string]$Name,
        [ValidateSet('Automatic', 'Manual', 'Disabled', 'AutomaticDelayedStart', 'Boot', 'System')][string]$StartupType,
        [ValidateSet('Running', 'Stopped', 'Paused')][string]$Status, [switch]$PassThru)
    Invoke-DadSimFault 'Set-Service'
    $svc = Get-DadSimService $Name
    if ($null -eq $svc) { throw "Service '$Name' was not found on computer '.'." }
    $real = Get-DadSimServiceName $Name
    if ($StartupType) { $svc['StartType'] = $StartupType; Invoke-DadSimEvent "service-configured:$real" }
    if ($Status -eq 'Running' -and $svc['Status'] -ne 'Running') { Start-DadSimService $real; Invoke-DadSimEvent "service-started:$real" }
    if ($Status -eq 'Stopped' -and $svc['Status'] -ne 'Stopped') { $svc['Status'] = 'Stopped'; Invoke-DadSimEvent "service-stopped:$real" }
    if ($PassThru) { New-DadSimServiceObject -Name $real -Svc $svc }
}

$DadSimCommandBodies['Start-Service'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0)][string[]]$Name, [switch]$PassThru)
    Invoke-DadSimFault 'Start-Service'
    foreach ($n in $Name) {
        $svc = Get-DadSimService $n
        if ($null -eq $svc) { throw "Cannot find any service with service name '$n'." }
        $real = Get-DadSimServiceName $n
        if ($svc['Status'] -ne 'Running') { Start-DadSimService $real; Invoke-DadSimEvent "service-started:$real" }
        if ($PassThru) { New-DadSimServiceObject -Name $real -Svc $svc }
    }
}

$DadSimCommandBodies['Restart-Service'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0)][string[]]$Name, [switch]$Force, [switch]$PassThru)
    Invoke-DadSimFault 'Restart-Service'
    foreach ($n in $Name) {
        $svc = Get-DadSimService $n
        if ($null -eq $svc) { throw "Cannot find any service with service name '$n'." }
        $real = Get-DadSimServiceName $n
        $wasRunning = $svc['Status'] -eq 'Running'
        Start-DadSimService $real
        if (-not $wasRunning) { Invoke-DadSimEvent "service-started:$real" }
        Invoke-DadSimEvent "service-restarted:$real"
        if ($PassThru) { New-DadSimServiceObject -Name $real -Svc $svc }
    }
}

$DadSimCommandBodies['Get-NetIPHttpsState'] = {
    [CmdletBinding()]
    param()
    Invoke-DadSimFault 'Get-NetIPHttpsState'
    $s = Get-DadSimValue 'ipHttps.state'
    if ($null -eq $s) { return }
    $name = [string]$s['InterfaceName']
    if (-not $name) { $name = 'IPHTTPSInterface' }
    New-DadSimPSObject ([ordered]@{
            InterfaceName   = $name
            LastErrorCode   = ConvertTo-DadSimUInt32 $s['LastErrorCode']
            InterfaceStatus = [string]$s['InterfaceStatus']
        })
}

$DadSimCommandBodies['Get-NetIPHttpsConfiguration'] = {
    [CmdletBinding()]
    param([string]$Profile, [string]$PolicyStore)
    Invoke-DadSimFault 'Get-NetIPHttpsConfiguration'
    foreach ($c in @(Get-DadSimValue 'ipHttps.configuration')) {
        if ($null -eq $c) { continue }
        ConvertTo-DadSimObject $c
    }
}

$DadSimCommandBodies['Get-DAConnectionStatus'] = {
    [CmdletBinding()]
    param()
    Invoke-DadSimFault 'Get-DAConnectionStatus'
    $s = Get-DadSimValue 'daConnectionStatus'
    if ($null -eq $s) { return }
    New-DadSimPSObject ([ordered]@{ Status = [string]$s['Status']; Substatus = [string]$s['Substatus'] })
}

$DadSimCommandBodies['Get-NCSIPolicyConfiguration'] = {
    [CmdletBinding()]
    param([string]$PolicyStore, [string]$GPOSession)
    Invoke-DadSimFault 'Get-NCSIPolicyConfiguration'
    $c = Get-DadSimNcsiPolicy
    if ($null -eq $c) { return }
    ConvertTo-DadSimObject $c
}

# machine.connectionProfiles: {Name, InterfaceAlias, InterfaceIndex, NetworkCategory (Public/Private/
# DomainAuthenticated), IPv4Connectivity, IPv6Connectivity}, the networks the machine is on and what NLA made of them.
$DadSimCommandBodies['Get-NetConnectionProfile'] = {
    [CmdletBinding()]
    param([string]$InterfaceAlias, [string]$NetworkCategory)
    Invoke-DadSimFault 'Get-NetConnectionProfile'
    foreach ($p in @(Get-DadSimValue 'connectionProfiles')) {
        if ($null -eq $p) { continue }
        if ($InterfaceAlias -and [string]$p['InterfaceAlias'] -notlike $InterfaceAlias) { continue }
        if ($NetworkCategory -and [string]$p['NetworkCategory'] -ne $NetworkCategory) { continue }
        ConvertTo-DadSimObject $p
    }
}

$DadSimCommandBodies['Get-DnsClientNrptPolicy'] = {
    [CmdletBinding()]
    param([switch]$Effective, [string]$Namespace)
    Invoke-DadSimFault 'Get-DnsClientNrptPolicy'
    foreach ($rule in @(Get-DadSimValue 'nrpt')) {
        if ($null -eq $rule) { continue }
        $o = ConvertTo-DadSimObject $rule -StringArrays 'Namespace', 'DirectAccessDnsServers', 'NameServers'
        if ($Effective) {
            # -Effective shows what the DNS client applies (knowledge B.8): DirectAccessEnabled True for DA rules.
            # Inside the corporate network Windows turns the DirectAccess rules off (knowledge H.1); ASSUMED rendering
            # (knowledge Q.5, no capture): DirectAccessEnabled False. A scenario that gives True keeps it (stale NRPT, M).
            if ($null -eq $o.DirectAccessEnabled -and $o.DirectAccessDnsServers.Count -gt 0) { $o.DirectAccessEnabled = ((Get-DadSimLocation) -ne 'inside') }
        }
        $o
    }
}

# Resolve-DnsName (Windows 8+, module DnsClient) from machine.dns. Records as Microsoft.DnsClient.Commands.DnsRecord_A /
# _AAAA show them (Name, Type, TTL, Section, IPAddress). Errors as the cmdlet writes them: a Win32Exception with the
# DNS error's native code and FullyQualifiedErrorId `<id>,Microsoft.DnsClient.Commands.ResolveDnsName`. Real captures
# exist for "no such name" (DNS_ERROR_RCODE_NAME_ERROR, 9003, ResourceUnavailable, "DNS name does not exist") and the
# time-out (ERROR_TIMEOUT, 1460, OperationTimeout). ASSUMED (knowledge Q.5, no capture): "no records of that type"
# answers with the zone's SOA record in the Authority section and no error.
$DadSimCommandBodies['Resolve-DnsName'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0)][string]$Name, [Parameter(Position = 1)][string]$Type = 'A_AAAA', [switch]$DnsOnly)
    Invoke-DadSimFault 'Resolve-DnsName'
    $answer = Get-DadSimDnsAnswer $Name
    $outcome = 'nameError'
    if ($answer -is [System.Collections.IDictionary]) { $outcome = [string]$answer['outcome'] }
    elseif (@($answer).Count -gt 0) { $outcome = 'answered' }
    if ($outcome -eq 'answered') {
        foreach ($a in @($answer)) {
            $v6 = ([string]$a).Contains(':')
            if (($Type -eq 'A' -and $v6) -or ($Type -eq 'AAAA' -and -not $v6)) { continue }
            $recordType = 'A'; if ($v6) { $recordType = 'AAAA' }
            New-DadSimPSObject ([ordered]@{ Name = $Name; Type = $recordType; TTL = [uint32]300; Section = 'Answer'; IPAddress = [string]$a })
        }
        return
    }
    if ($outcome -eq 'noRecords') {
        $zone = $Name; $dot = $Name.IndexOf('.'); if ($dot -gt 0) { $zone = $Name.Substring($dot + 1) }
        New-DadSimPSObject ([ordered]@{ Name = $zone; Type = 'SOA'; TTL = [uint32]3600; Section = 'Authority'; PrimaryServer = "ns1.$zone"; NameAdministrator = "hostmaster.$zone" })
        return
    }
    $errors = @{
        nameError = @(9003, 'DNS_ERROR_RCODE_NAME_ERROR', 'ResourceUnavailable', 'DNS name does not exist')
        timedOut  = @(1460, 'ERROR_TIMEOUT', 'OperationTimeout', 'This operation returned because the timeout period expired')
    }
    $e = $errors[$outcome]
    if ($null -eq $e) { throw "Resolve-DnsName (simulated): machine.dns['$Name'].outcome '$outcome' is not answered, nameError, noRecords or timedOut" }
    $ex = [Activator]::CreateInstance([System.ComponentModel.Win32Exception], [object[]]@([int]$e[0], ('{0} : {1}' -f $Name, $e[3])))
    $rec = [Activator]::CreateInstance([System.Management.Automation.ErrorRecord], [object[]]@($ex, ($e[1] + ',Microsoft.DnsClient.Commands.ResolveDnsName'), [System.Management.Automation.ErrorCategory]$e[2], $Name))
    $PSCmdlet.WriteError($rec)
}

# Get-VpnConnection (Windows 8+, module VpnClient) from machine.vpnConnections: this user's profiles, or with
# -AllUserConnection the machine's (AllUserConnection true). ASSUMED shape (knowledge Q.5, no capture): the
# MSFT_VpnConnection properties Name, ServerAddress, TunnelType, ConnectionStatus (Connected / Disconnected).
$DadSimCommandBodies['Get-VpnConnection'] = {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Name, [switch]$AllUserConnection)
    Invoke-DadSimFault 'Get-VpnConnection'
    foreach ($c in @(Get-DadSimValue 'vpnConnections')) {
        if ($null -eq $c) { continue }
        if ([bool]$c['AllUserConnection'] -ne [bool]$AllUserConnection) { continue }
        if ($Name -and -not ($Name -contains [string]$c['Name'])) { continue }
        New-DadSimPSObject ([ordered]@{
                Name = [string]$c['Name']; ServerAddress = [string]$c['ServerAddress']; AllUserConnection = [bool]$c['AllUserConnection']
                TunnelType = [string]$c['TunnelType']; ConnectionStatus = [string]$c['ConnectionStatus']
            })
    }
}

$DadSimCommandBodies['Get-NetIsatapConfiguration'] = {
    [CmdletBinding()]
    param([string]$PolicyStore)
    Invoke-DadSimFault 'Get-NetIsatapConfiguration'
    $c = Get-DadSimValue 'isatap'
    if ($null -eq $c) { return }
    ConvertTo-DadSimObject $c
}

$DadSimCommandBodies['Set-NetIsatapConfiguration'] = {
    [CmdletBinding()]
    param([ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled')][string]$State, [string]$Router,
        [ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled')][string]$ResolutionState, [int]$ResolutionIntervalSeconds,
        [string]$PolicyStore, [switch]$PassThru)
    Invoke-DadSimFault 'Set-NetIsatapConfiguration'
    $c = Get-DadSimValue 'isatap'
    if ($null -eq $c) {
        Set-DadSimValue 'isatap' (ConvertTo-DadSimData @{ State = 'Default'; Router = $null; ResolutionState = 'Default'; ResolutionInterval = 0 })
        $c = Get-DadSimValue 'isatap'
    }
    if ($State) { $c['State'] = $State }
    if ($PSBoundParameters.ContainsKey('Router')) { if ($Router) { $c['Router'] = $Router } else { $c['Router'] = $null } }
    if ($ResolutionState) { $c['ResolutionState'] = $ResolutionState }
    if ($PSBoundParameters.ContainsKey('ResolutionIntervalSeconds')) { $c['ResolutionInterval'] = [int]($ResolutionIntervalSeconds / 60) }
    Invoke-DadSimEvent 'isatap-changed'
    if ($PassThru) { ConvertTo-DadSimObject (Get-DadSimValue 'isatap') }
}

# 6to4 (knowledge K.3): the machine's `sixToFour` (State, RelayName, RelayState, ResolutionInterval); none => Windows'
# defaults (State Default).
function global:Get-DadSimSixToFour {
    $c = Get-DadSimValue 'sixToFour'
    if ($null -eq $c) {
        Set-DadSimValue 'sixToFour' (ConvertTo-DadSimData @{ State = 'Default'; RelayName = '6to4.ipv6.microsoft.com'; RelayState = 'Default'; ResolutionInterval = 1440 })
        $c = Get-DadSimValue 'sixToFour'
    }
    return $c
}

# Sets the 6to4 state; Disabled takes the 6to4 adapter's `2002:` addresses away (Windows removes the interface), then
# fires `6to4-changed` for the scenario's transitions.
function global:Set-DadSimSixToFourState {
    param([string]$State)
    $c = Get-DadSimSixToFour
    $c['State'] = $State
    if ($State -eq 'Disabled') {
        $kept = @(foreach ($a in @(Get-DadSimValue 'ipAddresses')) { if ($null -ne $a -and -not ([string]$a['IPAddress']).StartsWith('2002:')) { $a } })
        Set-DadSimValue 'ipAddresses' $kept
    }
    Invoke-DadSimEvent '6to4-changed'
}

$DadSimCommandBodies['Get-Net6to4Configuration'] = {
    [CmdletBinding()]
    param([string]$PolicyStore)
    Invoke-DadSimFault 'Get-Net6to4Configuration'
    ConvertTo-DadSimObject (Get-DadSimSixToFour)
}

$DadSimCommandBodies['Set-Net6to4Configuration'] = {
    [CmdletBinding()]
    param([ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled')][string]$State, [string]$RelayName,
        [ValidateSet('Default', 'Automatic', 'Enabled', 'Disabled')][string]$RelayState, [int]$ResolutionIntervalSeconds,
        [string]$PolicyStore, [switch]$PassThru)
    Invoke-DadSimFault 'Set-Net6to4Configuration'
    $c = Get-DadSimSixToFour
    if ($RelayName) { $c['RelayName'] = $RelayName }
    if ($RelayState) { $c['RelayState'] = $RelayState }
    if ($PSBoundParameters.ContainsKey('ResolutionIntervalSeconds')) { $c['ResolutionInterval'] = [int]($ResolutionIntervalSeconds / 60) }
    if (-not $State) { $State = [string]$c['State'] }
    Set-DadSimSixToFourState $State
    if ($PassThru) { ConvertTo-DadSimObject (Get-DadSimValue 'sixToFour') }
}

# The DirectAccess server (BOUNDARY.md): Get-RemoteAccess answers machine.remoteAccess (its properties as the doc
# example names them; SslCertificate an object with Thumbprint), nothing when the machine has no Remote Access
# configuration; Get-DAOtpAuthentication machine.daOtp (OtpStatus).
$DadSimCommandBodies['Get-RemoteAccess'] = {
    [CmdletBinding()]
    param([string]$EntrypointName, [string]$ComputerName)
    Invoke-DadSimFault 'Get-RemoteAccess'
    $ra = Get-DadSimValue 'remoteAccess'
    if ($null -eq $ra) { return }
    $o = ConvertTo-DadSimObject $ra
    $cert = $ra['SslCertificate']
    if ($cert -is [System.Collections.IDictionary]) { $o.SslCertificate = ConvertTo-DadSimObject $cert }
    $o
}

$DadSimCommandBodies['Get-DAOtpAuthentication'] = {
    [CmdletBinding()]
    param([string]$ComputerName)
    Invoke-DadSimFault 'Get-DAOtpAuthentication'
    $otp = Get-DadSimValue 'daOtp'
    if ($null -eq $otp) { return }
    ConvertTo-DadSimObject $otp
}

# The DirectAccess server's infrastructure (BOUNDARY.md). machine.nlsServer answers Get-DANetworkLocationServer
# (NlsLocation, Url, Certificate as an object with Thumbprint, as the doc example renders it); without it the cmdlet
# answers from machine.remoteAccess (NlsLocation, NlsUrl, NlsCertificate). machine.daClientDns.NrptEntry answers
# Get-DAClientDnsConfiguration; machine.dnsServer.globalQueryBlockList (Enable, List) answers
# Get-DnsServerGlobalQueryBlockList, which throws as Windows does when the machine runs no DNS service (null).
$DadSimCommandBodies['Get-DANetworkLocationServer'] = {
    [CmdletBinding()]
    param([switch]$CheckReachability, [string]$ComputerName)
    Invoke-DadSimFault 'Get-DANetworkLocationServer'
    $n = Get-DadSimValue 'nlsServer'
    if ($null -eq $n) {
        $ra = Get-DadSimValue 'remoteAccess'
        if ($null -eq $ra) { return }
        $n = @{ NlsLocation = $ra['NlsLocation']; Url = $ra['NlsUrl']; Certificate = $ra['NlsCertificate']; Reachability = $null }
    }
    $o = ConvertTo-DadSimObject $n
    $cert = $n['Certificate']
    if ($cert -is [System.Collections.IDictionary]) { $o.Certificate = ConvertTo-DadSimObject $cert }
    $o
}

$DadSimCommandBodies['Get-DAClientDnsConfiguration'] = {
    [CmdletBinding()]
    param([string]$ComputerName)
    Invoke-DadSimFault 'Get-DAClientDnsConfiguration'
    $c = Get-DadSimValue 'daClientDns'
    if ($null -eq $c) { return }
    $entries = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($e in @($c['NrptEntry'])) {
        if ($null -eq $e) { continue }
        $null = $entries.Add((ConvertTo-DadSimObject $e -StringArrays 'Namespace', 'DirectAccessDnsServers'))
    }
    New-DadSimPSObject ([ordered]@{ NrptEntry = $entries.ToArray(); NrptGlobalSettings = $null })
}

$DadSimCommandBodies['Get-DnsServerGlobalQueryBlockList'] = {
    [CmdletBinding()]
    param([string]$ComputerName)
    Invoke-DadSimFault 'Get-DnsServerGlobalQueryBlockList'
    $d = Get-DadSimValue 'dnsServer'
    $b = $null
    if ($d -is [System.Collections.IDictionary]) { $b = $d['globalQueryBlockList'] }
    if ($null -eq $b) { throw 'Failed to get the global query block list on server DA-01.' }
    ConvertTo-DadSimObject $b -StringArrays 'List'
}

# machine.ipInterfaces: InterfaceAlias, InterfaceIndex, AddressFamily, Forwarding, Advertising (Enabled/Disabled).
$DadSimCommandBodies['Get-NetIPInterface'] = {
    [CmdletBinding()]
    param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [string]$InterfaceAlias, [int]$InterfaceIndex)
    Invoke-DadSimFault 'Get-NetIPInterface'
    foreach ($i in @(Get-DadSimValue 'ipInterfaces')) {
        if ($null -eq $i) { continue }
        if ($AddressFamily -and [string]$i['AddressFamily'] -ne $AddressFamily) { continue }
        if ($InterfaceAlias -and [string]$i['InterfaceAlias'] -notlike $InterfaceAlias) { continue }
        if ($PSBoundParameters.ContainsKey('InterfaceIndex') -and [int]$i['InterfaceIndex'] -ne $InterfaceIndex) { continue }
        ConvertTo-DadSimObject $i
    }
}

# machine.routes: DestinationPrefix, InterfaceIndex, AddressFamily, Publish (Yes/No/Age), NextHop.
$DadSimCommandBodies['Get-NetRoute'] = {
    [CmdletBinding()]
    param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [string]$DestinationPrefix, [int]$InterfaceIndex)
    Invoke-DadSimFault 'Get-NetRoute'
    foreach ($r in @(Get-DadSimValue 'routes')) {
        if ($null -eq $r) { continue }
        if ($AddressFamily -and [string]$r['AddressFamily'] -ne $AddressFamily) { continue }
        if ($DestinationPrefix -and [string]$r['DestinationPrefix'] -ne $DestinationPrefix) { continue }
        if ($PSBoundParameters.ContainsKey('InterfaceIndex') -and [int]$r['InterfaceIndex'] -ne $InterfaceIndex) { continue }
        ConvertTo-DadSimObject $r
    }
}

# Fix side of the ISATAP router (reset-isatap-router): change machine.ipInterfaces / machine.routes; event
# `isatap-router-changed`.
$DadSimCommandBodies['Set-NetIPInterface'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][int]$InterfaceIndex, [ValidateSet('Enabled', 'Disabled')][string]$Forwarding,
        [ValidateSet('Enabled', 'Disabled')][string]$Advertising, [string]$AddressFamily)
    Invoke-DadSimFault 'Set-NetIPInterface'
    $found = $false
    foreach ($i in @(Get-DadSimValue 'ipInterfaces')) {
        if ($null -eq $i -or [int]$i['InterfaceIndex'] -ne $InterfaceIndex) { continue }
        if ($AddressFamily -and [string]$i['AddressFamily'] -ne $AddressFamily) { continue }
        if ($Forwarding) { $i['Forwarding'] = $Forwarding }
        if ($Advertising) { $i['Advertising'] = $Advertising }
        $found = $true
    }
    if (-not $found) { throw "No MSFT_NetIPInterface objects found with property 'InterfaceIndex' equal to '$InterfaceIndex'." }
    Invoke-DadSimEvent 'isatap-router-changed'
}

$DadSimCommandBodies['New-NetRoute'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DestinationPrefix, [Parameter(Mandatory = $true)][int]$InterfaceIndex,
        [ValidateSet('IPv4', 'IPv6')][string]$AddressFamily = 'IPv6', [ValidateSet('Yes', 'No', 'Age')][string]$Publish = 'No', [string]$NextHop = '::')
    Invoke-DadSimFault 'New-NetRoute'
    foreach ($r in @(Get-DadSimValue 'routes')) {
        if ($null -ne $r -and [string]$r['DestinationPrefix'] -eq $DestinationPrefix -and [int]$r['InterfaceIndex'] -eq $InterfaceIndex) { throw 'Instance MSFT_NetRoute already exists' }
    }
    $new = ConvertTo-DadSimData @{ DestinationPrefix = $DestinationPrefix; InterfaceIndex = $InterfaceIndex; AddressFamily = $AddressFamily; Publish = $Publish; NextHop = $NextHop }
    $list = [object[]]@(foreach ($r in @(Get-DadSimValue 'routes')) { if ($null -ne $r) { $r } }) + , $new
    Set-DadSimValue 'routes' ([object[]]$list)
    Invoke-DadSimEvent 'isatap-router-changed'
    ConvertTo-DadSimObject $new
}

$DadSimCommandBodies['Set-NetRoute'] = {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DestinationPrefix, [Parameter(Mandatory = $true)][int]$InterfaceIndex,
        [ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [ValidateSet('Yes', 'No', 'Age')][string]$Publish)
    Invoke-DadSimFault 'Set-NetRoute'
    $found = $false
    foreach ($r in @(Get-DadSimValue 'routes')) {
        if ($null -eq $r -or [string]$r['DestinationPrefix'] -ne $DestinationPrefix -or [int]$r['InterfaceIndex'] -ne $InterfaceIndex) { continue }
        if ($Publish) { $r['Publish'] = $Publish }
        $found = $true
    }
    if (-not $found) { throw "No MSFT_NetRoute objects found with property 'DestinationPrefix' equal to '$DestinationPrefix'." }
    Invoke-DadSimEvent 'isatap-router-changed'
}

$DadSimCommandBodies['Get-NetIPAddress'] = {
    [CmdletBinding()]
    param([ValidateSet('IPv4', 'IPv6')][string]$AddressFamily, [string]$InterfaceAlias, [string]$IPAddress)
    Invoke-DadSimFault 'Get-NetIPAddress'
    foreach ($a in @(Get-DadSimValue 'ipAddresses')) {
        if ($null -eq $a) { continue }
        $family = [string]$a['AddressFamily']
        if (-not $family) { if (([string]$a['IPAddress']).Contains(':')) { $family = 'IPv6' } else { $family = 'IPv4' } }
        if ($AddressFamily -and $family -ne $AddressFamily) { continue }
        if ($InterfaceAlias -and [string]$a['InterfaceAlias'] -notlike $InterfaceAlias) { continue }
        if ($IPAddress -and [string]$a['IPAddress'] -ne $IPAddress) { continue }
        $o = ConvertTo-DadSimObject $a
        if (-not $a.Contains('AddressFamily')) { $o.PSObject.Properties.Add([Activator]::CreateInstance([System.Management.Automation.PSNoteProperty], [object[]]@('AddressFamily', $family))) }
        $o
    }
}

$DadSimCommandBodies['Get-NetTeredoState'] = {
    [CmdletBinding()]
    param()
    Invoke-DadSimFault 'Get-NetTeredoState'
    $t = Get-DadSimValue 'teredo'
    if ($null -eq $t -or [string]$t['State'] -eq 'Disabled') { return }
    New-DadSimPSObject ([ordered]@{ State = [string]$t['State']; Type = [string]$t['Type']; Error = $t['Error'] })
}

# --- adapters (host/WindowsHost.ps1 on Windows) -------------------------------------------------------------------

# The scenario's key name for a registry path. `HKCU:\` in a scenario is the logged-on user's hive (the user the app
# runs as, or the console user when the probes run as SYSTEM): reads of `HKU:\<that user's SID>\…` find it, and a
# process running as SYSTEM sees `HKU:\S-1-5-18\…` as its own HKCU.
function global:Get-DadSimRegistryKeyName {
    param([string]$Path)
    $p = $Path.Trim().TrimEnd('\')
    $p = $p -replace '^HKEY_LOCAL_MACHINE\\', 'HKLM:\' -replace '^HKEY_USERS\\', 'HKU:\' -replace '^HKEY_CURRENT_USER\\', 'HKCU:\' -replace '^(HKLM|HKU|HKCU)\\', '$1:\'
    if ($p -match '^(?i)HKCU:\\' -or $p -match '^(?i)HKU:\\S-') {
        $session = Get-DadSimSession
        if ($session.IsSystem -and $p -match '^(?i)HKCU:\\(.*)$') { return ('HKU:\S-1-5-18\' + $Matches[1]) }
        $userSid = $session.Sid
        if ($session.IsSystem) { $userSid = $session.ConsoleUserSid }
        if ($userSid) {
            $prefix = 'HKU:\' + $userSid + '\'
            if ($p.StartsWith($prefix, [StringComparison]::OrdinalIgnoreCase)) { return ('HKCU:\' + $p.Substring($prefix.Length)) }
        }
        if ($p -match '^(?i)HKCU:\\(.*)$') { return ('HKCU:\' + $Matches[1]) }
    }
    return $p
}

# Who the probes run as on the simulated machine (machine.session, docs/scenarios.md): by default the logged-on user
# CONTOSO\user; with IsSystem the SYSTEM account, and the console user (ConsoleUserName/ConsoleUserSid, defaulting
# to that same user; null = nobody logged on).
$global:DadSimDefaultUserName = 'CONTOSO\user'
$global:DadSimDefaultUserSid = 'S-1-5-21-1004336348-1177238915-682003330-1104'
function global:Get-DadSimSession {
    $s = Get-DadSimValue 'session'
    if (-not ($s -is [System.Collections.IDictionary])) { $s = @{} }
    $userName = $global:DadSimDefaultUserName
    if ($s.Contains('UserName') -and $s['UserName']) { $userName = [string]$s['UserName'] }
    $sid = $global:DadSimDefaultUserSid
    if ($s.Contains('Sid') -and $s['Sid']) { $sid = [string]$s['Sid'] }
    $isSystem = $s.Contains('IsSystem') -and [bool]$s['IsSystem']
    $out = @{ UserName = $userName; Sid = $sid; IsSystem = $isSystem; ConsoleUserName = $null; ConsoleUserSid = $null }
    if ($isSystem) {
        $out.UserName = 'NT AUTHORITY\SYSTEM'
        $out.Sid = 'S-1-5-18'
        $out.ConsoleUserName = $userName
        $out.ConsoleUserSid = $sid
        if ($s.Contains('ConsoleUserName')) { $out.ConsoleUserName = $s['ConsoleUserName'] }
        if ($s.Contains('ConsoleUserSid')) { $out.ConsoleUserSid = $s['ConsoleUserSid'] }
    }
    return $out
}

$DadSimCommandBodies['Get-DadUserContext'] = {
    param()
    Invoke-DadSimFault 'Get-DadUserContext'
    $s = Get-DadSimSession
    New-DadSimPSObject ([ordered]@{ UserName = $s.UserName; Sid = $s.Sid; IsSystem = [bool]$s.IsSystem; ConsoleUserName = $s.ConsoleUserName; ConsoleUserSid = $s.ConsoleUserSid })
}

$global:DadSimUserInternetSettingsKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'

# The logged-on user's WinINET values when the scenario does not give the key: made from proxy.ieUser
# ({ProxyServer, BypassList, AutoConfigURL}), so `netsh winhttp import proxy source=ie` and the registry agree.
function global:Get-DadSimUserInternetSettings {
    $ie = Get-DadSimValue 'proxy.ieUser'
    if (-not ($ie -is [System.Collections.IDictionary])) { return $null }
    $h = @{ ProxyEnable = 0 }
    if ($ie['ProxyServer']) { $h['ProxyEnable'] = 1; $h['ProxyServer'] = [string]$ie['ProxyServer'] }
    if ($ie['BypassList']) { $h['ProxyOverride'] = [string]$ie['BypassList'] }
    if ($ie['AutoConfigURL']) { $h['AutoConfigURL'] = [string]$ie['AutoConfigURL'] }
    return $h
}

# The user's manual proxy as `netsh winhttp import proxy source=ie` copies it: the HKCU key when the scenario gives
# one, else proxy.ieUser.
function global:Get-DadSimImportableProxy {
    $reg = Get-DadSimValue 'registry'
    if ($reg -is [System.Collections.IDictionary] -and $reg.Contains($global:DadSimUserInternetSettingsKey) -and $null -ne $reg[$global:DadSimUserInternetSettingsKey]) {
        $v = $reg[$global:DadSimUserInternetSettingsKey]
        if ((ConvertTo-DadSimInt32 ([long]$v['ProxyEnable'])) -ne 0 -and $v['ProxyServer']) { return @{ ProxyServer = [string]$v['ProxyServer']; BypassList = $v['ProxyOverride'] } }
        return @{ ProxyServer = $null; BypassList = $null }
    }
    $ie = Get-DadSimValue 'proxy.ieUser'
    if ($null -eq $ie -or -not $ie['ProxyServer']) { return @{ ProxyServer = $null; BypassList = $null } }
    return @{ ProxyServer = [string]$ie['ProxyServer']; BypassList = $ie['BypassList'] }
}

$DadSimCommandBodies['Get-DadRegistryValues'] = {
    param([Parameter(Mandatory = $true)][string]$Path)
    Invoke-DadSimFault 'Get-DadRegistryValues'
    $key = Get-DadSimRegistryKeyName $Path
    $reg = Get-DadSimValue 'registry'
    $values = $null
    if ($reg -is [System.Collections.IDictionary] -and $reg.Contains($key)) { $values = $reg[$key] }
    if ($key -eq 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' -and $null -eq $values) {
        $values = @{}
    }
    if ($null -eq $values -and $key -eq $global:DadSimUserInternetSettingsKey -and -not ($reg -is [System.Collections.IDictionary] -and $reg.Contains($key))) {
        $values = Get-DadSimUserInternetSettings
    }
    if ($null -eq $values) { return $null }
    $h = @{}
    foreach ($k in $values.Keys) {
        $v = $values[$k]
        if ($null -eq $v) { continue }
        $h[[string]$k] = ConvertTo-DadSimRegistryValue $v
    }
    # A scenario that names WinHttpSettings (null = the value does not exist) overrides the generated blob.
    if ($key -eq 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' -and -not $values.Contains('WinHttpSettings')) {
        $h['WinHttpSettings'] = Get-DadSimWinHttpBlob
    }
    return $h
}

# REG_DWORD → [int] (as the registry provider returns it), strings, string arrays (REG_MULTI_SZ), and
# {"type": "Binary", "value": "hex"} → [byte[]], {"type": "QWord", "value": n} → [long].
function global:ConvertTo-DadSimRegistryValue {
    param($Value)
    if ($Value -is [System.Collections.IDictionary]) {
        switch ([string]$Value['type']) {
            'Binary' {
                $hex = ([string]$Value['value']) -replace '[^0-9a-fA-F]', ''
                $bytes = [Array]::CreateInstance([byte], [int]($hex.Length / 2))
                for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = [Convert]::ToByte($hex.Substring($i * 2, 2), 16) }
                return , $bytes
            }
            'QWord' { return [long]$Value['value'] }
            'ExpandString' { return [string]$Value['value'] }
            'MultiString' { return , ([string[]]@($Value['value'])) }
            default { return [int](ConvertTo-DadSimInt32 $Value['value']) }
        }
    }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [bool]) { return [int]$Value }
    if ($Value -is [System.Collections.IList]) { return , ([string[]]@($Value)) }
    return (ConvertTo-DadSimInt32 $Value)
}

function global:ConvertTo-DadSimInt32 {
    param($Value)
    $v = [long]$Value
    if ($v -gt [int]::MaxValue) { $v = $v - 4294967296 }
    return [int]$v
}

# The WinHttpSettings blob Windows keeps for `netsh winhttp`: byte 8 is 1 (direct) or 3 (proxy).
function global:Get-DadSimWinHttpBlob {
    $proxy = [string](Get-DadSimValue 'proxy.winHttp.ProxyServer')
    $bypass = [string](Get-DadSimValue 'proxy.winHttp.BypassList')
    $out = [Activator]::CreateInstance([System.Collections.Generic.List[byte]])
    $out.AddRange([BitConverter]::GetBytes([int]0x28))
    $out.AddRange([BitConverter]::GetBytes([int]0))
    if ($proxy) { $flags = 3 } else { $flags = 1 }
    $out.AddRange([BitConverter]::GetBytes([int]$flags))
    $out.AddRange([BitConverter]::GetBytes([int]$proxy.Length))
    $out.AddRange([System.Text.Encoding]::ASCII.GetBytes($proxy))
    $out.AddRange([BitConverter]::GetBytes([int]$bypass.Length))
    $out.AddRange([System.Text.Encoding]::ASCII.GetBytes($bypass))
    return , $out.ToArray()
}

$global:DadSimWinHttpKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'

# netsh winhttp writes the WinHttpSettings value: after reset/set/import the blob is the one generated from
# proxy.winHttp, whatever value the scenario named.
function global:Clear-DadSimWinHttpValue {
    $reg = Get-DadSimValue 'registry'
    if ($reg -is [System.Collections.IDictionary] -and $reg.Contains($global:DadSimWinHttpKey) -and $reg[$global:DadSimWinHttpKey] -is [System.Collections.IDictionary]) {
        $reg[$global:DadSimWinHttpKey].Remove('WinHttpSettings')
    }
}

# Writing the WinHttpSettings value (the undo of reset-winhttp-proxy) sets the WinHTTP proxy as netsh would read it:
# flags at byte 8 (0x2 = manual proxy), then the length-prefixed proxy and bypass list (knowledge J.3).
function global:Set-DadSimWinHttpBlob {
    param([byte[]]$Bytes)
    if ($null -eq $Bytes -or $Bytes.Length -lt 12) { throw 'Set-DadRegistryValue: WinHttpSettings is not a WinHTTP settings blob' }
    $flags = [BitConverter]::ToUInt32($Bytes, 8)
    $strings = @()
    $offset = 12
    for ($i = 0; $i -lt 2 -and $offset + 4 -le $Bytes.Length; $i++) {
        $length = [int][BitConverter]::ToUInt32($Bytes, $offset)
        $offset += 4
        if ($length -gt $Bytes.Length - $offset) { throw 'Set-DadRegistryValue: WinHttpSettings is not a WinHTTP settings blob' }
        $strings += [System.Text.Encoding]::ASCII.GetString($Bytes, $offset, $length)
        $offset += $length
    }
    $server = $null; $bypass = $null
    if (($flags -band 2) -ne 0 -and $strings.Count -ge 1 -and $strings[0]) {
        $server = $strings[0]
        if ($strings.Count -ge 2 -and $strings[1]) { $bypass = $strings[1] }
    }
    Set-DadSimValue 'proxy.winHttp.ProxyServer' $server
    Set-DadSimValue 'proxy.winHttp.BypassList' $bypass
    Clear-DadSimWinHttpValue
}

$DadSimCommandBodies['Get-DadRegistrySubkeys'] = {
    param([Parameter(Mandatory = $true)][string]$Path)
    Invoke-DadSimFault 'Get-DadRegistrySubkeys'
    $prefix = (Get-DadSimRegistryKeyName $Path) + '\'
    $reg = Get-DadSimValue 'registry'
    $names = [Activator]::CreateInstance([System.Collections.ArrayList])
    if ($reg -is [System.Collections.IDictionary]) {
        foreach ($k in $reg.Keys) {
            if ($null -eq $reg[$k]) { continue }
            if ($k.StartsWith($prefix, [StringComparison]::OrdinalIgnoreCase)) {
                $child = $k.Substring($prefix.Length).Split('\')[0]
                if ($child -and -not ($names -contains $child)) { [void]$names.Add($child) }
            }
        }
    }
    foreach ($n in $names) { $n }
}

$DadSimCommandBodies['Get-DadCertificates'] = {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', 'My')][string]$Store)
    Invoke-DadSimFault 'Get-DadCertificates'
    foreach ($c in (Get-DadSimStore $Store)) { if ($null -ne $c) { ConvertTo-DadSimCertificate $c } }
}

$DadSimCommandBodies['Resolve-DadName'] = {
    param([Parameter(Mandatory = $true)][string]$Name, [int]$TimeoutMs = 5000)
    Invoke-DadSimFault 'Resolve-DadName'
    # A lookup that outlasts its budget answers nothing, as the Windows adapter does.
    if (-not (Test-DadSimIpLiteral $Name) -and (Wait-DadSimNetwork -Endpoints @($Name) -BudgetMs $TimeoutMs) -lt 0) { return }
    foreach ($a in (Resolve-DadSimName $Name)) { $a }
}

$DadSimCommandBodies['Resolve-DadNames'] = {
    param([Parameter(Mandatory = $true)][string[]]$Names, [int]$TimeoutMs = 5000)
    Invoke-DadSimFault 'Resolve-DadNames'
    # Looked up at the same time: the wait is the slowest name's, bounded by the budget.
    $slowest = [double]0
    foreach ($n in $Names) {
        if (Test-DadSimIpLiteral $n) { continue }
        $slowest = [Math]::Max($slowest, [double](Get-DadSimLatencyMs $n))
    }
    $waited = [Math]::Min([double]$slowest, [double]$TimeoutMs)
    if ($waited -gt 0) { [System.Threading.Thread]::Sleep([int]$waited) }
    $result = @{}
    foreach ($n in $Names) {
        $latency = Get-DadSimLatencyMs $n
        $answered = (Test-DadSimIpLiteral $n) -or $latency -eq 0 -or $latency -lt $TimeoutMs
        $addresses = [string[]]@()
        if ($answered) { $addresses = [string[]](Resolve-DadSimName $n) }
        $result[$n] = @{ Addresses = $addresses; TimedOut = -not $answered }
    }
    return $result
}

$DadSimCommandBodies['Test-DadFolder'] = {
    param([Parameter(Mandatory = $true)][string]$Path)
    Invoke-DadSimFault 'Test-DadFolder'
    # machine.folders: the folders that exist, written as the probes name them (%ProgramFiles%\...), any case.
    foreach ($f in @(Get-DadSimValue 'folders')) { if ($null -ne $f -and [string]::Equals([string]$f, $Path, [StringComparison]::OrdinalIgnoreCase)) { return $true } }
    return $false
}

$DadSimCommandBodies['Test-DadTcpPort'] = {
    param([Parameter(Mandatory = $true)][string]$HostName, [Parameter(Mandatory = $true)][int]$Port, [int]$TimeoutMs = 5000)
    Invoke-DadSimFault 'Test-DadTcpPort'
    if ((Wait-DadSimTcpTime -HostName $HostName -Port $Port -BudgetMs $TimeoutMs) -lt 0) { return 'timedOut' }
    Get-DadSimTcpOutcome -HostName $HostName -Port $Port
}

$DadSimCommandBodies['Invoke-DadTlsProbe'] = {
    param([Parameter(Mandatory = $true)][string]$HostName, [int]$Port = 443, [int]$TimeoutMs = 5000, [string]$Path = '/')
    Invoke-DadSimFault 'Invoke-DadTlsProbe'
    # Each CRL URL of the online chain build has the same budget as the handshake (host/WindowsHost.ps1).
    $r = Get-DadSimTlsResult -HostName $HostName -Port $Port -TimeoutMs $TimeoutMs -CrlTimeoutMs $TimeoutMs
    $chain = @()
    foreach ($c in $r.Chain) { $chain += ConvertTo-DadSimCertificate $c }
    New-DadSimPSObject ([ordered]@{
            Handshake                  = $r.Handshake
            HandshakeError             = $r.HandshakeError
            ClientCertificateRequested = [bool]$r.ClientCertificateRequested
            ServerDate                 = $r.ServerDate
            Chain                      = [object[]]$chain
            ChainStatus                = [string[]]$r.ChainStatus
            ChainStatusOnline          = [string[]]$r.ChainStatusOnline
            NameMatches                = $r.NameMatches
            HttpStatus                 = $r.HttpStatus
            TimedOut                   = [bool]$r.TimedOut
        })
}

# CurrentProfileTypes of HNetCfg.FwPolicy2: machine.firewallCurrentProfileTypes, else derived from the networks of
# machine.connectionProfiles as Windows applies them (DomainAuthenticated 0x1, Private 0x2, Public 0x4); nothing
# (no connectionProfiles) = $null, an unread value.
$DadSimCommandBodies['Get-DadFirewallCurrentProfileTypes'] = {
    Invoke-DadSimFault 'Get-DadFirewallCurrentProfileTypes'
    $explicit = Get-DadSimValue 'firewallCurrentProfileTypes'
    if ($null -ne $explicit) { return [int]$explicit }
    $profiles = @(foreach ($p in @(Get-DadSimValue 'connectionProfiles')) { if ($null -ne $p) { $p } })
    if ($profiles.Count -eq 0) { return $null }
    $bits = 0
    foreach ($p in $profiles) {
        switch ([string]$p['NetworkCategory']) {
            'DomainAuthenticated' { $bits = $bits -bor 1 }
            'Private' { $bits = $bits -bor 2 }
            default { $bits = $bits -bor 4 }
        }
    }
    return $bits
}

$DadSimCommandBodies['Test-DadCertificateChain'] = {
    param([Parameter(Mandatory = $true)][string]$Thumbprint)
    Invoke-DadSimFault 'Test-DadCertificateChain'
    $c = Find-DadSimStoreCertificate -Store 'My' -Thumbprint $Thumbprint
    if ($null -eq $c) { return $false }
    $built = Get-DadSimChain -Leaf $c
    return ($built.ChainStatus.Count -eq 0)
}

$DadSimCommandBodies['Get-DadUtcNow'] = {
    Invoke-DadSimFault 'Get-DadUtcNow'
    Get-DadSimNow
}

$DadSimCommandBodies['Get-DadPowerShellVersion'] = {
    Invoke-DadSimFault 'Get-DadPowerShellVersion'
    [string](Get-DadSimValue 'powerShellVersion')
}

# --- adapters the fixes use ---------------------------------------------------------------------------------------

# As on Windows (fixes/WindowsFixAdapters.ps1): the certificate comes as bytes, and its thumbprint must be the
# approved one, or nothing is imported.
$DadSimCommandBodies['Import-DadCertificate'] = {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA', IgnoreCase = $false)][string]$Store,
        [Parameter(Mandatory = $true)][byte[]]$Certificate,
        [Parameter(Mandatory = $true)][ValidateScript({ $_ -cmatch '^[0-9A-F]{40}\z' })][string]$Thumbprint)
    Invoke-DadSimFault 'Import-DadCertificate'
    $x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $Certificate)
    if ([string]$x.Thumbprint -cne $Thumbprint) { throw ('the certificate to import has thumbprint ' + $x.Thumbprint + ', not the approved ' + $Thumbprint + '; nothing imported') }
    Add-DadSimCertificate -Store $Store -Bytes $Certificate
}

# A new folder only administrators can write, on the simulated machine: a fresh folder of the temp folder (this host
# has no Windows ACLs; fixes/WindowsFixAdapters.ps1 is what creates and checks them on Windows).
$DadSimCommandBodies['New-DadPrivateFolder'] = {
    param([ValidateSet('work', 'results', 'undo', IgnoreCase = $false)][string]$Purpose = 'work',
        [ValidateScript({ $_ -cmatch '^[a-z0-9-]{1,64}\z' })][string]$Name = [System.Guid]::NewGuid().ToString('N'))
    Invoke-DadSimFault 'New-DadPrivateFolder'
    $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'dad-sim-' + $Purpose + '-' + $Name)
    if ([System.IO.Directory]::Exists($folder)) { throw ('the new folder ' + $folder + ' is already there; refusing it') }
    $null = [System.IO.Directory]::CreateDirectory($folder)
    return $folder
}

function global:Add-DadSimCertificate {
    param([string]$Store, [string]$Path, [byte[]]$Bytes)
    if ($null -ne $Bytes) { $cert = Read-DadSimCertificateBytes $Bytes 'the certificate' } else { $cert = Read-DadSimCertificateFile $Path }
    if ($null -eq (Find-DadSimStoreCertificate -Store $Store -Thumbprint $cert['Thumbprint'])) {
        # Get-DadSimStore returns its array as ONE object (return , @(...)); @() around it would nest it.
        $list = [object[]](Get-DadSimStore $Store) + , $cert
        Set-DadSimValue "certificates[$Store]" ([object[]]$list)
    }
    Invoke-DadSimEvent "certificate-imported:$Store"
    ConvertTo-DadSimCertificate $cert
}

$DadSimCommandBodies['Remove-DadCertificate'] = {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA')][string]$Store, [Parameter(Mandatory = $true)][string]$Thumbprint)
    Invoke-DadSimFault 'Remove-DadCertificate'
    Remove-DadSimCertificate -Store $Store -Thumbprint $Thumbprint
}

function global:Remove-DadSimCertificate {
    param([string]$Store, [string]$Thumbprint)
    $t = ($Thumbprint -replace '\s', '').ToUpperInvariant()
    $kept = @(foreach ($c in (Get-DadSimStore $Store)) { if ($null -ne $c -and ([string]$c['Thumbprint']).ToUpperInvariant() -ne $t) { $c } })
    Set-DadSimValue "certificates[$Store]" ([object[]]$kept)
    Invoke-DadSimEvent "certificate-removed:$Store"
}

$DadSimCommandBodies['Set-DadRegistryValue'] = {
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Name, $Value,
        [ValidateSet('String', 'ExpandString', 'DWord', 'QWord', 'MultiString', 'Binary')][string]$Type = 'String')
    Invoke-DadSimFault 'Set-DadRegistryValue'
    $key = Get-DadSimRegistryKeyName $Path
    $reg = Get-DadSimValue 'registry'
    if (-not ($reg -is [System.Collections.IDictionary])) { Set-DadSimValue 'registry' (ConvertTo-DadSimData @{}); $reg = Get-DadSimValue 'registry' }
    if ($null -eq $reg[$key]) { $reg[$key] = ConvertTo-DadSimData @{} }
    switch ($Type) {
        'DWord' { $stored = [long](ConvertTo-DadSimUInt32 $Value) }
        'QWord' { $stored = ConvertTo-DadSimData @{ type = 'QWord'; value = [long]$Value } }
        'Binary' { $stored = ConvertTo-DadSimData @{ type = 'Binary'; value = (($Value | ForEach-Object { '{0:x2}' -f [int]$_ }) -join '') } }
        'MultiString' { $stored = [object[]]@($Value | ForEach-Object { [string]$_ }) }
        'ExpandString' { $stored = ConvertTo-DadSimData @{ type = 'ExpandString'; value = [string]$Value } }
        default { $stored = [string]$Value }
    }
    if ($key -eq $global:DadSimWinHttpKey -and $Name -eq 'WinHttpSettings') {
        if ($Type -ne 'Binary') { throw 'Set-DadRegistryValue: WinHttpSettings is REG_BINARY' }
        Set-DadSimWinHttpBlob ([byte[]]@($Value))
        Invoke-DadSimEvent 'registry-changed'
        Invoke-DadSimEvent 'winhttp-proxy-set'
        return
    }
    $reg[$key][$Name] = $stored
    Invoke-DadSimEvent 'registry-changed'
}

$DadSimCommandBodies['Remove-DadRegistryKey'] = {
    param([Parameter(Mandatory = $true)][string]$Path)
    Invoke-DadSimFault 'Remove-DadRegistryKey'
    $key = Get-DadSimRegistryKeyName $Path
    $reg = Get-DadSimValue 'registry'
    if ($reg -is [System.Collections.IDictionary]) {
        foreach ($k in @($reg.Keys)) {
            if ($k -eq $key -or $k.StartsWith($key + '\', [StringComparison]::OrdinalIgnoreCase)) { $reg.Remove($k) }
        }
    }
    Invoke-DadSimEvent 'registry-changed'
}

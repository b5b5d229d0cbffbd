# Simulated host, core: the scenario data model (JSON → case-insensitive ordered dictionaries), deep merge with the
# base machine, paths into the machine state, dates, faults, events and transition rules. Dot-sourced by SimHost.ps1.
# Every function is global so that the probe module and the fix scripts see the same machine, whatever the scope
# SimHost.ps1 was dot-sourced from. Windows PowerShell 5.1 syntax only (no PS7-only operators).

# Turns the output of ConvertFrom-Json (PSCustomObject on 5.1, OrderedHashtable on 7) into case-insensitive ordered
# dictionaries and object[] arrays: Windows property names are case-insensitive and so are our paths. Also the deep
# copy of such data. Iterative (one work stack, no call per node) because PowerShell function calls are slow and a
# scenario must load in a few milliseconds.
$global:DadSimOrderedType = [System.Collections.Specialized.OrderedDictionary]
$global:DadSimCiArgs = [object[]]@([StringComparer]::OrdinalIgnoreCase)
function global:New-DadSimDictionary {
    return [Activator]::CreateInstance($global:DadSimOrderedType, $global:DadSimCiArgs)
}
function global:ConvertTo-DadSimData {
    param($Value)
    $odType = $global:DadSimOrderedType; $ciArgs = $global:DadSimCiArgs
    $isDict = $Value -is [System.Collections.IDictionary]
    $isObj = $Value -is [System.Management.Automation.PSCustomObject]
    $isList = ($Value -is [System.Collections.IList]) -and -not ($Value -is [byte[]])
    if (-not ($isDict -or $isObj -or $isList)) { return $Value }
    if ($isList) { $root = [Array]::CreateInstance([object], $Value.Count) } else { $root = [Activator]::CreateInstance($odType, $ciArgs) }
    # Activator, not New-Object: New-Object is a Microsoft.PowerShell.Utility cmdlet, and the first cmdlet of that
    # module in a session costs ~85 ms (module auto-load).
    $stack = [Activator]::CreateInstance([System.Collections.Stack])
    $stack.Push(@($Value, $root))
    while ($stack.Count -gt 0) {
        $pair = $stack.Pop()
        $src = $pair[0]; $dst = $pair[1]
        if ($src -is [System.Collections.IList]) {
            $n = $src.Count
            for ($i = 0; $i -lt $n; $i++) {
                $v = $src[$i]
                if ($v -is [System.Collections.IDictionary] -or $v -is [System.Management.Automation.PSCustomObject]) {
                    $t = [Activator]::CreateInstance($odType, $ciArgs); $stack.Push(@($v, $t)); $dst[$i] = $t
                } elseif ($v -is [System.Collections.IList] -and -not ($v -is [byte[]])) {
                    $t = [Array]::CreateInstance([object], $v.Count); $stack.Push(@($v, $t)); $dst[$i] = $t
                } else { $dst[$i] = $v }
            }
            continue
        }
        if ($src -is [System.Collections.IDictionary]) {
            $keys = @($src.Keys)
        } else {
            $keys = @(foreach ($p in $src.PSObject.Properties) { $p.Name })
        }
        foreach ($k in $keys) {
            if ($src -is [System.Collections.IDictionary]) { $v = $src[$k] } else { $v = $src.$k }
            if ($v -is [System.Collections.IDictionary] -or $v -is [System.Management.Automation.PSCustomObject]) {
                $t = [Activator]::CreateInstance($odType, $ciArgs); $stack.Push(@($v, $t)); $dst[[string]$k] = $t
            } elseif ($v -is [System.Collections.IList] -and -not ($v -is [byte[]])) {
                $t = [Array]::CreateInstance([object], $v.Count); $stack.Push(@($v, $t)); $dst[[string]$k] = $t
            } else { $dst[[string]$k] = $v }
        }
    }
    return , $root
}

# Parses JSON text once into the data model; dates stay strings (PowerShell 7 would turn them into DateTime).
# System.Text.Json where .NET has it (PowerShell 7): ConvertFrom-Json is a Microsoft.PowerShell.Utility cmdlet, and the
# first cmdlet of that module in a session costs ~85 ms (module auto-load) plus ~20 ms for ConvertFrom-Json itself;
# JsonDocument costs ~5 ms. Same data as `ConvertFrom-Json -AsHashtable -DateKind String` + ConvertTo-DadSimData:
# integers Int64 (BigInteger beyond), other numbers Double, strings kept as text. Windows PowerShell 5.1 (no
# System.Text.Json) keeps ConvertFrom-Json.
$global:DadSimJsonDocumentType = 'System.Text.Json.JsonDocument' -as [type]
$global:DadSimJsonParams = $null
$global:DadSimJsonOptions = $null
function global:ConvertFrom-DadSimJson {
    param([string]$Text)
    if ($null -ne $global:DadSimJsonDocumentType) { return , (ConvertFrom-DadSimJsonDocument $Text) }
    # Asked only here (not at dot-source time): Get-Command ConvertFrom-Json loads Microsoft.PowerShell.Utility.
    if ($null -eq $global:DadSimJsonParams) { $global:DadSimJsonParams = (Get-Command ConvertFrom-Json).Parameters }
    if ($global:DadSimJsonParams.ContainsKey('DateKind')) {
        $raw = ConvertFrom-Json -InputObject $Text -AsHashtable -DateKind String
    } elseif ($global:DadSimJsonParams.ContainsKey('AsHashtable')) {
        $raw = ConvertFrom-Json -InputObject $Text -AsHashtable
    } else {
        $raw = ConvertFrom-Json -InputObject $Text
    }
    return , (ConvertTo-DadSimData $raw)
}

# System.Text.Json reader of ConvertFrom-DadSimJson (PowerShell 7 only). Comments and trailing commas are accepted as
# ConvertFrom-Json (Newtonsoft) accepts them. Iterative, like ConvertTo-DadSimData: one work stack, no call per node.
function global:ConvertFrom-DadSimJsonDocument {
    param([string]$Text)
    if ($null -eq $global:DadSimJsonOptions) {
        $options = [Activator]::CreateInstance([System.Text.Json.JsonDocumentOptions])
        $options.AllowTrailingCommas = $true
        $options.CommentHandling = 'Skip'
        $global:DadSimJsonOptions = $options
    }
    $odType = $global:DadSimOrderedType; $ciArgs = $global:DadSimCiArgs
    $doc = [System.Text.Json.JsonDocument]::Parse($Text, $global:DadSimJsonOptions)
    try {
        # ValueKind: 1 Object, 2 Array, 3 String, 4 Number, 5 True, 6 False, 7 Null.
        $rootElement = $doc.RootElement
        $kind = [int]$rootElement.ValueKind
        if ($kind -eq 1) { $root = [Activator]::CreateInstance($odType, $ciArgs) }
        elseif ($kind -eq 2) { $root = [Array]::CreateInstance([object], $rootElement.GetArrayLength()) }
        else { return (ConvertFrom-DadSimJsonScalar $rootElement) }
        $stack = [Activator]::CreateInstance([System.Collections.Stack])
        $stack.Push(@($rootElement, $root))
        while ($stack.Count -gt 0) {
            $pair = $stack.Pop()
            $src = $pair[0]; $dst = $pair[1]
            if ([int]$src.ValueKind -eq 2) {
                $i = 0
                foreach ($v in $src.EnumerateArray()) {
                    $k = [int]$v.ValueKind
                    if ($k -eq 1) { $t = [Activator]::CreateInstance($odType, $ciArgs); $stack.Push(@($v, $t)); $dst[$i] = $t }
                    elseif ($k -eq 2) { $t = [Array]::CreateInstance([object], $v.GetArrayLength()); $stack.Push(@($v, $t)); $dst[$i] = $t }
                    elseif ($k -eq 3) { $dst[$i] = $v.GetString() }
                    elseif ($k -eq 5) { $dst[$i] = $true }
                    elseif ($k -eq 6) { $dst[$i] = $false }
                    elseif ($k -eq 7) { $dst[$i] = $null }
                    else { $dst[$i] = ConvertFrom-DadSimJsonScalar $v }
                    $i++
                }
                continue
            }
            foreach ($p in $src.EnumerateObject()) {
                $v = $p.Value
                $name = $p.Name
                $k = [int]$v.ValueKind
                if ($k -eq 1) { $t = [Activator]::CreateInstance($odType, $ciArgs); $stack.Push(@($v, $t)); $dst[$name] = $t }
                elseif ($k -eq 2) { $t = [Array]::CreateInstance([object], $v.GetArrayLength()); $stack.Push(@($v, $t)); $dst[$name] = $t }
                elseif ($k -eq 3) { $dst[$name] = $v.GetString() }
                elseif ($k -eq 5) { $dst[$name] = $true }
                elseif ($k -eq 6) { $dst[$name] = $false }
                elseif ($k -eq 7) { $dst[$name] = $null }
                else { $dst[$name] = ConvertFrom-DadSimJsonScalar $v }
            }
        }
        return , $root
    } finally {
        $doc.Dispose()
    }
}

# One JSON scalar as ConvertFrom-Json gives it: Int64, BigInteger beyond Int64, Double for fractions and exponents.
function global:ConvertFrom-DadSimJsonScalar {
    param($Element)
    switch ([int]$Element.ValueKind) {
        3 { return $Element.GetString() }
        4 {
            $n = [long]0
            if ($Element.TryGetInt64([ref]$n)) { return $n }
            $raw = $Element.GetRawText()
            if ($raw -match '^-?[0-9]+$') { return [System.Numerics.BigInteger]::Parse($raw, [System.Globalization.CultureInfo]::InvariantCulture) }
            return $Element.GetDouble()
        }
        5 { return $true }
        6 { return $false }
    }
    return $null
}

# A deep copy, so that a transition's value is never shared with the live machine.
function global:Copy-DadSimData {
    param($Value)
    return , (ConvertTo-DadSimData $Value)
}

# True when an array element is meant by a `$remove` entry: same Thumbprint (certificates), same Name, or equal.
function global:Test-DadSimItemMatch {
    param($Item, $Key)
    if ($Item -is [System.Collections.IDictionary]) {
        if ($Key -is [System.Collections.IDictionary]) {
            foreach ($k in $Key.Keys) { if ([string]$Item[$k] -ne [string]$Key[$k]) { return $false } }
            return $true
        }
        foreach ($field in 'Thumbprint', 'Name', 'IPAddress') {
            if ($Item.Contains($field) -and [string]$Item[$field] -eq [string]$Key) { return $true }
        }
        return $false
    }
    return ([string]$Item -eq [string]$Key)
}

# Merge rules (docs/scenarios.md): objects merge key by key, recursively; any other value (string, number, bool,
# array, null) replaces the base value; an object {"$append": [...]} or {"$remove": [...]} edits the base array.
# Both sides are freshly parsed, so the override's values are taken over without copying.
function global:Merge-DadSimData {
    param($Base, $Override)
    if (-not ($Override -is [System.Collections.IDictionary])) { return , $Override }
    $isEdit = $Override.Contains('$append') -or $Override.Contains('$remove')
    if ($isEdit) {
        $items = [Activator]::CreateInstance([System.Collections.ArrayList])
        if ($null -ne $Base) { foreach ($i in @($Base)) { [void]$items.Add($i) } }
        if ($Override.Contains('$remove')) {
            foreach ($key in @($Override['$remove'])) {
                for ($n = $items.Count - 1; $n -ge 0; $n--) { if (Test-DadSimItemMatch $items[$n] $key) { $items.RemoveAt($n) } }
            }
        }
        if ($Override.Contains('$append')) { foreach ($i in @($Override['$append'])) { [void]$items.Add($i) } }
        return , $items.ToArray()
    }
    if (-not ($Base -is [System.Collections.IDictionary])) { return , $Override }
    foreach ($k in @($Override.Keys)) {
        $Base[[string]$k] = Merge-DadSimData $Base[$k] $Override[$k]
    }
    return $Base
}

# Splits a state path: segments separated by dots; a segment in [brackets] may contain dots, colons, backslashes
# (registry keys, host:port). Example: registry[HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters].DisabledComponents
function global:Split-DadSimPath {
    param([string]$Path)
    $segments = [Activator]::CreateInstance([System.Collections.ArrayList])
    $sb = [Activator]::CreateInstance([System.Text.StringBuilder])
    $i = 0
    while ($i -lt $Path.Length) {
        $c = $Path[$i]
        if ($c -eq '[') {
            $end = $Path.IndexOf(']', $i)
            if ($end -lt 0) { throw "path '$Path': '[' without ']'" }
            if ($sb.Length -gt 0) { [void]$segments.Add($sb.ToString()); [void]$sb.Clear() }
            [void]$segments.Add($Path.Substring($i + 1, $end - $i - 1))
            $i = $end + 1
            if ($i -lt $Path.Length -and $Path[$i] -eq '.') { $i++ }
            continue
        }
        if ($c -eq '.') {
            if ($sb.Length -gt 0) { [void]$segments.Add($sb.ToString()); [void]$sb.Clear() }
        } else { [void]$sb.Append($c) }
        $i++
    }
    if ($sb.Length -gt 0) { [void]$segments.Add($sb.ToString()) }
    if ($segments.Count -eq 0) { throw "path '$Path' is empty" }
    return , $segments.ToArray()
}

# Reads a value at a path of the machine state; $null when any part is missing. Arrays come out unrolled.
function global:Get-DadSimValue {
    param([string]$Path, $Root = $global:DadSim.Machine)
    $node = $Root
    foreach ($seg in (Split-DadSimPath $Path)) {
        if ($null -eq $node) { return $null }
        if ($node -is [System.Collections.IDictionary]) {
            $node = $node[[string]$seg]
        } elseif ($node -is [System.Collections.IList] -and $seg -match '^\d+$') {
            $idx = [int]$seg
            if ($idx -ge $node.Count) { return $null }
            $node = $node[$idx]
        } else { return $null }
    }
    # Arrays unroll as PowerShell output does: callers that need an array use @(Get-DadSimValue ...).
    return $node
}

# Writes a value at a path, creating missing objects on the way; arrays are addressed by index.
function global:Set-DadSimValue {
    param([string]$Path, $Value, $Root = $global:DadSim.Machine)
    $segs = Split-DadSimPath $Path
    $node = $Root
    for ($n = 0; $n -lt $segs.Count - 1; $n++) {
        $seg = [string]$segs[$n]
        if ($node -is [System.Collections.IList] -and $seg -match '^\d+$') {
            $next = $node[[int]$seg]
        } else {
            $next = $node[$seg]
            if (-not ($next -is [System.Collections.IDictionary]) -and -not ($next -is [System.Collections.IList])) {
                $next = (New-DadSimDictionary)
                $node[$seg] = $next
            }
        }
        $node = $next
    }
    $last = [string]$segs[$segs.Count - 1]
    if ($node -is [System.Collections.IList] -and $last -match '^\d+$') { $node[[int]$last] = $Value } else { $node[$last] = $Value }
}

# A scenario date (ISO 8601 string, or a DateTime) as a UTC [datetime].
function global:ConvertTo-DadSimDate {
    param($Value)
    if ($null -eq $Value -or '' -eq $Value) { return $null }
    if ($Value -is [datetime]) {
        if ($Value.Kind -eq [DateTimeKind]::Local) { return $Value.ToUniversalTime() }
        return [datetime]::SpecifyKind($Value, [DateTimeKind]::Utc)
    }
    $styles = [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal
    return [datetime]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture, $styles)
}

# A uint32 from a JSON number or a hex string such as "0x800b0109" (LastErrorCode).
function global:ConvertTo-DadSimUInt32 {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) {
        $s = $Value.Trim()
        if ($s -match '^0[xX]([0-9a-fA-F]{1,8})$') { return [uint32]::Parse($Matches[1], [System.Globalization.NumberStyles]::HexNumber) }
        return [uint32]$s
    }
    $v = [long]$Value
    if ($v -lt 0) { $v = $v + 4294967296 }
    return [uint32]$v
}

# The names of the Windows commands the simulated machine may or may not have (machine.commands says which).
$global:DadSimWindowsCommandNames = @(
    'Get-CimInstance', 'Get-WmiObject', 'Get-Service', 'Set-Service', 'Start-Service', 'Restart-Service',
    'Get-NetIPHttpsState', 'Get-NetIPHttpsConfiguration', 'Get-DAConnectionStatus', 'Get-DnsClientNrptPolicy',
    'Get-NetIsatapConfiguration', 'Set-NetIsatapConfiguration', 'Get-NetIPAddress', 'Get-NetTeredoState',
    'Get-Net6to4Configuration', 'Set-Net6to4Configuration', 'Get-NCSIPolicyConfiguration', 'Get-NetConnectionProfile',
    'Get-NetIPsecRule', 'Get-NetIPsecPhase1AuthSet', 'Get-NetIPsecMainModeSA', 'Get-NetIPsecQuickModeSA',
    'Resolve-DnsName', 'Get-VpnConnection',
    'Get-RemoteAccess', 'Get-DAOtpAuthentication', 'Get-NetIPInterface', 'Get-NetRoute', 'Set-NetIPInterface', 'New-NetRoute', 'Set-NetRoute',
    'Get-DANetworkLocationServer', 'Get-DAClientDnsConfiguration', 'Get-DnsServerGlobalQueryBlockList',
    'netsh', 'certutil', 'w32tm'
)

# Applies the scenario's fault for a command: "throw" throws, "hang" sleeps (the runner's timeout ends it).
function global:Invoke-DadSimFault {
    param([string[]]$Names)
    if ($null -eq $global:DadSim) { throw 'No scenario is loaded on the simulated host: call Import-DadSimScenario first.' }
    $faults = $global:DadSim.Faults
    if ($null -eq $faults -or $faults.Count -eq 0) { return }
    foreach ($name in $Names) {
        if (-not $faults.Contains($name)) { continue }
        $f = $faults[$name]
        $mode = $f; $message = $null; $seconds = 86400
        if ($f -is [System.Collections.IDictionary]) {
            $mode = $f['mode']; $message = $f['message']
            if ($null -ne $f['seconds']) { $seconds = [double]$f['seconds'] }
        }
        if ($mode -eq 'hang') {
            Start-Sleep -Milliseconds ([int]($seconds * 1000))
            continue
        }
        if (-not $message) { $message = "${name}: simulated failure (fault in scenario '$($global:DadSim.Name)')" }
        $ex = [Activator]::CreateInstance([System.InvalidOperationException], [object[]]@($message))
        $err = [Activator]::CreateInstance([System.Management.Automation.ErrorRecord], [object[]]@($ex, 'DadSimFault', [System.Management.Automation.ErrorCategory]::NotSpecified, $name))
        throw $err
    }
}

# Evaluates one `when` condition of a transition rule (docs/scenarios.md lists the shapes).
function global:Test-DadSimCondition {
    param($Condition)
    if ($Condition.Contains('path')) {
        $actual = Get-DadSimValue ([string]$Condition['path'])
        if ($Condition.Contains('equals')) { return (Test-DadSimEqual $actual $Condition['equals']) }
        if ($Condition.Contains('notEquals')) { return -not (Test-DadSimEqual $actual $Condition['notEquals']) }
        if ($Condition.Contains('exists')) { return (($null -ne $actual) -eq [bool]$Condition['exists']) }
        throw "condition on path '$($Condition['path'])' needs equals, notEquals or exists"
    }
    if ($Condition.Contains('store')) {
        if ($Condition.Contains('contains')) { $thumb = [string]$Condition['contains'] } else { $thumb = [string]$Condition['lacks'] }
        $has = $null -ne (Find-DadSimStoreCertificate -Store ([string]$Condition['store']) -Thumbprint $thumb)
        if ($Condition.Contains('contains')) { return $has }
        return -not $has
    }
    if ($Condition.Contains('chainOk')) {
        $target = [string]$Condition['chainOk']
        $hostName = $target; $port = 443
        if ($target -match '^(.+):(\d+)$') { $hostName = $Matches[1]; $port = [int]$Matches[2] }
        $r = Get-DadSimTlsResult -HostName $hostName -Port $port
        if ($r.Handshake -ne 'succeeded' -or $r.NameMatches -ne $true) { return $false }
        if ($r.ChainStatus.Count -gt 0) { return $false }
        if ($Condition['revocation'] -eq 'online' -and $r.ChainStatusOnline.Count -gt 0) { return $false }
        return $true
    }
    throw 'unknown condition (expected path, store or chainOk)'
}

# Equality for conditions: nulls, numbers (numerically, so 0 equals "0x0"), then strings case-insensitively.
function global:Test-DadSimEqual {
    param($A, $B)
    if ($null -eq $A -or $null -eq $B) { return ($null -eq $A -and $null -eq $B) }
    if ($A -is [bool] -or $B -is [bool]) { return ([string]$A -eq [string]$B) }
    $na = 0.0; $nb = 0.0
    $aNum = ($A -is [ValueType]) -or ([double]::TryParse([string]$A, [ref]$na))
    $bNum = ($B -is [ValueType]) -or ([double]::TryParse([string]$B, [ref]$nb))
    if ($aNum -and $bNum) { return ([double]$A -eq [double]$B) }
    return ([string]$A -eq [string]$B)
}

# Fires a named event: records it and applies every transition rule whose `on` names it and whose `when` holds.
function global:Invoke-DadSimEvent {
    param([string]$Name)
    $applied = [Activator]::CreateInstance([System.Collections.ArrayList])
    $rules = $global:DadSim.Transitions
    for ($i = 0; $i -lt $rules.Count; $i++) {
        $rule = $rules[$i]
        if (@($rule['on']) -notcontains $Name) { continue }
        $ok = $true
        foreach ($c in @($rule['when'])) { if ($null -ne $c -and -not (Test-DadSimCondition $c)) { $ok = $false; break } }
        if (-not $ok) { continue }
        foreach ($k in @($rule['set'].Keys)) { Set-DadSimValue -Path $k -Value (Copy-DadSimData $rule['set'][$k]) }
        [void]$applied.Add($i)
    }
    $entry = [Activator]::CreateInstance([System.Collections.Specialized.OrderedDictionary])
    $entry['event'] = $Name
    $entry['appliedRules'] = $applied.ToArray()
    [void]$global:DadSim.Events.Add($entry)
}

# Checks a transition list at load time, so a typo fails loudly instead of never firing.
function global:Test-DadSimTransitions {
    param($Transitions)
    $n = 0
    foreach ($rule in @($Transitions)) {
        if (-not ($rule -is [System.Collections.IDictionary])) { throw "transitions[$n] is not an object" }
        if (-not $rule['on']) { throw "transitions[$n] has no 'on' event" }
        if (-not ($rule['set'] -is [System.Collections.IDictionary])) { throw "transitions[$n] has no 'set' object" }
        foreach ($k in $rule['set'].Keys) { [void](Split-DadSimPath $k) }
        foreach ($c in @($rule['when'])) {
            if ($null -eq $c) { continue }
            if (-not ($c -is [System.Collections.IDictionary])) { throw "transitions[$n].when has an entry that is not an object" }
            $known = $c.Contains('path') -or $c.Contains('store') -or $c.Contains('chainOk')
            if (-not $known) { throw "transitions[$n].when: unknown condition (expected path, store or chainOk)" }
            if ($c.Contains('path') -and -not ($c.Contains('equals') -or $c.Contains('notEquals') -or $c.Contains('exists'))) {
                throw "transitions[$n].when: a path condition needs equals, notEquals or exists"
            }
            if ($c.Contains('store') -and -not ($c.Contains('contains') -or $c.Contains('lacks'))) {
                throw "transitions[$n].when: a store condition needs contains or lacks"
            }
        }
        $n++
    }
}

# Compressed JSON writer for the probe envelope. Our own rather than ConvertTo-Json because PowerShell 2.0 (Windows 7)
# has no ConvertTo-Json, Windows PowerShell 5.1 wraps pipeline-made arrays as {"value":[..],"Count":n} and writes
# [datetime] as "\/Date()\/"; one writer gives the same bytes on 2.0, 5.1 and 7. Output is pure ASCII (\u escapes),
# so the console code page cannot garble it.
#
# Iterative, over one work stack, rather than a function call per value: a PowerShell function call costs tens of
# microseconds (more while the script is still interpreted), and a check writes over a thousand values, about a
# third of a warm check's work when each was a call (issue 12).

# Serialises hashtables, PSCustomObjects, arrays, strings, numbers, booleans and null as one compressed JSON text.
function ConvertTo-DadJson {
    param($InputObject)
    $builder = [Activator]::CreateInstance([System.Text.StringBuilder])
    $culture = [System.Globalization.CultureInfo]::InvariantCulture
    # Work items, last pushed first written: @($true, <text>) appends text as it is (brackets, commas, "key":);
    # @($false, <value>, <depth>) writes a value. Children are pushed in reverse so they come out in order.
    $work = [Activator]::CreateInstance([System.Collections.Stack])
    $work.Push(@($false, $InputObject, 0))
    while ($work.Count -gt 0) {
        $item = $work.Pop()
        if ($item[0]) { $null = $builder.Append($item[1]); continue }
        $Value = $item[1]
        $Depth = $item[2]
        if ($Depth -gt 12) { throw 'JSON nesting deeper than 12 levels' }
        if ($null -eq $Value) { $null = $builder.Append('null'); continue }
        if ($Value -is [System.Management.Automation.PSObject] -and -not ($Value.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject])) {
            $Value = $Value.PSObject.BaseObject
        }
        $type = $Value.GetType()
        if ($type.IsEnum) { $null = $builder.Append((ConvertTo-DadJsonString $Value.ToString())); continue }
        $code = [int][System.Type]::GetTypeCode($type)
        if ($code -eq 18) { $null = $builder.Append((ConvertTo-DadJsonString $Value)); continue }
        if ($code -eq 3) { if ($Value) { $null = $builder.Append('true') } else { $null = $builder.Append('false') }; continue }
        if ($code -ge 5 -and $code -le 12) { $null = $builder.Append($Value.ToString($culture)); continue }
        if ($code -ge 13 -and $code -le 15) {
            $double = [double]$Value
            if ([double]::IsNaN($double) -or [double]::IsInfinity($double)) { $null = $builder.Append('null') }
            else { $null = $builder.Append($double.ToString('R', $culture)) }
            continue
        }
        if ($code -eq 4) { $null = $builder.Append((ConvertTo-DadJsonString ([string]$Value))); continue }
        if ($code -eq 16 -or $Value -is [System.DateTimeOffset]) { $null = $builder.Append((ConvertTo-DadJsonString (Format-DadDate $Value))); continue }
        $child = $Depth + 1
        if ($Value -is [System.Collections.IDictionary]) {
            # Keys sorted (ordinal) so the same data always gives the same text; an ordered dictionary keeps its order.
            $keys = [Activator]::CreateInstance([System.Collections.ArrayList])
            foreach ($key in $Value.Keys) { $null = $keys.Add([string]$key) }
            if (-not ($Value -is [System.Collections.Specialized.OrderedDictionary])) { $keys.Sort([System.StringComparer]::Ordinal) }
            $null = $builder.Append('{')
            $work.Push(@($true, '}'))
            for ($i = $keys.Count - 1; $i -ge 0; $i--) {
                $key = [string]$keys[$i]
                $work.Push(@($false, $Value[$key], $child))
                $work.Push(@($true, ((ConvertTo-DadJsonString $key) + ':')))
                if ($i -gt 0) { $work.Push(@($true, ',')) }
            }
            continue
        }
        if ($Value -is [System.Management.Automation.PSObject]) {
            $props = @($Value.PSObject.Properties)
            $null = $builder.Append('{')
            $work.Push(@($true, '}'))
            for ($i = $props.Count - 1; $i -ge 0; $i--) {
                $work.Push(@($false, $props[$i].Value, $child))
                $work.Push(@($true, ((ConvertTo-DadJsonString $props[$i].Name) + ':')))
                if ($i -gt 0) { $work.Push(@($true, ',')) }
            }
            continue
        }
        if ($Value -is [System.Collections.IEnumerable]) {
            $items = [Activator]::CreateInstance([System.Collections.ArrayList])
            foreach ($element in $Value) { $null = $items.Add($element) }
            $null = $builder.Append('[')
            $work.Push(@($true, ']'))
            for ($i = $items.Count - 1; $i -ge 0; $i--) {
                $work.Push(@($false, $items[$i], $child))
                if ($i -gt 0) { $work.Push(@($true, ',')) }
            }
            continue
        }
        $null = $builder.Append((ConvertTo-DadJsonString $Value.ToString()))
    }
    return $builder.ToString()
}

# A quoted JSON string, escaping quotes, backslashes, control and non-ASCII characters.
function ConvertTo-DadJsonString {
    param([string]$Text)
    if ($Text -match '^[\x20-\x7E]*$' -and $Text.IndexOf('"') -lt 0 -and $Text.IndexOf('\') -lt 0) { return '"' + $Text + '"' }
    $sb = [Activator]::CreateInstance([System.Text.StringBuilder])
    $null = $sb.Append('"')
    foreach ($ch in $Text.ToCharArray()) {
        $code = [int]$ch
        if ($ch -eq '"') { $null = $sb.Append('\"') }
        elseif ($ch -eq '\') { $null = $sb.Append('\\') }
        elseif ($code -eq 10) { $null = $sb.Append('\n') }
        elseif ($code -eq 13) { $null = $sb.Append('\r') }
        elseif ($code -eq 9) { $null = $sb.Append('\t') }
        elseif ($code -lt 32 -or $code -gt 126) { $null = $sb.Append('\u' + $code.ToString('x4')) }
        else { $null = $sb.Append($ch) }
    }
    $null = $sb.Append('"')
    return $sb.ToString()
}

# Compressed JSON writer for the probe envelope. Our own rather than ConvertTo-Json because PowerShell 2.0 (Windows 7)
# has no ConvertTo-Json, Windows PowerShell 5.1 wraps pipeline-made arrays as {"value":[..],"Count":n} and writes
# [datetime] as "\/Date()\/"; one writer gives the same bytes on 2.0, 5.1 and 7. Output is pure ASCII (\u escapes),
# so the console code page cannot garble it.

# Serialises hashtables, PSCustomObjects, arrays, strings, numbers, booleans and null as one compressed JSON text.
function ConvertTo-DadJson {
    param($InputObject)
    $builder = [Activator]::CreateInstance([System.Text.StringBuilder])
    Write-DadJsonValue $builder $InputObject 0
    return $builder.ToString()
}

# Appends one value; hashtable keys are sorted so the same data always gives the same text.
function Write-DadJsonValue {
    param([System.Text.StringBuilder]$Builder, $Value, [int]$Depth)
    if ($Depth -gt 12) { throw 'JSON nesting deeper than 12 levels' }
    if ($null -eq $Value) { $null = $Builder.Append('null'); return }
    if ($Value -is [System.Management.Automation.PSObject] -and -not ($Value.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject])) {
        $Value = $Value.PSObject.BaseObject
    }
    $type = $Value.GetType()
    if ($type.IsEnum) { Write-DadJsonString $Builder $Value.ToString(); return }
    switch ([int][System.Type]::GetTypeCode($type)) {
        3 { if ($Value) { $null = $Builder.Append('true') } else { $null = $Builder.Append('false') }; return }
        4 { Write-DadJsonString $Builder ([string]$Value); return }
        18 { Write-DadJsonString $Builder $Value; return }
        16 { Write-DadJsonString $Builder (Format-DadDate $Value); return }
        { $_ -ge 5 -and $_ -le 12 } { $null = $Builder.Append($Value.ToString([System.Globalization.CultureInfo]::InvariantCulture)); return }
        { $_ -ge 13 -and $_ -le 15 } {
            $double = [double]$Value
            if ([double]::IsNaN($double) -or [double]::IsInfinity($double)) { $null = $Builder.Append('null'); return }
            $null = $Builder.Append($double.ToString('R', [System.Globalization.CultureInfo]::InvariantCulture)); return
        }
    }
    if ($Value -is [System.DateTimeOffset]) { Write-DadJsonString $Builder (Format-DadDate $Value); return }
    if ($Value -is [System.Collections.IDictionary]) {
        $keys = [Activator]::CreateInstance([System.Collections.ArrayList])
        foreach ($key in $Value.Keys) { $null = $keys.Add([string]$key) }
        if (-not ($Value -is [System.Collections.Specialized.OrderedDictionary])) { $keys.Sort([System.StringComparer]::Ordinal) }
        $null = $Builder.Append('{')
        $first = $true
        foreach ($key in $keys) {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Write-DadJsonString $Builder $key
            $null = $Builder.Append(':')
            Write-DadJsonValue $Builder $Value[$key] ($Depth + 1)
        }
        $null = $Builder.Append('}')
        return
    }
    if ($Value -is [System.Management.Automation.PSObject]) {
        $null = $Builder.Append('{')
        $first = $true
        foreach ($prop in $Value.PSObject.Properties) {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Write-DadJsonString $Builder $prop.Name
            $null = $Builder.Append(':')
            Write-DadJsonValue $Builder $prop.Value ($Depth + 1)
        }
        $null = $Builder.Append('}')
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        $null = $Builder.Append('[')
        $first = $true
        foreach ($item in $Value) {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Write-DadJsonValue $Builder $item ($Depth + 1)
        }
        $null = $Builder.Append(']')
        return
    }
    Write-DadJsonString $Builder $Value.ToString()
}

# Appends a quoted string, escaping quotes, backslashes, control and non-ASCII characters.
function Write-DadJsonString {
    param([System.Text.StringBuilder]$Builder, [string]$Text)
    $null = $Builder.Append('"')
    if ($Text -match '^[\x20-\x7E]*$' -and $Text.IndexOf('"') -lt 0 -and $Text.IndexOf('\') -lt 0) {
        $null = $Builder.Append($Text)
    } else {
        foreach ($ch in $Text.ToCharArray()) {
            $code = [int]$ch
            if ($ch -eq '"') { $null = $Builder.Append('\"') }
            elseif ($ch -eq '\') { $null = $Builder.Append('\\') }
            elseif ($code -eq 10) { $null = $Builder.Append('\n') }
            elseif ($code -eq 13) { $null = $Builder.Append('\r') }
            elseif ($code -eq 9) { $null = $Builder.Append('\t') }
            elseif ($code -lt 32 -or $code -gt 126) { $null = $Builder.Append('\u' + $code.ToString('x4')) }
            else { $null = $Builder.Append($ch) }
        }
    }
    $null = $Builder.Append('"')
}

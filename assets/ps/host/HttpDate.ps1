# Pure helpers of the Windows host: the server clock from an HTTP response's Date header (RFC 1123, always GMT), and
# the response's status code.
# Global because the global TLS adapter calls it; tested on Linux. PowerShell 2.0-safe.

# The Date header of raw HTTP response headers as a UTC [datetime], or $null when absent or unreadable.
function global:ConvertFrom-DadWinHttpDate {
    param([string]$HeaderText)
    if (-not $HeaderText) { return $null }
    $m = [regex]::Match($HeaderText, '(?im)^Date:\s*(.+?)\s*$')
    if (-not $m.Success) { return $null }
    $styles = [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal
    $parsed = [datetime]::MinValue
    if ([datetime]::TryParseExact($m.Groups[1].Value, 'r', [System.Globalization.CultureInfo]::InvariantCulture, $styles, [ref]$parsed)) {
        return [datetime]::SpecifyKind($parsed, [System.DateTimeKind]::Utc)
    }
    return $null
}

# The status code of raw HTTP response headers (`HTTP/1.1 200 OK` -> 200), or $null when there is no status line.
function global:ConvertFrom-DadWinHttpStatus {
    param([string]$HeaderText)
    if (-not $HeaderText) { return $null }
    $m = [regex]::Match($HeaderText, '^HTTP/\d(?:\.\d)?\s+(\d{3})\b')
    if (-not $m.Success) { return $null }
    return [int]$m.Groups[1].Value
}

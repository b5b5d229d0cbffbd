# The fix-side adapters of BOUNDARY.md ("Commands the fixes use") on real Windows: the simulated host defines the same
# names. Dot-sourced only by Start-DadElevatedFix.ps1, i.e. only in the elevated process. Global functions so the
# fix module finds them, as it finds the simulated host's. Windows PowerShell 5.1.

# Adds a certificate file to LocalMachine\Root or LocalMachine\CA (the X509Store API exists on every Windows, unlike
# Import-Certificate, which needs the PKI module).
function global:Import-DadCertificate {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA')][string]$Store, [Parameter(Mandatory = $true)][string]$Path)
    $cert = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList $Path
    $x509 = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $Store, 'LocalMachine'
    $x509.Open('ReadWrite')
    try { $x509.Add($cert) } finally { $x509.Close() }
    return $cert
}

# Removes a certificate by thumbprint from LocalMachine\Root or LocalMachine\CA.
function global:Remove-DadCertificate {
    param([Parameter(Mandatory = $true)][ValidateSet('Root', 'CA')][string]$Store, [Parameter(Mandatory = $true)][ValidatePattern('^[0-9A-Fa-f]{40}\z')][string]$Thumbprint)
    $x509 = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $Store, 'LocalMachine'
    $x509.Open('ReadWrite')
    try {
        foreach ($c in @($x509.Certificates)) {
            if ($c.Thumbprint -eq $Thumbprint.ToUpperInvariant()) { $x509.Remove($c) }
        }
    } finally { $x509.Close() }
}

# Writes one registry value (creating the key when missing).
function global:Set-DadRegistryValue {
    param([Parameter(Mandatory = $true)][ValidatePattern('^(HKLM|HKU):\\')][string]$Path, [Parameter(Mandatory = $true)][string]$Name, $Value,
        [ValidateSet('String', 'ExpandString', 'DWord', 'QWord', 'MultiString', 'Binary')][string]$Type = 'String')
    if ($Path -like 'HKU:*' -and -not (Get-PSDrive -Name HKU -ErrorAction SilentlyContinue)) {
        $null = New-PSDrive -Name HKU -PSProvider Registry -Root HKEY_USERS -Scope Global
    }
    if (-not (Test-Path -LiteralPath $Path)) { $null = New-Item -Path $Path -Force }
    if ($Type -eq 'DWord') { $Value = [int](([long]$Value) -band 0xffffffffL) }
    $null = New-ItemProperty -LiteralPath $Path -Name $Name -Value $Value -PropertyType $Type -Force
}

# Deletes a registry key with its subkeys.
function global:Remove-DadRegistryKey {
    param([Parameter(Mandatory = $true)][ValidatePattern('^HKLM:\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr\\')][string]$Path)
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
}

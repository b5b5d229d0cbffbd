# The Windows fix adapters' own guards, on any OS: the machine store and the ACL calls are the only parts stood in for
# (each test name says what is simulated); the checks around them are the real code.

BeforeAll {
    $script:Before = @(Get-ChildItem -LiteralPath 'Function:\' | ForEach-Object { $_.Name })
    . (Join-Path $PSScriptRoot 'WindowsFixAdapters.ps1')
    $script:CertDir = Join-Path (Split-Path -Parent (Split-Path -Parent $PSScriptRoot)) 'scenarios/certs'
    $script:RootBytes = [IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-root-ca.cer'))
    $script:OtherBytes = [IO.File]::ReadAllBytes((Join-Path $script:CertDir 'contoso-root-ca-2016.cer'))
    $script:Root = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B'
    $script:Kelvin = [string][char]0x212A
    $script:DotI = [string][char]0x0130

    # A folder's security as Get-DadFolderSecurity reports it.
    function New-TestSecurity([string]$Owner = 'S-1-5-32-544', [object[]]$Rules = @(), [bool]$IsLink = $false) {
        $all = @(@{ Sid = 'S-1-5-18'; Allow = $true; Rights = 0x1F01FF }, @{ Sid = 'S-1-5-32-544'; Allow = $true; Rights = 0x1F01FF }, @{ Sid = 'S-1-5-32-545'; Allow = $true; Rights = 0x1200A9 }) + $Rules
        return @{ IsLink = $IsLink; Owner = $Owner; Rules = $all }
    }
}

AfterAll {
    foreach ($f in @(Get-ChildItem -LiteralPath 'Function:\')) {
        if ($script:Before -notcontains $f.Name) { Remove-Item -LiteralPath ('Function:\' + $f.Name) }
    }
    Remove-Variable -Name DadTrustedWriterSids, DadWriteRightsMask -Scope Global -ErrorAction SilentlyContinue
}

Describe 'Import-DadCertificate (the machine store simulated: Add-DadX509StoreCertificate mocked)' {
    BeforeEach { Mock Add-DadX509StoreCertificate { } }

    It 'adds the certificate built from the approved bytes, from memory' {
        $cert = Import-DadCertificate -Store Root -Certificate $script:RootBytes -Thumbprint $script:Root
        $cert.Thumbprint | Should -Be $script:Root
        Should -Invoke Add-DadX509StoreCertificate -Times 1 -Exactly -ParameterFilter { $Store -ceq 'Root' -and $Certificate.Thumbprint -ceq $script:Root }
    }
    It 'refuses bytes that are not the approved certificate, right before X509Store.Add' {
        { Import-DadCertificate -Store Root -Certificate $script:OtherBytes -Thumbprint $script:Root } | Should -Throw '*not the approved*'
        Should -Invoke Add-DadX509StoreCertificate -Times 0
    }
    It 'refuses when the certificate object is swapped after the fix checked the bytes (simulated: New-DadX509Certificate returns another)' {
        Mock New-DadX509Certificate { New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $script:OtherBytes) }
        { Import-DadCertificate -Store CA -Certificate $script:RootBytes -Thumbprint $script:Root } | Should -Throw '*not the approved*'
        Should -Invoke Add-DadX509StoreCertificate -Times 0
    }
    It 'refuses a thumbprint with <Name> and a store name in another case' -ForEach @(
        @{ Name = 'the Kelvin sign (U+212A)'; Char = [string][char]0x212A },
        @{ Name = 'the dotted capital I (U+0130)'; Char = [string][char]0x0130 }
    ) {
        { Import-DadCertificate -Store Root -Certificate $script:RootBytes -Thumbprint ($script:Root.Substring(0, 39) + $Char) } | Should -Throw
        { Import-DadCertificate -Store root -Certificate $script:RootBytes -Thumbprint $script:Root } | Should -Throw
        { Remove-DadCertificate -Store Root -Thumbprint ($script:Root.Substring(0, 39) + $Char) } | Should -Throw
        Should -Invoke Add-DadX509StoreCertificate -Times 0
    }
}

Describe 'Get-DadAdminOnlyProblem (folder security as the ACL adapter reports it)' {
    It 'accepts a folder owned by <Owner> that only SYSTEM, Administrators and TrustedInstaller may write' -ForEach @(
        @{ Owner = 'S-1-5-32-544' }, @{ Owner = 'S-1-5-18' }, @{ Owner = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464' }
    ) {
        Get-DadAdminOnlyProblem (New-TestSecurity -Owner $Owner) | Should -BeNullOrEmpty
    }
    It 'refuses <Name>' -ForEach @(
        @{ Name = 'a folder owned by a user'; Security = @{ IsLink = $false; Owner = 'S-1-5-21-1-2-3-1001'; Rules = @() } },
        @{ Name = 'a folder Users may write'; Rules = @(@{ Sid = 'S-1-5-32-545'; Allow = $true; Rights = 0x2 }) },
        @{ Name = 'a folder Authenticated Users may modify'; Rules = @(@{ Sid = 'S-1-5-11'; Allow = $true; Rights = 0x1301BF }) },
        @{ Name = 'a folder Everyone may re-permission'; Rules = @(@{ Sid = 'S-1-1-0'; Allow = $true; Rights = 0x40000 }) },
        @{ Name = 'a folder a user may delete children of'; Rules = @(@{ Sid = 'S-1-5-21-1-2-3-1001'; Allow = $true; Rights = 0x40 }) },
        @{ Name = 'a link'; Security = @{ IsLink = $true; Owner = 'S-1-5-32-544'; Rules = @() } },
        @{ Name = 'nothing there'; Security = $null; Missing = $true }
    ) {
        if ($Missing) { $sec = $null } elseif ($Security) { $sec = $Security } else { $sec = New-TestSecurity -Rules $Rules }
        Get-DadAdminOnlyProblem $sec | Should -Not -BeNullOrEmpty
    }
}

Describe 'New-DadPrivateFolder (ACLs simulated: Get-DadFolderSecurity and New-DadAdminOnlyDirectory mocked)' {
    BeforeEach {
        $script:Made = New-Object System.Collections.ArrayList
        $script:Planted = @{}
        Mock New-DadAdminOnlyDirectory { $null = $script:Made.Add($Path) }
        Mock Get-DadFolderSecurity {
            if ($script:Planted.ContainsKey($Path)) { return $script:Planted[$Path] }
            foreach ($m in $script:Made) { if ($m -eq $Path) { return (New-TestSecurity) } }
            return $null
        }
        $script:Base = [Environment]::GetFolderPath([Environment+SpecialFolder]::CommonApplicationData)
        $script:App = [IO.Path]::Combine($script:Base, 'DirectAccess Doctor')
    }
    It 'creates CommonApplicationData\DirectAccess Doctor\results\(a new guid), each admin-only' {
        $f = New-DadPrivateFolder -Purpose results
        $f | Should -Match ('^' + [regex]::Escape([IO.Path]::Combine($script:App, 'results')) + '.[0-9a-f]{32}$')
        $script:Made.Count | Should -Be 3
    }
    It 'refuses a DirectAccess Doctor folder a user created first (simulated owner: a user SID)' {
        $script:Planted[$script:App] = New-TestSecurity -Owner 'S-1-5-21-1-2-3-1001'
        { New-DadPrivateFolder } | Should -Throw '*not a folder only administrators can write*'
        Should -Invoke New-DadAdminOnlyDirectory -Times 0
    }
    It 'refuses a folder that is a link (simulated reparse point)' {
        $script:Planted[[IO.Path]::Combine($script:App, 'work')] = New-TestSecurity -IsLink $true
        { New-DadPrivateFolder -Purpose work } | Should -Throw '*link*'
    }
    It 'refuses when the folder it creates comes out writable by Users (simulated: planted between the check and the create)' {
        Mock New-DadAdminOnlyDirectory { $script:Planted[$Path] = New-TestSecurity -Rules @(@{ Sid = 'S-1-5-32-545'; Allow = $true; Rights = 0x6 }) }
        { New-DadPrivateFolder } | Should -Throw '*S-1-5-32-545 may write*'
    }
    It 'refuses a purpose it does not know' {
        { New-DadPrivateFolder -Purpose Work } | Should -Throw
        { New-DadPrivateFolder -Purpose '..' } | Should -Throw
    }
}

Describe 'New-DadPrivateFolder with a result id (ACLs simulated: Get-DadFolderSecurity and New-DadAdminOnlyDirectory mocked)' {
    BeforeEach {
        $script:App = [IO.Path]::Combine([Environment]::GetFolderPath([Environment+SpecialFolder]::CommonApplicationData), 'DirectAccess Doctor')
        $script:Id = [Guid]::NewGuid().ToString('N')
        Mock New-DadAdminOnlyDirectory { }
        Mock Get-DadFolderSecurity { New-TestSecurity }
    }
    It 'refuses a result folder that is already there (simulated: planted before the elevated step), even admin-only' {
        { New-DadPrivateFolder -Purpose results -Name $script:Id } | Should -Throw '*already there*'
        Should -Invoke New-DadAdminOnlyDirectory -Times 0
    }
    It 'refuses a name that is not 32 lower-case hex' {
        { New-DadPrivateFolder -Purpose results -Name '..' } | Should -Throw
        { New-DadPrivateFolder -Purpose results -Name $script:Id.ToUpperInvariant() } | Should -Throw
    }
}

# Where the elevated script may live: the known folder, the owners and ACLs of the file and its folders (all three
# adapters stood in for: this runs on any OS, the real Get-Acl only on Windows).
BeforeAll {
    . (Join-Path $PSScriptRoot 'ElevationSource.ps1')
    $script:Admins = 'S-1-5-32-544'
    # A stand-in ACL: an owner SID and rules of (SID, rights, Allow/Deny).
    function New-TestAcl {
        param([string]$Owner, [object[]]$Rules = @())
        $o = [pscustomobject]@{ Owner = $Owner; Rules = $Rules }
        $o | Add-Member -MemberType ScriptMethod -Name GetOwner -Value { param($t) [pscustomobject]@{ Value = $this.Owner } }
        $o | Add-Member -MemberType ScriptMethod -Name GetAccessRules -Value {
            param($a, $b, $c)
            foreach ($r in $this.Rules) { [pscustomobject]@{ IdentityReference = [pscustomobject]@{ Value = $r[0] }; FileSystemRights = [System.Security.AccessControl.FileSystemRights]$r[1]; AccessControlType = $r[2] } }
        }
        return $o
    }
    $script:Script = 'C:\Program Files\DirectAccess Doctor\resources\ps\fixes\Start-DadElevatedFix.ps1'
}

Describe 'Test-DadElevationSource' {
    BeforeEach {
        Mock Get-DadProgramFilesFolder { 'C:\Program Files' }
        $script:Acls = @{}
        Mock Get-DadPathAcl { if ($script:Acls.ContainsKey($Path)) { $script:Acls[$Path] } else { New-TestAcl -Owner $script:Admins -Rules @(, @('S-1-5-32-545', 'ReadAndExecute', 'Allow')) } }
    }
    It 'accepts the install folder under Program Files, checking the file and every folder up to Program Files' {
        Test-DadElevationSource -ScriptPath $script:Script | Should -BeNullOrEmpty
        Should -Invoke Get-DadPathAcl -Times 6 -Exactly
        Should -Invoke Get-DadPathAcl -Times 1 -ParameterFilter { $Path -eq 'C:\Program Files' }
    }
    It 'refuses a script outside Program Files, a prefix trick, relative parts, and an unknown Program Files' {
        Test-DadElevationSource -ScriptPath 'C:\Users\ann\AppData\Local\Temp\Start-DadElevatedFix.ps1' | Should -Match 'not in the per-machine install folder'
        Test-DadElevationSource -ScriptPath 'C:\Program Files Evil\x\Start-DadElevatedFix.ps1' | Should -Match 'not in the per-machine install folder'
        Test-DadElevationSource -ScriptPath 'C:\Program Files\..\Users\ann\Start-DadElevatedFix.ps1' | Should -Match 'not a plain absolute path'
        Test-DadElevationSource -ScriptPath 'relative\Start-DadElevatedFix.ps1' | Should -Match 'not a plain absolute path'
        Mock Get-DadProgramFilesFolder { '' }
        Test-DadElevationSource -ScriptPath $script:Script | Should -Match 'Program Files folder is unknown'
    }
    It 'refuses a file or a parent folder owned by a user' {
        $script:Acls['C:\Program Files\DirectAccess Doctor\resources'] = New-TestAcl -Owner 'S-1-5-21-1-2-3-1001'
        Test-DadElevationSource -ScriptPath $script:Script | Should -Match 'resources is owned by S-1-5-21-1-2-3-1001'
    }
    It 'refuses a folder <sid> may write (<rights>)' -ForEach @(
        @{ sid = 'S-1-5-32-545'; rights = 'Modify' },
        @{ sid = 'S-1-5-11'; rights = 'CreateFiles' },
        @{ sid = 'S-1-1-0'; rights = 'FullControl' },
        @{ sid = 'S-1-5-4'; rights = 'AppendData' }
    ) {
        $script:Acls['C:\Program Files\DirectAccess Doctor\resources\ps\fixes'] = New-TestAcl -Owner $script:Admins -Rules @(, @($sid, $rights, 'Allow'))
        Test-DadElevationSource -ScriptPath $script:Script | Should -Match ('can be changed by ' + $sid)
    }
    It 'does not mind a Deny rule or a write right for administrators' {
        $script:Acls[$script:Script] = New-TestAcl -Owner 'S-1-5-18' -Rules @(@('S-1-5-32-545', 'Write', 'Deny'), @('S-1-5-32-544', 'FullControl', 'Allow'))
        Test-DadElevationSource -ScriptPath $script:Script | Should -BeNullOrEmpty
    }
}

Describe 'Get-DadSystemPowerShell' {
    It 'is the in-box Windows PowerShell of the system directory, whatever SystemRoot says' {
        Mock Get-DadSystemFolder { 'C:\Windows\System32' }
        $env:SystemRoot_Saved = $env:SystemRoot
        $env:SystemRoot = 'D:\evil'
        try { Get-DadSystemPowerShell | Should -Be ([System.IO.Path]::Combine([System.IO.Path]::Combine([System.IO.Path]::Combine('C:\Windows\System32', 'WindowsPowerShell'), 'v1.0'), 'powershell.exe')) }
        finally { $env:SystemRoot = $env:SystemRoot_Saved; Remove-Item Env:\SystemRoot_Saved -ErrorAction SilentlyContinue }
    }
}

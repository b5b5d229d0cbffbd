# The elevated entry point's own guards: its input is validated before anything loads; the session it runs in loads
# no module the user could plant; and it writes its result only as a new file in a new administrators-only folder.
# Off Windows there are no ACLs: where a test stands in for them, its name says so.
BeforeAll {
    $script:Entry = Join-Path $PSScriptRoot 'Start-DadElevatedFix.ps1'
    # The PowerShell running these tests, as a new process: under the .NET tool that is `dotnet pwsh.dll`.
    $script:Exe = (Get-Process -Id $PID).Path
    $script:Pre = @()
    if ((Split-Path -Leaf $script:Exe) -like 'dotnet*') { $script:Pre = @((Join-Path $PSHOME 'pwsh.dll')) }
    function Invoke-Child([string[]]$Arguments) {
        $out = & $script:Exe @script:Pre -NoProfile -NonInteractive @Arguments 2>&1
        return @{ Code = $LASTEXITCODE; Output = ($out -join "`n") }
    }
    $script:Input64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"fix":"start-ip-helper","params":{}}'))
    $script:Id = [Guid]::NewGuid().ToString('N')

    . (Join-Path $PSScriptRoot 'WindowsFixAdapters.ps1')
    . (Join-Path $PSScriptRoot 'ElevatedSession.ps1')
}

AfterAll {
    foreach ($n in @('Import-DadCertificate', 'New-DadX509Certificate', 'Add-DadX509StoreCertificate', 'Remove-DadCertificate', 'Set-DadRegistryValue',
            'Remove-DadRegistryKey', 'Get-DadAdminOnlyProblem', 'Get-DadFolderSecurity', 'New-DadAdminOnlyDirectory', 'New-DadPrivateFolder')) {
        if (Test-Path -LiteralPath ('Function:\' + $n)) { Remove-Item -LiteralPath ('Function:\' + $n) }
    }
}

Describe 'Start-DadElevatedFix.ps1 parameters' {
    It 'refuses input that is not base64 before loading anything' {
        $r = Invoke-Child @('-File', $script:Entry, '-InputB64', "'; New-Item x; '", '-ResultId', $script:Id)
        $r.Code | Should -Not -Be 0
        $r.Output | Should -Match 'InputB64'
    }
    It 'refuses a result id that is a path or not lower-case hex' -ForEach @('..\..\x', (([string][char]0x212A) * 32)) {
        $r = Invoke-Child @('-File', $script:Entry, '-InputB64', $script:Input64, '-ResultId', $_)
        $r.Code | Should -Not -Be 0
        $r.Output | Should -Match 'ResultId'
    }
}

Describe 'the elevated session loads no module the user planted' {
    BeforeAll {
        # A module in a folder the user controls that defines Get-Service (which the start-ip-helper fix calls and Linux
        # lacks, so auto-loading would go looking for it there) and leaves a marker when it loads.
        $script:Planted = Join-Path $TestDrive 'usermodules'
        $script:Marker = Join-Path $TestDrive 'planted-module-ran.txt'
        New-Item -ItemType Directory -Path (Join-Path $script:Planted 'DadPlanted') -Force | Out-Null
        Set-Content -LiteralPath (Join-Path $script:Planted 'DadPlanted/DadPlanted.psm1') -Value @"
Set-Content -LiteralPath '$($script:Marker)' -Value 'ran'
function Get-Service { param([string]`$Name) [pscustomobject]@{ Name = `$Name; Status = 'Running'; StartType = 'Automatic' } }
function Get-DadPlantedProbe { 'planted' }
Export-ModuleMember -Function Get-Service, Get-DadPlantedProbe
"@
    }
    It 'the entry script with the planted folder first in PSModulePath: the planted module never loads' {
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $script:Planted + [IO.Path]::PathSeparator + $saved
            $r = Invoke-Child @('-File', $script:Entry, '-InputB64', $script:Input64, '-ResultId', ([Guid]::NewGuid().ToString('N')))
        } finally { $env:PSModulePath = $saved }
        # 3: it ran the fix and got as far as the result (which off Windows has no administrators-only folder).
        $r.Code | Should -Be 3 -Because $r.Output
        Test-Path -LiteralPath $script:Marker | Should -BeFalse -Because "a planted module must not load in the elevated session ($($r.Output))"
    }
    It 'Set-DadElevatedSession: auto-loading off, PSModulePath and PATH from the system directory only (simulated system directory)' {
        $sys = Join-Path $TestDrive 'Windows/System32'
        $script = ". '$(Join-Path $PSScriptRoot 'ElevatedSession.ps1')'; Set-DadElevatedSession -SystemDirectory '$sys'; " +
        "'AUTO=' + `$PSModuleAutoLoadingPreference; 'MODPATH=' + `$env:PSModulePath; 'PATH=' + `$env:PATH; " +
        "'PLANTED=' + [bool](Get-Command Get-DadPlantedProbe -ErrorAction SilentlyContinue)"
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $script:Planted + [IO.Path]::PathSeparator + $saved
            $r = Invoke-Child @('-Command', $script)
        } finally { $env:PSModulePath = $saved }
        $r.Output | Should -Match 'AUTO=None'
        $r.Output | Should -Match 'PLANTED=False'
        $r.Output | Should -Not -Match ([regex]::Escape($script:Planted))
        $r.Output | Should -Match ('MODPATH=' + [regex]::Escape((Join-Path $PSHOME 'Modules')) + [regex]::Escape([IO.Path]::PathSeparator) + [regex]::Escape([IO.Path]::Combine($sys, 'WindowsPowerShell\v1.0\Modules')) + '(\r?\n|$)')
        $r.Output | Should -Match ('PATH=' + [regex]::Escape($sys) + ';')
        Test-Path -LiteralPath $script:Marker | Should -BeFalse
    }
}

Describe 'Write-DadElevatedResult (the administrators-only folder simulated: New-DadPrivateFolder mocked to a test folder)' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ([Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:Folder | Out-Null
        Mock New-DadPrivateFolder { $script:Folder }
    }
    It 'writes the one JSON object as result.json of the new folder named by the result id' {
        Write-DadElevatedResult -Json '{"ok":true}' -ResultId $script:Id | Should -BeTrue
        Get-Content -Raw -LiteralPath (Join-Path $script:Folder 'result.json') | Should -Be '{"ok":true}'
        Should -Invoke New-DadPrivateFolder -Times 1 -ParameterFilter { $Purpose -ceq 'results' -and $Name -ceq $script:Id }
    }
    It 'refuses a result.json that is already there, and leaves it alone' {
        Set-Content -LiteralPath (Join-Path $script:Folder 'result.json') -Value 'planted' -NoNewline
        Write-DadElevatedResult -Json '{"ok":true}' -ResultId $script:Id | Should -BeFalse
        Get-Content -Raw -LiteralPath (Join-Path $script:Folder 'result.json') | Should -Be 'planted'
    }
    It 'does not write through a link planted as result.json' {
        $target = Join-Path $TestDrive 'victim.txt'
        Set-Content -LiteralPath $target -Value 'precious' -NoNewline
        New-Item -ItemType SymbolicLink -Path (Join-Path $script:Folder 'result.json') -Target $target | Out-Null
        Write-DadElevatedResult -Json '{"ok":true}' -ResultId $script:Id | Should -BeFalse
        Get-Content -Raw -LiteralPath $target | Should -Be 'precious'
    }
    It 'writes nothing when the folder is refused (a folder already there, a link, one users can write)' {
        Mock New-DadPrivateFolder { throw 'is not a folder only administrators can write' }
        Write-DadElevatedResult -Json '{"ok":true}' -ResultId $script:Id | Should -BeFalse
    }
}

Describe 'Write-DadElevatedUndo (the administrators-only folder simulated: New-DadPrivateFolder mocked to a test folder)' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ([Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:Folder | Out-Null
        Mock New-DadPrivateFolder { $script:Folder }
        $script:In = { param($o) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(($o | ConvertTo-Json -Compress))) }
    }
    It 'keeps the fix id and its undo data as undo.json of the folder named by the undo key' {
        $ok = Write-DadElevatedUndo -Json '{"ok":true,"fix":"set-ipv6-prefer-ipv4","changed":[],"undoData":{"previous":255}}' -InputB64 (& $script:In @{ fix = 'set-ipv6-prefer-ipv4'; undoKey = 'mx4sqnht-5e49f450' })
        $ok | Should -BeTrue
        $kept = Get-Content -Raw -LiteralPath (Join-Path $script:Folder 'undo.json') | ConvertFrom-Json
        $kept.fix | Should -Be 'set-ipv6-prefer-ipv4'
        $kept.undoData.previous | Should -Be 255
        Should -Invoke New-DadPrivateFolder -Times 1 -ParameterFilter { $Purpose -ceq 'undo' -and $Name -ceq 'mx4sqnht-5e49f450' }
    }
    It 'keeps nothing for a failed fix, a fix without undo data, or a hostile key' {
        Write-DadElevatedUndo -Json '{"ok":false,"fix":"x","changed":[],"undoData":{"a":1}}' -InputB64 (& $script:In @{ undoKey = 'k1' }) | Should -BeFalse
        Write-DadElevatedUndo -Json '{"ok":true,"fix":"x","changed":[],"undoData":null}' -InputB64 (& $script:In @{ undoKey = 'k1' }) | Should -BeFalse
        foreach ($key in @('..\..\Windows', 'K' + [char]0x212A, 'a/b', '', ('x' * 65))) {
            Write-DadElevatedUndo -Json '{"ok":true,"fix":"x","changed":[],"undoData":{"a":1}}' -InputB64 (& $script:In @{ undoKey = $key }) | Should -BeFalse
        }
        Should -Invoke New-DadPrivateFolder -Times 0
    }
    It 'refuses an undo.json that is already there, and leaves it alone' {
        Set-Content -LiteralPath (Join-Path $script:Folder 'undo.json') -Value 'planted' -NoNewline
        Write-DadElevatedUndo -Json '{"ok":true,"fix":"x","changed":[],"undoData":{"a":1}}' -InputB64 (& $script:In @{ undoKey = 'k1' }) | Should -BeFalse
        Get-Content -Raw -LiteralPath (Join-Path $script:Folder 'undo.json') | Should -Be 'planted'
    }
}

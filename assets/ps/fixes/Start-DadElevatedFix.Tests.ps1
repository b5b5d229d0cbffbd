# The elevated entry point's own guards: its input is validated before anything loads, and it writes its result only
# as a new file in a real folder (the folder belongs to the user, who could plant a link or a file there).
BeforeAll {
    $script:Entry = Join-Path $PSScriptRoot 'Start-DadElevatedFix.ps1'
    # The PowerShell running these tests, as a new process: under the .NET tool that is `dotnet pwsh.dll`.
    $script:Exe = (Get-Process -Id $PID).Path
    $script:Pre = @()
    if ((Split-Path -Leaf $script:Exe) -like 'dotnet*') { $script:Pre = @((Join-Path $PSHOME 'pwsh.dll')) }
    function Invoke-Entry([string[]]$Arguments) {
        $out = & $script:Exe @script:Pre -NoProfile -NonInteractive -File $script:Entry @Arguments 2>&1
        return @{ Code = $LASTEXITCODE; Output = ($out -join "`n") }
    }
    $script:Input64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"fix":"start-ip-helper","params":{}}'))
}

Describe 'Start-DadElevatedFix.ps1' {
    It 'writes one JSON result as a new file' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ([Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $result = Join-Path $dir 'result.json'
        $r = Invoke-Entry @('-InputB64', $script:Input64, '-ResultPath', $result)
        # Off Windows the fix itself cannot run; what matters here is the one JSON object it reports.
        Test-Path -LiteralPath $result | Should -BeTrue
        (Get-Content -Raw -LiteralPath $result) | Should -Match '^\{"ok":(true|false),'
        $r.Code | Should -BeIn @(0, 1)
    }

    It 'never overwrites a file that is already there' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ([Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $result = Join-Path $dir 'result.json'
        Set-Content -LiteralPath $result -Value 'planted' -NoNewline
        $r = Invoke-Entry @('-InputB64', $script:Input64, '-ResultPath', $result)
        $r.Code | Should -Be 3
        Get-Content -Raw -LiteralPath $result | Should -Be 'planted'
    }

    It 'does not write through a link planted as the result file' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ([Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $target = Join-Path $dir 'victim.txt'
        Set-Content -LiteralPath $target -Value 'precious' -NoNewline
        $result = Join-Path $dir 'result.json'
        New-Item -ItemType SymbolicLink -Path $result -Target $target | Out-Null
        $r = Invoke-Entry @('-InputB64', $script:Input64, '-ResultPath', $result)
        $r.Code | Should -Be 3
        Get-Content -Raw -LiteralPath $target | Should -Be 'precious'
    }

    It 'refuses input that is not base64 before loading anything' {
        $r = Invoke-Entry @('-InputB64', "'; New-Item x; '", '-ResultPath', (Join-Path ([IO.Path]::GetTempPath()) 'never.json'))
        $r.Code | Should -Not -Be 0
        $r.Output | Should -Match 'InputB64'
    }
}

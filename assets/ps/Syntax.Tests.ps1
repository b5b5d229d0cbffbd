# Every script under assets/ps must parse, and must not use syntax that Windows PowerShell 5.1 cannot run (the
# app's session on every supported Windows). The probe module and the Windows host must also run on PowerShell 2.0
# (the Windows 7 collector), so they are held to a stricter list. Checked on the AST and on the tokens, because the
# tokens still show PS7 operators where a 5.1 parser would only report an error.

BeforeDiscovery {
    $root = $PSScriptRoot
    $script:Files = @(Get-ChildItem -Path $root -Recurse -File -Include '*.ps1', '*.psm1' | ForEach-Object {
            $relative = $_.FullName.Substring($root.Length + 1).Replace('\', '/')
            $ps2 = ($relative -eq 'DaDoctor.psm1' -or $relative -match '^(probes|host)/') -and $relative -notmatch '\.Tests\.ps1$'
            @{ Path = $_.FullName; Name = $relative; Ps2 = $ps2 }
        })
}

BeforeAll {
    # Token kinds that only PowerShell 7 produces (compared by name: the 5.1 enum lacks them).
    $script:Ps7TokenKinds = @('QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr', 'QuestionMark', 'Clean')

    # The problems of parsed code: parse errors, PowerShell 7-only syntax, and with -Ps2 what 2.0 lacks.
    function Find-SyntaxProblem {
        param($Ast, $Tokens, $Errors, [switch]$Ps2)
        $problems = New-Object System.Collections.ArrayList
        foreach ($parseError in $Errors) { $null = $problems.Add('parse error: ' + $parseError.Message) }
        foreach ($token in $Tokens) {
            if ($script:Ps7TokenKinds -contains $token.Kind.ToString()) {
                $null = $problems.Add(('PS7-only token {0} at line {1}' -f $token.Kind, $token.Extent.StartLineNumber))
            }
        }
        $nodes = $Ast.FindAll({ $true }, $true)
        foreach ($node in $nodes) {
            $type = $node.GetType().Name
            $line = $node.Extent.StartLineNumber
            $found = $null
            switch ($type) {
                'TernaryExpressionAst' { $found = 'ternary operator' }
                'PipelineChainAst' { $found = 'pipeline chain operator && / ||' }
                'BinaryExpressionAst' {
                    $op = $node.Operator.ToString()
                    if ($op -eq 'QuestionQuestion') { $found = 'null-coalescing operator ??' }
                    if ($Ps2 -and @('In', 'Iin', 'Cin', 'NotIn', 'Inotin', 'Cnotin', 'Shl', 'Shr') -contains $op) { $found = "operator -$op (PowerShell 3+)" }
                }
                'AssignmentStatementAst' { if ($node.Operator.ToString() -eq 'QuestionQuestionEquals') { $found = 'null-coalescing assignment ??=' } }
                'MemberExpressionAst' { if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $found = 'null-conditional member access ?.' } }
                'InvokeMemberExpressionAst' {
                    if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $found = 'null-conditional call ?.' }
                    elseif ($node.Static -and $node.Member.Extent.Text -eq 'new') { $found = '::new( (PowerShell 5+; use New-Object)' }
                    elseif ($Ps2 -and @('Where', 'ForEach') -contains $node.Member.Extent.Text) { $found = ".$($node.Member.Extent.Text)() method (PowerShell 4+)" }
                }
                'IndexExpressionAst' { if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $found = 'null-conditional index ?[' } }
                'ScriptBlockAst' { if ($node.PSObject.Properties['CleanBlock'] -and $null -ne $node.CleanBlock) { $found = 'clean block' } }
                'CommandAst' {
                    $name = $node.GetCommandName()
                    if (@('ForEach-Object', 'foreach', '%') -contains $name) {
                        foreach ($element in $node.CommandElements) {
                            if ($element -is [System.Management.Automation.Language.CommandParameterAst] -and $element.ParameterName.Length -ge 2 -and
                                'parallel'.StartsWith($element.ParameterName, [System.StringComparison]::OrdinalIgnoreCase)) {
                                $found = 'ForEach-Object -Parallel'
                            }
                        }
                    }
                }
                'TypeDefinitionAst' { if ($Ps2) { $found = 'class/enum definition (PowerShell 5+)' } }
                'UsingStatementAst' { if ($Ps2) { $found = 'using statement (PowerShell 5+)' } }
                'TypeExpressionAst' { if ($Ps2 -and @('ordered', 'pscustomobject') -contains $node.TypeName.Name) { $found = "[$($node.TypeName.Name)] (PowerShell 3+)" } }
                'ConvertExpressionAst' { if ($Ps2 -and @('ordered', 'pscustomobject') -contains $node.Type.TypeName.Name) { $found = "[$($node.Type.TypeName.Name)] (PowerShell 3+)" } }
                'FileRedirectionAst' { if ($Ps2 -and @('Output', 'Error') -notcontains $node.FromStream.ToString()) { $found = "redirection of stream $($node.FromStream) (PowerShell 3+)" } }
                'MergingRedirectionAst' { if ($Ps2 -and @('Output', 'Error') -notcontains $node.FromStream.ToString()) { $found = "redirection of stream $($node.FromStream) (PowerShell 3+)" } }
            }
            if ($found) { $null = $problems.Add(('{0} at line {1}' -f $found, $line)) }
        }
        return , $problems.ToArray()
    }

    # The problems of a snippet of code.
    function Find-SnippetProblem {
        param([string]$Code, [switch]$Ps2)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        return Find-SyntaxProblem -Ast $ast -Tokens $tokens -Errors $errors -Ps2:$Ps2
    }
}

Describe 'scripts under assets/ps' {
    It '<Name> parses and uses no PowerShell 7-only syntax' -ForEach $script:Files {
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        $problems = Find-SyntaxProblem -Ast $ast -Tokens $tokens -Errors $errors -Ps2:$Ps2
        $problems | Should -BeNullOrEmpty -Because ($Name + ': ' + ($problems -join '; '))
    }

    It 'checks the module, its probes and the Windows host against PowerShell 2.0 too' -TestCases @(@{ Files = $script:Files }) {
        $ps2Names = @($Files | Where-Object { $_.Ps2 } | ForEach-Object { $_.Name })
        $ps2Names | Should -Contain 'DaDoctor.psm1'
        $ps2Names | Should -Contain 'host/WindowsHost.ps1'
        $ps2Names | Should -Contain 'probes/Common.ps1'
    }
}

Describe 'the syntax check itself' {
    It 'flags <Construct>' -ForEach @(
        @{ Construct = 'the ternary operator'; Code = '$a = $true ? 1 : 2' }
        @{ Construct = 'null-coalescing'; Code = '$a = $b ?? 3' }
        @{ Construct = 'null-coalescing assignment'; Code = '$a ??= 3' }
        @{ Construct = 'null-conditional member access'; Code = '${a}?.Length' }
        @{ Construct = 'null-conditional index'; Code = '${a}?[0]' }
        @{ Construct = 'the && chain'; Code = 'Get-Date && Get-Date' }
        @{ Construct = 'the || chain'; Code = 'Get-Date || Get-Date' }
        @{ Construct = 'ForEach-Object -Parallel'; Code = '1..3 | ForEach-Object -Parallel { $_ }' }
        @{ Construct = 'abbreviated -Parallel on the % alias'; Code = '1..3 | % -Para { $_ }' }
        @{ Construct = '::new('; Code = '$x = [System.Text.StringBuilder]::new()' }
        @{ Construct = 'a clean block'; Code = 'function f { process { 1 } clean { 2 } }' }
    ) {
        $problems = Find-SnippetProblem $Code
        $problems | Should -Not -BeNullOrEmpty -Because "$Construct must be rejected"
    }

    It 'flags <Construct> in PowerShell 2.0 code' -ForEach @(
        @{ Construct = '[ordered]'; Code = '$h = [ordered]@{ a = 1 }' }
        @{ Construct = '[pscustomobject]'; Code = '$o = [pscustomobject]@{ a = 1 }' }
        @{ Construct = 'a class'; Code = 'class Foo { [int]$a }' }
        @{ Construct = 'using namespace'; Code = 'using namespace System.Text' }
        @{ Construct = '-in'; Code = '$x = 1 -in @(1, 2)' }
        @{ Construct = '.Where()'; Code = '$x = @(1, 2).Where({ $_ -gt 1 })' }
        @{ Construct = 'redirecting the warning stream'; Code = 'Get-Date 3>$null' }
    ) {
        Find-SnippetProblem $Code -Ps2 | Should -Not -BeNullOrEmpty -Because "$Construct must be rejected for PowerShell 2.0"
        Find-SnippetProblem $Code | Should -BeNullOrEmpty -Because "$Construct is fine on 5.1"
    }

    It 'accepts ordinary PowerShell 2.0 code, including ? as the Where-Object alias and operators inside strings' {
        $code = @'
$list = New-Object System.Collections.ArrayList
$null = $list.Add('a ? b : c && d || e ?? f')
$x = @(1, 2, 3) | ? { $_ -gt 1 } | % { $_ * 2 }
if ($x -contains 4 -and -not ($x -eq $null)) { $y = [string]::Join(',', [string[]]$x) }
'@
        Find-SnippetProblem $code -Ps2 | Should -BeNullOrEmpty
    }
}

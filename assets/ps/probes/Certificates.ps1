# The machine's certificate stores: trusted roots and intermediates (IP-HTTPS trust, knowledge C) and the machine
# certificates IP-HTTPS preauthentication needs (knowledge D.4).

$script:DadClientAuthEku = '1.3.6.1.5.5.7.3.2'

# LocalMachine\Root and LocalMachine\CA, enough to match a chain's thumbprints and subjects.
function Get-DadTrustStoresSection {
    return @{
        root         = (ConvertTo-DadStoreList (Get-DadCertificates -Store 'Root'))
        intermediate = (ConvertTo-DadStoreList (Get-DadCertificates -Store 'CA'))
    }
}

# Store certificates reduced to subject, thumbprint and expiry.
function ConvertTo-DadStoreList {
    param($Certificates)
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($cert in (ConvertTo-DadArray $Certificates)) {
        $null = $list.Add(@{
                subject    = [string](Get-DadProperty $cert 'Subject')
                thumbprint = Format-DadThumbprint (Get-DadProperty $cert 'Thumbprint')
                notAfter   = Format-DadDate (Get-DadProperty $cert 'NotAfter')
            })
    }
    return , $list.ToArray()
}

# LocalMachine\My with, for certificates that could authenticate the computer, whether their chain is trusted.
function Get-DadMachineCertificatesSection {
    $identity = Get-DadComputerIdentity
    $list = [Activator]::CreateInstance([System.Collections.ArrayList])
    foreach ($cert in (ConvertTo-DadArray (Get-DadCertificates -Store 'My'))) {
        $info = ConvertTo-DadCertInfo $cert
        # Chain building costs time on Windows, so only for certificates usable for client authentication
        # (Client Authentication EKU, or no EKU at all = any purpose); null means "not checked".
        $trusted = $null
        if ($info.ekus.Length -eq 0 -or ($info.ekus -contains $script:DadClientAuthEku)) {
            $trusted = [bool](Test-DadCertificateChain -Thumbprint $info.thumbprint)
        }
        $info.chainTrusted = $trusted
        $null = $list.Add($info)
    }
    return @{ computerFqdn = $identity.fqdn; certificates = $list.ToArray() }
}

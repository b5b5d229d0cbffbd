/** iphttps-partial-chain: an intermediate CA of the server chain is missing (knowledge C.2). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isLegacy, chainCommands, normDn } from '../evidence';
import { stateless } from './chain';
import { escalate, fixThenVerify, info } from '../../tree/build';

export const partialChain = defineCause({
  id: 'iphttps-partial-chain',
  codes: [{ code: 0x800b010a, name: 'CERT_E_CHAINING', meaning: 'the certificate chain could not be built up to a root (an intermediate is missing)' }],
  groups: ['iphttps'],
  fixes: ['import-intermediate-ca'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const cert = ctx.peek('serverCertificate');
      const chain = cert?.chain ?? [];
      const last = chain[chain.length - 1];
      const partial = (cert?.chainStatus.includes('PartialChain') ?? false) && last !== undefined && !last.selfSigned;
      if (!(ctx.code === 0x800b010a || (stateless(ctx) && partial))) return null;
      const missing = last?.issuer ?? 'an intermediate CA';
      const pin = last ? ctx.org?.pinnedIntermediates.find((p) => normDn(p.subject) === normDn(last.issuer)) : undefined;
      const evidence = [...codeEvidence(ctx)];
      if (cert)
        evidence.push(
          ev('serverCertificate', 'chainStatus', cert.chainStatus, [], `the chain stops at ${last?.subject ?? '?'}; its issuer ${missing} was not found`),
        );
      if (pin) evidence.push(ev('trustStores', 'intermediate', `${missing} absent`, pin.thumbprint, 'pinned by the organisation'));
      if (evidence.length === 0) evidence.push(ev('ipHttps', 'state', null));
      return finding({
        id: 'iphttps-partial-chain',
        severity: 'error',
        title: 'A certificate needed to check the server is missing',
        plain: `Your organisation’s server's digital certificate is vouched for by a chain of authorities. One link in that chain ("${missing.replace(/^CN=/i, '')}") is missing on this computer, so it cannot check the server and refuses to connect. Adding that certificate fixes it.`,
        technical: `${codeText(ctx)}. X509Chain reports PartialChain: the issuer ${missing} of ${last?.subject ?? 'the last chain element'} is not in LocalMachine\\CA and was not sent by the server or fetched by AIA.`,
        evidence,
        fixes: ['import-intermediate-ca'],
        adminAction: `Deploy ${missing} to clients' Intermediate Certification Authorities store by GPO, or configure the IP-HTTPS listener to send the full chain; make the AIA URL reachable from the Internet.`,
        commands: [...ipHttpsCommands(ctx), isLegacy(ctx) ? 'certutil -store CA' : 'Get-ChildItem Cert:\\LocalMachine\\CA', ...chainCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'partial-chain',
        title: 'Complete certificate chain',
        plain: "Checking that the link between the server's certificate and your organisation’s certificate is there.",
        then: 'intermediate-pinned',
      },
    ],
    nodes: [
      info(
        'intermediate-pinned',
        { pinned: 'intermediate' },
        'Known certificate of your organisation',
        'Your organisation has told this program which intermediate certificate to use.',
        'fix-import-intermediate-pinned',
        'intermediate-file',
      ),
      ...fixThenVerify({
        id: 'fix-import-intermediate-pinned',
        fixes: ['import-intermediate-ca'],
        cause: 'iphttps-partial-chain',
        title: 'Add the missing link certificate',
        plain: 'A certificate in the middle of the chain (an "intermediate") is missing. The program adds the one your organisation has approved.',
        passed: 'fixed',
        failed: 'escalate-partial-chain',
      }),
      {
        kind: 'question',
        id: 'intermediate-file',
        question: 'intermediateFile',
        title: 'Do you have the certificate file from your helpdesk?',
        plain: 'A certificate in the middle of the chain is missing. Your helpdesk can give you the file (ending in .cer or .crt).',
        options: [
          {
            value: 'yes',
            label: 'Yes, I have the file',
            next: 'fix-import-intermediate-file',
          },
          {
            value: 'no',
            label: 'No',
            next: 'escalate-partial-chain',
          },
        ],
      },
      ...fixThenVerify({
        id: 'fix-import-intermediate-file',
        fixes: ['import-intermediate-ca'],
        cause: 'iphttps-partial-chain',
        params: { source: 'file' },
        title: 'Add the certificate from your helpdesk',
        plain: 'Pick the certificate file. The program checks it belongs to the server’s chain before adding it.',
        passed: 'fixed',
        failed: 'escalate-partial-chain',
      }),
      escalate(
        'escalate-partial-chain',
        'iphttps-partial-chain',
        'A certificate in the chain is missing',
        'Your organisation’s IT department must publish the intermediate certificate to this computer or add it to the DirectAccess server’s certificate chain.',
      ),
    ],
  },
});

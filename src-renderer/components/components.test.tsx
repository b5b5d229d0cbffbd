// The certificate check and the end of an undo, rendered to static markup (no DOM needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CertificateInfo, FixRunResult } from '../../src-shared/ipc';
import { reason } from '../../src-shared/reasons';
import type { Finding } from '../../src-shared/finding';
import { CertificateCheck, groupThumbprint, thumbprintGroups } from './CertificateCheck';
import { ADMIN_NOTE, CommandList, copyCommand } from './CommandList';
import { EvidenceTable } from './EvidenceTable';
import { FindingDetails } from './FindingDetails';
import { undoEndText } from './UndoAction';

const ROOT = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B';
const info = (matchesChainRoot: boolean | null): CertificateInfo => ({
  subject: 'CN=Contoso Root CA',
  issuer: 'CN=Contoso Root CA',
  thumbprint: ROOT,
  notAfter: '2041-01-01T00:00:00Z',
  isCa: true,
  selfSigned: true,
  matchesChainRoot,
});
const html = (m: boolean | null) => renderToStaticMarkup(<CertificateCheck name="root.cer" info={info(m)} technical={false} />);

describe('CertificateCheck: a picked file is compared by the person, never shown as a green match', () => {
  it('a file that is the chain root is a precondition, not a reassurance: no "it matches", no ok colour', () => {
    const out = html(true);
    expect(out).not.toMatch(/It matches/i);
    expect(out).not.toContain('match-ok');
    expect(out).toContain('match-neutral');
    expect(out).toMatch(/does not prove the file is your organisation/);
    // The fingerprint grouped for reading aloud, and the person asked to compare it with the helpdesk's.
    expect(out).toContain('<code class="thumbprint">D0BA F2AF A26B 8054 9FC7 8539 3AAB 2AE8 5C5F 8A3B</code>');
    expect(out).toMatch(/Ask your helpdesk to read out the fingerprint/);
    expect(out).toMatch(/10 groups of four: first <code>D0BA<\/code>, last <code>8A3B<\/code>/);
  });
  it('a file that is not the chain root says so; no chain known says so; neither asks for a comparison', () => {
    expect(html(false)).toMatch(/It does not match/);
    expect(html(false)).not.toMatch(/Ask your helpdesk/);
    expect(html(null)).toMatch(/chain is not known/);
  });
  it('groups thumbprints in fours, whatever their spacing or case', () => {
    expect(groupThumbprint(ROOT)).toBe('D0BA F2AF A26B 8054 9FC7 8539 3AAB 2AE8 5C5F 8A3B');
    expect(thumbprintGroups('d0ba f2af a2')).toEqual(['D0BA', 'F2AF', 'A2']);
  });
});

describe('UndoAction: the end of an undo', () => {
  const result = (r: FixRunResult['reason']): FixRunResult => ({
    fix: 'import-root-ca',
    outcome: 'applied',
    elevation: 'simulated',
    verified: true,
    reason: r,
    before: null,
    after: null,
    rebootRequired: false,
    diagnosis: null,
    auditId: 'u1',
  });
  it('says the connection will drop at the next reconnect when the re-check found a latent problem', () => {
    const text = undoEndText({
      status: 'done',
      result: result(reason('fix.undoneLatent', { changed: 'removed D0BA…', latent: 'DirectAccess will stop trusting the server at the next reconnect' })),
    });
    expect(text).toMatch(
      /^Undone: the previous setting is back\. DirectAccess still works now, but the connection will drop at the next reconnect or restart \(DirectAccess will stop trusting/,
    );
  });
  it('otherwise only that it is undone', () => {
    expect(undoEndText({ status: 'done', result: result(reason('fix.undone', { changed: 'x' })) })).toBe(
      'Undone: the previous setting is back. Run the checks again to see this computer as it is now.',
    );
  });
});

describe('CommandList: one block per command, each with its Copy button and, where needed, the administrator note', () => {
  const commands = ['Get-Service iphlpsvc | Select-Object Status, StartType', 'Restart-Service NcaSvc', 'netsh winhttp reset proxy'];
  const out = renderToStaticMarkup(<CommandList label="Commands to see this yourself" commands={commands} />);

  it('names each block and its button for screen readers ("Copy command 2")', () => {
    expect(out).toContain('aria-label="Commands to see this yourself"');
    for (const n of [1, 2, 3]) {
      expect(out).toContain(`aria-label="Command ${n}"`);
      expect(out).toContain(`<button type="button" class="command-copy" aria-label="Copy command ${n}">Copy</button>`);
    }
    expect(out.match(/role="status" aria-live="polite"/g)).toHaveLength(3);
  });

  it('says "Run in an administrator PowerShell" only on the commands that change the machine', () => {
    const blocks = out.split('<li ').slice(1);
    expect(blocks.map((b) => b.includes(ADMIN_NOTE))).toEqual([false, true, true]);
    expect(blocks[1]).toMatch(/^class="command command-admin"/);
  });

  it('copies the exact command, and says so; a denied or missing clipboard asks the person to copy it', async () => {
    const written: string[] = [];
    expect(await copyCommand(commands[1]!, { writeText: async (t: string) => void written.push(t) })).toBe('copied');
    expect(written).toEqual(['Restart-Service NcaSvc']);
    expect(await copyCommand('x', { writeText: () => Promise.reject(new Error('denied')) })).toBe('failed');
    expect(await copyCommand('x', undefined)).toBe('failed');
  });

  it('renders nothing without commands', () => {
    expect(renderToStaticMarkup(<CommandList label="x" commands={[]} />)).toBe('');
  });
});

describe('EvidenceTable: rows headed by where Windows shows the evidence', () => {
  const evidence: Finding['evidence'] = [
    { probe: 'ipHttps', field: 'state.lastErrorCode', observed: '0x800b0109', expected: '0x0' },
    { probe: 'ipHttps', field: 'configuration.serverUrl', observed: 'https://da.contoso.com:443/IPHTTPS' },
  ];
  const out = renderToStaticMarkup(<EvidenceTable evidence={evidence} caption="Evidence" />);

  it('names the command and property, keeps the internal path as the title, and heads the row with it', () => {
    expect(out).toContain(
      '<th scope="row"><span title="ipHttps.state.lastErrorCode"><code class="evidence-source">Get-NetIPHttpsState</code> · <code class="evidence-property">LastErrorCode</code></span></th>',
    );
    expect(out).not.toContain('>ipHttps.state.lastErrorCode<');
  });

  it('lets long values wrap after their separators, never inside a word', () => {
    expect(out).toContain('<code class="evidence-value">https://<wbr/>da.<wbr/>contoso.<wbr/>com:<wbr/>443/<wbr/>IPHTTPS</code>');
  });
});

describe('FindingDetails: the plain view is only the plain words', () => {
  const finding: Finding = {
    id: 'iphttps-untrusted-root',
    severity: 'error',
    title: 'Untrusted root',
    plain: 'This computer does not trust the authority that vouches for your organisation’s server.',
    technical: 'IP-HTTPS LastErrorCode 0x800b0109 (CERT_E_UNTRUSTEDROOT)',
    evidence: [{ probe: 'trustStores', field: 'root', observed: 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B absent' }],
    fixes: ['import-root-ca'],
    escalate: false,
    commands: ['Get-ChildItem Cert:\\LocalMachine\\Root'],
  };
  it('shows no code, evidence or command unless the technical view is on', () => {
    const plain = renderToStaticMarkup(<FindingDetails finding={finding} technical={false} />);
    expect(plain).toBe(`<div class="finding"><p>${finding.plain}</p></div>`);
    const technical = renderToStaticMarkup(<FindingDetails finding={finding} technical />);
    expect(technical).toContain('Get-ChildItem Cert:');
    expect(technical).toContain('0x800b0109');
  });
});

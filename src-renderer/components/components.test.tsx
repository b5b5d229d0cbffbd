// The certificate check and the end of an undo, rendered to static markup (no DOM needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CertificateInfo, FixRunResult } from '../../src-shared/ipc';
import { reason } from '../../src-shared/reasons';
import { CertificateCheck, groupThumbprint, thumbprintGroups } from './CertificateCheck';
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

// The trust rules of DESIGN §4 with the real test certificates of assets/scenarios/certs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrgConfig } from '../../src-shared/orgConfig';
import type { Snapshot } from '../../src-shared/snapshot';
import { appRoot } from '../paths';
import { parseCertificate, parseCertificateText } from './certificate';
import { reasonText } from '../../src-shared/reasonWords';
import { decideTrust, type TrustDecision } from './trust';

/** A decision with its reason in the words a person reads (the CLI's and the wizard's). */
const worded = (d: TrustDecision) => (d.ok ? d : { ...d, reason: reasonText(d.reason) });

const certs = join(appRoot(), 'assets', 'scenarios', 'certs');
const ROOT = 'D0BAF2AFA26B80549FC785393AAB2AE85C5F8A3B';
const ISSUING = '68A5412799C377F5209FEAA4C245BD44535ECE3C';
const b64 = (f: string) => readFileSync(join(certs, f)).toString('base64');

const FABRIKAM = '4A62D57559582AF225658CC47ACE84686C35E8C4';
/** The snapshot with LocalMachine\Root holding these thumbprints (the trustStores section). */
const withRootStore = (s: Snapshot, thumbs: string[]) =>
  ({
    ...s,
    sections: {
      ...s.sections,
      trustStores: {
        status: 'ok',
        ms: 1,
        data: { root: thumbs.map((t) => ({ subject: 'CN=?', thumbprint: t, notAfter: '2040-01-01T00:00:00Z' })), intermediate: [] },
      },
    },
  }) as unknown as Snapshot;
const chainSnapshot = (thumbs: Array<[string, string, string]> | null) =>
  ({
    sections: {
      serverCertificate: thumbs
        ? { status: 'ok', ms: 1, data: { chain: thumbs.map(([subject, issuer, thumbprint]) => ({ subject, issuer, thumbprint })) } }
        : { status: 'error', ms: 1, message: 'x' },
    },
  }) as unknown as Snapshot;
const contosoChain = chainSnapshot([
  ['CN=da.contoso.com', 'CN=Contoso Issuing CA', 'BA97E6297B5FA31E96ED22D08CD20FD626479EE7'],
  ['CN=Contoso Issuing CA', 'CN=Contoso Root CA', ISSUING],
  ['CN=Contoso Root CA', 'CN=Contoso Root CA', ROOT],
]);
const org = {
  schema: 'da-doctor/org@1',
  organisation: 'Contoso',
  pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT, certificate: b64('contoso-root-ca.cer') }],
  pinnedIntermediates: [{ subject: 'CN=Contoso Issuing CA', thumbprint: ISSUING, certificate: b64('contoso-issuing-ca.cer') }],
} as unknown as OrgConfig;

describe('certificate parsing', () => {
  it('reads DER and PEM with subject and SHA-1 thumbprint', () => {
    const der = parseCertificate(readFileSync(join(certs, 'contoso-root-ca.cer')));
    expect(der).toMatchObject({ subject: 'CN=Contoso Root CA', thumbprint: ROOT, isCa: true, selfSigned: true });
    const pem = `-----BEGIN CERTIFICATE-----\n${der.derB64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    expect(parseCertificateText(pem).thumbprint).toBe(ROOT);
    expect(parseCertificateText(Buffer.from(pem).toString('base64')).thumbprint).toBe(ROOT);
  });
  it('refuses what is not a certificate, and anything over 64 KB', () => {
    expect(() => parseCertificate(Buffer.from('hello'))).toThrow(/not an X.509/);
    expect(() => parseCertificate(Buffer.alloc(65 * 1024))).toThrow(/64 KB/);
    expect(() => parseCertificateText('$(New-Item x)')).toThrow(/base64/);
  });
});

describe('decideTrust', () => {
  it("a pin whose certificate content hashes to another thumbprint is refused (the pin's content must be the pinned root)", () => {
    // The pin names the Contoso root's thumbprint but ships Fabrikam's certificate: importing it would trust Fabrikam.
    const swapped = { ...org, pinnedRoots: [{ subject: 'CN=Contoso Root CA', thumbprint: ROOT, certificate: b64('fabrikam-root-ca.cer') }] } as OrgConfig;
    for (const params of [{}, { thumbprint: ROOT }]) {
      const d = decideTrust('root', params, contosoChain, swapped);
      expect(d).toMatchObject({ ok: false, reason: { code: 'refused.pinThumbprintMismatch', values: { thumbprint: ROOT, actual: FABRIKAM } } });
    }
  });
  it('default: the pinned root the chain ends in', () => {
    const d = decideTrust('root', {}, contosoChain, org);
    expect(d).toMatchObject({ ok: true, matchesChainRoot: true });
    expect(d.ok && d.cert.thumbprint).toBe(ROOT);
  });
  it('a pinned thumbprint by name; an unpinned one is refused', () => {
    expect(decideTrust('root', { thumbprint: ROOT }, contosoChain, org).ok).toBe(true);
    const d = decideTrust('root', { thumbprint: '4A62D57559582AF225658CC47ACE84686C35E8C4' }, contosoChain, org);
    expect(d).toMatchObject({ ok: false });
    expect(!d.ok && reasonText(d.reason)).toMatch(/Not pinned/);
    expect(!d.ok && d.reason.code).toBe('refused.notPinned.thumbprint');
  });
  it('no org and no file: not pinned; a chain that ends elsewhere: not pinned', () => {
    expect(worded(decideTrust('root', {}, contosoChain, null))).toMatchObject({ ok: false, reason: expect.stringMatching(/Not pinned/) });
    // A chain that ends in a root the machine trusts (e.g. a public CA) but the organisation does not pin.
    const other = withRootStore(
      chainSnapshot([
        ['CN=x', 'CN=Fabrikam Root CA', 'AA'.repeat(20)],
        ['CN=Fabrikam Root CA', 'CN=Fabrikam Root CA', FABRIKAM],
      ]),
      [FABRIKAM],
    );
    expect(worded(decideTrust('root', {}, other, org))).toMatchObject({ ok: false, reason: expect.stringMatching(/Not pinned/) });
  });
  it('a picked file: the chain root is accepted, anything else refused with the reason', () => {
    expect(decideTrust('root', { file: join(certs, 'contoso-root-ca.cer') }, contosoChain, null)).toMatchObject({ ok: true });
    expect(decideTrust('root', { certificate: b64('contoso-root-ca.cer') }, contosoChain, null)).toMatchObject({ ok: true });
    expect(worded(decideTrust('root', { file: join(certs, 'contoso-root-ca-2016.cer') }, contosoChain, null))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Matches no chain/),
    });
    expect(worded(decideTrust('root', { file: join(certs, 'index.json') }, contosoChain, null))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Not a certificate/),
    });
    expect(worded(decideTrust('root', { file: join(certs, 'contoso-root-ca.cer') }, chainSnapshot(null), null))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/No chain known/),
    });
  });
  it('intermediates: a chain element, or the pinned intermediate', () => {
    expect(decideTrust('intermediate', { file: join(certs, 'contoso-issuing-ca.cer') }, contosoChain, null)).toMatchObject({ ok: true });
    expect(decideTrust('intermediate', { file: join(certs, 'fabrikam-root-ca.cer') }, contosoChain, null)).toMatchObject({ ok: false });
    expect(decideTrust('intermediate', {}, contosoChain, org)).toMatchObject({ ok: true });
  });
});

describe('an intercepted chain (knowledge L, C.6): nothing is imported from it', () => {
  // A guest network's inspection: CN=da.contoso.com signed by its own root, which is neither trusted nor pinned.
  const GUEST = '69CDE04BB07F6DF3BD3FBBC0DB04D62A8D388120';
  const guestChain = withRootStore(
    chainSnapshot([
      ['CN=da.contoso.com', 'CN=Guest WiFi Inspection CA', '456CC0E79989EC5622EE3516ACECA4B5061EB689'],
      ['CN=Guest WiFi Inspection CA', 'CN=Guest WiFi Inspection CA', GUEST],
    ]),
    [],
  );
  it('a picked file that is the chain root is refused as intercepted (it is the interceptor’s root)', () => {
    const d = decideTrust('root', { file: join(certs, 'guest-wifi-inspection-ca.cer') }, guestChain, org);
    expect(d).toMatchObject({ ok: false, matchesChainRoot: true });
    expect(!d.ok && d.reason.code).toBe('refused.intercepted');
    expect(worded(d)).toMatchObject({ reason: expect.stringMatching(/^Intercepted: .*Guest WiFi Inspection CA .*another network/) });
    expect(decideTrust('root', { certificate: b64('guest-wifi-inspection-ca.cer') }, guestChain, org)).toMatchObject({
      ok: false,
      reason: { code: 'refused.intercepted' },
    });
    expect(decideTrust('intermediate', { file: join(certs, 'guest-wifi-inspection-ca.cer') }, guestChain, org)).toMatchObject({
      ok: false,
      reason: { code: 'refused.intercepted' },
    });
  });
  it('the default (the pin the chain ends in) is refused as intercepted; the pin asked for by thumbprint stays importable', () => {
    expect(decideTrust('root', {}, guestChain, org)).toMatchObject({ ok: false, reason: { code: 'refused.intercepted' } });
    expect(decideTrust('root', { thumbprint: ROOT }, guestChain, org)).toMatchObject({ ok: true });
  });
  it('not intercepted: without pins nothing says which root is right; a trusted or pinned root is no interceptor', () => {
    expect(decideTrust('root', { file: join(certs, 'guest-wifi-inspection-ca.cer') }, guestChain, null)).toMatchObject({ ok: true });
    const trusted = withRootStore(guestChain, [GUEST]);
    expect(decideTrust('root', { file: join(certs, 'guest-wifi-inspection-ca.cer') }, trusted, org)).toMatchObject({ ok: true });
    expect(decideTrust('root', { file: join(certs, 'contoso-root-ca.cer') }, withRootStore(contosoChain, []), org)).toMatchObject({ ok: true });
  });
});

/** IP-HTTPS preauthentication: the machine certificate the server asks for is missing or unusable (knowledge A.5, D.4). */
import type { SectionData, RuleContext } from '../context';
import { defineRule, type Rule } from '../context';
import { codeEvidence, codeText, commonName, day, ev, finding, ipHttpsCommands } from './common';

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
type MachineCert = SectionData<'machineCertificates'>['certificates'][number];

/** Certificates that could authenticate the machine: Client Authentication EKU and a private key. */
function candidates(certs: MachineCert[]): MachineCert[] {
  return certs.filter((c) => c.ekus.includes(CLIENT_AUTH) && c.hasPrivateKey !== false);
}

/** Why a candidate certificate is unusable, or null when it is fine. */
function problemOf(c: MachineCert, fqdn: string, now: Date): string | null {
  if (Date.parse(c.notAfter) < now.getTime()) return `expired on ${day(c.notAfter)}`;
  if (Date.parse(c.notBefore) > now.getTime()) return `not valid until ${day(c.notBefore)}`;
  if (c.chainTrusted === false) return 'its issuing CA is not trusted by this machine';
  const names = [commonName(c.subject), ...c.dnsNames].map((n) => n.toLowerCase());
  if (!names.includes(fqdn.toLowerCase())) return `it is issued to ${commonName(c.subject)}, not to ${fqdn}`;
  return null;
}

/** True when the evidence says the server wants a client certificate. */
function preauthInPlay(ctx: RuleContext): boolean {
  if (ctx.code === 0x90320 || ctx.code === 0x80090326) return true;
  const asked = ctx.peek('serverCertificate')?.clientCertificateRequested ?? false;
  return asked && (ctx.code === null ? !ctx.inside : ctx.code !== 0);
}

const commands = (ctx: RuleContext) => [
  ...ipHttpsCommands(ctx),
  "Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.EnhancedKeyUsageList.ObjectId -contains '1.3.6.1.5.5.7.3.2' } | Format-List Subject, NotBefore, NotAfter, HasPrivateKey, Thumbprint",
  'certutil -store My',
];

export const preauthMissingRule: Rule = defineRule(['preauth-client-cert-missing'], ['client'], (ctx) => {
  if (!preauthInPlay(ctx) || (ctx.code === 0x80090326 && !ctx.peek('serverCertificate')?.clientCertificateRequested)) return null;
  const mc = ctx.need('machineCertificates');
  if (!mc) return null;
  const usable = candidates(mc.certificates);
  const valid = usable.filter((c) => problemOf(c, mc.computerFqdn, ctx.now) === null);
  if (usable.length > 0 && valid.length === 0) return null; // preauth-client-cert-invalid explains it
  const serverSide = valid.length > 0;
  const evidence = [
    ...codeEvidence(ctx),
    ev('machineCertificates', 'certificates', usable.map((c) => ({ subject: c.subject, thumbprint: c.thumbprint })), [`CN=${mc.computerFqdn} with Client Authentication (${CLIENT_AUTH}) and a private key`], serverSide ? 'a usable certificate exists: the server probably trusts a different CA' : `no certificate with Client Authentication EKU and private key in LocalMachine\\My (${mc.certificates.length} certificates in the store)`),
  ];
  const cert = ctx.peek('serverCertificate');
  if (cert?.clientCertificateRequested) evidence.push(ev('serverCertificate', 'clientCertificateRequested', true, undefined, 'IP-HTTPS preauthentication'));
  return finding({
    id: 'preauth-client-cert-missing',
    severity: 'error',
    title: 'The computer has no certificate to prove who it is',
    plain: serverSide
      ? "The office server asks this computer for its digital ID (a computer certificate). The computer has one, but the server does not accept it. Your IT department needs to check which certificates the server accepts."
      : `The office server asks this computer for its digital ID (a computer certificate) before it lets it connect, and this computer has none. ${ctx.inside ? 'Because you are on the office network now, the computer can request one automatically.' : 'It can only get one while connected to the office network, so your IT department needs to help.'}`,
    technical: `${codeText(ctx)}. The IP-HTTPS listener (or an ADC in front of it) requests a client certificate; ${serverSide ? `LocalMachine\\My holds ${valid.map((c) => c.subject).join(', ')} with Client Authentication EKU, so the server/ADC validates against another CA` : `LocalMachine\\My has no certificate with the Client Authentication EKU (${CLIENT_AUTH}) and a private key`}.`,
    evidence,
    fixes: ctx.inside && !serverSide ? ['renew-machine-certificate'] : [],
    escalate: !ctx.inside || serverSide,
    adminAction: serverSide
      ? 'Make the IP-HTTPS listener / ADC trust the CA that issues computer certificates, or disable IP-HTTPS preauthentication.'
      : `Enrol a computer certificate (Client Authentication EKU, subject ${mc.computerFqdn}) for this machine — autoenrolment on the corporate network (certutil -pulse) or certreq — or disable IP-HTTPS preauthentication${ctx.org?.otp ? ' (note: preauthentication is incompatible with OTP, which this organisation uses)' : ''}.`,
    commands: commands(ctx),
  });
});

export const preauthInvalidRule: Rule = defineRule(['preauth-client-cert-invalid'], ['client'], (ctx) => {
  if (!preauthInPlay(ctx)) return null;
  const mc = ctx.need('machineCertificates');
  if (!mc) return null;
  const usable = candidates(mc.certificates);
  const problems = usable.map((c) => ({ c, why: problemOf(c, mc.computerFqdn, ctx.now) }));
  if (usable.length === 0 || problems.some((p) => p.why === null)) return null;
  const first = problems[0]!;
  return finding({
    id: 'preauth-client-cert-invalid',
    severity: 'error',
    title: "The computer's certificate cannot be used",
    plain: `The office server asks this computer for its digital ID (a computer certificate). The computer has one, but it cannot be used: ${first.why}. Your IT department has to issue a new one.`,
    technical: `${codeText(ctx)}. Client-authentication certificates in LocalMachine\\My: ${problems.map((p) => `${p.c.subject} (${p.c.thumbprint}): ${p.why}`).join('; ')}.`,
    evidence: [
      ...codeEvidence(ctx),
      ...problems.map((p) => ev('machineCertificates', 'certificates', { subject: p.c.subject, thumbprint: p.c.thumbprint, notBefore: p.c.notBefore, notAfter: p.c.notAfter, chainTrusted: p.c.chainTrusted }, `valid, trusted, issued to ${mc.computerFqdn}`, p.why ?? undefined)),
    ],
    escalate: true,
    adminAction: `Issue a new computer certificate for ${mc.computerFqdn} (Client Authentication EKU, subject = the computer's FQDN, from a CA the machine and the IP-HTTPS listener trust) and remove the unusable one (${first.c.thumbprint}).`,
    commands: commands(ctx),
  });
});

/** preauth-client-cert-invalid: the computer certificate exists but is expired, untrusted or names another machine (knowledge D.4). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText } from '../evidence';
import { candidates, problemOf, preauthInPlay, preauthCommands } from './machineCerts';
import { escalate } from '../../tree/build';
import { tlsHandshakeFailed } from './tlsHandshakeFailed';

export const preauthCertInvalid = defineCause({
  id: 'preauth-client-cert-invalid',
  groups: ['iphttps'],
  explains: [tlsHandshakeFailed],
  rule: {
    roles: ['client'],
    run: (ctx) => {
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
        plain: `Your organisation’s server asks this computer for its digital ID (a computer certificate). The computer has one, but it cannot be used: ${first.why}. Your organisation’s IT department has to issue a new one.`,
        technical: `${codeText(ctx)}. Client-authentication certificates in LocalMachine\\My: ${problems.map((p) => `${p.c.subject} (${p.c.thumbprint}): ${p.why}`).join('; ')}.`,
        evidence: [
          ...codeEvidence(ctx),
          ...problems.map((p) =>
            ev(
              'machineCertificates',
              'certificates',
              { subject: p.c.subject, thumbprint: p.c.thumbprint, notBefore: p.c.notBefore, notAfter: p.c.notAfter, chainTrusted: p.c.chainTrusted },
              `valid, trusted, issued to ${mc.computerFqdn}`,
              p.why ?? undefined,
            ),
          ),
        ],
        escalate: true,
        adminAction: `Issue a new computer certificate for ${mc.computerFqdn} (Client Authentication EKU, subject = the computer's FQDN, from a CA the machine and the IP-HTTPS listener trust) and remove the unusable one (${first.c.thumbprint}).`,
        commands: preauthCommands(ctx),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'preauth-invalid',
        title: "Computer certificate's validity",
        plain: "Checking that this computer's certificate is valid and made out to this computer.",
        then: 'escalate-preauth-invalid',
      },
    ],
    nodes: [
      escalate(
        'escalate-preauth-invalid',
        'preauth-client-cert-invalid',
        "This computer's certificate is not valid",
        'This computer has a certificate but it is expired, untrusted or made out to another name. Your organisation’s IT department must issue a new one.',
      ),
    ],
  },
});

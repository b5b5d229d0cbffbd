/** preauth-client-cert-missing: the server asks for a computer certificate the machine does not have (knowledge A.5, D.4). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText } from '../evidence';
import { CLIENT_AUTH, candidates, problemOf, preauthInPlay, preauthCommands } from './machineCerts';
import { insideCorpnet } from '../machine/insideCorpnet';
import { escalate, fixThenVerify, info } from '../../tree/build';
import { tlsHandshakeFailed } from './tlsHandshakeFailed';

export const preauthCertMissing = defineCause({
  id: 'preauth-client-cert-missing',
  codes: [{ code: 0x90320, name: 'SEC_I_INCOMPLETE_CREDENTIALS', meaning: 'the server asked for a client certificate the machine could not supply' }],
  groups: ['iphttps'],
  explains: [tlsHandshakeFailed],
  fixes: ['renew-machine-certificate'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (!preauthInPlay(ctx)) return null;
      const mc = ctx.need('machineCertificates');
      if (!mc) return null;
      const usable = candidates(mc.certificates);
      const valid = usable.filter((c) => problemOf(c, mc.computerFqdn, ctx.now) === null);
      if (usable.length > 0 && valid.length === 0) return null; // preauth-client-cert-invalid explains it
      const serverSide = valid.length > 0;
      // A failed handshake with a valid certificate at hand is not a missing certificate (contract: tls-handshake-failed).
      if (serverSide && ctx.code === 0x80090326) return null;
      const evidence = [
        ...codeEvidence(ctx),
        ev(
          'machineCertificates',
          'certificates',
          usable.map((c) => ({ subject: c.subject, thumbprint: c.thumbprint })),
          [`CN=${mc.computerFqdn} with Client Authentication (${CLIENT_AUTH}) and a private key`],
          serverSide
            ? 'a usable certificate exists: the server probably trusts a different CA'
            : `no certificate with Client Authentication EKU and private key in LocalMachine\\My (${mc.certificates.length} certificates in the store)`,
        ),
      ];
      const cert = ctx.peek('serverCertificate');
      if (cert?.clientCertificateRequested) evidence.push(ev('serverCertificate', 'clientCertificateRequested', true, undefined, 'IP-HTTPS preauthentication'));
      return finding({
        id: 'preauth-client-cert-missing',
        severity: 'error',
        title: 'The computer has no certificate to prove who it is',
        plain: serverSide
          ? 'Your organisation’s server asks this computer for its digital ID (a computer certificate). The computer has one, but the server does not accept it. Your organisation’s IT department needs to check which certificates the server accepts.'
          : `Your organisation’s server asks this computer for its digital ID (a computer certificate) before it lets it connect, and this computer has none. ${ctx.onCorpnet ? 'Because you are on your organisation’s network now, the computer can request one automatically.' : 'It can only get one while connected to your organisation’s network, so your organisation’s IT department needs to help.'}`,
        technical: `${codeText(ctx)}. The IP-HTTPS listener (or an ADC in front of it) requests a client certificate; ${serverSide ? `LocalMachine\\My holds ${valid.map((c) => c.subject).join(', ')} with Client Authentication EKU, so the server/ADC validates against another CA` : `LocalMachine\\My has no certificate with the Client Authentication EKU (${CLIENT_AUTH}) and a private key`}.`,
        evidence,
        fixes: ctx.onCorpnet && !serverSide ? ['renew-machine-certificate'] : [],
        escalate: !ctx.onCorpnet || serverSide,
        adminAction: serverSide
          ? 'Make the IP-HTTPS listener / ADC trust the CA that issues computer certificates, or disable IP-HTTPS preauthentication.'
          : `Enrol a computer certificate (Client Authentication EKU, subject ${mc.computerFqdn}) for this machine — autoenrolment on the corporate network (certutil -pulse) or certreq — or disable IP-HTTPS preauthentication${ctx.org?.otp ? ' (note: preauthentication is incompatible with OTP, which this organisation uses)' : ''}.`,
        commands: preauthCommands(ctx),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'preauth-missing',
        title: 'Computer certificate',
        plain: 'Checking that this computer has the certificate the DirectAccess server asks for.',
        then: 'preauth-inside',
      },
    ],
    nodes: [
      info(
        'preauth-inside',
        { finding: insideCorpnet.id },
        'Are you on your organisation’s network?',
        'A new computer certificate can only be requested on your organisation’s network.',
        'fix-renew-machine-cert',
        'escalate-preauth-missing',
      ),
      ...fixThenVerify({
        id: 'fix-renew-machine-cert',
        fixes: ['renew-machine-certificate'],
        cause: 'preauth-client-cert-missing',
        title: 'Request a new computer certificate',
        plain: 'This computer has no valid certificate to prove who it is. While on your organisation’s network it can ask your organisation for a new one.',
        passed: 'fixed',
        failed: 'escalate-preauth-missing',
      }),
      escalate(
        'escalate-preauth-missing',
        'preauth-client-cert-missing',
        'This computer has no certificate to prove who it is',
        'The DirectAccess server asks for a computer certificate and this computer has none that works. Your organisation’s IT department must issue one (or connect the laptop to your organisation’s network at the office so it gets one automatically).',
      ),
    ],
  },
});

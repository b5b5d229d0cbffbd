/**
 * machine-cert-expiring: the computer certificate DirectAccess uses for IPsec and IP-HTTPS preauthentication (Client
 * Authentication EKU, private key, LocalMachine\My) runs out within 30 days and no later one is there to take over
 * (contract §1; knowledge O, I.4, D.4). Autoenrolment renews it where the CA is reachable, normally on the corporate
 * network; at expiry the next IPsec negotiation fails. Variant `latent` while the connection works.
 */
import { defineCause } from '../cause';
import { ev, finding, day } from '../evidence';
import { candidates, problemOf, preauthCommands, CLIENT_AUTH } from './machineCerts';
import { daysLeft, EXPIRY_WARNING_DAYS, latent, latentEvidence } from '../trust/chain';
import { escalate } from '../../tree/build';

export const machineCertExpiring = defineCause({
  id: 'machine-cert-expiring',
  fixes: ['renew-machine-certificate'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const mc = ctx.peek('machineCertificates');
      if (!mc) return null;
      const valid = candidates(mc.certificates).filter((c) => problemOf(c, mc.computerFqdn, ctx.now) === null);
      if (valid.length === 0) return null; // none usable: preauth-client-cert-missing / -invalid speak
      // The certificate Windows will pick last: the one valid longest. A renewed one already there means no finding.
      const longest = valid.reduce((a, b) => (Date.parse(b.notAfter) > Date.parse(a.notAfter) ? b : a));
      const left = daysLeft(longest, ctx.now);
      if (left > EXPIRY_WARNING_DAYS) return null;
      const days = Math.round(left);
      const isLatent = latent(ctx);
      const evidence = [
        ev(
          'machineCertificates',
          'certificates[].notAfter',
          { subject: longest.subject, thumbprint: longest.thumbprint, notAfter: longest.notAfter },
          `more than ${EXPIRY_WARNING_DAYS} days after ${day(ctx.now.toISOString())}`,
          `the latest-expiring of ${valid.length} valid certificate(s) with Client Authentication (${CLIENT_AUTH}) and a private key: ${days} days left`,
        ),
      ];
      if (isLatent) evidence.push(latentEvidence(ctx));
      if (ctx.onCorpnet)
        evidence.push(ev('daStatus', 'connection.status', 'ConnectedLocally', undefined, 'on the corporate network: autoenrolment can reach the CA'));
      const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days, on ${day(longest.notAfter)}`;
      return finding({
        id: 'machine-cert-expiring',
        severity: 'warning',
        ...(isLatent ? { variant: 'latent' } : {}),
        title: "This computer's certificate expires soon",
        plain: `${isLatent ? 'DirectAccess works right now, but ' : ''}this computer proves who it is to your organisation’s network with its own digital certificate, and that certificate runs out ${when}. After that DirectAccess will stop at the next reconnect or restart. ${ctx.onCorpnet ? 'You are on your organisation’s network now, so the computer can ask for a new one automatically.' : 'The computer renews it by itself when it is on your organisation’s network; if you cannot go there before that date, tell your organisation’s IT department.'}`,
        technical: `${longest.subject} (thumbprint ${longest.thumbprint}, Client Authentication EKU, private key) in LocalMachine\\My is valid until ${longest.notAfter} (${days} days); no later certificate is enrolled. IPsec (computer-certificate authentication) and IP-HTTPS preauthentication fail with it expired; autoenrolment renews it when the CA is reachable.`,
        evidence,
        fixes: ctx.onCorpnet ? ['renew-machine-certificate'] : [],
        escalate: !ctx.onCorpnet,
        adminAction: `Renew the computer certificate of ${mc.computerFqdn} (${longest.subject}, thumbprint ${longest.thumbprint}, NotAfter ${longest.notAfter}) before ${day(longest.notAfter)}: autoenrolment on the corporate network (certutil -pulse), or check why autoenrolment has not renewed it (template renewal period, CA reachable from DirectAccess clients through the infrastructure tunnel).`,
        commands: preauthCommands(ctx),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        late: true,
        id: 'machine-cert-expiring',
        title: "This computer's certificate renewal",
        plain: "Checking that this computer's own certificate does not run out in the next 30 days.",
        then: 'escalate-machine-cert-expiring',
      },
    ],
    nodes: [
      escalate(
        'escalate-machine-cert-expiring',
        'machine-cert-expiring',
        "This computer's certificate must be renewed soon",
        "DirectAccess works now, but this computer's certificate runs out soon; after that the connection will stop at the next reconnect or restart. It renews by itself on your organisation’s network; if you cannot get there in time, send the report to your organisation’s IT department.",
      ),
    ],
  },
});

/**
 * iphttps-cert-expiring: a certificate of the IP-HTTPS server's chain (normally the server's own) runs out within 30
 * days, seen from the client (contract §1; knowledge O, A.2). Nothing is broken yet; at expiry the next reconnect
 * fails with 0x800b0101. Variant `latent` while the connection works. The server's own copy of this check is
 * server-iphttps-cert-expiring.
 */
import { defineCause } from '../cause';
import { ev, finding, ipHttpsCommands, chainCommands, day } from '../evidence';
import { daysLeft, EXPIRY_WARNING_DAYS, interceptionOf, latent, latentEvidence } from './chain';
import { escalate } from '../../tree/build';

export const certExpiring = defineCause({
  id: 'iphttps-cert-expiring',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const cert = ctx.peek('serverCertificate');
      if (!cert || cert.chain.length === 0 || cert.chainStatus.includes('NotTimeValid')) return null;
      // An interceptor's certificates say nothing about the server's (iphttps-tls-intercepted).
      if (interceptionOf(ctx)) return null;
      const serverNow = cert.serverDate ? new Date(Date.parse(cert.serverDate)) : ctx.now;
      const soon = cert.chain
        .map((c, i) => ({ c, i, days: daysLeft(c, serverNow) }))
        .filter((x) => x.days >= 0 && x.days <= EXPIRY_WARNING_DAYS)
        .sort((a, b) => a.days - b.days)[0];
      if (!soon) return null;
      const { c, i } = soon;
      const days = Math.round(soon.days);
      const isLatent = latent(ctx);
      const whose = i === 0 ? "the DirectAccess server's certificate" : `a certificate the server's certificate depends on (${c.subject})`;
      const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days, on ${day(c.notAfter)}`;
      const evidence = [
        ev(
          'serverCertificate',
          `chain[${i}].notAfter`,
          c.notAfter,
          `more than ${EXPIRY_WARNING_DAYS} days after ${day(serverNow.toISOString())}`,
          `${c.subject} (${c.thumbprint}), ${days} days left`,
        ),
      ];
      if (isLatent) evidence.push(latentEvidence(ctx));
      return finding({
        id: 'iphttps-cert-expiring',
        severity: 'warning',
        ...(isLatent ? { variant: 'latent' } : {}),
        title: "The DirectAccess server's certificate expires soon",
        plain: `${isLatent ? 'DirectAccess works right now. ' : ''}Your organisation’s server proves who it is with a digital certificate, and ${whose} runs out ${when}. After that date the connection will stop at the next reconnect or restart, on every computer, until your organisation’s IT department renews it. Nothing needs to change on this computer: tell your organisation’s IT department.`,
        technical: `${c.subject} (thumbprint ${c.thumbprint}, chain element ${i}) is valid until ${c.notAfter}: ${days} days after the server's Date ${cert.serverDate ?? '(unknown; client clock used)'}. At expiry every new IP-HTTPS negotiation fails with 0x800b0101 (CERT_E_EXPIRED); running sessions survive until they reconnect.`,
        evidence,
        escalate: true,
        adminAction:
          i === 0
            ? `Renew the IP-HTTPS certificate ${c.subject} (thumbprint ${c.thumbprint}, NotAfter ${c.notAfter}) on the DirectAccess server before ${day(c.notAfter)} and bind the new one (Set-RemoteAccess -SslCertificate <cert>); a self-signed one must also reach clients through the DirectAccess client GPO.`
            : `Renew ${c.subject} (thumbprint ${c.thumbprint}, NotAfter ${c.notAfter}) before ${day(c.notAfter)}, reissue the IP-HTTPS certificate under it and bind the new one (Set-RemoteAccess -SslCertificate <cert>).`,
        commands: [...ipHttpsCommands(ctx), ...chainCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        late: true,
        id: 'cert-expiring',
        title: "The server's certificate renewal",
        plain: "Checking that the DirectAccess server's certificate does not run out in the next 30 days.",
        then: 'escalate-cert-expiring',
      },
    ],
    nodes: [
      escalate(
        'escalate-cert-expiring',
        'iphttps-cert-expiring',
        "The server's certificate must be renewed soon",
        "DirectAccess works, but the server's certificate runs out soon; after that the connection will stop at the next reconnect or restart. Nothing on this computer can fix it: send the report to your organisation’s IT department so they renew it in time.",
      ),
    ],
  },
});

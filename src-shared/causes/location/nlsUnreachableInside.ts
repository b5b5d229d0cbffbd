/**
 * nls-unreachable-inside: the machine is on the corporate network (a domain controller answered: Domain profile) but
 * the network location server does not answer over HTTPS as Windows requires (name, TCP, TLS, certificate, CRL), so
 * Windows believes it is outside, keeps the DirectAccess NRPT rules and sends internal names to the DirectAccess DNS
 * (knowledge H.1, H.3 row 2, H.4; TechNet ff641736, dd637781, ee382300 "Without a reachable CRL distribution point on
 * the intranet, intranet detection fails"). Nothing on the client fixes the NLS: escalate. IP-HTTPS failing on the LAN
 * is then a symptom (the client should not be using it there), so this explains the IP-HTTPS family.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import { domainEvidence } from './domainEvidence';
import { nlsFailure, nlsProbeText, profilesText, type NlsFailure } from '../../diagnose/location';

/** The failing step in words for administrators, and what they must change. */
const WHAT: Record<NlsFailure, { technical: string; admin: string }> = {
  unresolved: {
    technical: 'its name does not resolve through this network’s DNS',
    admin:
      'Publish the network location server’s name in the internal DNS (and keep it as an NRPT exemption so it resolves through the interface’s DNS servers).',
  },
  tcp: {
    technical: 'nothing accepts the HTTPS connection',
    admin:
      'Bring the network location server’s HTTPS site back (it must be highly available from the intranet; if it runs on the DirectAccess server, that server’s outage takes the LAN clients with it).',
  },
  tls: {
    technical: 'the TLS handshake fails',
    admin: 'Repair the HTTPS binding of the network location server (its certificate binding and TLS configuration).',
  },
  certificate: {
    technical: 'its certificate is not valid for this machine',
    admin:
      'Renew or replace the network location server’s certificate with one issued by a CA the clients trust (a self-signed or expired certificate fails the check).',
  },
  revocation: {
    technical: 'the revocation of its certificate cannot be checked (CRL distribution point unreachable)',
    admin: 'Make the CRL distribution point of the network location server’s certificate reachable from the intranet (and publish a current CRL).',
  },
  name: {
    technical: 'its certificate does not name the host of the URL',
    admin: 'Issue the network location server a certificate whose subject alternative names include the host of the URL in the DirectAccess policy.',
  },
};

export const nlsUnreachableInside = defineCause({
  id: 'nls-unreachable-inside',
  explains: [{ group: 'iphttps' }],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      // H.3 row 2: a domain controller answered, Windows does not say inside, and the NLS does not answer.
      if (ctx.inside) return null;
      const loc = ctx.need('location');
      if (!loc?.nls || !loc.nlsUrl || ctx.corpnet !== true) return null;
      const failure = nlsFailure(loc.nls);
      if (failure === null) return null;
      const nls = loc.nls;
      const leaf = nls.chain[0];
      const what = WHAT[failure];
      const da = ctx.peek('daStatus');
      const said = da?.connection ? `Get-DAConnectionStatus says ${da.connection.status} / ${da.connection.substatus}` : 'Windows does not report being inside';
      const evidence = [
        ...domainEvidence(loc, true),
        ev('location', 'nlsUrl', loc.nlsUrl, undefined, loc.nlsUrlSource === 'registry' ? 'from the policy registry' : 'from Get-NCSIPolicyConfiguration'),
        ev('location', 'nls.addresses', nls.addresses, 'an intranet address'),
        ev('location', 'nls.tcp', nls.tcp, 'succeeded'),
      ];
      if (nls.tcp === 'succeeded') evidence.push(ev('location', 'nls.handshake', nls.handshake, 'succeeded', nls.handshakeError ?? undefined));
      if (nls.handshake === 'succeeded') {
        evidence.push(ev('location', 'nls.chainStatus', nls.chainStatus, []), ev('location', 'nls.chainStatusOnline', nls.chainStatusOnline, []));
        if (leaf) evidence.push(ev('location', 'nls.chain[0].notAfter', leaf.notAfter, `after ${ctx.now.toISOString()}`, leaf.subject));
      }
      if (da?.connection) evidence.push(ev('daStatus', 'connection.status', da.connection.status, 'ConnectedLocally'));
      const expired = failure === 'certificate' && nls.chainStatus.includes('NotTimeValid');
      return finding({
        id: 'nls-unreachable-inside',
        severity: 'error',
        variant: failure,
        title: 'The computer cannot tell that it is on your organisation’s network',
        plain: `This computer is connected to your organisation’s network, but it cannot reach the internal web site Windows uses to recognise that network${expired ? ' (that site’s certificate has run out)' : ''}. So Windows behaves as if you were away: it keeps sending work addresses through the DirectAccess connection, and some work sites and files may not open. Nothing on this computer can fix that site; your organisation’s IT department must.`,
        technical: `A domain controller answered on this network (${profilesText(loc)}), but the network location server ${loc.nlsUrl} fails: ${what.technical}. The tool’s probe: ${nlsProbeText(nls)}. ${said}, so the client treats the machine as outside, keeps the DirectAccess NRPT rules in effect and sends intranet names to the DirectAccess DNS; internal names fail if that server is not reachable from the LAN. Clients already outside are not affected.`,
        evidence,
        escalate: true,
        adminAction: `${what.admin} Until then, LAN clients resolve internal names through the DirectAccess server.`,
        commands: [
          'Get-NCSIPolicyConfiguration',
          'Get-DAConnectionStatus',
          'Get-NetConnectionProfile',
          `Resolve-DnsName ${nls.host}`,
          `Test-NetConnection ${nls.host} -Port ${nls.port}`,
          `Invoke-WebRequest -UseBasicParsing -Method Head '${loc.nlsUrl.replace(/'/g, "''")}'`,
          'Get-DnsClientNrptPolicy -Effective',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'nls-inside',
        title: 'Recognising your organisation’s network',
        plain: 'Checking that, while connected to your organisation’s network, this computer can reach the internal site Windows uses to recognise it.',
        then: 'escalate-nls-unreachable-inside',
      },
    ],
    nodes: [
      escalate(
        'escalate-nls-unreachable-inside',
        'nls-unreachable-inside',
        'Your organisation’s network is not recognised',
        'You are connected to your organisation’s network, but the internal site Windows uses to recognise it does not answer correctly. Only your organisation’s IT department can repair that site; the report says exactly what failed.',
      ),
    ],
  },
});

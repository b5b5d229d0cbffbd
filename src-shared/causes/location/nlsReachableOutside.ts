/**
 * nls-reachable-outside: no domain controller answers (no Domain profile on any network), yet Windows says it is
 * inside (ConnectedLocally / Machine Location inside), which proves only that the network location server answered
 * (knowledge H.3 row 3, H.5; B.6). The client then builds no tunnels and switches the NRPT off on a hotel network.
 * Microsoft: the NLS "must not be accessible to DirectAccess client computers on the Internet" (H.1,
 * da-adv-plan-s1-infrastructure §1.5). Escalate.
 *
 * Not this cause: another tunnel carrying the machine into the corporate network (Always On VPN device tunnel, a
 * third-party VPN; knowledge N). That evidence (RasMan, VPN profiles) is not read by this probe; we ASSUME such a
 * tunnel lets the machine reach a domain controller, so Windows authenticates that network (DomainAuthenticated, the
 * Domain profile) and `ctx.corpnet` is true: then this rule stays silent and inside-corpnet applies.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import { domainEvidence } from './domainEvidence';
import { nlsAnswered, nlsProbeText, profilesText } from '../../diagnose/location';

export const nlsReachableOutside = defineCause({
  id: 'nls-reachable-outside',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      // H.3 row 3: Windows says inside (the NLS answered) while no domain controller answers.
      if (!ctx.inside) return null;
      const loc = ctx.need('location');
      if (!loc || ctx.corpnet !== false) return null;
      const da = ctx.peek('daStatus');
      const said = da?.connection
        ? `Get-DAConnectionStatus says ${da.connection.status}`
        : `netsh dnsclient show state says Machine Location ${da?.location?.raw ?? 'inside'}`;
      const nls = loc.nls;
      const leaf = nls?.chain[0];
      const ipv4 = (ctx.peek('teredo')?.sixToFour?.ipv4Addresses ?? []).map((a) => a.address);
      const probe = nls
        ? ` The tool’s own probe: ${nlsProbeText(nls)}${leaf ? `; certificate ${leaf.subject} (names ${leaf.dnsNames.join(', ') || 'none'}) issued by ${leaf.issuer}` : ''}.${nlsAnswered(loc) === false ? ' It did not get the answer Windows got (Windows checks from the machine’s context; the difference is worth a look).' : ''}`
        : '';
      const evidence = [
        ...domainEvidence(loc, false),
        da?.connection
          ? ev('daStatus', 'connection.status', da.connection.status, 'ConnectedRemotely (outside)')
          : ev('daStatus', 'location.value', da?.location?.value ?? null, 'outside-corpnet', 'netsh dnsclient show state (Windows 7)'),
        ev('location', 'nlsUrl', loc.nlsUrl, 'not reachable from the Internet'),
      ];
      if (nls) evidence.push(ev('location', 'nls.addresses', nls.addresses, 'not resolvable from the Internet'));
      if (ipv4.length > 0) evidence.push(ev('teredo', 'sixToFour.ipv4Addresses', ipv4));
      return finding({
        id: 'nls-reachable-outside',
        severity: 'error',
        title: 'Away from your organisation’s network, the computer thinks it is there',
        plain:
          'This computer is not on your organisation’s network, but an internal site that Windows uses to recognise that network answers from here. So Windows believes you are at work and does not start DirectAccess: work sites and files will not open. Nothing on this computer can change that; your organisation’s IT department must make that site unreachable from the internet.',
        technical: `No domain controller answers (${profilesText(loc)}), yet ${said}: the network location server ${loc.nlsUrl ?? '(URL not read)'} answered from this network, so the client treats the machine as inside, builds no IPsec tunnels and keeps the DirectAccess NRPT rules off.${probe} Assumed: a VPN tunnel into the intranet (Always On VPN device tunnel, third-party VPN) would make a network DomainAuthenticated; none is, so no such tunnel carries this machine.`,
        evidence,
        escalate: true,
        adminAction: `Make the network location server${loc.nlsUrl ? ` (${loc.nlsUrl})` : ''} unreachable from the Internet: remove any reverse-proxy or firewall publishing of it, keep its name out of public DNS (no wildcard or split-brain record that resolves it publicly${nls && nls.addresses.length > 0 ? `; here it resolved to ${nls.addresses.join(', ')}` : ''}), and do not let a publicly reachable server present a certificate valid for that name.`,
        commands: [
          'Get-DAConnectionStatus',
          'Get-NCSIPolicyConfiguration',
          'Get-NetConnectionProfile',
          ...(nls ? [`Resolve-DnsName ${nls.host}`, `Test-NetConnection ${nls.host} -Port ${nls.port}`] : []),
          'Get-NetIPAddress -AddressFamily IPv4',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'nls-outside',
        title: 'Away from your organisation’s network',
        plain: 'Checking that Windows does not mistake this network for your organisation’s network.',
        then: 'escalate-nls-reachable-outside',
      },
    ],
    nodes: [
      escalate(
        'escalate-nls-reachable-outside',
        'nls-reachable-outside',
        'Windows mistakes this network for your organisation’s network',
        'An internal site of your organisation answers from this network, so Windows does not start DirectAccess. Only your organisation’s IT department can change that; the report says exactly what they must change.',
      ),
    ],
  },
});

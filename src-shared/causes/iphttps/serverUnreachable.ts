/**
 * iphttps-server-unreachable: a connect code, no proxy or NRPT cause, and evidence that the server cannot be reached
 * from here: its name does not resolve, or TCP 443 is refused, times out or fails (knowledge A.6–A.9). When the name
 * resolves and TCP 443 answers, this id is not given (iphttps-unknown-error says what was ruled out); when the
 * reachability probe failed, nothing is claimed and the verdict stays unknown.
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isLegacy } from '../evidence';
import { CONNECT_CODES, PROXY_CODES } from '../../diagnose/errorCodes';
import type { RuleContext, SectionData } from '../../diagnose/context';
import { escalate } from '../../tree/build';
import { lookupPlain, lookupTechnical } from '../dnsLookup';

type Reach = SectionData<'reachability'>;

/**
 * The reachability probe's result for the server in use, as a rule's evidence (read with `need`: a failed probe
 * makes the verdict unknown). Undefined when it failed or measured another host than the ServerURL's.
 */
export function serverReach(ctx: RuleContext): Reach | undefined {
  const reach = networkSilent(ctx) ?? ctx.need('reachability');
  if (!reach) return undefined;
  if (ctx.serverHost && reach.host.toLowerCase().replace(/\.$/, '') !== ctx.serverHost) return undefined;
  return reach;
}

/**
 * The reachability probe ran out of its network time because the DNS lookup got no answer at all (issue 12): the
 * section is timedOut, but what it learned is itself evidence: from this network nothing answers. Undefined otherwise.
 */
export function networkSilent(ctx: RuleContext): Reach | undefined {
  const sec = ctx.snapshot.sections.reachability;
  return sec.status === 'timedOut' && sec.data?.lookup?.outcome === 'timedOut' ? sec.data : undefined;
}

/** True when the probe shows the server cannot be reached: no address, or TCP refused / timed out / failed. */
export function unreachable(reach: Reach): boolean {
  return reach.addresses.length === 0 || reach.tcp !== 'succeeded';
}

export const serverUnreachable = defineCause({
  id: 'iphttps-server-unreachable',
  codes: [
    {
      code: 0x2af9,
      name: 'WSAHOST_NOT_FOUND',
      meaning:
        'the IP-HTTPS client could not connect to the server by its name (in the documented cases the name resolves and a proxy or the NRPT is in the way)',
    },
    { code: 0x2afc, name: 'WSANO_DATA', meaning: 'the name lookup for the IP-HTTPS server returned no usable data' },
    { code: 0x274c, name: 'WSAETIMEDOUT', meaning: 'the connection to the IP-HTTPS server timed out' },
    { code: 0x274d, name: 'WSAECONNREFUSED', meaning: 'the connection to the IP-HTTPS server was refused' },
  ],
  groups: ['iphttps'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code === null || !CONNECT_CODES.has(ctx.code)) return null;
      // A proxy or NRPT capture would be the real cause; when their probes failed we cannot rule them out.
      const proxyKnown = !PROXY_CODES.has(ctx.code) || ctx.need('proxy') !== undefined;
      const nrptKnown = ctx.need('nrpt') !== undefined;
      const reach = serverReach(ctx);
      if (!proxyKnown || !nrptKnown || !reach || !unreachable(reach)) return null;
      const host = ctx.serverHost ?? reach.host;
      const unresolved = reach.tcp === 'unresolved' || reach.addresses.length === 0;
      const lookup = unresolved ? reach.lookup : undefined;
      const evidence = [
        ...codeEvidence(ctx),
        ev(
          'reachability',
          'addresses',
          reach.addresses,
          'the public address of the DirectAccess server',
          unresolved ? `the name does not resolve: ${lookupTechnical(lookup)}` : undefined,
        ),
        ...(lookup ? [ev('reachability', 'lookup.outcome', lookup.outcome, 'answered', lookupTechnical(lookup))] : []),
        ev('reachability', 'tcp', reach.tcp, 'succeeded', `TCP ${reach.host}:${reach.port}`),
      ];
      const lookupWords = lookupPlain(lookup);
      // A time-out says this network's DNS did not answer (the network, not the record); no such name / no address
      // says the public record is missing or of the wrong type (knowledge A.6/A.7).
      const adminLookup =
        lookup?.outcome === 'timedOut'
          ? ` Here the DNS lookup timed out: this network's DNS did not answer, which points to the network (captive portal, blocked DNS) rather than the record.`
          : lookup?.outcome === 'nameError'
            ? ` Here the name does not exist for the DNS this client asks (NXDOMAIN): check the public record of ${host}.`
            : lookup?.outcome === 'noRecords'
              ? ` Here the name exists but has no address record: publish the A (or AAAA) record of ${host}.`
              : '';
      return finding({
        id: 'iphttps-server-unreachable',
        severity: 'error',
        title: 'The DirectAccess server cannot be reached from this network',
        plain: `This computer cannot ${
          unresolved
            ? `find your organisation’s server "${host}" on the Internet${lookupWords ? ` (its name ${lookupWords})` : ''}`
            : `get through to your organisation’s server "${host}"`
        }. Often the network you are on is the reason: a hotel, airport or café Wi-Fi that wants you to sign in on a web page first, or a network that blocks such connections. Try signing in to the Wi-Fi in a browser, or try another network (for example your phone's hotspot).`,
        technical: `${codeText(ctx)}. Resolve ${host}: ${reach.addresses.join(', ') || lookupTechnical(reach.lookup)}; TCP ${reach.port}: ${reach.tcp}. ${PROXY_CODES.has(ctx.code) ? 'No proxy applies and no' : 'No'} NRPT rule captures ${host}. Causes: captive portal or filtering network, edge firewall/NAT, public DNS record, client firewall, or the DirectAccess server down.`,
        evidence,
        escalate: true,
        adminAction: `Check from the Internet that ${host} resolves to the DirectAccess server's public address and that TCP ${reach.port} reaches it (edge firewall / NAT rule, load balancer, server up; Test-NetConnection ${host} -Port ${reach.port}).${adminLookup}`,
        commands: [
          ...(isLegacy(ctx)
            ? [`nslookup ${host}`, `telnet ${host} ${reach.port}`]
            : [`Resolve-DnsName ${host}`, `Test-NetConnection ${host} -Port ${reach.port}`]),
          ...ipHttpsCommands(ctx),
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'unreachable',
        title: 'Reaching the server',
        plain: 'Checking that the DirectAccess server can be reached from this network.',
        then: 'captive',
      },
    ],
    nodes: [
      {
        kind: 'question',
        id: 'captive',
        question: 'captivePortal',
        title: 'Are you on a hotel or airport Wi-Fi with a sign-in page?',
        plain:
          'The server cannot be reached from this network. Public Wi-Fi often blocks everything until you accept its terms on a sign-in page in your web browser.',
        options: [
          {
            value: 'yes',
            label: 'Yes, and I have not signed in yet',
            next: 'retry-sign-in',
          },
          {
            value: 'no',
            label: 'No, or I have already signed in',
            next: 'escalate-unreachable',
          },
          {
            value: 'unsure',
            label: "I don't know",
            next: 'escalate-unreachable',
          },
        ],
      },
      {
        kind: 'outcome',
        id: 'retry-sign-in',
        result: 'retry',
        cause: 'iphttps-server-unreachable',
        title: 'Sign in to the Wi-Fi first',
        plain: 'Open your web browser and visit any web site: the Wi-Fi sign-in page appears. Accept it, then come back and run the checks again.',
      },
      escalate(
        'escalate-unreachable',
        'iphttps-server-unreachable',
        'The DirectAccess server cannot be reached from here',
        'This network does not let the connection through. Try another network (for example your phone’s hotspot); if it still fails, send the report to your organisation’s IT department.',
      ),
    ],
  },
});

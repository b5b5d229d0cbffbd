/**
 * server-nls-on-da-server (info): the network location server runs on this DirectAccess server, which is the only
 * one (no load balancing, no multisite). Microsoft supports it (the NLS "can be hosted on the DirectAccess server or
 * on another server", da-adv-plan-s1-infrastructure.md §1.5; the Getting Started default) but requires the NLS to be
 * highly available to the internal network (same section): with one server, when it is down or restarting, LAN
 * clients cannot reach the NLS, believe they are outside and lose internal names (knowledge H.4: an all-in-one server
 * takes LAN clients down with it). With load balancing or multisite the NLS is on every DirectAccess server
 * (Set-DANetworkLocationServer doc: "either present on every DA server or … on a separate, highly available server"),
 * so no finding. Whether the NLS answers from the Internet cannot be seen from the server (client-side
 * nls-reachable-outside). The NLS certificate's expiry is named when it is known.
 */
import { CONTINUE_CHAIN, defineCause } from '../cause';
import { day, ev, finding } from '../evidence';
import { daysLeft } from '../trust/chain';
import { deploymentNodes } from './server';
import { nlsOnServer } from './infrastructure';

export const serverNlsOnDaServer = defineCause({
  id: 'server-nls-on-da-server',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const infra = ctx.need('serverInfrastructure');
      const server = ctx.need('server');
      if (!infra || !server || nlsOnServer(infra) !== true) return null;
      // Without Get-RemoteAccess the deployment's shape is unknown: nothing is said.
      if (!server.remoteAccess || server.remoteAccess.loadBalancing === null) return null;
      const { loadBalanced, multisite } = deploymentNodes(server);
      if (loadBalanced || multisite) return null;
      const cert = infra.nls?.certificate ?? null;
      const left = cert ? Math.round(daysLeft(cert, ctx.now)) : null;
      const certText = cert
        ? ` Its certificate ${cert.subject} (${cert.thumbprint}) ${left !== null && left < 0 ? `expired on ${day(cert.notAfter)}` : `is valid to ${day(cert.notAfter)}`}${cert.selfSigned ? ', self-signed' : ''}.`
        : infra.nls?.certificateThumbprint
          ? ` Its certificate (${infra.nls.certificateThumbprint}) is not in LocalMachine\\My.`
          : '';
      return finding({
        id: 'server-nls-on-da-server',
        severity: 'info',
        title: 'The network location server runs on this DirectAccess server',
        plain:
          'The server that tells DirectAccess laptops they are at work runs on this DirectAccess server, and there is only one. This is a supported setup, but while this server is down or restarting, laptops at work think they are away and cannot find your organisation’s internal names. Microsoft asks for that server to be always available.',
        technical: `NlsLocation ${infra.nls?.location} (${infra.nls?.source}), NLS name ${infra.nls?.fqdn ?? 'unknown'}; LoadBalancing ${server.remoteAccess.loadBalancing}, no multisite entry point: the NLS has no second server.${certText} Microsoft requires the NLS to be highly available to the internal network (da-adv-plan-s1-infrastructure §1.5); with the NLS unreachable LAN clients apply the NRPT and send internal names to this server's DNS64 (knowledge H.4). Whether the NLS answers from the Internet cannot be tested from here (client side: nls-reachable-outside).`,
        evidence: [
          ev('serverInfrastructure', 'nls.location', infra.nls?.location ?? null, 'ExternalServer, or DirectAccessServer on several servers'),
          ev('server', 'remoteAccess.loadBalancing', server.remoteAccess.loadBalancing, undefined, 'single server'),
          ...(cert ? [ev('serverInfrastructure', 'nls.certificate.notAfter', cert.notAfter, undefined, cert.subject)] : []),
        ],
        adminAction:
          'No change is required. For high availability, move the NLS to a highly available internal web site (HTTPS, a certificate clients trust with an intranet-only CRL, not reachable from the Internet; then Set-DANetworkLocationServer -Url with its URL) or add DirectAccess servers in a load-balanced cluster, which carry the NLS on every node.',
        commands: ['Get-DANetworkLocationServer', 'Get-RemoteAccess | Select-Object LoadBalancing, NlsLocation, NlsUrl'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-nls-placement',
        title: 'Where the network location server runs',
        plain: 'The server that tells laptops they are at work runs on this DirectAccess server alone: supported, but not highly available.',
        then: CONTINUE_CHAIN,
        shows: 'info',
        late: true,
      },
    ],
  },
});

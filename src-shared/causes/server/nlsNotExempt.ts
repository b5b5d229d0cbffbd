/**
 * server-nls-not-exempt: in the DirectAccess client policy, the network location server's name is not an NRPT
 * exemption: the most specific NRPT rule matching it sends its lookup to DirectAccess DNS servers. Knowledge H.1: the
 * client resolves the NLS name first, which "must match an NRPT exemption, or no rule"; windowsserverdocs
 * da-adv-plan-s1-infrastructure.md §1.5.2: clients on the Internet "must be prevented from resolving the name", so the
 * NLS FQDN is an exemption by default; Add-DAClientDnsConfiguration doc: without it a client outside can reach the NLS
 * (through DirectAccess) and mistakenly think it is on the corporate network. Evidence: Get-DAClientDnsConfiguration's
 * NRPT entries and the NLS name (Get-DANetworkLocationServer Url, or its certificate with the NLS on this server).
 * Without the NLS name or the NRPT nothing is concluded. Escalate with the exact command.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import { clientPolicyRule } from './infrastructure';

export const serverNlsNotExempt = defineCause({
  id: 'server-nls-not-exempt',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const infra = ctx.need('serverInfrastructure');
      const fqdn = infra?.nls?.fqdn ?? null;
      if (!infra || !fqdn || infra.nrpt === null) return null;
      const rule = clientPolicyRule(infra.nrpt, fqdn);
      // No rule at all: the interface's DNS servers answer, which is what an exemption achieves (knowledge H.1).
      if (!rule || rule.directAccessDnsServers.length === 0) return null;
      const from = infra.nls?.fqdnSource === 'certificate' ? 'the name of its certificate' : `its URL ${infra.nls?.url ?? ''}`.trim();
      return finding({
        id: 'server-nls-not-exempt',
        severity: 'error',
        title: 'The network location server’s name is not exempt from DirectAccess name lookups',
        plain:
          'DirectAccess laptops decide whether they are at work by contacting one particular server of your organisation. Its name must be looked up the ordinary way, never through DirectAccess. Here DirectAccess handles that name too, so a laptop away from work can reach that server through DirectAccess, believe it is at work and switch DirectAccess off. Your organisation’s administrator must add an exception for this name.',
        technical: `NLS ${fqdn} (from ${from}; NlsLocation ${infra.nls?.location ?? 'unknown'}): the most specific NRPT rule of the DirectAccess client policy is "${rule.namespace}" → DirectAccess DNS ${rule.directAccessDnsServers.join(', ')}, and no exemption (a rule for ${fqdn} without DNS servers) exists. Clients resolve the NLS name through DirectAccess DNS, so outside they can reach it and believe they are inside (Add-DAClientDnsConfiguration doc; knowledge H.1; da-adv-plan §1.5.2: the NLS FQDN is an exemption by default).`,
        evidence: [
          ev(
            'serverInfrastructure',
            'nls.fqdn',
            fqdn,
            undefined,
            infra.nls?.fqdnSource === 'certificate' ? 'the NLS certificate’s name (NLS on this server)' : 'host of the NLS URL',
          ),
          ev('serverInfrastructure', 'nrpt', { namespace: rule.namespace, dnsServers: rule.directAccessDnsServers }, { namespace: fqdn, dnsServers: [] }),
        ],
        escalate: true,
        adminAction: `Add the NLS name as an NRPT exemption of the DirectAccess client policy (Remote Access Management → Infrastructure Servers → DNS, or on this server: Add-DAClientDnsConfiguration -DnsSuffix ${fqdn}), then let the clients refresh the DirectAccess client GPO on the corporate network.`,
        commands: [`Add-DAClientDnsConfiguration -DnsSuffix ${fqdn}`, 'Get-DAClientDnsConfiguration', 'Get-DANetworkLocationServer'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-nls-exempt',
        title: 'Name of the network location server',
        plain: 'Checking that laptops look up the name of the server that tells them they are at work the ordinary way.',
        then: 'escalate-server-nls-exempt',
      },
    ],
    nodes: [
      escalate(
        'escalate-server-nls-exempt',
        'server-nls-not-exempt',
        'The network location server needs an exception',
        'An administrator must exempt the name of the network location server from DirectAccess name lookups in the DirectAccess client settings.',
      ),
    ],
  },
});

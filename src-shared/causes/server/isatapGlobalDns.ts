/**
 * server-isatap-global-dns (warning): the generic ISATAP name is no longer held back by DNS: the name `isatap` in the
 * server's domain resolves, and/or the DNS server's global query block list is off or no longer lists `isatap`.
 * Every host that resolves the name then builds an ISATAP adapter (knowledge E.2, Hicks: global deployment not
 * recommended). Microsoft: "Do not remove the ISATAP name from the Global Query Block List"; ISATAP is supported only
 * with a single DirectAccess server and only targeted (knowledge E.4, windowsserverdocs da-adv-plan-s1-infrastructure.md
 * §1.4). The advice is a targeted name (e.g. isatap-da) for the manage-out hosts and `isatap` back on the block list;
 * never removing it. Where the DnsServer cmdlets are absent or fail, the block list is "not checked", never fine: the
 * finding then rests on the lookup alone and says so. A lookup that timed out or failed concludes nothing.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate } from '../../tree/build';
import type { InfrastructureData } from './infrastructure';

/** The block list as read: `protects` false when it is off or lacks isatap; null when not checked. */
function blockListProtects(infra: InfrastructureData): boolean | null {
  const b = infra.globalQueryBlockList;
  if (b.status !== 'read') return null;
  if (b.enable === false) return false;
  if (!b.list.some((n) => n.toLowerCase() === 'isatap')) return false;
  // Enable unknown but isatap listed: not shown to be off.
  return b.enable === true ? true : null;
}

const NOT_CHECKED: Record<'noCmdlet' | 'failed', string> = {
  noCmdlet: 'not checked: the DnsServer cmdlets are not on this server',
  failed: 'not checked: Get-DnsServerGlobalQueryBlockList did not answer (no DNS service on this server?)',
};

export const serverIsatapGlobalDns = defineCause({
  id: 'server-isatap-global-dns',
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const infra = ctx.need('serverInfrastructure');
      if (!infra) return null;
      const generic = infra.isatapLookups.find((l) => l.purpose === 'generic');
      const resolves = generic?.lookup.outcome === 'answered' && generic.addresses.length > 0;
      const protects = blockListProtects(infra);
      if (!resolves && protects !== false) return null;
      const b = infra.globalQueryBlockList;
      const listText =
        b.status === 'read'
          ? `global query block list ${b.enable === false ? 'disabled' : b.enable === true ? 'enabled' : 'Enable unknown'}, List {${b.list.join(', ')}}`
          : `global query block list ${NOT_CHECKED[b.status]}`;
      const evidence = [
        ...(generic ? [ev('serverInfrastructure', 'isatapLookups[generic].addresses', generic.addresses, 'no answer', generic.name)] : []),
        ...(b.status === 'read'
          ? [
              ev('serverInfrastructure', 'globalQueryBlockList.enable', b.enable, true),
              ev('serverInfrastructure', 'globalQueryBlockList.list', b.list, 'contains isatap'),
            ]
          : [ev('serverInfrastructure', 'globalQueryBlockList.status', b.status, 'read', NOT_CHECKED[b.status])]),
      ];
      return finding({
        id: 'server-isatap-global-dns',
        severity: 'warning',
        title: 'The general ISATAP name is answered by your DNS',
        plain:
          'A name that tells computers to build an extra IPv6 tunnel adapter is answered for every computer on your organisation’s network, not just for the few that manage DirectAccess laptops. Microsoft advises against this. Your organisation’s administrator should point only those few computers at a separate name and block the general one again.',
        technical: `${
          resolves
            ? `${generic!.name} resolves to ${generic!.addresses.join(', ')}`
            : `${generic?.name ?? 'isatap'} does not resolve (${generic?.lookup.outcome ?? 'not looked up'})`
        }; ${listText}. Every IPv6 host that resolves isatap builds an ISATAP adapter (knowledge E.2). Microsoft: ISATAP only with a single DirectAccess server, and "Do not remove the ISATAP name from the Global Query Block List" (da-adv-plan-s1-infrastructure §1.4; knowledge E.4).`,
        evidence,
        escalate: true,
        adminAction:
          'Deploy ISATAP targeted, not globally: create a host record with another name (for example isatap-da) for the DirectAccess server’s internal IPv4 address and set it on the manage-out hosts only (Group Policy "Set ISATAP Router Name" and "Set ISATAP State" filtered to their group, or Set-NetIsatapConfiguration -State Enabled -Router on each). Then remove the global isatap host record and keep isatap on the DNS global query block list of every DNS server (Set-DnsServerGlobalQueryBlockList -Enable $true -List wpad,isatap restores the default list; add any other names your list holds). Never take isatap off the block list.',
        commands: ['Get-DnsServerGlobalQueryBlockList', `Resolve-DnsName ${generic?.name ?? 'isatap'}`, 'dnscmd /info /globalqueryblocklist'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-isatap-dns',
        title: 'General ISATAP name',
        plain: 'Checking that only chosen computers are told to build the extra IPv6 tunnel adapter.',
        then: 'escalate-server-isatap-dns',
        late: true,
      },
    ],
    nodes: [
      escalate(
        'escalate-server-isatap-dns',
        'server-isatap-global-dns',
        'The general ISATAP name should be blocked again',
        'DirectAccess works, but every computer that can use the general ISATAP name builds an extra tunnel adapter. An administrator should give the computers that manage DirectAccess laptops a separate name and block the general one again.',
      ),
    ],
  },
});

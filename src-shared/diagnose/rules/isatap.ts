/** Manage-out hosts: ISATAP configuration, router name resolution and addresses (knowledge E). */
import type { RuleContext, SectionData } from '../context';
import { defineRule, type Rule } from '../context';
import { ev, finding } from './common';

type Isatap = SectionData<'isatap'>;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Windows 10 1607 / Server 2016: from this build ISATAP State Default creates no interface. */
export const DEFAULT_STATE_NO_INTERFACE_BUILD = 14393;

/** The configured router name, trimmed, or null. */
export function routerName(i: Isatap): string | null {
  const r = i.configuration?.router?.trim();
  return r ? r : null;
}

/** Global ISATAP addresses (`…::5efe:a.b.c.d`, not link-local). */
export function globalIsatapAddresses(i: Isatap): string[] {
  return i.interfaces.flatMap((x) => x.addresses).filter((a) => /5efe:/i.test(a) && !/^fe80:/i.test(a));
}

/** True when the router is an IPv4 literal or its name resolved. */
function routerResolves(i: Isatap): boolean {
  const name = routerName(i);
  return name !== null && (IPV4.test(name) || (i.router?.addresses.length ?? 0) > 0);
}

function commands(i: Isatap): string[] {
  const r = routerName(i) ?? 'isatap';
  return i.source === 'netsh'
    ? ['netsh interface isatap show state', 'netsh interface isatap show router', 'netsh interface ipv6 show address', `nslookup ${r}`]
    : ['Get-NetIsatapConfiguration', "Get-NetIPAddress -AddressFamily IPv6 | Where-Object InterfaceAlias -like 'isatap*'", `Resolve-DnsName ${r}`, 'Get-NetRoute -AddressFamily IPv6'];
}

function orgRouter(ctx: RuleContext): string | undefined {
  return ctx.org?.isatapRouter;
}

export const isatapNotConfiguredRule: Rule = defineRule(['isatap-not-configured'], ['manageOut'], (ctx) => {
  const i = ctx.need('isatap');
  if (!i) return null;
  const disabled = /^disabled$/i.test(i.configuration?.state ?? '');
  const name = routerName(i);
  if (globalIsatapAddresses(i).length > 0) return null;
  if (!disabled && (name !== null || i.genericName.addresses.length > 0)) return null;
  const target = orgRouter(ctx);
  return finding({
    id: 'isatap-not-configured',
    severity: 'error',
    title: 'ISATAP is not set up on this management computer',
    plain: `To reach DirectAccess computers from inside the office, this computer needs an IPv6 tunnel called ISATAP that points at the DirectAccess server. It is ${disabled ? 'switched off' : 'not set up'} here. ${target ? `The fix turns it on and points it at ${target}.` : 'The fix turns it on; you need the router name from your IT department.'}`,
    technical: `Get-NetIsatapConfiguration: State ${i.configuration?.state ?? '(none)'}, Router ${name ?? '(none)'}; the generic name "isatap" does not resolve; no global ::5efe: address. Manage-out needs ISATAP (or native IPv6) towards the DirectAccess server's internal interface.`,
    evidence: [
      ev('isatap', 'configuration.state', i.configuration?.state ?? null, 'Enabled'),
      ev('isatap', 'configuration.router', name, target ?? '<ISATAP router name>'),
      ev('isatap', 'interfaces', i.interfaces.map((x) => x.alias), ['isatap.{…} with a ::5efe: address']),
    ],
    fixes: ['enable-isatap'],
    adminAction: `Apply the GPO settings "Set ISATAP Router Name" (${target ?? 'e.g. isatap-da.<domain>'}) and "Set ISATAP State" = Enabled to the manage-out hosts' security group.`,
    commands: commands(i),
  });
});

export const isatapDefaultStateRule: Rule = defineRule(['isatap-default-state-no-interface'], ['manageOut'], (ctx) => {
  const i = ctx.need('isatap');
  const os = ctx.need('os');
  if (!i || !os) return null;
  if (!/^default$/i.test(i.configuration?.state ?? '') || os.build < DEFAULT_STATE_NO_INTERFACE_BUILD) return null;
  if (i.interfaces.length > 0) return null;
  const name = routerName(i) ?? orgRouter(ctx) ?? null;
  return finding({
    id: 'isatap-default-state-no-interface',
    severity: 'error',
    title: 'ISATAP is left on "Default", which no longer creates the tunnel',
    plain: `This management computer is told where the DirectAccess server is${name ? ` (${name})` : ''}, but its IPv6 tunnel (ISATAP) is left on the setting "Default". On this version of Windows "Default" means "off", so no tunnel is created and DirectAccess computers cannot be reached from here. The fix switches it to "Enabled".`,
    technical: `Get-NetIsatapConfiguration State Default, Router ${routerName(i) ?? '(none)'} on ${os.caption} build ${os.build} (≥ ${DEFAULT_STATE_NO_INTERFACE_BUILD}): the newer ADMX semantics make Default = no ISATAP interface. Set State Enabled explicitly.`,
    evidence: [
      ev('isatap', 'configuration.state', i.configuration?.state, 'Enabled'),
      ev('os', 'build', os.build, `< ${DEFAULT_STATE_NO_INTERFACE_BUILD} for Default to create an interface`),
      ev('isatap', 'interfaces', [], ['isatap.{…}'], i.router?.addresses.length ? `router ${i.router.name} resolves to ${i.router.addresses.join(', ')}` : undefined),
    ],
    fixes: ['enable-isatap'],
    adminAction: 'Set the GPO "Set ISATAP State" to Enabled (not Default) for manage-out hosts running Windows 10 1607 / Server 2016 or later.',
    commands: commands(i),
  });
});

export const isatapRouterUnresolvedRule: Rule = defineRule(['isatap-router-unresolved'], ['manageOut'], (ctx) => {
  const i = ctx.need('isatap');
  if (!i) return null;
  const name = routerName(i);
  if (name === null || routerResolves(i)) return null;
  const generic = name.toLowerCase() === 'isatap';
  const target = orgRouter(ctx);
  const canFix = target !== undefined && target.toLowerCase() !== name.toLowerCase();
  const evidence = [
    ev('isatap', 'configuration.router', name, target ?? 'a name that resolves to the DirectAccess server\'s internal IPv4'),
    ev('isatap', 'router.addresses', i.router?.addresses ?? [], ['<DA internal IPv4>'], generic ? 'the name "isatap" is on the DNS global query block list by default' : 'the name does not resolve'),
  ];
  if (i.interfaces.length === 0) evidence.push(ev('isatap', 'interfaces', [], ['isatap.{…}'], 'symptom: no ISATAP interface'));
  if (/^default$/i.test(i.configuration?.state ?? '')) evidence.push(ev('isatap', 'configuration.state', i.configuration?.state, 'Enabled', 'also set State Enabled on Windows 10 1607 / Server 2016 and later'));
  return finding({
    id: 'isatap-router-unresolved',
    severity: 'error',
    title: 'The ISATAP router name cannot be found',
    plain: `This management computer is told to build its IPv6 tunnel (ISATAP) to "${name}", but that name cannot be looked up${generic ? ' — the name "isatap" is blocked by the office name servers on purpose, for security' : ''}. ${canFix ? `Your organisation uses "${target}" instead; the fix switches to it.` : 'Your IT department must provide a name that works.'}`,
    technical: `ISATAP Router ${name} does not resolve${generic ? ' (the generic name is on the DNS server global query block list: wpad, isatap)' : ''}; no ISATAP interface can get a global address.${canFix ? ` The organisation's targeted router name is ${target}.` : ''}`,
    evidence,
    fixes: canFix ? ['set-isatap-router'] : [],
    escalate: !canFix,
    adminAction: generic
      ? `Do not unblock "isatap": create a targeted A record (e.g. isatap-da) for the DirectAccess server's internal IPv4 and set it with the GPO "Set ISATAP Router Name" for manage-out hosts${target ? ` (${target})` : ''}.`
      : `Create a DNS A record ${name} pointing to the DirectAccess server's internal IPv4, or correct the GPO "Set ISATAP Router Name" to a name that exists.`,
    commands: commands(i),
  });
});

export const isatapGlobalRule: Rule = defineRule(['isatap-global-deployment'], ['client', 'manageOut'], (ctx) => {
  const i = ctx.peek('isatap');
  if (!i || i.genericName.addresses.length === 0) return null;
  return finding({
    id: 'isatap-global-deployment',
    severity: 'warning',
    title: 'ISATAP is switched on for every computer in the network',
    plain: 'The name "isatap" can be looked up on this network, which makes every Windows computer in the office build an IPv6 tunnel to the DirectAccess server, not just the management computers that need it. It works, but it is not recommended; IT should limit it to the computers that need it.',
    technical: `The generic name ${i.genericName.name} resolves to ${i.genericName.addresses.join(', ')}: ISATAP is deployed globally (the name was removed from the DNS global query block list).`,
    evidence: [ev('isatap', 'genericName.addresses', i.genericName.addresses, [], 'the generic ISATAP name resolves')],
    escalate: true,
    adminAction: 'Use a targeted ISATAP deployment: rename the record (e.g. isatap-da), put "isatap" back on the DNS global query block list, and set the router name by GPO only for manage-out hosts.',
    commands: [`Resolve-DnsName ${i.genericName.name}`, 'dnscmd /info /globalqueryblocklist'],
  });
});

export const isatapNoGlobalAddressRule: Rule = defineRule(['isatap-no-global-address'], ['manageOut'], (ctx) => {
  const i = ctx.need('isatap');
  if (!i || i.interfaces.length === 0 || !routerResolves(i) || globalIsatapAddresses(i).length > 0) return null;
  const addrs = i.interfaces.flatMap((x) => x.addresses);
  return finding({
    id: 'isatap-no-global-address',
    severity: 'error',
    title: 'The ISATAP tunnel is up but gets no usable address',
    plain: 'This management computer has built its IPv6 tunnel to the DirectAccess server, but the server does not hand out the address it needs, so DirectAccess computers still cannot be reached. The server side has lost part of its settings, which IT must restore.',
    technical: `ISATAP interface(s) ${i.interfaces.map((x) => x.alias).join(', ')} have only ${addrs.join(', ') || 'no addresses'}; no global <prefix>::5efe: address from router ${routerName(i)} (${i.router?.addresses.join(', ') ?? ''}). The DirectAccess server's ISATAP adapter is not advertising the internal prefix.`,
    evidence: [
      ev('isatap', 'interfaces[].addresses', addrs, ['<DA internal prefix>::5efe:<IPv4>']),
      ev('isatap', 'router.addresses', i.router?.addresses ?? [], undefined, `router ${routerName(i)} resolves`),
    ],
    escalate: true,
    adminAction: 'On the DirectAccess server, publish the internal IPv6 prefix route on the ISATAP adapter and enable forwarding and advertising on it (Reset-DaIsatapConfiguration: New-NetRoute -Publish Yes; Set-NetIPInterface -Forwarding Enabled -Advertising Enabled).',
    commands: commands(i),
  });
});

export const isatapTopologyRule: Rule = defineRule(['isatap-unsupported-topology'], ['manageOut'], (ctx) => {
  const i = ctx.peek('isatap');
  const addrs = [...new Set((i?.router?.addresses ?? []).filter((a) => IPV4.test(a)))];
  if (!i || addrs.length < 2) return null;
  return finding({
    id: 'isatap-unsupported-topology',
    severity: 'warning',
    title: 'ISATAP is used with several DirectAccess servers',
    plain: 'The ISATAP name points at several DirectAccess servers (a load-balanced or multi-site setup). Microsoft does not support ISATAP in such setups, so reaching DirectAccess computers from here may work only partly.',
    technical: `ISATAP router ${routerName(i)} resolves to ${addrs.length} IPv4 addresses (${addrs.join(', ')}): a load-balanced or multisite DirectAccess deployment. Microsoft supports ISATAP only with a single DirectAccess server; single-site NLB can work (one record per node plus the VIP), external load balancers and multisite do not.`,
    evidence: [ev('isatap', 'router.addresses', addrs, ['one DirectAccess server internal IPv4'])],
    commands: commands(i),
  });
});

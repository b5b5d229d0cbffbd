/** Facts about a manage-out host's ISATAP configuration that several ISATAP causes read (knowledge E). */
import type { RuleContext, SectionData } from '../../diagnose/context';

export type Isatap = SectionData<'isatap'>;
export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Windows 10 1703 (Creators Update): from this build ISATAP State Default creates no interface; Server 2019 (17763)
 * and later likewise. On 1607 / Server 2016 (14393) and earlier Default still builds one when the router name
 * resolves (knowledge E.2: Microsoft's deprecated-features list, "disabled by default since Windows 10, version 1703").
 */
export const DEFAULT_STATE_NO_INTERFACE_BUILD = 15063;

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
export function routerResolves(i: Isatap): boolean {
  const name = routerName(i);
  return name !== null && (IPV4.test(name) || (i.router?.addresses.length ?? 0) > 0);
}

export function isatapCommands(i: Isatap): string[] {
  const r = routerName(i) ?? 'isatap';
  return i.source === 'netsh'
    ? ['netsh interface isatap show state', 'netsh interface isatap show router', 'netsh interface ipv6 show address', `nslookup ${r}`]
    : [
        'Get-NetIsatapConfiguration',
        "Get-NetIPAddress -AddressFamily IPv6 | Where-Object InterfaceAlias -like 'isatap*'",
        `Resolve-DnsName ${r}`,
        'Get-NetRoute -AddressFamily IPv6',
      ];
}

/**
 * True when the organisation configuration names this computer as a manage-out host (`manageOutHosts`, `*` wildcards,
 * case-insensitive, against the computer name and its FQDN). Only there may ISATAP be turned on by the wizard.
 */
export function markedManageOutHost(ctx: RuleContext): boolean {
  const os = ctx.peek('os');
  const names = [os?.computerName, os?.fqdn, ctx.snapshot.machine].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  return (ctx.org?.manageOutHosts ?? []).some((pattern) => {
    const re = new RegExp(`^${pattern.toLowerCase().replace(/[.]/g, '\\.').replace(/\*/g, '[a-z0-9.-]*')}$`);
    return names.some((n) => re.test(n));
  });
}

export function orgRouter(ctx: RuleContext): string | undefined {
  return ctx.org?.isatapRouter;
}

/**
 * iphttps-proxy: a proxy that does not bypass the DirectAccess name breaks IP-HTTPS (knowledge A.6, A.15, J): WinHTTP,
 * the SYSTEM context, a StaticProxy cached under iphlpsvc ProxyMgr, or the logged-on user's browser proxy (variant
 * `user-proxy`, which escalates: the bypass belongs in the proxy policy). 0x2AF9/0x2AFC only (A.8: not 0x274D).
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { PROXY_CODES } from '../../diagnose/errorCodes';
import { bypassEntryFor } from '../../diagnose/proxyBypass';
import type { RuleContext, SectionData } from '../../diagnose/context';
import type { Evidence } from '../../finding';
import type { FixId } from '../../ids';
import { escalate, fixThenVerify, info } from '../../tree/build';
import { serverUnreachable } from './serverUnreachable';

/** Where a proxy setting lives. */
export type ProxySource = 'winHttp' | 'system' | 'proxyMgr' | 'user';

/** One proxy setting seen on the machine, with whether it applies to the DirectAccess name. */
export interface ProxySeen {
  source: ProxySource;
  /** Short technical label, e.g. `WinHTTP proxy proxy.contoso.com:8080`. */
  label: string;
  /** The bypass entry that exempts the DirectAccess name, or null when the proxy applies to it. */
  bypassedBy: string | null;
  evidence: Evidence;
}

/** What the proxy section says about the way to the IP-HTTPS server. */
export interface ProxyPicture {
  /** Every proxy setting found (applying or bypassed). */
  seen: ProxySeen[];
  /** Those that apply to the DirectAccess name. */
  applying: ProxySeen[];
  /** A source that could not be read (its absence is not known): `WinHTTP` or `the logged-on user's proxy`. */
  unread: string[];
}

const USER_KEY_NOTE = "the logged-on user's Internet Settings (WinINET, the browser proxy)";

/** The proxies on the way to `host` (knowledge J): each source, its bypass list evaluated against the name (J.5). */
export function proxyPicture(ctx: RuleContext, proxy: SectionData<'proxy'>): ProxyPicture {
  const host = ctx.serverHost;
  const reach = ctx.peek('reachability');
  const addresses = reach && host && reach.host.toLowerCase() === host ? reach.addresses : [];
  const port = reach && host && reach.host.toLowerCase() === host ? reach.port : 443;
  const bypass = (list: string | null | undefined): string | null => (host ? bypassEntryFor(list, host, { port, addresses }) : null);
  const seen: ProxySeen[] = [];
  const unread: string[] = [];

  const w = proxy.winHttp;
  if (w.parse?.recognised === false) unread.push('WinHTTP');
  else if (!w.direct && w.proxyServer) {
    const by = bypass(w.bypassList);
    seen.push({
      source: 'winHttp',
      label: `WinHTTP proxy ${w.proxyServer}${by ? ` (bypasses ${host} by "${by}")` : ''}`,
      bypassedBy: by,
      evidence: ev(
        'proxy',
        'winHttp.proxyServer',
        w.proxyServer,
        by ? undefined : 'Direct access (no proxy server)',
        `bypass list: ${w.bypassList ?? '(none)'}${by ? `; "${by}" covers ${host}` : host ? `; does not cover ${host}` : ''}`,
      ),
    });
  }

  const s = proxy.system;
  if ((s.proxyEnable && s.proxyServer) || s.autoConfigUrl) {
    seen.push({
      source: 'system',
      label: `SYSTEM-context proxy ${s.proxyEnable && s.proxyServer ? s.proxyServer : `PAC ${s.autoConfigUrl}`}`,
      bypassedBy: null,
      evidence: ev(
        'proxy',
        'system',
        { proxyEnable: s.proxyEnable, proxyServer: s.proxyServer, autoConfigUrl: s.autoConfigUrl },
        { proxyEnable: false },
        'HKU\\S-1-5-18 Internet Settings (SYSTEM context)',
      ),
    });
  }

  const u = proxy.user;
  if (!u) unread.push("the logged-on user's proxy");
  else if (u.readAs !== 'none') {
    const where = `${USER_KEY_NOTE}${u.account ? ` of ${u.account}` : ''}${u.keyPath ? `, ${u.keyPath}` : ''}`;
    if (u.proxyEnable && u.proxyServer) {
      const by = bypass(u.proxyOverride);
      seen.push({
        source: 'user',
        label: `the logged-on user's browser proxy ${u.proxyServer}${by ? ` (bypasses ${host} by "${by}")` : ''}`,
        bypassedBy: by,
        evidence: ev(
          'proxy',
          'user.proxyServer',
          u.proxyServer,
          by ? undefined : null,
          `${where}; ProxyEnable 1; ProxyOverride: ${u.proxyOverride ?? '(none)'}${by ? `; "${by}" covers ${host}` : host ? `; does not cover ${host}` : ''}`,
        ),
      });
    }
    if (u.autoConfigUrl) {
      seen.push({
        source: 'user',
        label: `the logged-on user's proxy script (PAC) ${u.autoConfigUrl}`,
        bypassedBy: null,
        evidence: ev(
          'proxy',
          'user.autoConfigUrl',
          u.autoConfigUrl,
          null,
          `${where}; a PAC file may send ${host ?? 'the DirectAccess name'} through a proxy (KB3017472 counts a static PAC path as a static proxy)`,
        ),
      });
    }
  }
  // A StaticProxy IP Helper learned from a proxy whose bypass list covers the name is bypassed too (KB3017472's
  // workaround 2 is the bypass list, with the proxy left in place) [I].
  const servers = new Map<string, string | null>();
  if (!w.direct && w.proxyServer) servers.set(w.proxyServer.toLowerCase(), seen.find((p) => p.source === 'winHttp')?.bypassedBy ?? null);
  if (u?.proxyEnable && u.proxyServer && !servers.get(u.proxyServer.toLowerCase()))
    servers.set(u.proxyServer.toLowerCase(), seen.find((p) => p.source === 'user' && p.evidence.field === 'user.proxyServer')?.bypassedBy ?? null);
  for (const c of proxy.proxyMgr.filter((p) => !!p.staticProxy)) {
    const by = servers.get((c.staticProxy ?? '').toLowerCase()) ?? null;
    seen.push({
      source: 'proxyMgr',
      label: `StaticProxy ${c.staticProxy} cached under iphlpsvc ProxyMgr${by ? ` (the same proxy bypasses ${host} by "${by}")` : ''}`,
      bypassedBy: by,
      evidence: ev(
        'proxy',
        `proxyMgr[${c.key}].staticProxy`,
        c.staticProxy,
        by ? undefined : null,
        `HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr${by ? `; the proxy's bypass list covers ${host} ("${by}")` : ''}`,
      ),
    });
  }
  return { seen, applying: seen.filter((p) => p.bypassedBy === null), unread };
}

export const proxy = defineCause({
  id: 'iphttps-proxy',
  groups: ['iphttps'],
  explains: [serverUnreachable],
  fixes: ['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code === null || !PROXY_CODES.has(ctx.code)) return null;
      const data = ctx.need('proxy');
      if (!data) return null;
      const { applying, seen } = proxyPicture(ctx, data);
      if (applying.length === 0) return null;
      const has = (s: ProxySource) => applying.some((p) => p.source === s);
      const userOnly = applying.every((p) => p.source === 'user');
      const evidence = [...codeEvidence(ctx), ...applying.map((p) => p.evidence), ...seen.filter((p) => p.bypassedBy !== null).map((p) => p.evidence)];
      const reach = ctx.peek('reachability');
      if (reach)
        evidence.push(
          ev('reachability', 'tcp', reach.tcp, 'succeeded', `direct TCP ${reach.host}:${reach.port}; addresses ${reach.addresses.join(', ') || 'none'}`),
        );
      const host = ctx.serverHost ?? 'the DirectAccess public name';
      const what = applying.map((p) => p.label).join('; ');
      const commands = [
        'netsh winhttp show proxy',
        'reg query "HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"',
        'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr /s',
      ];
      if (has('user'))
        commands.unshift(
          'reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" /v Proxy*',
          'reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" /v AutoConfigURL',
        );
      commands.push(...ipHttpsCommands(ctx));
      if (userOnly) {
        return finding({
          id: 'iphttps-proxy',
          variant: 'user-proxy',
          severity: 'error',
          title: 'The web browser proxy setting blocks the DirectAccess connection',
          plain: `The internet settings of the person logged on send connections through a proxy (a go-between server that is normally only reachable inside your organisation’s network), and they do not make an exception for your organisation’s server "${host}". The secure tunnel to your organisation’s network cannot pass through that proxy from where you are. This program does not change that setting: if your organisation’s IT department set it, they must add the exception; if you set it yourself, turn the proxy off in Windows Settings under Network & Internet, Proxy.`,
          technical: `${codeText(ctx)} with ${what}; no proxy of WinHTTP, the SYSTEM context or iphlpsvc ProxyMgr applies to it. The browser (WinINET) proxy is the most common cause of 0x2af9 when the name resolves and TCP 443 answers (Hicks, knowledge A.6); with a static proxy IP Helper cancels IP-HTTPS (KB3017472).`,
          evidence,
          escalate: true,
          adminAction: `Bypass ${host} in the proxy policy that sets the user's browser proxy (add ${host} to ProxyOverride / the proxy exceptions, KB3017472 workaround 2), or deliver the proxy by WPAD / a PAC file that returns DIRECT for ${host}, so roaming clients reach the DirectAccess server directly.`,
          commands,
        });
      }
      const fixes: FixId[] = [];
      if (has('winHttp')) fixes.push('reset-winhttp-proxy');
      if (has('proxyMgr') || has('winHttp')) fixes.push('clear-iphlpsvc-proxy-cache');
      return finding({
        id: 'iphttps-proxy',
        severity: 'error',
        title: 'A proxy setting blocks the DirectAccess connection',
        plain:
          'This computer is set to send its own background connections through a proxy (a go-between server that is normally only used inside your organisation’s network). The secure tunnel to your organisation’s network cannot pass through it from where you are. Clearing the saved proxy settings lets the computer connect directly.',
        technical: `${codeText(ctx)} with ${what}. iphlpsvc runs as LocalSystem and uses the WinHTTP / SYSTEM proxy; with a static proxy it cancels IP-HTTPS (KB3017472, KB2980635).`,
        evidence,
        fixes,
        escalate: has('system'),
        adminAction: `Stop deploying a static proxy to DirectAccess clients (use WPAD/PAC so roaming clients go direct) or add ${host} to the proxy bypass list${has('system') ? '; remove the SYSTEM-context proxy (HKU\\S-1-5-18 Internet Settings) set on this machine' : ''}${has('user') ? "; bypass it in the user's browser proxy policy too" : ''}.`,
        commands,
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'proxy',
        title: 'Proxy settings',
        plain: 'Checking for a proxy (a go-between server) that blocks the DirectAccess connection.',
        then: 'proxy-user',
      },
    ],
    nodes: [
      info(
        'proxy-user',
        { finding: 'iphttps-proxy', variant: 'user-proxy' },
        'Browser proxy',
        'The proxy is set in the web browser settings of the person logged on, usually by your organisation’s proxy policy.',
        'escalate-user-proxy',
        'fix-proxy',
      ),
      ...fixThenVerify({
        id: 'fix-proxy',
        fixes: ['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache'],
        cause: 'iphttps-proxy',
        title: 'Remove the old proxy settings',
        plain:
          'Windows is set to send the DirectAccess connection through a proxy (a go-between server) it cannot use. The program saves the current settings (so they can be put back), clears them, and restarts the IP Helper service.',
        passed: 'fixed',
        failed: 'escalate-proxy',
      }),
      escalate(
        'escalate-proxy',
        'iphttps-proxy',
        'A proxy blocks DirectAccess',
        'The proxy settings could not be cleared on this computer. Your organisation’s IT department needs to look at the proxy policy.',
      ),
      escalate(
        'escalate-user-proxy',
        'iphttps-proxy',
        'The browser proxy blocks DirectAccess',
        "The proxy in the web browser settings has no exception for the DirectAccess server. Your organisation’s IT department must add the server's name to the proxy exceptions (or, if you set this proxy yourself, turn it off). Send them the report.",
      ),
    ],
  },
});

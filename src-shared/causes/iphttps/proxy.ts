/** iphttps-proxy: a WinHTTP, SYSTEM-context or cached static proxy breaks IP-HTTPS (knowledge A.6, A.15). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { PROXY_CODES } from '../../diagnose/errorCodes';
import type { FixId } from '../../ids';
import { escalate, fixThenVerify } from '../../tree/build';
import { serverUnreachable } from './serverUnreachable';

export const proxy = defineCause({
  id: "iphttps-proxy",
  groups: ["iphttps"],
  explains: [serverUnreachable],
  fixes: ["reset-winhttp-proxy", "clear-iphlpsvc-proxy-cache"],
  rule: {
    roles: ['client'],
    run: (ctx) => {
    if (ctx.code === null || !PROXY_CODES.has(ctx.code)) return null;
    const proxy = ctx.need('proxy');
    if (!proxy) return null;
    const winHttp = !proxy.winHttp.direct && !!proxy.winHttp.proxyServer;
    const system = (proxy.system.proxyEnable && !!proxy.system.proxyServer) || !!proxy.system.autoConfigUrl;
    const cached = proxy.proxyMgr.filter((p) => !!p.staticProxy);
    if (!winHttp && !system && cached.length === 0) return null;
    const evidence = [...codeEvidence(ctx)];
    const what: string[] = [];
    if (winHttp) {
      evidence.push(ev('proxy', 'winHttp.proxyServer', proxy.winHttp.proxyServer, 'Direct access (no proxy server)', proxy.winHttp.bypassList ? `bypass: ${proxy.winHttp.bypassList}` : undefined));
      what.push(`WinHTTP proxy ${proxy.winHttp.proxyServer}`);
    }
    if (system) {
      evidence.push(ev('proxy', 'system', { proxyEnable: proxy.system.proxyEnable, proxyServer: proxy.system.proxyServer, autoConfigUrl: proxy.system.autoConfigUrl }, { proxyEnable: false }, 'HKU\\S-1-5-18 Internet Settings (SYSTEM context)'));
      what.push(`SYSTEM-context proxy ${proxy.system.proxyServer ?? proxy.system.autoConfigUrl}`);
    }
    for (const c of cached) {
      evidence.push(ev('proxy', `proxyMgr[${c.key}].staticProxy`, c.staticProxy, null, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr'));
    }
    if (cached.length > 0) what.push(`StaticProxy ${cached.map((c) => c.staticProxy).join(', ')} cached under iphlpsvc ProxyMgr`);
    const reach = ctx.peek('reachability');
    if (reach) evidence.push(ev('reachability', 'tcp', reach.tcp, 'succeeded', `direct TCP ${reach.host}:${reach.port}; addresses ${reach.addresses.join(', ') || 'none'}`));
    const fixes: FixId[] = [];
    if (winHttp) fixes.push('reset-winhttp-proxy');
    if (cached.length > 0 || winHttp) fixes.push('clear-iphlpsvc-proxy-cache');
    const host = ctx.serverHost ?? 'the DirectAccess public name';
    return finding({
      id: 'iphttps-proxy',
      severity: 'error',
      title: 'A proxy setting blocks the DirectAccess connection',
      plain: 'This computer is set to send its own background connections through a proxy (a go-between server that is normally only used inside the office). The secure tunnel to the office cannot pass through it from where you are. Clearing the saved proxy settings lets the computer connect directly.',
      technical: `${codeText(ctx)} with ${what.join('; ')}. iphlpsvc runs as LocalSystem and uses the WinHTTP / SYSTEM proxy; with a static proxy it cancels IP-HTTPS (KB3017472, KB2980635).`,
      evidence,
      fixes,
      escalate: system,
      adminAction: `Stop deploying a static proxy to DirectAccess clients (use WPAD/PAC so roaming clients go direct) or add ${host} to the proxy bypass list${system ? '; remove the SYSTEM-context proxy (HKU\\S-1-5-18 Internet Settings) set on this machine' : ''}.`,
      commands: ['netsh winhttp show proxy', 'reg query "HKU\\S-1-5-18\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"', 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\iphlpsvc\\Parameters\\ProxyMgr /s', ...ipHttpsCommands(ctx)],
    });
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "proxy", title: "Proxy settings", plain: "Checking for a proxy (a go-between server) that blocks the DirectAccess connection.", then: "fix-proxy" },
    ],
    nodes: [
      ...fixThenVerify({ id: "fix-proxy", fixes: ["reset-winhttp-proxy", "clear-iphlpsvc-proxy-cache"], cause: "iphttps-proxy", title: "Remove the old proxy settings", plain: "Windows is set to send the DirectAccess connection through a proxy (a go-between server) it cannot use. The program saves the current settings (so they can be put back), clears them, and restarts the IP Helper service.", passed: "fixed", failed: "escalate-proxy" }),
      escalate("escalate-proxy", "iphttps-proxy", "A proxy blocks DirectAccess", "The proxy settings could not be cleared on this computer. Your IT department needs to look at the proxy policy."),
    ],
  },
});

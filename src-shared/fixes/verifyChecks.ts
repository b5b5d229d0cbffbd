/** The conditions fixes are verified against: pure functions of the snapshot collected after the fix. */
import { offendingBits, PREFER_IPV4 } from '../causes/machine/ipv6TransitionDisabled';
import { sixToFourOn } from '../causes/machine/sixToFourInUse';
import { dtesWithoutSa } from '../causes/machine/ipsecTunnelFailed';
import { formatDuration, toHex } from '../format';
import { DA_IPHTTPS_APP_ID, type Snapshot } from '../snapshot';
import type { VerifyOutcome } from './catalogue';

type S = Snapshot['sections'];
const data = <K extends keyof S>(s: Snapshot, k: K): NonNullable<S[K]['data']> | null => (s.sections[k].status === 'ok' ? (s.sections[k].data ?? null) : null);
const pass = (detail: string): VerifyOutcome => ({ verified: true, detail });
const fail = (detail: string): VerifyOutcome => ({ verified: false, detail });

/** All must hold; the details of the failing ones are kept. */
export function all(...outcomes: VerifyOutcome[]): VerifyOutcome {
  const failed = outcomes.filter((o) => !o.verified);
  return failed.length ? fail(failed.map((o) => o.detail).join('; ')) : pass(outcomes.map((o) => o.detail).join('; '));
}

export function serviceRunning(s: Snapshot, name: string): VerifyOutcome {
  const svc = data(s, 'services')?.[name];
  if (!svc) return fail(`the state of ${name} could not be read`);
  return svc.status === 'Running' ? pass(`${name} is running`) : fail(`${name} is ${svc.status ?? 'not running'}`);
}

export function ipHttpsActive(s: Snapshot): VerifyOutcome {
  const ip = data(s, 'ipHttps');
  if (!ip) return fail('the IP-HTTPS state could not be read');
  if (!ip.state) return fail('IP-HTTPS shows no state yet');
  const code = ip.state.lastErrorCode;
  return code === 0 && /active/i.test(ip.state.interfaceStatus)
    ? pass('IP-HTTPS: LastErrorCode 0x0, interface active')
    : fail(`IP-HTTPS: LastErrorCode ${toHex(code)}, ${ip.state.interfaceStatus}`);
}

export function rootTrusted(s: Snapshot, thumbprint?: string): VerifyOutcome {
  const chain = data(s, 'serverCertificate')?.chain ?? [];
  const want = (thumbprint ?? chain.at(-1)?.thumbprint ?? '').toUpperCase();
  const roots = data(s, 'trustStores')?.root ?? [];
  if (!want) return fail('the root of the server chain is not known');
  return roots.some((r) => r.thumbprint.toUpperCase() === want)
    ? pass(`root ${want} is in LocalMachine\\Root`)
    : fail(`root ${want} is not in LocalMachine\\Root`);
}

export function chainComplete(s: Snapshot): VerifyOutcome {
  const cert = data(s, 'serverCertificate');
  if (!cert) return fail('the server chain could not be read');
  return cert.chainStatus.includes('PartialChain') ? fail('the chain is still incomplete (PartialChain)') : pass('the chain builds');
}

/** Within 5 minutes of the server's Date header: the same bound the rules use. */
export function clockInStep(s: Snapshot): VerifyOutcome {
  const clock = data(s, 'clock');
  const serverDate = data(s, 'serverCertificate')?.serverDate;
  if (!clock || !serverDate) return fail('the clock could not be compared with the server');
  const skew = Math.abs(Date.parse(clock.utcNow) - Date.parse(serverDate)) / 1000;
  return skew <= 300 ? pass(`clock within ${Math.round(skew)} s of the server`) : fail(`clock ${formatDuration(skew * 1000)} off the server's`);
}

export function winHttpDirect(s: Snapshot): VerifyOutcome {
  const proxy = data(s, 'proxy');
  if (!proxy) return fail('the proxy settings could not be read');
  return proxy.winHttp.direct ? pass('WinHTTP: direct access (no proxy server)') : fail(`WinHTTP proxy still ${proxy.winHttp.proxyServer}`);
}

export function proxyCacheEmpty(s: Snapshot): VerifyOutcome {
  const proxy = data(s, 'proxy');
  if (!proxy) return fail('the proxy settings could not be read');
  const left = proxy.proxyMgr.filter((p) => p.staticProxy);
  return left.length ? fail(`ProxyMgr still holds ${left.map((p) => p.staticProxy).join(', ')}`) : pass('ProxyMgr holds no StaticProxy');
}

/** DisabledComponents no longer stops this role's tunnels and prefers IPv4 (set-ipv6-prefer-ipv4). */
export function tunnelBitsCleared(s: Snapshot, role: string): VerifyOutcome {
  const ipv6 = data(s, 'ipv6');
  if (!ipv6) return fail('DisabledComponents could not be read');
  const value = ipv6.disabledComponents;
  if (value === null) return fail('DisabledComponents is absent');
  const hex = toHex(value);
  return offendingBits(value, role) === 0 && (value & PREFER_IPV4) === PREFER_IPV4
    ? pass(`DisabledComponents is ${hex}; restart Windows to apply it`)
    : fail(`DisabledComponents is ${hex}`);
}

export function disabledComponents(s: Snapshot, value: number): VerifyOutcome {
  const ipv6 = data(s, 'ipv6');
  if (!ipv6) return fail('DisabledComponents could not be read');
  const hex = (n: number | null) => (n === null ? 'absent' : toHex(n));
  return ipv6.disabledComponents === value
    ? pass(`DisabledComponents is ${hex(value)}; restart Windows to apply it`)
    : fail(`DisabledComponents is ${hex(ipv6.disabledComponents)}`);
}

/**
 * The IPsec tunnels are up (knowledge I.6: verify start-ipsec-services by a main-mode SA, not by service state alone):
 * a main-mode SA to every tunnel endpoint when the SA list can be believed; Get-DAConnectionStatus not Error. Where
 * neither can be read (Windows 7, an unelevated empty SA list) only the services decide, and the detail says so.
 */
export function ipsecTunnelsUp(s: Snapshot): VerifyOutcome {
  const conn = data(s, 'daStatus')?.connection;
  if (conn && /^error$/i.test(conn.status)) return fail(`Get-DAConnectionStatus still says ${conn.status} / ${conn.substatus}`);
  // Inside, or with no transition tunnel, there are no tunnels to expect.
  if (conn && /^connectedlocally$/i.test(conn.status)) return pass('inside the corporate network: no IPsec tunnels expected');
  const ip = data(s, 'ipHttps')?.state;
  if (!ip || ip.lastErrorCode !== 0 || !/interface active/i.test(ip.interfaceStatus)) return pass('no transition tunnel up: IPsec tunnels not expected yet');
  const missing = dtesWithoutSa(data(s, 'ipsec') ?? undefined);
  if (missing === null) return pass('IPsec security associations not readable here');
  return missing.length ? fail(`no IPsec main-mode SA to ${missing.join(', ')}`) : pass('a main-mode SA to every tunnel endpoint');
}

export function machineCertificatePresent(s: Snapshot): VerifyOutcome {
  const certs = data(s, 'machineCertificates')?.certificates ?? [];
  // The machine's own clock, not ours: a snapshot may come from another machine and another day.
  const now = Date.parse(data(s, 'clock')?.utcNow ?? s.collectedAt);
  const ok = certs.some((c) => c.ekus.includes('1.3.6.1.5.5.7.3.2') && c.hasPrivateKey && Date.parse(c.notAfter) > now);
  return ok ? pass('a machine certificate with Client Authentication is present') : fail('no valid Client Authentication certificate');
}

export function isatapUp(s: Snapshot): VerifyOutcome {
  const isatap = data(s, 'isatap');
  if (!isatap) return fail('the ISATAP state could not be read');
  const global = isatap.interfaces.flatMap((i) => i.addresses).find((a) => /::5efe:/i.test(a) && !/^fe80:/i.test(a));
  return global ? pass(`ISATAP interface up with ${global}`) : fail('no ISATAP interface with a global ::5efe: address');
}

export function isatapRouterResolves(s: Snapshot, router?: string): VerifyOutcome {
  const isatap = data(s, 'isatap');
  const r = isatap?.router;
  if (!r) return fail('no ISATAP router is set');
  if (router && r.name.toLowerCase() !== router.toLowerCase()) return fail(`the router is ${r.name}, not ${router}`);
  return r.addresses.length ? pass(`${r.name} resolves to ${r.addresses.join(', ')}`) : fail(`${r.name} does not resolve`);
}

/** 6to4 is off as the probe reads it (the local state, Group Policy's over it, no `2002:` address left). */
export function sixToFourOff(s: Snapshot): VerifyOutcome {
  const six = data(s, 'teredo')?.sixToFour;
  if (!six) return fail('the 6to4 state could not be read');
  const { on, why } = sixToFourOn(six, data(s, 'os')?.build ?? null);
  return on ? fail(`6to4 is still on (${why})`) : pass(`6to4 is off (${why})`);
}

/** The DirectAccess IP-HTTPS binding negotiates client certificates (`want` true) or does not (false). */
export function preauth(s: Snapshot, want: boolean): VerifyOutcome {
  const server = data(s, 'server');
  if (!server) return fail('the server settings could not be read');
  const b = server.bindings.find((x) => x.appId === DA_IPHTTPS_APP_ID);
  if (!b) return fail('no IP-HTTPS binding of DirectAccess on 0.0.0.0:443');
  if (b.negotiateClientCertificate === null) return fail('the binding flags could not be read');
  const word = (on: boolean) => (on ? 'on' : 'off');
  return b.negotiateClientCertificate === want
    ? pass(`IP-HTTPS binding ${b.ipPort}: client-certificate negotiation ${word(want)}`)
    : fail(`IP-HTTPS binding ${b.ipPort}: client-certificate negotiation still ${word(b.negotiateClientCertificate)}`);
}

/** Some ISATAP interface of the server forwards and advertises, with the internal prefix published on it. */
export function isatapRouterAdvertising(s: Snapshot): VerifyOutcome {
  const server = data(s, 'server');
  const prefix = server?.remoteAccess?.internalIPv6Prefix;
  if (!server?.isatap || !prefix) return fail('the ISATAP router settings could not be read');
  const isatap = server.isatap;
  const ok = isatap.interfaces.find(
    (i) =>
      /^enabled$/i.test(i.forwarding ?? '') &&
      /^enabled$/i.test(i.advertising ?? '') &&
      isatap.routes.some((r) => r.index === i.index && r.destinationPrefix === prefix && /^yes$/i.test(r.publish ?? '')),
  );
  return ok
    ? pass(`${ok.alias}: forwarding and advertising, ${prefix} published`)
    : fail(`no ISATAP interface forwards and advertises with ${prefix} published`);
}

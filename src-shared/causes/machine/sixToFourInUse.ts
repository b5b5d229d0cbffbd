/**
 * transition-6to4-in-use: a DirectAccess client outside the office with a public IPv4 address and 6to4 switched on.
 * Windows then tries 6to4 before Teredo and IP-HTTPS ("If the DirectAccess client has been assigned a public IPv4
 * address, it will use the 6to4 transition technology", knowledge K.1, da-adv-plan-s1-infrastructure §1.1.1, KB3056560);
 * behind carrier NAT ("pseudo-public" addresses) or where protocol 41 is blocked 6to4 fails and the fallback "fails with
 * enough regularity" that Richard Hicks recommends disabling 6to4 on every DirectAccess client (K.2). A warning (contract
 * §1): the connection may work now. Evidence (K.3): `Get-Net6to4Configuration` State, Group Policy's `6to4_State`
 * (overrides the local state), a `2002:` address, and a public IPv4 address (not 10/8, 172.16/12, 192.168/16 per
 * KB929852; nor 100.64/10 carrier NAT, 169.254/16 link-local, loopback or multicast, K.3 [I]). `Default` means off from
 * Windows 10 1607 (build 14393) on ("6to4 has been disabled by default since Windows 10, version 1607", E.2/K.1), on
 * before it.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import type { SectionData } from '../../diagnose/context';

/** The first build where 6to4 `Default` means off: Windows 10 1607 / Server 2016 (knowledge E.2, K.1). */
export const SIXTOFOUR_DEFAULT_OFF_BUILD = 14393;

type SixToFour = NonNullable<SectionData<'teredo'>['sixToFour']>;

/** True for an IPv4 address that is routable on the Internet as far as 6to4 is concerned (knowledge K.1, K.3). */
export function isPublicIpv4(address: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address.trim());
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if ([a, b, Number(m[3]), Number(m[4])].some((n) => n > 255)) return false;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast/reserved
  if (a === 172 && b >= 16 && b <= 31) return false; // private
  if (a === 192 && b === 168) return false; // private
  if (a === 169 && b === 254) return false; // link-local (APIPA)
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT (RFC 6598)
  return true;
}

/** Whether 6to4 is switched on, and why: Group Policy first (it overrides the local state), then the local state. */
export function sixToFourOn(s: SixToFour, build: number | null): { on: boolean; why: string } {
  const policy = s.policyState && !/^default$/i.test(s.policyState) ? s.policyState : null;
  const effective = policy ?? s.state;
  const from = policy ? `Group Policy 6to4_State ${policy}` : `State ${s.state ?? 'unknown'}`;
  if (effective && /^disabled$/i.test(effective)) return { on: false, why: from };
  if (effective && /^(enabled|automatic)$/i.test(effective)) return { on: true, why: from };
  if (s.addresses.length > 0) return { on: true, why: `${from}, with a 6to4 address` };
  // Default (or unreadable): on before Windows 10 1607, off from it on.
  if (effective && /^default$/i.test(effective) && build !== null && build < SIXTOFOUR_DEFAULT_OFF_BUILD) {
    return { on: true, why: `${from} on build ${build} (before Windows 10 1607, Default means on)` };
  }
  return { on: false, why: from };
}

export const sixToFourInUse = defineCause({
  id: 'transition-6to4-in-use',
  fixes: ['disable-6to4'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      // peek, not need: 6to4 rides in the Teredo section, and a failed Teredo probe alone must not turn a healthy
      // machine into unknown (diagnose.test "probe-throws"); the failed probe is reported as incomplete anyway.
      const teredo = ctx.peek('teredo');
      const os = ctx.peek('os');
      const da = ctx.peek('daStatus');
      const s = teredo?.sixToFour;
      if (!s || ctx.inside) return null;
      // Only a DirectAccess client tries 6to4 towards the DirectAccess server.
      if (!da?.policyApplied && !da?.ncaConfigured && !da?.ipHttpsClientUrl && !ctx.serverUrl) return null;
      const publicV4 = s.ipv4Addresses.filter((a) => isPublicIpv4(a.address));
      if (publicV4.length === 0) return null;
      const { on, why } = sixToFourOn(s, os?.build ?? null);
      if (!on) return null;
      const ip = ctx.peek('ipHttps');
      const ipHttpsUp = ip?.state?.lastErrorCode === 0 && /active/i.test(ip.state.interfaceStatus ?? '');
      const v4 = publicV4.map((a) => `${a.address}${a.alias ? ` (${a.alias})` : ''}`).join(', ');
      return finding({
        id: 'transition-6to4-in-use',
        severity: 'warning',
        title: 'An older tunnel type is tried before the reliable one',
        plain: `This computer gets an address straight from the Internet, so Windows first tries an older kind of DirectAccess tunnel (called 6to4) before the one that works almost everywhere. Many home and mobile networks block that older tunnel, and then the connection ${
          ipHttpsUp ? 'can fail or take long to come up' : 'does not come up'
        }. Switching the older tunnel off makes Windows use the reliable one straight away; it changes nothing else on this computer.`,
        technical: `6to4 is on (${why}) and the client has a public IPv4 address: ${v4}. With a public IPv4 a DirectAccess client uses 6to4 before Teredo and IP-HTTPS (da-adv-plan-s1-infrastructure §1.1.1, KB3056560); behind carrier NAT or where IP protocol 41 is blocked 6to4 fails and the fallback is unreliable, so Hicks recommends disabling 6to4 on DirectAccess clients.${
          s.addresses.length ? ` 6to4 addresses: ${s.addresses.map((a) => a.address).join(', ')}.` : ''
        } IP-HTTPS: ${ip?.state ? `LastErrorCode ${ip.state.lastErrorCode}, ${ip.state.interfaceStatus}` : 'no state (Get-NetIPHttpsState returned nothing: IP-HTTPS is not the active tunnel)'}.${
          s.relayName ? ` Relay ${s.relayName}.` : ''
        }`,
        evidence: [
          ev('teredo', 'sixToFour.state', s.state, 'Disabled'),
          ...(s.policyState ? [ev('teredo', 'sixToFour.policyState', s.policyState, 'Disabled')] : []),
          ev(
            'teredo',
            'sixToFour.ipv4Addresses',
            publicV4.map((a) => a.address),
            'no public IPv4 address, or 6to4 disabled',
            'public: not 10/8, 172.16/12, 192.168/16, 100.64/10, 169.254/16',
          ),
          ...(s.addresses.length
            ? [
                ev(
                  'teredo',
                  'sixToFour.addresses',
                  s.addresses.map((a) => a.address),
                  'none',
                ),
              ]
            : []),
        ],
        fixes: ['disable-6to4'],
        adminAction:
          'Disable 6to4 for DirectAccess clients in the DirectAccess client GPO: Computer Configuration > Administrative Templates > Network > TCPIP Settings > IPv6 Transition Technologies > Set 6to4 State = Disabled (writes 6to4_State = Disabled under HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition), as Hicks recommends for all DirectAccess deployments.',
        commands: [
          'Get-Net6to4Configuration',
          'Get-NetIPAddress -AddressFamily IPv4 | Select-Object InterfaceAlias, IPAddress',
          "Get-NetIPAddress -AddressFamily IPv6 | Where-Object IPAddress -like '2002:*'",
          'Get-NetIPHttpsState',
          'Set-Net6to4Configuration -State Disabled',
          'netsh interface 6to4 show state',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'six-to-four',
        title: 'The older tunnel type',
        plain: 'Checking whether Windows tries an older tunnel type (6to4) that many networks block before the reliable one.',
        then: 'fix-disable-6to4',
        late: true,
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-disable-6to4',
        fixes: ['disable-6to4'],
        cause: 'transition-6to4-in-use',
        title: 'Switch off the older tunnel type',
        plain:
          'Windows tries an older tunnel type (6to4) first because this computer has an address straight from the Internet, and many networks block it. The program switches it off, so DirectAccess uses its reliable tunnel at once. It can be switched back on from the program.',
        passed: 'fixed',
        failed: 'escalate-6to4',
      }),
      escalate(
        'escalate-6to4',
        'transition-6to4-in-use',
        'The older tunnel type stays on',
        'Switching off the older tunnel type did not take effect or did not bring the connection up. Your organisation’s IT department can switch it off for all DirectAccess computers with a policy.',
      ),
    ],
  },
});

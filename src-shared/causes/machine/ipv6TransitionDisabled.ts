/** ipv6-transition-disabled: DisabledComponents turns off the tunnel interfaces DirectAccess needs (knowledge A.13). */
import { defineCause } from '../cause';
import { toHex } from '../../format';
import { ev, finding, codeEvidence, labelOfCode } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

/** Bit 0 (0x01): every tunnel interface (6to4, ISATAP, Teredo, IP-HTTPS); 0xff includes it. */
const TUNNELS = 0x01;
/** Bit 2 (0x04): ISATAP interfaces, which a manage-out host needs. */
const ISATAP = 0x04;
/** Bit 7 (0x80): "IP-TLS" interfaces, taken to be IP-HTTPS (inferred: no source states it). */
const IP_TLS = 0x80;
/** 0x20: prefer IPv4 in the prefix policy, Microsoft's recommended value instead of disabling IPv6. */
export const PREFER_IPV4 = 0x20;

/**
 * The DisabledComponents bits that stop this role's tunnels (knowledge A.13.1, KB929852): bit 0 on every role,
 * bit 2 on a manage-out host, bit 7 on a client. Other bits (e.g. a baseline's 0x10 for native interfaces) do not
 * stop DirectAccess and are not ours to change.
 */
export function offendingBits(value: number | null, role: string): number {
  if (value === null) return 0;
  const mask = TUNNELS | (role === 'manageOut' ? ISATAP : 0) | (role === 'client' ? IP_TLS : 0);
  return (value >>> 0) & mask;
}

/** What the value becomes when only the offending bits are cleared and prefer-IPv4 is set. */
export function repairedValue(value: number, role: string): number {
  return (((value >>> 0) & ~offendingBits(value, role)) | PREFER_IPV4) >>> 0;
}

/** The bits' meaning in a few words, for the evidence. */
function describeBits(bits: number, all: boolean): string {
  if (all) return 'IPv6 disabled on all non-loopback interfaces, tunnels included';
  const words: string[] = [];
  if (bits & TUNNELS) words.push('bit 0: all IPv6 tunnel interfaces disabled');
  if (bits & ISATAP) words.push('bit 2: ISATAP interfaces disabled (manage-out needs them)');
  if (bits & IP_TLS) words.push('bit 7: IP-TLS interfaces disabled (taken to be IP-HTTPS; inferred)');
  return words.join('; ');
}

export const ipv6TransitionDisabled = defineCause({
  id: 'ipv6-transition-disabled',
  explains: [{ group: 'iphttps' }, { group: 'isatapInterface' }],
  fixes: ['set-ipv6-prefer-ipv4'],
  rule: {
    roles: ['client', 'manageOut'],
    run: (ctx) => {
      // With IP-HTTPS active the tunnels demonstrably work, so a failed ipv6 probe need not make the verdict unknown.
      const ipv6 = ctx.code === 0 ? ctx.peek('ipv6') : ctx.need('ipv6');
      const bits = offendingBits(ipv6?.disabledComponents ?? null, ctx.role);
      if (!ipv6 || bits === 0) return null;
      const value = ipv6.disabledComponents as number;
      const hex = toHex(value);
      const all = (value & 0xff) === 0xff;
      const target = toHex(repairedValue(value, ctx.role));
      const evidence = [ev('ipv6', 'disabledComponents', hex, target, describeBits(bits, all))];
      if (ctx.role === 'client') evidence.push(...codeEvidence(ctx).map((e) => ({ ...e, note: `symptom: ${e.note ?? ''}`.trim() })));
      return finding({
        id: 'ipv6-transition-disabled',
        severity: 'error',
        title: 'IPv6 tunnels are switched off in the registry',
        plain: `A Windows setting on this computer switches off ${all ? 'IPv6 (a newer form of network addressing), and with it ' : ''}the tunnels DirectAccess ${ctx.role === 'manageOut' ? 'uses to reach remote computers' : 'travels through'}, so it cannot work. The fix switches those tunnels back on and leaves the rest of the setting as it is; it also tells Windows to prefer IPv4, which is what Microsoft recommends instead of switching IPv6 off. The computer must then be restarted. If your organisation sets this value centrally, it may come back: then your organisation’s IT department must change it there.`,
        technical: `HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters DisabledComponents = ${hex}${all ? ' (IPv6 disabled)' : ''}: ${describeBits(bits, all)}${ctx.code !== null && ctx.code !== 0 ? `, which explains ${labelOfCode(ctx)}` : ''}. Clearing only those bits and setting 0x20 (prefer IPv4 over IPv6) gives ${target}; other bits stay (KB929852). A reboot applies it. If Group Policy Preferences or a security baseline writes the value, it returns at the next policy refresh.`,
        evidence,
        fixes: ['set-ipv6-prefer-ipv4'],
        adminAction: `If a GPO (Group Policy Preferences) or a security baseline sets DisabledComponents, change it there: clear ${toHex(bits)} for DirectAccess ${ctx.role === 'manageOut' ? 'manage-out hosts' : 'clients'} (here ${hex} → ${target}); prefer 0x20 to disabling IPv6.`,
        commands: ['reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'ipv6',
        title: 'IPv6 tunnels',
        plain: 'Checking that Windows may build the IPv6 tunnels DirectAccess travels through.',
        then: 'fix-ipv6',
      },
      {
        chain: 'manageOut',
        id: 'mo-ipv6',
        title: 'IPv6 tunnels',
        plain: 'Checking that Windows may build the ISATAP tunnel this workstation uses to reach DirectAccess computers.',
        then: 'fix-ipv6',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-ipv6',
        fixes: ['set-ipv6-prefer-ipv4'],
        cause: 'ipv6-transition-disabled',
        title: 'Allow the IPv6 tunnels again',
        plain:
          "A setting switches off the tunnels DirectAccess needs. The program switches only those tunnels back on, keeps the rest of the setting, and sets Windows to prefer IPv4 (Microsoft's recommended value). A restart is needed afterwards.",
        passed: 'reboot-needed',
        failed: 'escalate-ipv6',
      }),
      escalate(
        'escalate-ipv6',
        'ipv6-transition-disabled',
        'IPv6 is switched off by a setting',
        'A setting turns off the IPv6 tunnels DirectAccess needs and it could not be changed here. Your organisation’s IT department needs to change it (it may come from a policy).',
      ),
    ],
  },
});

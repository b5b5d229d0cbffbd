/** ipv6-transition-disabled: DisabledComponents turns off the tunnel interfaces DirectAccess needs (knowledge A.13). */
import { defineCause } from '../cause';
import { toHex } from '../../format';
import { ev, finding, codeEvidence, labelOfCode } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

/** True when the DisabledComponents value disables tunnel interfaces (bit 0; 0xff and 0xffffffff include it). */
export function disablesTunnels(value: number | null): boolean {
  return value !== null && ((value >>> 0) & 0x01) === 0x01;
}

export const ipv6TransitionDisabled = defineCause({
  id: "ipv6-transition-disabled",
  explains: [{ group: 'iphttps' }, { group: 'isatapInterface' }],
  fixes: ["set-ipv6-prefer-ipv4"],
  rule: {
    roles: ['client', 'manageOut'],
    run: (ctx) => {
    // With IP-HTTPS active the tunnels demonstrably work, so a failed ipv6 probe need not make the verdict unknown.
    const ipv6 = ctx.code === 0 ? ctx.peek('ipv6') : ctx.need('ipv6');
    if (!ipv6 || !disablesTunnels(ipv6.disabledComponents)) return null;
    const value = ipv6.disabledComponents as number;
    const hex = toHex(value);
    const all = (value & 0xff) === 0xff;
    const evidence = [ev('ipv6', 'disabledComponents', hex, 'absent, 0x0 or 0x20', all ? 'IPv6 disabled on all non-loopback interfaces' : 'bit 0: all IPv6 tunnel interfaces disabled')];
    if (ctx.role === 'client') evidence.push(...codeEvidence(ctx).map((e) => ({ ...e, note: `symptom: ${e.note ?? ''}`.trim() })));
    return finding({
      id: 'ipv6-transition-disabled',
      severity: 'error',
      title: 'IPv6 tunnels are switched off in the registry',
      plain: 'A Windows setting on this computer turns off IPv6 (a newer form of network addressing) or the tunnels built on it. DirectAccess travels through such a tunnel, so it cannot work. The fix sets the recommended value ("prefer IPv4", which keeps IPv6 working) and then the computer must be restarted.',
      technical: `HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters DisabledComponents = ${hex}${all ? ' (IPv6 disabled)' : ''}; bit 0 disables Teredo, 6to4, ISATAP and IP-HTTPS interfaces${ctx.code !== null && ctx.code !== 0 ? `, which explains ${labelOfCode(ctx)}` : ''}. Microsoft's supported alternative is 0x20 (prefer IPv4 over IPv6); a reboot applies it.`,
      evidence,
      fixes: ['set-ipv6-prefer-ipv4'],
      adminAction: 'If a GPO or baseline sets DisabledComponents, change it to 0x20 (prefer IPv4) for DirectAccess clients and manage-out hosts.',
      commands: ['reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents'],
    });
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "ipv6", title: "IPv6 tunnels", plain: "Checking that Windows may build the IPv6 tunnels DirectAccess travels through.", then: "fix-ipv6" },
    ],
    nodes: [
      ...fixThenVerify({ id: "fix-ipv6", fixes: ["set-ipv6-prefer-ipv4"], cause: "ipv6-transition-disabled", title: "Allow the IPv6 tunnels again", plain: "A setting switches off the tunnels DirectAccess needs. Changing it to \"prefer IPv4\" keeps your other connections as they are and lets the tunnels work. A restart is needed afterwards.", passed: "reboot-needed", failed: "escalate-ipv6" }),
      escalate("escalate-ipv6", "ipv6-transition-disabled", "IPv6 is switched off by a setting", "A setting turns off the IPv6 tunnels DirectAccess needs and it could not be changed here. Your IT department needs to change it (it may come from a policy)."),
    ],
  },
});

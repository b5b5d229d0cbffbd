/** ipv6-transition-disabled: DisabledComponents turns off the tunnel interfaces DirectAccess needs (knowledge A.13). */
import { defineRule, type Rule } from '../context';
import { codeLabel } from '../errorCodes';
import { codeEvidence, ev, finding } from './common';

/** True when the DisabledComponents value disables tunnel interfaces (bit 0; 0xff and 0xffffffff include it). */
export function disablesTunnels(value: number | null): boolean {
  return value !== null && ((value >>> 0) & 0x01) === 0x01;
}

export const ipv6Rule: Rule = defineRule(['ipv6-transition-disabled'], ['client', 'manageOut'], (ctx) => {
  // With IP-HTTPS active the tunnels demonstrably work, so a failed ipv6 probe need not make the verdict unknown.
  const ipv6 = ctx.code === 0 ? ctx.peek('ipv6') : ctx.need('ipv6');
  if (!ipv6 || !disablesTunnels(ipv6.disabledComponents)) return null;
  const value = ipv6.disabledComponents as number;
  const hex = '0x' + (value >>> 0).toString(16);
  const all = (value & 0xff) === 0xff;
  const evidence = [ev('ipv6', 'disabledComponents', hex, 'absent, 0x0 or 0x20', all ? 'IPv6 disabled on all non-loopback interfaces' : 'bit 0: all IPv6 tunnel interfaces disabled')];
  if (ctx.role === 'client') evidence.push(...codeEvidence(ctx).map((e) => ({ ...e, note: `symptom: ${e.note ?? ''}`.trim() })));
  return finding({
    id: 'ipv6-transition-disabled',
    severity: 'error',
    title: 'IPv6 tunnels are switched off in the registry',
    plain: 'A Windows setting on this computer turns off IPv6 (a newer form of network addressing) or the tunnels built on it. DirectAccess travels through such a tunnel, so it cannot work. The fix sets the recommended value ("prefer IPv4", which keeps IPv6 working) and then the computer must be restarted.',
    technical: `HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters DisabledComponents = ${hex}${all ? ' (IPv6 disabled)' : ''}; bit 0 disables Teredo, 6to4, ISATAP and IP-HTTPS interfaces${ctx.code !== null && ctx.code !== 0 ? `, which explains ${codeLabel(ctx.code)}` : ''}. Microsoft's supported alternative is 0x20 (prefer IPv4 over IPv6); a reboot applies it.`,
    evidence,
    fixes: ['set-ipv6-prefer-ipv4'],
    adminAction: 'If a GPO or baseline sets DisabledComponents, change it to 0x20 (prefer IPv4) for DirectAccess clients and manage-out hosts.',
    commands: ['reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents'],
  });
});

/** iphttps-interface-error: Windows cannot create the IP-HTTPS interface, 0x643 / 0x34 (knowledge A.13). */
import { defineCause } from '../cause';
import { finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

export const interfaceError = defineCause({
  id: "iphttps-interface-error",
  codes: [
    { code: 0x643, name: "ERROR_INSTALL_FAILURE", meaning: "the IP-HTTPS interface could not be created" },
    { code: 0x34, name: "ERROR_DUP_NAME", meaning: "the IP-HTTPS interface could not be created (duplicate interface)" },
  ],
  groups: ["iphttps"],
  fixes: ["restart-ip-helper"],
  rule: {
    roles: ['client'],
    run: (ctx) => {
    if (ctx.code !== 0x643 && ctx.code !== 0x34) return null;
    return finding({
      id: 'iphttps-interface-error',
      severity: 'error',
      title: 'Windows cannot create the DirectAccess network adapter',
      plain: 'DirectAccess uses a hidden network adapter that Windows creates by itself. Windows failed to create it on this computer, often because an old copy of it is left over. Restarting the "IP Helper" service often clears this; if not, IT must remove the leftover adapter.',
      technical: `${codeText(ctx)}: IP-HTTPS interface creation failure (KB2980660). DisabledComponents does not disable tunnels. Causes: stale/duplicate IPHTTPSInterface devices, corrupt v6Transition\\IPHTTPS policy keys, or a server-side URL ACL problem.`,
      evidence: codeEvidence(ctx),
      fixes: ['restart-ip-helper'],
      escalate: false,
      adminAction: 'If restarting iphlpsvc does not help: remove hidden IP-HTTPS adapters in Device Manager (show hidden devices), delete HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Tcpip\\v6Transition\\IPHTTPS and …\\IPHTTPSProfiles, restart iphlpsvc and reboot on the corporate network so the GPO re-applies; on the server check the UrlAclInfo entries for https://+:443/.',
      commands: [...ipHttpsCommands(ctx), 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents', 'pnputil /enum-devices /class Net'],
    });
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "interface", title: "The tunnel adapter", plain: "Checking that Windows could create the DirectAccess tunnel adapter.", then: "fix-interface" },
    ],
    nodes: [
      ...fixThenVerify({ id: "fix-interface", fixes: ["restart-ip-helper"], cause: "iphttps-interface-error", title: "Restart the IP Helper service", plain: "Windows could not create the tunnel adapter. Restarting the IP Helper service makes it try again at once.", passed: "fixed", failed: "escalate-interface" }),
      escalate("escalate-interface", "iphttps-interface-error", "The tunnel adapter cannot be created", "Restarting did not help. Your IT department needs to look at the network adapters of this computer."),
    ],
  },
});

/** iphttps-interface-error: Windows cannot create the IP-HTTPS interface, 0x643 / 0x34 (knowledge A.13). */
import { defineCause } from '../cause';
import { finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

export const interfaceError = defineCause({
  id: 'iphttps-interface-error',
  codes: [
    { code: 0x643, name: 'ERROR_INSTALL_FAILURE', meaning: 'the IP-HTTPS interface could not be created' },
    { code: 0x34, name: 'ERROR_DUP_NAME', meaning: 'the IP-HTTPS interface could not be created (duplicate interface)' },
  ],
  groups: ['iphttps'],
  fixes: ['restart-ip-helper'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      if (ctx.code !== 0x643 && ctx.code !== 0x34) return null;
      return finding({
        id: 'iphttps-interface-error',
        severity: 'error',
        title: 'Windows cannot create the DirectAccess network adapter',
        plain:
          'DirectAccess uses a hidden network adapter that Windows creates by itself. Windows failed to create it on this computer, usually because an old copy of it or of its settings is left over. Restarting the "IP Helper" service is a harmless first try, but it rarely helps: the usual remedy needs your organisation’s IT department, who remove the leftover adapter and let the computer take its DirectAccess settings again while on your organisation’s network.',
        technical: `${codeText(ctx)}: IP-HTTPS interface creation failure: per KB2980660 a pre-existing setting or interface conflicts with the IP-HTTPS configuration being applied. DisabledComponents does not disable the tunnels here. Causes the KB lists: a duplicate or corrupt IP-HTTPS interface in Device Manager, stale v6Transition\\IPHTTPS policy keys, or (server side) a corrupt URL ACL. Restarting iphlpsvc is not the KB's remedy.`,
        evidence: codeEvidence(ctx),
        fixes: ['restart-ip-helper'],
        escalate: true,
        adminAction:
          "KB2980660, in its order: (1) show hidden devices in Device Manager (set devmgr_show_nonpresent_devices=1) and remove stale IP-HTTPS interfaces; (2) delete HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Tcpip\\v6Transition\\IPHTTPS and …\\v6Transition\\IPHTTPSProfiles, restart iphlpsvc, then restart the computer while connected to the corporate LAN so Group Policy writes them again; (3) on Windows 8.1 / Server 2012 R2 apply the KB's hotfix; (4) on the DirectAccess server only, back up and remove the IP-HTTPS URL ACL entries under HTTP\\Parameters\\UrlAclInfo. Never remove the transition adapter on the DirectAccess server.",
        commands: [
          ...ipHttpsCommands(ctx),
          'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters /v DisabledComponents',
          'pnputil /enum-devices /class Net',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'interface',
        title: 'The tunnel adapter',
        plain: 'Checking that Windows could create the DirectAccess tunnel adapter.',
        then: 'fix-interface',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-interface',
        fixes: ['restart-ip-helper'],
        cause: 'iphttps-interface-error',
        title: 'Restart the IP Helper service',
        plain: 'Windows could not create the tunnel adapter. Restarting the IP Helper service makes it try again at once.',
        passed: 'fixed',
        failed: 'escalate-interface',
      }),
      escalate(
        'escalate-interface',
        'iphttps-interface-error',
        'The tunnel adapter cannot be created',
        'Restarting did not help. Your organisation’s IT department needs to look at the network adapters of this computer.',
      ),
    ],
  },
});

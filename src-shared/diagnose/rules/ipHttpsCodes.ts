/** Codes without a deeper analysis: interface creation failure (A.13) and any code we do not know (A.14). */
import { defineRule, type Rule } from '../context';
import { describeErrorCode, toHex } from '../errorCodes';
import { codeEvidence, codeText, finding, ipHttpsCommands } from './common';

export const interfaceErrorRule: Rule = defineRule(['iphttps-interface-error'], ['client'], (ctx) => {
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
});

export const unknownErrorRule: Rule = defineRule(['iphttps-unknown-error'], ['client'], (ctx) => {
  if (ctx.code === null || ctx.code === 0) return null;
  if (describeErrorCode(ctx.code)?.rootCause) return null; // another rule owns this code
  const info = describeErrorCode(ctx.code);
  return finding({
    id: 'iphttps-unknown-error',
    severity: 'error',
    title: 'DirectAccess reports an error this tool cannot explain',
    plain: `The DirectAccess connection fails with error ${toHex(ctx.code)}, which has no known simple cause. Please send the report from this tool to your IT department so they can look into it.`,
    technical: `${codeText(ctx)}${info ? `: ${info.meaning}` : ''}. No published DirectAccess cause; check IPHTTPS_ClientUrl for a malformed URL, the Ncasvc/Operational and iphlpsvc event logs, and a netsh trace scenario=DirectAccess.`,
    evidence: codeEvidence(ctx),
    escalate: true,
    adminAction: `Investigate IP-HTTPS error ${toHex(ctx.code)} on this client with the attached report: check the IPHTTPS_ClientUrl policy value, the Microsoft-Windows-Ncasvc/Operational log and a netsh trace (scenario=DirectAccess).`,
    commands: [...ipHttpsCommands(ctx), 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition\\IPHTTPS\\IPHTTPSInterface', 'wevtutil qe Microsoft-Windows-Ncasvc/Operational /c:20 /rd:true /f:text'],
  });
});

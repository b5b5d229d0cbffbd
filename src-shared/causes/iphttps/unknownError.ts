/** iphttps-unknown-error: a non-zero IP-HTTPS code no other cause owns (knowledge A.14). */
import { defineCause } from '../cause';
import { finding, codeEvidence, codeText, ipHttpsCommands } from '../evidence';
import { toHex } from '../../diagnose/errorCodes';
import { escalate } from '../../tree/build';

export const unknownError = defineCause({
  id: "iphttps-unknown-error",
  groups: ["iphttps"],
  rule: {
    roles: ['client'],
    run: (ctx) => {
    if (ctx.code === null || ctx.code === 0) return null;
    if (ctx.codeInfo?.rootCause) return null; // another rule owns this code
    const info = ctx.codeInfo;
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
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "unknown-error", title: "Other connection errors", plain: "Checking for any other error the DirectAccess connection reports.", then: "escalate-unknown-error" },
    ],
    nodes: [
      escalate("escalate-unknown-error", "iphttps-unknown-error", "DirectAccess reports an unusual error", "The connection fails with an error this wizard does not know how to fix. Send the report to your IT department."),
    ],
  },
});

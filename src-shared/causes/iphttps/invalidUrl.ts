/** iphttps-invalid-url: the ServerURL is not usable, e.g. an IP literal (knowledge A.12). */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, isIpLiteral } from '../evidence';
import { escalate } from '../../tree/build';
import { nameMismatch } from './nameMismatch';
import { serverUnreachable } from './serverUnreachable';
import { unknownError } from './unknownError';

export const invalidUrl = defineCause({
  id: 'iphttps-invalid-url',
  codes: [{ code: 0x4be, name: 'ERROR_INVALID_NETNAME', meaning: 'invalid IP-HTTPS URL specified (the URL must use a DNS name, not an IP address)' }],
  groups: ['iphttps'],
  explains: [nameMismatch, serverUnreachable, unknownError],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const host = ctx.serverHost;
      const literal = host !== null && isIpLiteral(host) && ctx.serverUrl !== null;
      if (!(ctx.code === 0x4be || literal)) return null;
      const evidence = [...codeEvidence(ctx)];
      evidence.push(
        ev('ipHttps', 'configuration.serverUrl', ctx.serverUrl, 'https://<public DNS name>:443/IPHTTPS', literal ? 'the host is an IP address' : undefined),
      );
      return finding({
        id: 'iphttps-invalid-url',
        severity: 'error',
        title: 'The DirectAccess server address is set up wrongly',
        plain: `The address this computer was given for your organisation’s server (${ctx.serverUrl ?? 'unknown'}) ${literal ? 'is a bare number (an IP address) instead of a name' : 'is not accepted by Windows'}. DirectAccess needs a proper name there. This is a setting on the server side that your organisation’s IT department must change.`,
        technical: `${codeText(ctx)} "Invalid IPHTTPS URL specified". IPHTTPS_ClientUrl ${ctx.serverUrl ?? '?'}${literal ? ' uses an IP literal; IP-HTTPS requires an FQDN' : ''} (KB2980627).`,
        evidence,
        escalate: true,
        adminAction: `In Remote Access Management → Step 2 (Remote Access Server) → Network Adapters, replace ${host ?? 'the public address'} with a publicly resolvable DNS name (with an A record to that address and an IP-HTTPS certificate for that name), then let clients refresh the DirectAccess client GPO.`,
        commands: [
          ...ipHttpsCommands(ctx),
          'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\TCPIP\\v6Transition\\IPHTTPS\\IPHTTPSInterface /v IPHTTPS_ClientUrl',
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'invalid-url',
        title: 'The server address',
        plain: 'Checking that the DirectAccess server address is one Windows can use.',
        then: 'escalate-invalid-url',
      },
    ],
    nodes: [
      escalate(
        'escalate-invalid-url',
        'iphttps-invalid-url',
        'The server address is not usable',
        'The DirectAccess settings give the server as a number (an IP address) rather than a name. Your organisation’s IT department must change it to the server’s name.',
      ),
    ],
  },
});

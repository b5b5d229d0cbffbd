/**
 * server-preauth-disabled (info): the DirectAccess IP-HTTPS binding does not negotiate client certificates, so any
 * Internet host can build the IP-HTTPS transition tunnel before IPsec authenticates it (knowledge D.1: DoS and ICMPv6
 * reconnaissance, Hicks). Not an error: it is Windows' default, Microsoft does not formally support changing it (D.1),
 * and it must stay off while one-time passwords are in use (D.5). Evidence: the SslBindingInfo binding with the
 * DirectAccess application id, NEGOTIATE_CLIENT_CERT clear (D.3). The fix enable-iphttps-preauth is offered only when
 * Get-DAOtpAuthentication says OTP is off; its side effects (D.4, D.5) are said before anyone confirms.
 */
import { CONTINUE_CHAIN, defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import { BINDING_COMMANDS, deploymentNodes, otpInUse } from './server';
import { preauthBinding, preauthEvidence } from './preauth';

export const serverPreauthDisabled = defineCause({
  id: 'server-preauth-disabled',
  fixes: ['enable-iphttps-preauth'],
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const found = preauthBinding(ctx, false);
      if (!found) return null;
      const { server, binding } = found;
      const otp = otpInUse(server);
      // With OTP in use, preauthentication off is what Hicks requires (D.5): nothing to report.
      if (otp === true) return null;
      const { loadBalanced, multisite } = deploymentNodes(server);
      const everyNode = loadBalanced || multisite;
      const otpText =
        otp === null ? ' Whether one-time passwords are in use is not known (Get-DAOtpAuthentication did not answer), so the change is not offered here.' : '';
      return finding({
        id: 'server-preauth-disabled',
        severity: 'info',
        title: 'IP-HTTPS does not ask for a computer certificate first',
        plain: `Any device on the internet can start the first step of a DirectAccess connection to this server before it proves it belongs to your organisation. This is how Windows sets it up, and DirectAccess still checks every computer a moment later. Turning preauthentication on closes that first step to unknown devices, but it cuts off every computer without a suitable certificate, makes connections of newer Windows versions slower, and is not formally supported by Microsoft.${
          everyNode ? ' This server is one of several, so the change would have to be made on each of them.' : ''
        }`,
        technical: `HTTP.SYS binding ${binding.ipPort} (appid {${binding.appId}}, DS mapper ${
          binding.dsMapper === null ? 'unknown' : binding.dsMapper ? 'on' : 'off'
        }) has NEGOTIATE_CLIENT_CERT clear (DefaultFlags ${binding.defaultFlags ?? 'unknown'}): IP-HTTPS clients are not authenticated when the tunnel is built (Hicks, "DirectAccess IP-HTTPS Preauthentication"). OtpStatus ${
          server.otpStatus ?? 'unknown'
        }; load balancing ${server.remoteAccess?.loadBalancing ?? 'unknown'}${multisite ? `; multisite entry point ${server.remoteAccess?.entrypointName}` : ''}.${otpText}`,
        evidence: [
          ...preauthEvidence(server, binding, 'true for preauthentication', 'Disabled (preauthentication is incompatible with OTP)'),
          ...(everyNode ? [ev('server', 'remoteAccess.loadBalancing', server.remoteAccess?.loadBalancing ?? null, undefined, 'repeat on every node')] : []),
        ],
        fixes: otp === false ? ['enable-iphttps-preauth'] : [],
        commands: [...BINDING_COMMANDS],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-preauth',
        title: 'Preauthentication',
        plain: 'Checking whether IP-HTTPS asks clients for a certificate before they connect.',
        then: 'server-preauth-question',
        // The question only makes sense where the fix is offered (one-time passwords known to be off).
        when: { all: [{ finding: 'server-preauth-disabled' }, { offers: 'enable-iphttps-preauth' }] },
        shows: 'info',
      },
      {
        chain: 'server',
        id: 'server-preauth-unknown-otp',
        title: 'Preauthentication',
        plain: 'IP-HTTPS does not ask clients for a certificate first; whether it may is not known here.',
        then: CONTINUE_CHAIN,
        shows: 'info',
      },
    ],
    nodes: [
      {
        kind: 'question',
        id: 'server-preauth-question',
        question: 'enablePreauth',
        title: 'Turn on IP-HTTPS preauthentication?',
        plain:
          'Turning it on blocks unknown devices at the first step, but: every DirectAccess computer without a computer certificate whose name matches its computer account is cut off; the fast encryption-free mode newer Windows versions use is switched off, so the server handles fewer connections more slowly; Microsoft does not formally support the change; and where several servers share the work, the change must be made on each of them.',
        options: [
          {
            value: 'yes',
            label: 'Yes, turn it on',
            next: 'fix-enable-preauth',
          },
          {
            value: 'no',
            label: 'No, leave it as it is',
            next: CONTINUE_CHAIN,
          },
        ],
      },
      ...fixThenVerify({
        id: 'fix-enable-preauth',
        fixes: ['enable-iphttps-preauth'],
        cause: 'server-preauth-disabled',
        title: 'Turn on preauthentication',
        plain: 'The program saves the current binding and re-creates it with client-certificate negotiation; if that fails, it puts the saved binding back.',
        passed: 'fixed',
        failed: 'escalate-server-preauth',
      }),
      escalate(
        'escalate-server-preauth',
        'server-preauth-disabled',
        'Preauthentication could not be turned on',
        'An administrator must re-create the IP-HTTPS binding with client-certificate negotiation.',
      ),
    ],
  },
});

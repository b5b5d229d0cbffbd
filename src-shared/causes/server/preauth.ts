/**
 * What the two IP-HTTPS preauthentication causes (server-preauth-disabled, server-preauth-otp-conflict) read alike
 * (knowledge D.3, D.5): the DirectAccess binding's client-certificate negotiation and the OTP state beside it.
 */
import type { RuleContext } from '../../diagnose/context';
import type { Evidence } from '../../finding';
import type { SslBinding } from '../../snapshot';
import { ev } from '../evidence';
import { daBinding, type ServerData } from './server';

/** The server section and its DirectAccess binding, when that binding's Negotiate Client Certificate is `negotiates`. */
export function preauthBinding(ctx: RuleContext, negotiates: boolean): { server: ServerData; binding: SslBinding } | null {
  const server = ctx.need('server');
  if (!server) return null;
  const binding = daBinding(server);
  if (!binding || binding.negotiateClientCertificate !== negotiates) return null;
  return { server, binding };
}

/** The binding's Negotiate Client Certificate and the OTP state, each with what the cause says it should be. */
export function preauthEvidence(server: ServerData, binding: SslBinding, negotiateExpected: unknown, otpExpected: string): Evidence[] {
  return [
    ev(
      'server',
      `bindings[${binding.ipPort}].negotiateClientCertificate`,
      binding.negotiateClientCertificate,
      negotiateExpected,
      'Negotiate Client Certificate',
    ),
    ev('server', 'otpStatus', server.otpStatus, otpExpected),
  ];
}

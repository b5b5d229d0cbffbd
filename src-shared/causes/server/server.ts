/**
 * Shared reading of the `server` section for the DirectAccess server's causes (knowledge C, D, E.3): the IP-HTTPS
 * binding of DirectAccess, whether one-time passwords are in use, and the deployment facts the texts must name.
 */
import type { RuleContext } from '../../diagnose/context';
import { DA_IPHTTPS_APP_ID, type SslBinding } from '../../snapshot';
import type { SectionData } from '../../diagnose/context';

export type ServerData = SectionData<'server'>;

/** The HTTP.SYS binding with DirectAccess' IP-HTTPS application id (0.0.0.0:443 first), or undefined. */
export function daBinding(server: ServerData): SslBinding | undefined {
  return server.bindings.find((b) => b.appId === DA_IPHTTPS_APP_ID);
}

/** OTP in use: true / false from Get-DAOtpAuthentication's enum name; null when it did not answer. */
export function otpInUse(server: ServerData): boolean | null {
  const s = server.otpStatus;
  if (s === null) return null;
  if (/^enabled$/i.test(s)) return true;
  if (/^disabled$/i.test(s)) return false;
  return null;
}

/** The deployment shapes a change of the binding must be repeated for (knowledge D.5, P.1): every node, every entry point. */
export function deploymentNodes(server: ServerData): { loadBalanced: boolean; multisite: boolean } {
  const ra = server.remoteAccess;
  const lb = ra?.loadBalancing ?? null;
  return {
    loadBalanced: lb !== null && !/^notconfigured$/i.test(lb),
    // A multisite deployment names this server's entry point (Get-RemoteAccess EntrypointName) [I].
    multisite: !!ra?.entrypointName,
  };
}

/** The public name clients use for IP-HTTPS: ConnectToAddress, else the host of the server's IP-HTTPS URL. */
export function publicName(ctx: RuleContext, server: ServerData): string | null {
  return server.remoteAccess?.connectToAddress?.toLowerCase() ?? ctx.serverHost;
}

/** Commands that show the binding and the OTP state on the server (pasteable in PowerShell: the appid is not typed). */
export const BINDING_COMMANDS = ['netsh http show sslcert ipport=0.0.0.0:443', 'Get-DAOtpAuthentication | Select-Object OtpStatus'] as const;

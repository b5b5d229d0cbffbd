/**
 * Parameter schemas of the fixes. Everything that comes from outside (router names, thumbprints, certificate files)
 * is validated here in the main process and again by the script's [ValidatePattern], and reaches PowerShell only
 * as base64 JSON — never as code.
 */
import { z } from 'zod';
import { ROUTER_NAME } from '../hostName';
import { DA_IPHTTPS_APP_ID } from '../snapshot';

export const routerSchema = z
  .string()
  .max(253, 'a router name has at most 253 characters')
  .regex(ROUTER_NAME, 'a router must be a host name (letters, digits, hyphens, dots) or an IPv4 address');

export const thumbprintSchema = z
  .string()
  .max(200)
  .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{40}$/, 'a thumbprint is 40 hexadecimal digits'));

/** A certificate file the person picked: a path on this machine (CLI, Electron's file dialog). */
export const certificateFileSchema = z
  .string()
  .min(1)
  .max(1024, 'the path is too long')
  .refine((p) => !/[\0\r\n]/.test(p), 'the path has a control character')
  .refine((p) => /\.(cer|crt|pem|der)$/i.test(p), 'pick a .cer, .crt, .pem or .der file');

/** A certificate file's content uploaded from the page (the browser harness cannot give a path). */
export const certificateContentSchema = z
  .string()
  .max(96 * 1024, 'a certificate file is at most 64 KB')
  .regex(/^[A-Za-z0-9+/=\s-]*$/, 'the certificate content must be base64');

/** Parameters of the certificate imports: a pinned thumbprint, or a picked file (by path or content). */
export const certificateParamsSchema = z
  .object({
    thumbprint: thumbprintSchema.optional(),
    file: certificateFileSchema.optional(),
    certificate: certificateContentSchema.optional(),
  })
  .strict()
  .refine((p) => [p.thumbprint, p.file, p.certificate].filter((x) => x !== undefined).length <= 1, 'give a thumbprint or a file, not both');

export const noParamsSchema = z.object({}).strict();
/** The role whose tunnels set-ipv6-prefer-ipv4 switches back on (default: the diagnosed role). */
export const roleParamsSchema = z.object({ role: z.enum(['client', 'manageOut']).optional() }).strict();
export const routerParamsSchema = z.object({ router: routerSchema.optional() }).strict();

/**
 * The saved IP-HTTPS binding that undo of enable/disable-iphttps-preauth writes back with `netsh http add sslcert`
 * (knowledge D.2): checked here before anything runs, and again by Undo-DadIpHttpsBinding. Only the wildcard
 * addresses IP-HTTPS binds, a port 1–65535, a SHA-1 hash of 40 hex digits, and DirectAccess' own application id.
 */
export const ipHttpsBindingUndoSchema = z
  .object({
    ipPort: z
      .string()
      .regex(/^(0\.0\.0\.0|\[::\]):[1-9][0-9]{0,4}$/, 'the ipport is 0.0.0.0:port or [::]:port')
      .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'the port is at most 65535'),
    certHash: z.string().regex(/^[0-9A-Fa-f]{40}$/, 'a certificate hash is 40 hexadecimal digits'),
    appId: z.literal(`{${DA_IPHTTPS_APP_ID}}`, { error: 'the application id is not DirectAccess IP-HTTPS' }),
    dsMapper: z.boolean(),
    negotiate: z.boolean(),
  })
  .strict();

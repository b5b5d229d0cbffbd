/**
 * Parameter schemas of the fixes. Everything that comes from outside (router names, thumbprints, certificate files)
 * is validated here in the main process and again by the script's [ValidatePattern], and reaches PowerShell only
 * as base64 JSON — never as code.
 */
import { z } from 'zod';
import { ROUTER_NAME } from '../hostName';

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

/**
 * The organisation configuration (contract.md §4): shipped with the installer or deployed to ProgramData. Everything
 * works without it; with it, fixes such as the pinned root import become one click.
 */
import { z } from 'zod';
import { ROUTER_NAME } from './hostName';

const thumbprint = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{40}$/, 'a thumbprint is 40 hexadecimal digits'));

/** A pinned certificate: its thumbprint and, when shipped, the certificate file (base64 DER or PEM text). */
export const pinnedCertSchema = z.object({
  subject: z.string().min(1),
  thumbprint,
  certificate: z.string().optional(),
});

/** Who to call: the organisation's helpdesk, as the wizard and the ticket show it. */
export const helpdeskSchema = z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() });
/** The organisation's helpdesk contact. */
export type Helpdesk = z.infer<typeof helpdeskSchema>;

export const orgConfigSchema = z.object({
  schema: z.literal('da-doctor/org@1'),
  organisation: z.string().min(1),
  helpdesk: helpdeskSchema.optional(),
  ipHttpsServerUrl: z.string().url().optional(),
  pinnedRoots: z.array(pinnedCertSchema).default([]),
  pinnedIntermediates: z.array(pinnedCertSchema).default([]),
  isatapRouter: z.string().regex(ROUTER_NAME, 'a host name or IPv4 address').optional(),
  preauthentication: z.boolean().default(false),
  otp: z.boolean().default(false),
  manageOutExpected: z.boolean().default(false),
  /**
   * The computers the organisation uses as manage-out hosts (names or FQDNs, `*` as a wildcard, e.g. `MGMT-*`). Only
   * on these does the wizard offer to turn ISATAP on: on any other host that would be a global ISATAP deployment.
   */
  manageOutHosts: z.array(z.string().regex(/^[A-Za-z0-9*][A-Za-z0-9*.-]{0,252}$/, 'a computer name, FQDN or wildcard pattern')).default([]),
});
export type OrgConfig = z.infer<typeof orgConfigSchema>;

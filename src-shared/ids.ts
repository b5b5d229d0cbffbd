/**
 * The stable vocabulary of contract.md §1–2: root-cause ids and fix ids. Reports, helpdesk scripts and tests depend
 * on these strings; add freely, never rename or reuse one.
 */
import { z } from 'zod';

export const ROOT_CAUSE_IDS = [
  // DirectAccess client
  'da-not-configured',
  'edition-unsupported',
  'inside-corpnet',
  'ip-helper-stopped',
  'ipv6-transition-disabled',
  'iphttps-untrusted-root',
  'iphttps-partial-chain',
  'iphttps-cert-expired',
  'clock-skew',
  'iphttps-revocation-offline',
  'iphttps-name-mismatch',
  'iphttps-proxy',
  'nrpt-captures-public-name',
  'iphttps-server-unreachable',
  'iphttps-invalid-url',
  'iphttps-tls-handshake-failed',
  'preauth-client-cert-missing',
  'preauth-client-cert-invalid',
  'iphttps-interface-error',
  'iphttps-unknown-error',
  'nca-service-stopped',
  // Manage-out host (ISATAP)
  'isatap-not-configured',
  'isatap-default-state-no-interface',
  'isatap-router-unresolved',
  'isatap-global-deployment',
  'isatap-no-global-address',
  'isatap-unsupported-topology',
  // DirectAccess server (a later issue)
  'server-iphttps-cert-expiring',
  'server-preauth-disabled',
  'server-preauth-otp-conflict',
  'server-isatap-router-not-advertising',
  'server-iphttps-cert-invalid',
  'server-iphttps-cert-self-signed',
  'server-nls-not-exempt',
  'server-nls-on-da-server',
  'server-isatap-global-dns',
  // DirectAccess client (added later)
  'iphttps-tls-intercepted',
  'iphttps-cert-expiring',
  'machine-cert-expiring',
  'ipsec-services-stopped',
  'firewall-disabled',
  'transition-6to4-in-use',
  'nls-unreachable-inside',
  'nls-reachable-outside',
  'ipsec-tunnel-failed',
  'nrpt-stale-on-lan',
  'da-migrated',
] as const;
export const rootCauseIdSchema = z.enum(ROOT_CAUSE_IDS);
export type RootCauseId = z.infer<typeof rootCauseIdSchema>;

export const FIX_IDS = [
  'start-ip-helper',
  'restart-ip-helper',
  'import-root-ca',
  'import-intermediate-ca',
  'resync-time',
  'clear-crl-cache',
  'reset-winhttp-proxy',
  'clear-iphlpsvc-proxy-cache',
  'set-ipv6-prefer-ipv4',
  'renew-machine-certificate',
  'start-nca-service',
  'start-ipsec-services',
  'disable-6to4',
  'enable-isatap',
  'set-isatap-router',
  'enable-iphttps-preauth',
  'disable-iphttps-preauth',
  'reset-isatap-router',
] as const;
export const fixIdSchema = z.enum(FIX_IDS);
export type FixId = z.infer<typeof fixIdSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

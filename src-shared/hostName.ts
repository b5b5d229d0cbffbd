/** The one pattern for an ISATAP router name, shared by the organisation configuration and the fixes' parameters. */

const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

/**
 * A DNS host name (RFC 1123 labels of at most 63 characters, 253 in all) or a dotted IPv4 address: nothing else can
 * name an ISATAP router. Its PowerShell twin is the [ValidatePattern] of Enable-DadIsatap and Set-DadIsatapRouter
 * (assets/ps/fixes/Isatap.ps1); hostName.test.ts holds the two together.
 */
export const ROUTER_NAME = new RegExp(`^(?=.{1,253}$)${label}(?:\\.${label})*$`);

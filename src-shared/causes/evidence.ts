/**
 * Shared pieces for cause modules: evidence builders, the IP-HTTPS code evidence, certificate and name helpers, and
 * the commands a helpdesk runs to see the same evidence.
 */
import type { Evidence, Finding } from '../finding';
import type { CertInfo, SectionName } from '../snapshot';
import type { RuleContext } from '../diagnose/context';
import { toHex } from '../diagnose/errorCodes';

/** One evidence item. */
export function ev(probe: SectionName, field: string, observed: unknown, expected?: unknown, note?: string): Evidence {
  const e: Evidence = { probe, field, observed };
  if (expected !== undefined) e.expected = expected;
  if (note !== undefined) e.note = note;
  return e;
}

/** Finding builder: fills the defaults so rule files only say what is specific. */
export function finding(f: Omit<Finding, 'commands' | 'fixes' | 'escalate'> & Partial<Pick<Finding, 'commands' | 'fixes' | 'escalate'>>): Finding {
  return { fixes: [], escalate: false, commands: [], ...f };
}

/** True when the IP-HTTPS state shows a non-zero LastErrorCode. */
export function failing(ctx: RuleContext): boolean {
  return ctx.code !== null && ctx.code !== 0;
}

/** Evidence for the IP-HTTPS LastErrorCode (and status text), as Windows showed it. */
export function codeEvidence(ctx: RuleContext, expected: unknown = '0x0'): Evidence[] {
  const ip = ctx.peek('ipHttps');
  if (!ip?.state || ctx.code === null) return [];
  const info = ctx.codeInfo;
  return [
    ev(
      'ipHttps',
      'state.lastErrorCode',
      toHex(ctx.code),
      expected,
      info ? `${info.name}: ${info.meaning}` : 'not a code with a published DirectAccess meaning',
    ),
    ev('ipHttps', 'state.interfaceStatus', ip.state.interfaceStatus, 'IPHTTPS interface active'),
  ];
}

/** `0x800b0109 (CERT_E_UNTRUSTEDROOT)`: the IP-HTTPS code with its symbolic name when it has one. */
export function labelOfCode(ctx: RuleContext): string {
  if (ctx.code === null) return 'no IP-HTTPS code';
  return ctx.codeInfo ? `${toHex(ctx.code)} (${ctx.codeInfo.name})` : toHex(ctx.code);
}

/** Short technical prefix: "IP-HTTPS LastErrorCode 0x800b0109 (CERT_E_UNTRUSTEDROOT)". */
export function codeText(ctx: RuleContext): string {
  return ctx.code === null ? 'IP-HTTPS state not available' : `IP-HTTPS LastErrorCode ${labelOfCode(ctx)}`;
}

/** Commands that show the IP-HTTPS state on this machine (cmdlets on Windows 8+, netsh on Windows 7). */
export function ipHttpsCommands(ctx: RuleContext): string[] {
  const src = ctx.peek('ipHttps')?.source;
  return src === 'netsh' ? ['netsh interface httpstunnel show interfaces'] : ['Get-NetIPHttpsState', 'Get-NetIPHttpsConfiguration'];
}

/** True on Windows 7 / PowerShell 2.0 (netsh-sourced data or a pre-Windows 8 build). */
export function isLegacy(ctx: RuleContext): boolean {
  const os = ctx.peek('os');
  return ctx.peek('ipHttps')?.source === 'netsh' || (os !== undefined && os.build < 9200);
}

/** Commands that show the machine's trusted root store. */
export function rootStoreCommands(ctx: RuleContext): string[] {
  return isLegacy(ctx) ? ['certutil -store Root'] : ['Get-ChildItem Cert:\\LocalMachine\\Root'];
}

/**
 * Commands that show the server's certificate chain as this machine builds it, with revocation fetched: certutil needs
 * the certificate as a file, so the first command saves what the server presents (certificate checks off, only to
 * read it), the second verifies it. None when no server name is known (nothing real to put in them).
 */
export function chainCommands(ctx: RuleContext): string[] {
  // The name comes from the machine (or an imported file): quoted for PowerShell so pasting it runs nothing else.
  const host = ctx.serverHost?.replace(/'/g, "''");
  if (!host) return [];
  const port = ctx.peek('reachability')?.port ?? ctx.peek('serverCertificate')?.port ?? 443;
  return [
    `$tcp = New-Object Net.Sockets.TcpClient('${host}', ${port}); $tls = New-Object Net.Security.SslStream($tcp.GetStream(), $false, { $true }); $tls.AuthenticateAsClient('${host}'); [IO.File]::WriteAllBytes("$env:TEMP\\da-server.cer", $tls.RemoteCertificate.Export('Cert')); $tcp.Close()`,
    'certutil -verify -urlfetch "$env:TEMP\\da-server.cer"',
  ];
}

/** Upper-case thumbprint without spaces. */
export function normThumb(t: string): string {
  return t.replace(/\s+/g, '').toUpperCase();
}

/** Distinguished name normalised for comparison (case and spacing around separators). */
export function normDn(dn: string): string {
  return dn
    .split(',')
    .map((p) =>
      p
        .trim()
        .replace(/\s*=\s*/, '=')
        .toLowerCase(),
    )
    .join(',');
}

/** The CN of a distinguished name, or the whole name when it has none. */
export function commonName(dn: string): string {
  const m = /(?:^|,)\s*CN\s*=\s*([^,]+)/i.exec(dn);
  return (m?.[1] ?? dn).trim();
}

/** True when the host is an IPv4 or IPv6 literal. */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(':') && /^[0-9a-f:.]+$/i.test(host));
}

/** DNS name matching as TLS does it: exact, or a left-most `*` covering exactly one label. */
export function nameMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  if (p.startsWith('*.')) {
    const rest = p.slice(2);
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot + 1) === rest;
  }
  return false;
}

/** True when the certificate names the host in its SAN DNS names (or, lacking them, its CN). */
export function certCoversHost(cert: CertInfo, host: string): boolean {
  const names = cert.dnsNames.length > 0 ? cert.dnsNames : [commonName(cert.subject)];
  return names.some((n) => nameMatches(host, n));
}

/** Day-precision date for people: 2024-01-31. */
export function day(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

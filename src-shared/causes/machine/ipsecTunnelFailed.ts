/**
 * ipsec-tunnel-failed: the transition tunnel is up but the IPsec tunnels to the DirectAccess server are not (knowledge
 * I.7, B.6; the public case of Q.1: `Error` / `CouldNotContactDirectAccessServer` or `RemoteNetworkAuthenticationFailure`
 * while IP-HTTPS says 0x0 / active). Concluded only (I.7.1) outside the corporate network (`ctx.inside` false) with a
 * transition tunnel up (IP-HTTPS 0x0 and "active", or Teredo qualified), and (I.7.2) Get-DAConnectionStatus `Error` or
 * no main-mode SA to a tunnel endpoint (DTE) — the latter only when the SA list was readable (an unelevated probe
 * that gets nothing proves nothing, I.3) and the probe first sent traffic that builds the tunnels on demand. Main-mode
 * SAs to every DTE mean the tunnels are up: an `Error` then is not this cause.
 * Variant, in I.7.3's order: `firewall` (I.5: the Private or Public profile off, or MpsSvc not running), `ike-service`
 * (I.6: IKEEXT, BFE or PolicyAgent stopped or Disabled — a merely stopped trigger-start service is no fault on its own,
 * ipsec-services-stopped; with a failed tunnel it is the evidence), `computer-certificate` (I.4: IPsec authenticates
 * with a computer certificate and LocalMachine\My has no valid one with Client Authentication and a private key);
 * otherwise none: escalate with the SA and rule evidence (server side, Kerberos/time, NAT/MTU).
 * firewall-disabled and ipsec-services-stopped, when they are errors, explain this cause (their modules say so).
 */
import { defineCause } from '../cause';
import { codeEvidence, codeText, ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';
import type { Evidence } from '../../finding';
import type { FixId } from '../../ids';
import type { RuleContext, SectionData } from '../../diagnose/context';
import { CLIENT_AUTH, candidates, problemOf } from '../iphttps/machineCerts';

/** The IPsec services of I.6 (not imported from ipsec-services-stopped: that module explains this one). */
const IKE_SERVICES = ['IKEEXT', 'BFE', 'PolicyAgent'] as const;
const FIREWALL_PROFILES = [
  { key: 'private', name: 'Private' },
  { key: 'public', name: 'Public' },
] as const;

type Ipsec = SectionData<'ipsec'>;

/** Which transition tunnel is up (I.7.1), or null. */
function tunnelUp(ctx: RuleContext): string | null {
  const ip = ctx.need('ipHttps');
  if (ip?.state && ctx.code === 0 && /interface active/i.test(ip.state.interfaceStatus)) return 'IP-HTTPS';
  if (/^qualified$/i.test(ctx.peek('teredo')?.state ?? '')) return 'Teredo';
  return null;
}

/** DTEs without a main-mode SA; null when the SA list cannot be believed (not readable, no DTE, no traffic sent). */
export function dtesWithoutSa(ipsec: Ipsec | undefined): string[] | null {
  const sas = ipsec?.mainModeSas;
  if (!ipsec || !sas?.readable || ipsec.dtes.length === 0) return null;
  const reached = new Set(sas.items.filter((s) => s.toDte).map((s) => (s.remoteEndpoint ?? '').toLowerCase()));
  const missing = ipsec.dtes.filter((d) => !reached.has(d.toLowerCase()));
  // "None" needs traffic first: tunnels are built on demand (I.3).
  if (missing.length > 0 && !ipsec.trigger) return null;
  return missing;
}

/** The certificate authorities the enabled DirectAccess rules' phase-1 sets name; null when certificates are not used
 * or that is not known (auth sets not read). */
function certificateAuthorities(ipsec: Ipsec | undefined): string[] | null {
  // Unread rules or auth sets have no items: nothing says certificates are used.
  if (!ipsec) return null;
  const used = new Set(ipsec.rules.items.filter((r) => r.enabled !== false && r.phase1AuthSet).map((r) => r.phase1AuthSet));
  const methods = ipsec.authSets.items.filter((s) => used.has(s.name)).flatMap((s) => s.methods);
  const cert = methods.filter((m) => /cert/i.test(m.method ?? ''));
  if (cert.length === 0) return null;
  return [...new Set(cert.map((m) => m.authority ?? 'any CA'))];
}

const down = (svc: { exists: boolean; status: string | null; startType: string | null } | undefined) =>
  !!svc?.exists && (/^disabled$/i.test(svc.startType ?? '') || !/^running$/i.test(svc.status ?? ''));

export const ipsecTunnelFailed = defineCause({
  id: 'ipsec-tunnel-failed',
  fixes: ['start-ipsec-services', 'renew-machine-certificate'],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.peek('daStatus');
      if (!da?.policyApplied && !da?.ncaConfigured && !da?.ipHttpsClientUrl && !ctx.serverUrl) return null;
      if (ctx.inside) return null;
      const tunnel = tunnelUp(ctx);
      if (!tunnel) return null;
      const conn = da?.connection ?? null;
      const connError = !!conn && /^error$/i.test(conn.status);
      // With Get-DAConnectionStatus saying Error the SAs are extra evidence; without it they decide.
      const ipsec = connError ? ctx.peek('ipsec') : ctx.need('ipsec');
      const missing = dtesWithoutSa(ipsec);
      // Every DTE has a main-mode SA: the tunnels are up, whatever else the Error is about (e.g. NameResolutionFailure).
      if (missing !== null && missing.length === 0) return null;
      if (!connError && (missing === null || missing.length === 0)) return null;

      const evidence: Evidence[] = [...codeEvidence(ctx)];
      if (tunnel === 'Teredo') evidence.push(ev('teredo', 'state', ctx.peek('teredo')?.state ?? null, undefined, 'Teredo is the transition tunnel'));
      if (conn) {
        evidence.push(ev('daStatus', 'connection.status', conn.status, 'ConnectedRemotely'));
        evidence.push(ev('daStatus', 'connection.substatus', conn.substatus, 'None'));
      }
      if (missing !== null && ipsec) {
        evidence.push(ev('ipsec', 'dtes', ipsec.dtes, undefined, 'tunnel endpoints of the DirectAccess policy'));
        evidence.push(
          ev(
            'ipsec',
            'mainModeSas.items',
            ipsec.mainModeSas.items.map((s) => s.remoteEndpoint),
            ipsec.dtes,
            `no main-mode SA to ${missing.join(', ')} after resolving ${ipsec.trigger?.name ?? 'an intranet name'}`,
          ),
        );
      } else if (ipsec && !ipsec.mainModeSas.readable) {
        evidence.push(ev('ipsec', 'mainModeSas.readable', false, true, ipsec.mainModeSas.error ?? 'security associations not readable'));
      }
      const rules = ipsec?.rules.readable ? ipsec.rules.items : null;
      const enabledRules = rules?.filter((r) => r.enabled !== false) ?? [];
      if (rules)
        evidence.push(
          ev(
            'ipsec',
            'rules.items',
            enabledRules.map((r) => r.displayName),
            'DirectAccess Policy-ClientToInfra, -ClientToCorp, enabled',
          ),
        );

      // I.7.3, in order: firewall, IKE services, computer certificate.
      const firewall = ctx.peek('firewall');
      const services = ctx.peek('services');
      const offProfiles = firewall ? FIREWALL_PROFILES.filter((p) => !firewall[p.key].enabled) : [];
      const mps = services?.['MpsSvc'];
      const mpsDown = down(mps);
      const ike = IKE_SERVICES.flatMap((name) => (down(services?.[name]) ? [{ name, svc: services![name]! }] : []));
      const cas = certificateAuthorities(ipsec);
      const mc = cas ? ctx.peek('machineCertificates') : undefined;
      const usable = mc ? candidates(mc.certificates) : [];
      const valid = mc ? usable.filter((c) => problemOf(c, mc.computerFqdn, ctx.now) === null) : [];
      const certMissing = !!mc && valid.length === 0;

      const what = conn ? `Get-DAConnectionStatus ${conn.status} / ${conn.substatus}` : 'Get-DAConnectionStatus not available';
      const saText =
        missing !== null
          ? `No IPsec main-mode SA to ${missing.join(', ')} (DTEs ${ipsec!.dtes.join(', ')}) after resolving ${ipsec!.trigger?.name ?? 'an intranet name'}.`
          : ipsec
            ? `Main-mode SAs not known: ${ipsec.mainModeSas.error ?? 'not readable'}.`
            : 'IPsec rules and SAs not collected.';
      const ruleText = rules
        ? enabledRules.length
          ? `Enabled DirectAccess connection security rules: ${enabledRules.map((r) => r.displayName).join(', ')}.`
          : 'No enabled "DirectAccess Policy-…" connection security rule in the active store: the DirectAccess Group Policy has not applied them.'
        : '';
      const head = `${tunnel === 'IP-HTTPS' ? codeText(ctx) + ', interface active' : 'Teredo qualified'}; ${what}. ${saText}${ruleText ? ' ' + ruleText : ''}`;
      const commands = [
        'Get-DAConnectionStatus',
        'Get-NetIPsecMainModeSA | Format-List LocalEndpoint, RemoteEndpoint, LocalFirstId, RemoteFirstId',
        "Get-NetIPsecRule -PolicyStore ActiveStore | Where-Object DisplayName -like 'DirectAccess Policy*' | Format-Table DisplayName, Enabled, Profile",
      ];
      const base = { id: 'ipsec-tunnel-failed' as const, severity: 'error' as const, title: 'The secure connection to your organisation does not start' };

      if (offProfiles.length > 0 || mpsDown) {
        const fixes: FixId[] = mpsDown && offProfiles.length === 0 ? ['start-ipsec-services'] : [];
        return finding({
          ...base,
          variant: 'firewall',
          plain: `The first part of the DirectAccess connection works, but the secure connection to your organisation’s network inside it does not start. The Windows firewall, which holds the rules for that secure connection, is ${
            offProfiles.length > 0 ? 'switched off for some of the networks you use outside the office' : 'not running'
          }. ${fixes.length ? 'Starting it again usually fixes the connection.' : 'Your organisation’s IT department has to switch it back on.'}`,
          technical: `${head} Windows Defender Firewall: ${[
            ...offProfiles.map((p) => `${p.name} profile off`),
            ...(mpsDown ? [`MpsSvc ${mps?.status ?? 'unknown'} (StartType ${mps?.startType ?? 'unknown'})`] : []),
          ].join(', ')}; the DirectAccess connection security rules are not enforced without it (the profile in use is not collected).`,
          evidence: [
            ...evidence,
            ...offProfiles.map((p) => ev('firewall', `${p.key}.enabled`, false, true, `${p.name} profile`)),
            ...(mpsDown
              ? [ev('services', 'MpsSvc.status', mps?.status ?? null, 'Running'), ev('services', 'MpsSvc.startType', mps?.startType ?? null, 'Automatic')]
              : []),
          ],
          fixes,
          escalate: fixes.length === 0,
          adminAction: `Switch Windows Defender Firewall back on for the ${
            offProfiles.map((p) => p.name).join(' and ') || 'Private and Public'
          } profile on this computer (in the GPO that switches it off: Windows Defender Firewall with Advanced Security > Properties > Firewall state On; or locally Set-NetFirewallProfile -Profile ${
            offProfiles.map((p) => p.name).join(',') || 'Private,Public'
          } -Enabled True) and keep the firewall service (MpsSvc) Automatic: DirectAccess' connection security rules need it.`,
          commands: ['Get-NetFirewallProfile | Select Name, Enabled', ...commands],
        });
      }
      if (ike.length > 0) {
        return finding({
          ...base,
          variant: 'ike-service',
          plain: `The first part of the DirectAccess connection works, but the secure connection to your organisation’s network inside it does not start. A Windows service that builds that secure connection is ${
            ike.some((s) => /^disabled$/i.test(s.svc.startType ?? '')) ? 'switched off' : 'not running'
          } on this computer. Starting it again usually fixes the connection within a minute.`,
          technical: `${head} ${ike
            .map((s) => `${s.name} is ${s.svc.status ?? 'in an unknown state'} (StartType ${s.svc.startType ?? 'unknown'})`)
            .join(
              '; ',
            )}: Windows starts IKEEXT and PolicyAgent on demand, but with the tunnel failing a stopped one is the likely reason the IPsec negotiation does not happen.`,
          evidence: [
            ...evidence,
            ...ike.flatMap((s) => [
              ev('services', `${s.name}.status`, s.svc.status, 'Running'),
              ev('services', `${s.name}.startType`, s.svc.startType, 'not Disabled'),
            ]),
          ],
          fixes: ['start-ipsec-services'],
          adminAction: `If a policy or baseline stops or disables ${ike.map((s) => s.name).join(', ')}, set it back to the Windows default for DirectAccess clients (IKEEXT and PolicyAgent Manual, BFE Automatic).`,
          commands: ['Get-Service IKEEXT,PolicyAgent,BFE | Select-Object Name, Status, StartType', ...commands],
        });
      }
      if (cas && certMissing && mc) {
        return finding({
          ...base,
          variant: 'computer-certificate',
          plain:
            'The first part of the DirectAccess connection works, but the secure connection to your organisation’s network inside it does not start, because this computer has no valid digital ID (a computer certificate) to prove who it is. It can only get a new one on your organisation’s network, so your organisation’s IT department needs to help.',
          technical: `${head} IPsec authenticates the computer with a certificate (phase-1 auth set, CA ${cas.join(', ')}), and LocalMachine\\My has no valid certificate with the Client Authentication EKU (${CLIENT_AUTH}) and a private key${
            usable.length
              ? `: ${usable.map((c) => `${c.subject} ${problemOf(c, mc.computerFqdn, ctx.now)}`).join('; ')}`
              : ` (${mc.certificates.length} certificates in the store)`
          }.`,
          evidence: [
            ...evidence,
            ev('ipsec', 'authSets.items', cas, undefined, 'IPsec authenticates the computer by certificate from this CA'),
            ev(
              'machineCertificates',
              'certificates',
              usable.map((c) => ({ subject: c.subject, thumbprint: c.thumbprint, notAfter: c.notAfter })),
              [`CN=${mc.computerFqdn} with Client Authentication (${CLIENT_AUTH}), a private key, valid now, chaining to ${cas.join(', ')}`],
            ),
          ],
          // Autoenrolment reaches the CA only on the corporate network (I.4); outside, without the tunnel, it cannot.
          fixes: [],
          escalate: true,
          adminAction: `Issue this computer a certificate for IPsec (Client Authentication EKU, subject ${mc.computerFqdn}, chaining to ${cas.join(
            ', ',
          )}): connect it to the corporate network so autoenrolment runs (certutil -pulse), or enrol it with certreq; check that the computer certificate template is published and the computer may autoenrol.`,
          commands: [
            "Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.EnhancedKeyUsageList.ObjectId -contains '1.3.6.1.5.5.7.3.2' } | Format-List Subject, NotAfter, HasPrivateKey, Issuer",
            'Get-NetIPsecPhase1AuthSet -PolicyStore ActiveStore | Select-Object -ExpandProperty Proposal',
            ...commands,
          ],
        });
      }
      // Say only what was read: a section not collected rules nothing out.
      const ruledOut = [
        ...(firewall ? ['the firewall (Private and Public profiles on)'] : []),
        ...(services ? [`the IPsec services (${['IKEEXT', 'BFE', 'PolicyAgent', 'MpsSvc'].filter((n) => services[n]?.exists).join(', ')} running)`] : []),
        ...(cas && mc ? [`a valid computer certificate for IPsec (CA ${cas.join(', ')})`] : []),
      ];
      const notRead = [
        ...(firewall ? [] : ['the firewall']),
        ...(services ? [] : ['the IPsec services']),
        ...(cas ? [] : ipsec?.authSets.readable ? [] : ['how IPsec authenticates the computer']),
      ];
      const checked = `${ruledOut.length ? `Ruled out on this computer: ${ruledOut.join('; ')}.` : ''}${notRead.length ? ` Not read: ${notRead.join(', ')}.` : ''}`;
      return finding({
        ...base,
        plain:
          'The first part of the DirectAccess connection works, but the secure connection to your organisation’s network inside it does not start. Nothing found on this computer explains why, so your organisation’s IT department needs to look at it; the report says what was checked.',
        technical: `${head} ${checked} Remaining: the server side (its IPsec certificate or the CA it trusts, the DTEs, Kerberos/KDC proxy), the client clock against the domain, NAT or MTU on the way.`,
        evidence,
        escalate: true,
        adminAction:
          `On the DirectAccess server, check the IPsec side: Remote Access Management > Operations Status (IPsec, DNS64/NAT64), the server\u2019s IPsec certificate and the CA it trusts for computer certificates, and Get-NetIPsecMainModeSA there for this client; compare this computer’s clock with the domain. ${checked}`.trim(),
        commands,
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'ipsec-tunnel-services',
        title: 'The secure tunnels: their services',
        plain: 'Checking the services that build the secure tunnels inside the DirectAccess connection.',
        when: { finding: 'ipsec-tunnel-failed', variant: 'ike-service' },
        then: 'fix-start-ipsec-services-tunnel',
      },
      {
        chain: 'client',
        id: 'ipsec-tunnel',
        title: 'The secure tunnels to your organisation',
        plain: 'Checking that the secure tunnels to your organisation’s network start inside the DirectAccess connection.',
        then: 'escalate-ipsec-tunnel',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-start-ipsec-services-tunnel',
        fixes: ['start-ipsec-services'],
        cause: 'ipsec-tunnel-failed',
        title: 'Start the services of the secure tunnels',
        plain:
          'A Windows service that builds the secure tunnels to your organisation is not running. The program starts it (and the other services of the secure connection), then checks that the tunnels come up.',
        passed: 'fixed',
        failed: 'escalate-ipsec-tunnel',
      }),
      escalate(
        'escalate-ipsec-tunnel',
        'ipsec-tunnel-failed',
        'The secure tunnels to your organisation do not start',
        'The DirectAccess connection reaches your organisation, but its secure tunnels do not start, and nothing this program can change on the computer fixes that. Your organisation’s IT department needs the report: it says what was checked and what they must look at.',
      ),
    ],
  },
});

/**
 * The fix catalogue (contract.md §2): for every client and manage-out fix, what it changes in plain words, its
 * parameters, the exact commands it runs, the elevation it needs, how it is verified and how it is undone. The
 * renderer and the CLI only name a fix and its parameters; the main process looks it up here.
 */
import type { z } from 'zod';
import type { FixId, RootCauseId } from '../ids';
import type { SectionName, Snapshot } from '../snapshot';
import { causesResolvedBy } from '../causes/registry';
import { declaredPreview } from './commands';
import { certificateParamsSchema, ipHttpsBindingUndoSchema, noParamsSchema, roleParamsSchema, routerParamsSchema } from './params';
import * as check from './verifyChecks';

/** What verification concluded, in words for both audiences. */
export interface VerifyOutcome {
  verified: boolean;
  detail: string;
}

export interface FixSpec {
  id: FixId;
  title: string;
  /** What will change, for the person about to click. */
  plain: string;
  /** Why Windows asks for an administrator. */
  whyAdmin: string;
  params: z.ZodType<Record<string, string | undefined>>;
  elevated: boolean;
  rebootRequired: boolean;
  /** The root causes this fix addresses: derived from the cause modules that list it (causes/registry.ts). */
  resolves: RootCauseId[];
  /**
   * The exact commands, for the technical view and the audit record: built from the PowerShell module's own
   * declaration (assets/ps/fixes/FixCommands.json), with the parameters that are known filled in.
   */
  preview: (params: Record<string, string | undefined>) => string[];
  verify: {
    /** Probes to re-collect after the fix. */
    sections: SectionName[];
    /** How long Windows may need (IP-HTTPS reconnects after an IP Helper restart): poll up to this long. */
    pollSeconds: number;
    check: (after: Snapshot, params: Record<string, string | undefined>) => VerifyOutcome;
  };
  /** How the fix is undone, or null when there is nothing to undo. */
  undo: string | null;
  /** The shape its undo data must have before an undo runs (checked again by the script); absent: not checked here. */
  undoData?: z.ZodType;
  /** Only on the DirectAccess server. */
  serverOnly?: boolean;
}

const SERVICE_ADMIN = 'Changing a Windows service affects every user of this computer.';
const STORE_ADMIN = 'The computer-wide certificate store is shared by every user and by Windows services.';
const NET_ADMIN = 'Network settings of the whole computer can only be changed by an administrator.';
const IPHTTPS_SECTIONS: SectionName[] = ['services', 'ipHttps', 'daStatus'];

const specs: Omit<FixSpec, 'preview' | 'resolves'>[] = [
  {
    id: 'start-ip-helper',
    title: 'Start the IP Helper service',
    plain: 'Sets the IP Helper service to start automatically and starts it. DirectAccess builds its tunnel through it.',
    whyAdmin: SERVICE_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: IPHTTPS_SECTIONS, pollSeconds: 60, check: (s) => check.all(check.serviceRunning(s, 'iphlpsvc'), check.ipHttpsActive(s)) },
    undo: 'Restore the start type the service had before.',
  },
  {
    id: 'start-nca-service',
    title: 'Start the DirectAccess status service',
    plain:
      'Starts the Network Connectivity Assistant service (NcaSvc), which shows the DirectAccess status in Settings. If it was switched off, it is set back to its Windows default (start when needed) first.',
    whyAdmin: SERVICE_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['services', 'daStatus'], pollSeconds: 30, check: (s) => check.serviceRunning(s, 'NcaSvc') },
    undo: 'Restore the start type the service had before.',
  },
  {
    id: 'start-ipsec-services',
    title: 'Start the services that secure the DirectAccess connection',
    plain:
      'Starts the Windows services DirectAccess needs for its secure connection, the firewall service among them. One that was switched off is first set back to its Windows default (start when needed, or start with Windows).',
    whyAdmin: SERVICE_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: {
      sections: ['services', 'daStatus', 'ipsec'],
      pollSeconds: 30,
      check: (s) => check.all(...['BFE', 'MpsSvc', 'PolicyAgent', 'IKEEXT'].map((name) => check.serviceRunning(s, name)), check.ipsecTunnelsUp(s)),
    },
    undo: 'Restore the start types the services had before.',
  },
  {
    id: 'restart-ip-helper',
    title: 'Restart the IP Helper service',
    plain: 'Restarts the IP Helper service, which rebuilds the DirectAccess tunnel interface and tries to connect again at once.',
    whyAdmin: SERVICE_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: IPHTTPS_SECTIONS, pollSeconds: 60, check: (s) => check.all(check.serviceRunning(s, 'iphlpsvc'), check.ipHttpsActive(s)) },
    undo: null,
  },
  {
    id: 'import-root-ca',
    title: "Trust your organisation's root certificate",
    plain:
      "Adds your organisation's root certificate to this computer's trusted list, then restarts the IP Helper service so DirectAccess connects again. Only a certificate your organisation approved, or the file you picked that matches the server's, is added.",
    whyAdmin: STORE_ADMIN,
    params: certificateParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: {
      sections: ['services', 'ipHttps', 'daStatus', 'serverCertificate', 'trustStores'],
      pollSeconds: 60,
      check: (s, p) => check.all(check.rootTrusted(s, p.thumbprint), check.ipHttpsActive(s)),
    },
    undo: 'Remove that certificate (by its thumbprint) from the trusted root store.',
  },
  {
    id: 'import-intermediate-ca',
    title: 'Add the missing intermediate certificate',
    plain: "Adds the organisation's intermediate certificate, the missing link between the server's certificate and the trusted root.",
    whyAdmin: STORE_ADMIN,
    params: certificateParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: {
      sections: ['services', 'ipHttps', 'daStatus', 'serverCertificate', 'trustStores'],
      pollSeconds: 60,
      check: (s) => check.all(check.chainComplete(s), check.ipHttpsActive(s)),
    },
    undo: 'Remove that certificate (by its thumbprint) from the intermediate store.',
  },
  {
    id: 'resync-time',
    title: "Correct this computer's clock",
    plain:
      "Asks the Windows Time service to set this computer's clock, then restarts the IP Helper service so DirectAccess tries again. A computer in your organisation’s domain takes its time from your organisation’s network: away from it, it may have no time source it can reach, and then the clock cannot be set this way. If so, set the date and time by hand (Settings → Time & language) or connect to your organisation’s network once. The check afterwards compares the clock with the DirectAccess server's, not with what the time service reports.",
    whyAdmin: 'The clock is a setting of the whole computer.',
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: {
      sections: ['services', 'ipHttps', 'daStatus', 'serverCertificate', 'clock'],
      pollSeconds: 60,
      check: (s) => check.all(check.clockInStep(s), check.ipHttpsActive(s)),
    },
    undo: null,
  },
  {
    id: 'clear-crl-cache',
    title: 'Clear the certificate revocation cache',
    plain: 'Deletes the stored revocation lists so Windows fetches them again, then restarts the IP Helper service.',
    whyAdmin: 'The revocation cache belongs to the computer, not to you.',
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: IPHTTPS_SECTIONS, pollSeconds: 60, check: (s) => check.ipHttpsActive(s) },
    undo: null,
  },
  {
    id: 'reset-winhttp-proxy',
    title: 'Remove the computer-wide (WinHTTP) proxy',
    plain:
      'Saves the current computer-wide proxy setting, then removes it, so the DirectAccess tunnel goes straight to the server. Some programs and services that work inside your organisation’s network may need that proxy: if one stops working there afterwards, this change can be undone, which puts the saved setting back exactly.',
    whyAdmin: NET_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['proxy', ...IPHTTPS_SECTIONS], pollSeconds: 60, check: (s) => check.winHttpDirect(s) },
    undo: 'Write the saved WinHttpSettings value back (the same bytes in any Windows language), or reset to direct when there was none.',
  },
  {
    id: 'clear-iphlpsvc-proxy-cache',
    title: "Clear the IP Helper's stored proxy",
    plain:
      'Exports, then deletes the proxy the IP Helper service remembered, and restarts the service. If that proxy is still in use inside your organisation’s network, the IP Helper learns it again there; the export can be put back with undo.',
    whyAdmin: NET_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['proxy', ...IPHTTPS_SECTIONS], pollSeconds: 60, check: (s) => check.proxyCacheEmpty(s) },
    undo: 'Write the exported ProxyMgr values back.',
  },
  {
    id: 'set-ipv6-prefer-ipv4',
    title: 'Turn IPv6 tunnels back on',
    plain:
      'Switches back on only the IPv6 tunnels DirectAccess needs and sets "prefer IPv4" (Microsoft\'s recommended value instead of switching IPv6 off); every other part of the setting stays as it is. Windows must restart for it to take effect. If a Group Policy or security baseline sets this value, it comes back at the next policy refresh: then your organisation’s IT department must change it there.',
    whyAdmin: NET_ADMIN,
    params: roleParamsSchema,
    elevated: true,
    rebootRequired: true,
    verify: { sections: ['ipv6'], pollSeconds: 0, check: (s, p) => check.tunnelBitsCleared(s, p.role ?? 'client') },
    undo: 'Restore the previous DisabledComponents value.',
  },
  {
    id: 'renew-machine-certificate',
    title: "Renew this computer's certificate",
    plain: "Asks your organisation’s certificate service for this computer's certificate. Works only while connected to your organisation’s network.",
    whyAdmin: "The computer's own certificate store can only be changed by an administrator.",
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['machineCertificates'], pollSeconds: 60, check: (s) => check.machineCertificatePresent(s) },
    undo: null,
  },
  {
    id: 'disable-6to4',
    title: 'Switch off the older 6to4 tunnel',
    plain:
      'Switches off 6to4, an older tunnel type Windows tries before the reliable one when this computer has an address straight from the Internet. DirectAccess then uses its reliable tunnel at once. Nothing else changes.',
    whyAdmin: NET_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['teredo', 'ipHttps'], pollSeconds: 30, check: (s) => check.all(check.sixToFourOff(s), check.ipHttpsActive(s)) },
    undo: 'Restore the previous 6to4 state.',
  },
  {
    id: 'enable-isatap',
    title: 'Turn on ISATAP towards the DirectAccess server',
    plain: 'Turns on the ISATAP tunnel of this computer and points it at the DirectAccess server, so you can reach remote DirectAccess clients from here.',
    whyAdmin: NET_ADMIN,
    params: routerParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['isatap'], pollSeconds: 30, check: (s) => check.isatapUp(s) },
    undo: 'Restore the previous ISATAP state and router.',
  },
  {
    id: 'set-isatap-router',
    title: 'Point ISATAP at the right router name',
    plain: 'Replaces the ISATAP router name, which does not resolve, with the name your organisation uses for the DirectAccess server.',
    whyAdmin: NET_ADMIN,
    params: routerParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['isatap'], pollSeconds: 30, check: (s, p) => check.all(check.isatapRouterResolves(s, p.router), check.isatapUp(s)) },
    undo: 'Restore the previous router name.',
  },
  {
    id: 'enable-iphttps-preauth',
    title: 'Turn on IP-HTTPS preauthentication',
    plain:
      'Saves the IP-HTTPS binding of this DirectAccess server, then creates it again so that connecting computers must show a computer certificate first. Before you confirm: every DirectAccess computer without a computer certificate whose name matches its computer account will be cut off; the fast encryption-free mode (null cipher suites) is switched off, so the server handles fewer connections of Windows 8 and later more slowly; Microsoft does not formally support this change; and where several servers share the work (load balancing or several sites) the same change is needed on every one of them. It is refused while one-time passwords are in use. If creating the binding again fails, the saved one is put back at once; undo puts it back too.',
    whyAdmin: 'The IP-HTTPS binding of HTTP.SYS belongs to the whole server.',
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['server'], pollSeconds: 10, check: (s) => check.preauth(s, true) },
    undo: 'Create the saved binding again, exactly as it was (certificate hash, application id, DS mapper, negotiation).',
    undoData: ipHttpsBindingUndoSchema,
    serverOnly: true,
  },
  {
    id: 'disable-iphttps-preauth',
    title: 'Turn off IP-HTTPS preauthentication',
    plain:
      'Saves the IP-HTTPS binding of this DirectAccess server, then creates it again without asking connecting computers for a certificate first, so people who sign in with one-time passwords can connect again. Where several servers share the work, the same change is needed on every one of them. If creating the binding again fails, the saved one is put back at once; undo puts it back too.',
    whyAdmin: 'The IP-HTTPS binding of HTTP.SYS belongs to the whole server.',
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['server'], pollSeconds: 10, check: (s) => check.preauth(s, false) },
    undo: 'Create the saved binding again, exactly as it was.',
    undoData: ipHttpsBindingUndoSchema,
    serverOnly: true,
  },
  {
    id: 'reset-isatap-router',
    title: 'Reset the ISATAP router of this server',
    plain:
      'Publishes the route to the internal network on the ISATAP interface of this DirectAccess server and switches forwarding and advertising back on, so the workstations that manage DirectAccess computers get their addresses again.',
    whyAdmin: NET_ADMIN,
    params: noParamsSchema,
    elevated: true,
    rebootRequired: false,
    verify: { sections: ['server'], pollSeconds: 30, check: (s) => check.isatapRouterAdvertising(s) },
    undo: null,
    serverOnly: true,
  },
];

/** The catalogue, by id. */
export const FIXES: ReadonlyMap<FixId, FixSpec> = new Map(
  specs.map((s) => [s.id, { ...s, resolves: causesResolvedBy(s.id), preview: (p) => declaredPreview(s.id, p) }]),
);

/** Looks a fix up; undefined for an id that is not in the catalogue (the caller refuses it). */
export function fixSpec(id: string): FixSpec | undefined {
  return FIXES.get(id as FixId);
}

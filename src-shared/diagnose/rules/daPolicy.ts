/** da-not-configured and inside-corpnet: is there a DirectAccess policy, and where is the machine. */
import { defineRule, type Rule } from '../context';
import { ev, finding } from './common';

export const notConfiguredRule: Rule = defineRule(['da-not-configured'], ['client'], (ctx) => {
  const da = ctx.need('daStatus');
  if (!da || da.policyApplied || da.ncaConfigured || da.ipHttpsClientUrl) return null;
  const ipConf = ctx.peek('ipHttps')?.configuration;
  if (ipConf?.serverUrl) return null; // a ServerURL is a client policy, whatever the policy probe said
  const os = ctx.peek('os');
  const evidence = [
    ev('daStatus', 'policyApplied', false, true, 'no IP-HTTPS client URL from Group Policy and no NCA configuration'),
    ev('daStatus', 'connection', da.connection, { status: 'ConnectedRemotely' }, 'Get-DAConnectionStatus returned nothing'),
  ];
  if (ctx.peek('ipHttps')) evidence.push(ev('ipHttps', 'configuration.serverUrl', ipConf?.serverUrl ?? null, 'https://<DA public name>:443/IPHTTPS'));
  return finding({
    id: 'da-not-configured',
    severity: 'error',
    title: 'DirectAccess is not set up on this computer',
    plain: 'This computer has no DirectAccess settings at all, so it never tries to connect to the office network automatically. The settings come from your organisation: IT has to add this computer to the DirectAccess group, and the computer then has to pick up the settings once while connected to the office network.',
    technical: 'No DirectAccess client policy: no IPHTTPS_ClientUrl from Group Policy, no NCA (NetworkConnectivityAssistant) configuration, Get-DAConnectionStatus returns no object.',
    evidence,
    escalate: true,
    adminAction: `Add the computer account${os ? ` ${os.computerName}` : ''} to the security group the DirectAccess client GPO is filtered to, then have it refresh policy on the corporate network (gpupdate /force and a reboot) — or re-provision it with djoin /policynames "<DA client GPO>" if it is joined offline.`,
    commands: ['gpresult /r /scope computer', 'Get-DAClientExperienceConfiguration', 'Get-DAConnectionStatus', 'netsh interface httpstunnel show interfaces'],
  });
});

export const insideCorpnetRule: Rule = defineRule(['inside-corpnet'], ['client'], (ctx) => {
  const da = ctx.peek('daStatus');
  if (!ctx.inside || !da?.connection) return null;
  return finding({
    id: 'inside-corpnet',
    severity: 'info',
    title: 'This computer is on the office network',
    plain: 'This computer is connected to the office network directly, so DirectAccess is resting on purpose: it only switches on when you are away from the office. Nothing needs fixing.',
    technical: `Get-DAConnectionStatus: ${da.connection.status} / ${da.connection.substatus}. The network location server is reachable, so NCA treats the machine as inside and IP-HTTPS stays idle (Get-NetIPHttpsState may return nothing).`,
    evidence: [ev('daStatus', 'connection.status', da.connection.status, 'ConnectedLocally or ConnectedRemotely')],
    commands: ['Get-DAConnectionStatus', 'netsh dnsclient show state'],
  });
});

/**
 * da-migrated (info): the machine has no DirectAccess client policy, but an Always On VPN tunnel or the Global Secure
 * Access client of Entra Private Access is there, so it was moved off DirectAccess on purpose (knowledge N; Microsoft
 * deprecated DirectAccess in June 2024 and recommends Always On VPN). It takes the place of da-not-configured, whose
 * advice (join the DirectAccess group) would be wrong here (contract §1), and with it of everything da-not-configured
 * explains: without DirectAccess policy the DirectAccess checks say nothing about this machine. Variant `connected`
 * when a replacement tunnel is shown connected (the only case the diagnosis may call healthy); otherwise this program,
 * which checks DirectAccess only, cannot tell whether the replacement works, and says so.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { daNotConfigured } from '../machine/daNotConfigured';
import { hasDaClientPolicy, replacementsOf } from './replacements';

export const daMigrated = defineCause({
  id: 'da-migrated',
  explains: [daNotConfigured],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.need('daStatus');
      if (!da || hasDaClientPolicy(da, ctx.peek('ipHttps'))) return null;
      // Needed only here, on a machine without DirectAccess policy: a failed probe makes this verdict unknown.
      const coexistence = ctx.need('coexistence');
      if (!coexistence) return null;
      const found = replacementsOf(coexistence);
      if (found.length === 0) return null;
      const products = [...new Set(found.map((r) => r.product))];
      const connected = found.some((r) => r.connected === true);
      const named = products.join(' and ');
      return finding({
        id: 'da-migrated',
        ...(connected ? { variant: 'connected' } : {}),
        severity: 'info',
        title: `This computer uses ${named} instead of DirectAccess`,
        plain: `Your organisation has moved this computer from DirectAccess to ${named}, its newer way of connecting to your organisation’s network from outside. DirectAccess is no longer set up on it, and that is intended: you do not need DirectAccess any more. ${
          connected
            ? `${named} is connected right now.`
            : `This program only checks DirectAccess, so it cannot tell whether ${named} works. If you cannot reach your work network, send the report to your organisation’s IT department.`
        }`,
        technical: `No DirectAccess client policy (no IPHTTPS_ClientUrl, no NCA configuration, no IP-HTTPS ServerURL), and: ${found
          .map((r) => r.technical)
          .join('; ')}. The machine was moved off DirectAccess (knowledge N); da-not-configured's remedy (the DirectAccess client group) does not apply.${
          coexistence.unread.length > 0 ? ` Not readable: ${coexistence.unread.join('; ')}.` : ''
        }`,
        evidence: [
          ev('daStatus', 'policyApplied', false, undefined, 'no DirectAccess client policy'),
          ...found.flatMap((r) => r.evidence),
          ...(coexistence.unread.length > 0 ? [ev('coexistence', 'unread', coexistence.unread, [], 'what could not be read')] : []),
        ],
        commands: ['Get-VpnConnection -AllUserConnection', 'Get-VpnConnection', 'Get-Service GlobalSecureAccess*', 'gpresult /r /scope computer'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'migrated-connected',
        title: 'How this computer connects',
        plain: 'Checking whether your organisation connects this computer in another way than DirectAccess.',
        when: { finding: 'da-migrated', variant: 'connected' },
        then: 'migrated-working',
        shows: 'info',
      },
      {
        chain: 'client',
        id: 'migrated',
        title: 'How this computer connects',
        plain: 'Checking whether your organisation connects this computer in another way than DirectAccess.',
        then: 'migrated-elsewhere',
        shows: 'info',
      },
    ],
    nodes: [
      {
        kind: 'outcome',
        id: 'migrated-working',
        result: 'working',
        title: 'This computer connects without DirectAccess now',
        plain:
          'Your organisation has moved this computer from DirectAccess to a newer way of connecting, and that connection is up. Nothing needs fixing here.',
      },
      {
        kind: 'outcome',
        id: 'migrated-elsewhere',
        result: 'incomplete',
        title: 'This computer no longer uses DirectAccess',
        plain:
          'Your organisation has moved this computer from DirectAccess to a newer way of connecting. This program only checks DirectAccess, so it cannot say whether the new connection works. If you cannot reach your work network, send the report below to your organisation’s IT department.',
      },
    ],
  },
});

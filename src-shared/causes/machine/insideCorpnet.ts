/** inside-corpnet: the machine is on the corporate network, so IP-HTTPS rests by design (knowledge H). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';

export const insideCorpnet = defineCause({
  id: 'inside-corpnet',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.peek('daStatus');
      if (!ctx.inside || !da) return null;
      // Windows 8+: Get-DAConnectionStatus; Windows 7: the Machine Location line of netsh dnsclient show state.
      const fromNetsh = !da.connection && da.location?.source === 'netsh';
      const said = da.connection
        ? `Get-DAConnectionStatus: ${da.connection.status} / ${da.connection.substatus}`
        : `netsh dnsclient show state: Machine Location ${da.location?.raw ?? 'inside corporate network'}`;
      return finding({
        id: 'inside-corpnet',
        severity: 'info',
        title: 'This computer is on your organisation’s network',
        plain:
          'This computer is connected to your organisation’s network directly, so DirectAccess is resting on purpose: it only switches on when you are away from your organisation’s network. Nothing needs fixing.',
        technical: `${said}. The network location server is reachable, so the client treats the machine as inside and IP-HTTPS stays idle (${fromNetsh ? 'netsh interface httpstunnel show interfaces may show no active interface' : 'Get-NetIPHttpsState may return nothing'}).`,
        evidence: [
          da.connection
            ? ev('daStatus', 'connection.status', da.connection.status, 'ConnectedLocally or ConnectedRemotely')
            : ev('daStatus', 'location.value', da.location?.value ?? null, 'inside-corpnet or outside-corpnet', 'netsh dnsclient show state (Windows 7)'),
        ],
        commands: ['Get-DAConnectionStatus', 'netsh dnsclient show state'],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'inside',
        title: 'Where you are',
        plain: 'Checking whether this computer is on your organisation’s network right now.',
        then: 'working-inside',
      },
    ],
  },
});

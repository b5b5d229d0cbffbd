/**
 * inside-corpnet: the machine is on the corporate network, so IP-HTTPS rests by design (knowledge H.1, H.3 row 1).
 * Windows' verdict (ConnectedLocally, or Machine Location inside on Windows 7) proves only that the network location
 * server answered (H.3), so with the location probe's domain evidence it is stated only when a domain controller
 * answered too (`ctx.corpnet`); no domain controller is nls-reachable-outside instead. Without that evidence (older
 * snapshot, a machine where neither source could be read) the verdict alone is stated and the text says so.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { nlsAnswered, profilesText } from '../../diagnose/location';
import { domainEvidence } from '../location/domainEvidence';

export const insideCorpnet = defineCause({
  id: 'inside-corpnet',
  rule: {
    roles: ['client'],
    run: (ctx) => {
      const da = ctx.peek('daStatus');
      if (!ctx.inside || !da || ctx.corpnet === false) return null;
      const loc = ctx.peek('location');
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
        technical: `${said}. The network location server is reachable, so the client treats the machine as inside and IP-HTTPS stays idle (${fromNetsh ? 'netsh interface httpstunnel show interfaces may show no active interface' : 'Get-NetIPHttpsState may return nothing'}). ${
          ctx.corpnet === true && loc
            ? `A domain controller answered too (${profilesText(loc)})${nlsAnswered(loc) === false ? '; the tool’s own probe of the network location server failed where Windows’ succeeded, worth a look' : ''}.`
            : 'This rests on Windows’ verdict alone, which proves only that the network location server answered: whether a domain controller answers (the Domain profile) was not collected.'
        }`,
        evidence: [
          da.connection
            ? ev('daStatus', 'connection.status', da.connection.status, 'ConnectedLocally or ConnectedRemotely')
            : ev('daStatus', 'location.value', da.location?.value ?? null, 'inside-corpnet or outside-corpnet', 'netsh dnsclient show state (Windows 7)'),
          ...(ctx.corpnet === true && loc ? domainEvidence(loc, true) : []),
        ],
        commands: ['Get-DAConnectionStatus', 'netsh dnsclient show state', 'Get-NetConnectionProfile'],
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

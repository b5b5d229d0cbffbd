/** inside-corpnet: the machine is on the corporate network, so IP-HTTPS rests by design (knowledge H). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';

export const insideCorpnet = defineCause({
  id: "inside-corpnet",
  rule: {
    roles: ['client'],
    run: (ctx) => {
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
    },
  },
  guide: {
    steps: [
      { chain: "client", id: "inside", title: "Where you are", plain: "Checking whether this computer is on the company network right now.", then: "working-inside" },
    ],
  },
});

/** isatap-no-global-address: the ISATAP interface is up without a global address (knowledge E.3, E.5). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { routerName, globalIsatapAddresses, routerResolves, isatapCommands } from './isatap';
import { escalate } from '../../tree/build';

export const isatapNoGlobalAddress = defineCause({
  id: 'isatap-no-global-address',
  groups: ['isatapInterface'],
  rule: {
    roles: ['manageOut'],
    run: (ctx) => {
      const i = ctx.need('isatap');
      if (!i || i.interfaces.length === 0 || !routerResolves(i) || globalIsatapAddresses(i).length > 0) return null;
      const addrs = i.interfaces.flatMap((x) => x.addresses);
      return finding({
        id: 'isatap-no-global-address',
        severity: 'error',
        title: 'The ISATAP tunnel is up but gets no usable address',
        plain:
          'This management computer has built its IPv6 tunnel to the DirectAccess server, but the server does not hand out the address it needs, so DirectAccess computers still cannot be reached. The server side has lost part of its settings, which your organisation’s IT department must restore.',
        technical: `ISATAP interface(s) ${i.interfaces.map((x) => x.alias).join(', ')} have only ${addrs.join(', ') || 'no addresses'}; no global <prefix>::5efe: address from router ${routerName(i)} (${i.router?.addresses.join(', ') ?? ''}). The DirectAccess server's ISATAP adapter is not advertising the internal prefix.`,
        evidence: [
          ev('isatap', 'interfaces[].addresses', addrs, ['<DA internal prefix>::5efe:<IPv4>']),
          ev('isatap', 'router.addresses', i.router?.addresses ?? [], undefined, `router ${routerName(i)} resolves`),
        ],
        escalate: true,
        adminAction:
          'On the DirectAccess server, publish the internal IPv6 prefix route on the ISATAP adapter and enable forwarding and advertising on it (Reset-DaIsatapConfiguration: New-NetRoute -Publish Yes; Set-NetIPInterface -Forwarding Enabled -Advertising Enabled).',
        commands: isatapCommands(i),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-no-global-address',
        title: 'ISATAP address',
        plain: 'Checking that the ISATAP adapter got an address from the router.',
        then: 'escalate-no-global-address',
      },
    ],
    nodes: [
      escalate(
        'escalate-no-global-address',
        'isatap-no-global-address',
        'The ISATAP router gives no address',
        'The DirectAccess server stopped acting as ISATAP router (often after a restart). Your organisation’s IT department must reset its ISATAP configuration.',
      ),
    ],
  },
});

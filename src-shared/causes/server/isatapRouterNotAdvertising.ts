/**
 * server-isatap-router-not-advertising: the DirectAccess server is the ISATAP router for manage-out hosts, but its
 * ISATAP interface neither forwards nor advertises, or the internal IPv6 prefix is not published on it, so manage-out
 * hosts get no global ISATAP address (knowledge E.3 item 5: on Server 2016/2019 the configuration can be lost after a
 * reboot; Hicks' Reset-DaIsatapConfiguration.ps1 publishes the prefix route and enables forwarding and advertising).
 * Evidence: Get-NetIPInterface of the isatap.{…} interfaces, Get-NetRoute on them, Get-RemoteAccess InternalIPv6Prefix.
 * Only where the server is the ISATAP router: an ISATAP interface exists and the internal prefix is not routed on a
 * native (non-ISATAP) interface; without the prefix (Get-RemoteAccess did not answer) nothing is concluded.
 */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { escalate, fixThenVerify } from '../../tree/build';

const ENABLED = /^enabled$/i;
const PUBLISHED = /^yes$/i;

export const serverIsatapRouterNotAdvertising = defineCause({
  id: 'server-isatap-router-not-advertising',
  fixes: ['reset-isatap-router'],
  rule: {
    roles: ['server'],
    run: (ctx) => {
      const server = ctx.need('server');
      const isatap = server?.isatap;
      const prefix = server?.remoteAccess?.internalIPv6Prefix ?? null;
      if (!server || !isatap || isatap.interfaces.length === 0 || !prefix) return null;
      const isatapIndexes = new Set(isatap.interfaces.map((i) => i.index));
      // Native IPv6 inside: the internal prefix lives on a real interface, and the server is no ISATAP router.
      if (isatap.routes.some((r) => r.destinationPrefix === prefix && !isatapIndexes.has(r.index))) return null;
      const working = isatap.interfaces.find(
        (i) =>
          ENABLED.test(i.forwarding ?? '') &&
          ENABLED.test(i.advertising ?? '') &&
          isatap.routes.some((r) => r.index === i.index && r.destinationPrefix === prefix && PUBLISHED.test(r.publish ?? '')),
      );
      if (working) return null;
      const evidence = isatap.interfaces.flatMap((i) => {
        const route = isatap.routes.find((r) => r.index === i.index && r.destinationPrefix === prefix);
        return [
          ev('server', `isatap.interfaces[${i.index}].forwarding`, i.forwarding, 'Enabled', i.alias),
          ev('server', `isatap.interfaces[${i.index}].advertising`, i.advertising, 'Enabled', i.alias),
          ev('server', `isatap.routes[${i.index}].publish`, route?.publish ?? 'no route', 'Yes', `${prefix} on interface ${i.index}`),
        ];
      });
      const state = isatap.interfaces
        .map((i) => {
          const route = isatap.routes.find((r) => r.index === i.index && r.destinationPrefix === prefix);
          return `${i.alias} (ifIndex ${i.index}): Forwarding ${i.forwarding ?? 'unknown'}, Advertising ${i.advertising ?? 'unknown'}, route ${prefix} ${
            route ? `Publish ${route.publish ?? 'unknown'}` : 'absent'
          }`;
        })
        .join('; ');
      const first = isatap.interfaces[0]!;
      return finding({
        id: 'server-isatap-router-not-advertising',
        severity: 'error',
        title: 'The ISATAP router on this server is not advertising',
        plain:
          'Computers on your organisation’s network that manage DirectAccess laptops reach them through this server. The server has stopped telling those workstations how to reach the laptops (this setting can get lost when the server restarts), so those computers cannot connect to the laptops. Turning it back on fixes it.',
        technical: `The server is the ISATAP router (ISATAP interface present, internal prefix ${prefix} not on a native interface), but no ISATAP interface both forwards and advertises with ${prefix} published: ${state}. Knowledge E.3: the server's ISATAP router configuration can be lost after a reboot (Server 2016/2019).`,
        evidence,
        fixes: ['reset-isatap-router'],
        adminAction: `On the DirectAccess server, publish the internal prefix on the ISATAP interface and enable forwarding and advertising (Hicks' Reset-DaIsatapConfiguration.ps1 does this): New-NetRoute -AddressFamily IPv6 -DestinationPrefix ${prefix} -InterfaceIndex ${first.index} -Publish Yes; Set-NetIPInterface -InterfaceIndex ${first.index} -Forwarding Enabled -Advertising Enabled.`,
        commands: [
          "Get-NetIPInterface -AddressFamily IPv6 -InterfaceAlias 'isatap*' | Select-Object InterfaceAlias, InterfaceIndex, Forwarding, Advertising",
          `Get-NetRoute -AddressFamily IPv6 -DestinationPrefix ${prefix} | Select-Object InterfaceIndex, Publish`,
        ],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'server',
        id: 'server-isatap',
        title: 'ISATAP router on the server',
        plain: 'Checking that the server acts as ISATAP router for manage-out workstations.',
        then: 'fix-reset-isatap-router',
      },
    ],
    nodes: [
      ...fixThenVerify({
        id: 'fix-reset-isatap-router',
        fixes: ['reset-isatap-router'],
        cause: 'server-isatap-router-not-advertising',
        title: 'Reset the ISATAP router',
        plain: 'The server stopped advertising the ISATAP route. The program publishes the route again and turns on forwarding and advertising.',
        passed: 'fixed',
        failed: 'escalate-server-isatap',
      }),
      escalate(
        'escalate-server-isatap',
        'server-isatap-router-not-advertising',
        'The ISATAP router could not be reset',
        'An administrator must publish the internal prefix route and enable forwarding and advertising on the ISATAP adapter.',
      ),
    ],
  },
});

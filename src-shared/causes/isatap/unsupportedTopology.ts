/** isatap-unsupported-topology: ISATAP with several DirectAccess servers (knowledge E.4). */
import { defineCause } from '../cause';
import { ev, finding } from '../evidence';
import { routerName, isatapCommands, IPV4 } from './isatap';

export const isatapUnsupportedTopology = defineCause({
  id: 'isatap-unsupported-topology',
  rule: {
    roles: ['manageOut'],
    run: (ctx) => {
      const i = ctx.peek('isatap');
      const addrs = [...new Set((i?.router?.addresses ?? []).filter((a) => IPV4.test(a)))];
      if (!i || addrs.length < 2) return null;
      return finding({
        id: 'isatap-unsupported-topology',
        severity: 'warning',
        title: 'ISATAP is used with several DirectAccess servers',
        plain:
          'The ISATAP name points at several DirectAccess servers (a load-balanced or multi-site setup). Microsoft does not support ISATAP in such setups, so reaching DirectAccess computers from here may work only partly.',
        technical: `ISATAP router ${routerName(i)} resolves to ${addrs.length} IPv4 addresses (${addrs.join(', ')}): a load-balanced or multisite DirectAccess deployment. Microsoft supports ISATAP only with a single DirectAccess server; single-site NLB can work (one record per node plus the VIP), external load balancers and multisite do not.`,
        evidence: [ev('isatap', 'router.addresses', addrs, ['one DirectAccess server internal IPv4'])],
        commands: isatapCommands(i),
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'manageOut',
        id: 'mo-topology',
        title: 'Supported set-up',
        plain: 'Checking that the DirectAccess set-up supports ISATAP.',
        then: 'working-advice-topology',
      },
    ],
    nodes: [
      {
        kind: 'outcome',
        id: 'working-advice-topology',
        result: 'working',
        cause: 'isatap-unsupported-topology',
        title: 'Working, with a caution',
        plain: 'This DirectAccess set-up (several sites or an external load balancer) does not support ISATAP. It may work now, but it is not supported.',
      },
    ],
  },
});

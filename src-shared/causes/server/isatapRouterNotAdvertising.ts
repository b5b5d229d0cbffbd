/** server-isatap-router-not-advertising: the server's ISATAP router stopped advertising (knowledge E.3). Collected by the server issue. */
import { defineCause } from '../cause';
import { escalate, fixThenVerify } from '../../tree/build';

export const serverIsatapRouterNotAdvertising = defineCause({
  id: 'server-isatap-router-not-advertising',
  fixes: ['reset-isatap-router'],
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

/**
 * iphttps-tls-intercepted: the chain the server presents ends in a root that is neither in LocalMachine\Root nor
 * pinned, while the organisation pins a different root: the network in between (hotel or guest Wi-Fi, an inspecting
 * proxy) intercepts TLS (knowledge L, A.1 case 4). Importing that root would give the interceptor machine-wide trust
 * (knowledge C.6, DESIGN §4): never offered here, and refused by the main process (src-main/fixes/trust.ts).
 */
import { defineCause } from '../cause';
import { ev, finding, codeEvidence, codeText, ipHttpsCommands, rootStoreCommands, chainCommands, commonName, normThumb } from '../evidence';
import { interceptionOf, stateless } from './chain';
import { escalate } from '../../tree/build';
import { untrustedRoot } from './untrustedRoot';
import { partialChain } from './partialChain';

export const tlsIntercepted = defineCause({
  id: 'iphttps-tls-intercepted',
  groups: ['iphttps'],
  explains: [untrustedRoot, partialChain],
  rule: {
    roles: ['client'],
    run: (ctx) => {
      // A working connection is not intercepted; a failing one (any code) or no state at all may be.
      if (!((ctx.code !== null && ctx.code !== 0) || stateless(ctx))) return null;
      const cert = ctx.peek('serverCertificate');
      const stores = ctx.peek('trustStores');
      // The interception test treats an unknown store as untrusted (it refuses imports); a finding needs evidence.
      if (!cert || !(stores || cert.chainStatus.includes('UntrustedRoot'))) return null;
      const hit = interceptionOf(ctx);
      if (!hit) return null;
      const leaf = cert.chain[0];
      const organisation = ctx.org?.organisation ?? 'the organisation';
      const pinned = hit.pinned.map((p) => `${p.subject} (${normThumb(p.thumbprint)})`).join(', ');
      const evidence = [
        ...codeEvidence(ctx),
        ev(
          'serverCertificate',
          `chain[${cert.chain.length - 1}]`,
          { subject: hit.root.subject, thumbprint: hit.root.thumbprint },
          hit.pinned.map((p) => p.subject),
          `the chain ends in a root ${organisation} does not pin`,
        ),
        ev('trustStores', 'root', `${hit.root.thumbprint} absent`, undefined, 'not in LocalMachine\\Root either'),
      ];
      if (leaf && leaf !== hit.root)
        evidence.push(
          ev(
            'serverCertificate',
            'chain[0]',
            { subject: leaf.subject, issuer: leaf.issuer, thumbprint: leaf.thumbprint },
            undefined,
            'the certificate presented for the DirectAccess name, signed by that root',
          ),
        );
      return finding({
        id: 'iphttps-tls-intercepted',
        severity: 'error',
        title: 'This network is intercepting the secure connection',
        plain: `The network you are on (often hotel, guest or public Wi-Fi) puts itself between this computer and your organisation’s server: instead of your organisation’s server's certificate it shows one from "${commonName(hit.root.subject)}". This computer rightly refuses to connect through it. Do not install any certificate this network asks you to. Use another network, for example your phone's hotspot, and DirectAccess should connect again.`,
        technical: `${codeText(ctx)}. The TLS handshake with ${ctx.serverHost ?? cert.host}:${cert.port} presents a chain ending in ${hit.root.subject} (thumbprint ${hit.root.thumbprint}), which is neither in LocalMachine\\Root nor pinned; ${organisation} pins ${pinned}. A middlebox terminates TLS (guest Wi-Fi, SSL inspection); IP-HTTPS cannot pass it. Importing that root would trust the interceptor machine-wide and is refused.`,
        evidence,
        fixes: [],
        escalate: true,
        adminAction: `The network between this client and ${ctx.serverHost ?? 'the DirectAccess server'} intercepts TLS: it presented a chain ending in ${hit.root.subject} (${hit.root.thumbprint}) instead of ${pinned}. If it is the organisation’s own inspection (proxy, secure web gateway, security suite), exempt ${ctx.serverHost ?? 'the IP-HTTPS name'} from TLS inspection; otherwise the user must use another network. Do not distribute the interceptor's root.`,
        commands: [...ipHttpsCommands(ctx), ...rootStoreCommands(ctx), ...chainCommands(ctx)],
      });
    },
  },
  guide: {
    steps: [
      {
        chain: 'client',
        id: 'tls-intercepted',
        title: 'A secure path to the server',
        plain: 'Checking that the network you are on passes the secure connection to the DirectAccess server through unchanged.',
        then: 'other-network',
      },
    ],
    nodes: [
      {
        kind: 'question',
        id: 'other-network',
        question: 'otherNetwork',
        title: 'Can you use another network?',
        plain:
          "The network you are on (for example hotel or guest Wi-Fi) intercepts secure connections, so DirectAccess cannot connect through it, and nothing on this computer should be changed to allow it. Another network, such as your phone's hotspot or your home Wi-Fi, usually works.",
        options: [
          { value: 'yes', label: 'Yes, I can switch to another network', next: 'retry-other-network' },
          { value: 'no', label: 'No, or it fails there too', next: 'escalate-tls-intercepted' },
        ],
      },
      {
        kind: 'outcome',
        id: 'retry-other-network',
        result: 'retry',
        cause: 'iphttps-tls-intercepted',
        title: 'Switch to another network',
        plain:
          "Connect to the other network (for example turn on your phone's hotspot and join it), then run the checks again. Do not install any certificate the current network offers.",
      },
      escalate(
        'escalate-tls-intercepted',
        'iphttps-tls-intercepted',
        'This network intercepts the connection',
        'Nothing on this computer should be changed for this network. Use another network when you can; if DirectAccess fails on every network, send the report to your organisation’s IT department.',
      ),
    ],
  },
});

/**
 * The decision tree of the wizard (DESIGN §1 "guide"), as data. Checks run in dependency order: the deeper cause is
 * asked about before the symptoms it explains (the IP Helper before IP-HTTPS, the clock before certificate
 * validity). Each client and manage-out root cause of contract §1 has a branch; every branch ends in an outcome.
 */
import { escalate, fixThenVerify, index, info, problem } from './build';
import type { Tree, TreeNode } from './types';

// Shared tail: anything the branches did not name still gets an honest ending.
const tail: TreeNode[] = [
  problem(
    'other-errors',
    { status: 'problems' },
    'Anything else',
    'Looking for any other problem the checks found.',
    'escalate-other',
    'status-unknown',
  ),
  problem(
    'status-unknown',
    { status: 'unknown' },
    'Could the checks tell?',
    'Some checks could not finish, so the result is not certain.',
    'escalate-unknown',
    'working',
  ),
  { kind: 'outcome', id: 'working', result: 'working', title: 'DirectAccess is working', plain: 'No problem was found. You can reach your work network from here.' },
  { kind: 'outcome', id: 'working-inside', result: 'working-inside', title: 'You are inside the company network', plain: 'This computer is on the company network right now, so it does not need DirectAccess here: it connects directly. DirectAccess takes over when you are away from the office.' },
  { kind: 'outcome', id: 'fixed', result: 'fixed', title: 'Fixed', plain: 'The change worked: the checks now pass. You can reach your work network again.' },
  { kind: 'outcome', id: 'reboot-needed', result: 'reboot-needed', title: 'Restart to finish', plain: 'The change is made. Windows only uses it after a restart: save your work and restart the computer, then run the checks again.' },
  escalate('escalate-other', undefined, 'Your administrator needs to look at this', 'The checks found a problem this wizard cannot fix on this computer. Send the report below to your helpdesk.'),
  escalate('escalate-unknown', undefined, 'The checks could not tell', 'Some checks could not finish, so the wizard cannot say for sure what is wrong. Send the report below to your helpdesk.'),
];

// Which machine this is decides which checks apply; the user's choice on the start screen wins.
const role: TreeNode[] = [
  info('role-server', { role: 'server' }, 'This is the DirectAccess server', 'Checking the server side.', 'server-otp-conflict', 'role-manage-out'),
  info('role-manage-out', { role: 'manageOut' }, 'This workstation manages remote computers', 'Checking how this workstation reaches DirectAccess computers (ISATAP).', 'mo-ip-helper', 'role-client'),
  info('role-client', { role: 'client' }, 'This laptop should reach work over the internet', 'Checking the DirectAccess connection of this computer.', 'edition', 'audience'),
  {
    kind: 'question',
    id: 'audience',
    question: 'audience',
    title: 'What is this computer?',
    plain: 'The checks could not tell which kind of computer this is.',
    options: [
      { value: 'client', label: 'A laptop that cannot reach work', next: 'edition' },
      { value: 'manageOut', label: 'A workstation I use to manage remote DirectAccess computers', next: 'mo-ip-helper' },
      { value: 'server', label: 'The DirectAccess server', next: 'server-otp-conflict' },
    ],
  },
];

const client: TreeNode[] = [
  problem('edition', 'edition-unsupported', 'Windows edition', 'Checking that this edition of Windows can use DirectAccess.', 'escalate-edition', 'configured'),
  escalate('escalate-edition', 'edition-unsupported', 'This Windows edition cannot use DirectAccess', 'DirectAccess only works on Enterprise or Education editions of Windows. Your IT department needs to upgrade this computer or give you another way to connect.'),

  problem('configured', 'da-not-configured', 'DirectAccess settings', 'Checking that your company has set this computer up for DirectAccess.', 'escalate-not-configured', 'ip-helper'),
  escalate('escalate-not-configured', 'da-not-configured', 'This computer is not set up for DirectAccess', 'The company settings for DirectAccess have not reached this computer. Your IT department must add it to the DirectAccess computers and let it update its settings while in the office.'),

  problem('ip-helper', 'ip-helper-stopped', 'The IP Helper service', 'Checking the Windows service that builds the DirectAccess tunnel (called "IP Helper").', 'fix-start-ip-helper', 'ipv6'),
  ...fixThenVerify({ id: 'fix-start-ip-helper', fixes: ['start-ip-helper'], cause: 'ip-helper-stopped', title: 'Start the IP Helper service', plain: 'The IP Helper service is stopped. Starting it, and setting it to start with Windows, lets DirectAccess build its tunnel again.', passed: 'fixed', failed: 'escalate-ip-helper' }),
  escalate('escalate-ip-helper', 'ip-helper-stopped', 'The IP Helper service will not run', 'Windows could not keep the IP Helper service running. Your IT department needs to look at why (often a policy that disables it).'),

  problem('ipv6', 'ipv6-transition-disabled', 'IPv6 tunnels', 'Checking that Windows may build the IPv6 tunnels DirectAccess travels through.', 'fix-ipv6', 'preauth-missing'),
  ...fixThenVerify({ id: 'fix-ipv6', fixes: ['set-ipv6-prefer-ipv4'], cause: 'ipv6-transition-disabled', title: 'Allow the IPv6 tunnels again', plain: 'A setting switches off the tunnels DirectAccess needs. Changing it to "prefer IPv4" keeps your other connections as they are and lets the tunnels work. A restart is needed afterwards.', passed: 'reboot-needed', failed: 'escalate-ipv6' }),
  escalate('escalate-ipv6', 'ipv6-transition-disabled', 'IPv6 is switched off by a setting', 'A setting turns off the IPv6 tunnels DirectAccess needs and it could not be changed here. Your IT department needs to change it (it may come from a policy).'),

  // Before "inside": renewing the machine certificate only works on the company network.
  problem('preauth-missing', 'preauth-client-cert-missing', 'Computer certificate', 'Checking that this computer has the certificate the DirectAccess server asks for.', 'preauth-inside', 'inside'),
  info('preauth-inside', { finding: 'inside-corpnet' }, 'Are you in the office?', 'A new computer certificate can only be requested on the company network.', 'fix-renew-machine-cert', 'escalate-preauth-missing'),
  ...fixThenVerify({ id: 'fix-renew-machine-cert', fixes: ['renew-machine-certificate'], cause: 'preauth-client-cert-missing', title: 'Request a new computer certificate', plain: 'This computer has no valid certificate to prove who it is. While in the office it can ask the company for a new one.', passed: 'fixed', failed: 'escalate-preauth-missing' }),
  escalate('escalate-preauth-missing', 'preauth-client-cert-missing', 'This computer has no certificate to prove who it is', 'The DirectAccess server asks for a computer certificate and this computer has none that works. Your IT department must issue one (or bring the laptop to the office so it gets one automatically).'),

  problem('inside', 'inside-corpnet', 'Where you are', 'Checking whether this computer is on the company network right now.', 'working-inside', 'clock'),

  problem('clock', 'clock-skew', 'The computer clock', "Checking that this computer's clock agrees with the server's clock (a wrong clock makes certificates look expired).", 'fix-clock', 'untrusted-root'),
  ...fixThenVerify({ id: 'fix-clock', fixes: ['resync-time'], cause: 'clock-skew', title: 'Set the clock right', plain: "This computer's clock is far from the right time, so the server's certificate looks out of date. Setting the clock from the time service fixes that.", passed: 'fixed', failed: 'escalate-clock' }),
  escalate('escalate-clock', 'clock-skew', "The computer's clock cannot be set", 'The clock is wrong and could not be corrected here. Your IT department needs to check the time service of this computer.'),

  problem('untrusted-root', 'iphttps-untrusted-root', 'Trust in the server', "Checking that this computer trusts the certificate the DirectAccess server shows (like a passport, it is signed by your company's certificate authority).", 'root-pinned', 'partial-chain'),
  info('root-pinned', { pinned: 'root' }, 'Known company certificate', 'Your company has told this program which certificate to trust.', 'fix-import-root-pinned', 'root-self-signed'),
  ...fixThenVerify({ id: 'fix-import-root-pinned', fixes: ['import-root-ca'], cause: 'iphttps-untrusted-root', title: "Trust your company's certificate", plain: "This computer is missing your company's main certificate (its \"root\" certificate), so it does not trust the DirectAccess server. The program adds the certificate your company has approved, then restarts the IP Helper service.", passed: 'fixed', failed: 'escalate-untrusted-root' }),
  info('root-self-signed', { finding: 'iphttps-untrusted-root', variant: 'self-signed-renewed' }, 'Renewed server certificate', 'The server has a new certificate that it signed itself.', 'escalate-untrusted-root', 'root-file'),
  {
    kind: 'question',
    id: 'root-file',
    question: 'rootFile',
    title: 'Do you have the certificate file from your helpdesk?',
    plain: "This computer does not trust the server's certificate. Your helpdesk can give you a small certificate file (ending in .cer or .crt) to fix that. The program checks it matches the server before adding it.",
    options: [
      { value: 'yes', label: 'Yes, I have the file', next: 'fix-import-root-file' },
      { value: 'no', label: 'No', next: 'escalate-untrusted-root' },
    ],
  },
  ...fixThenVerify({ id: 'fix-import-root-file', fixes: ['import-root-ca'], cause: 'iphttps-untrusted-root', params: { source: 'file' }, title: 'Trust the certificate from your helpdesk', plain: 'Pick the certificate file. The program shows its fingerprint (thumbprint) and only adds it if it is the one the server uses, then restarts the IP Helper service.', passed: 'fixed', failed: 'escalate-untrusted-root' }),
  escalate('escalate-untrusted-root', 'iphttps-untrusted-root', "This computer does not trust the server's certificate", "Your IT department must give this computer the company's root certificate (for example through Group Policy), or send you the certificate file."),

  problem('partial-chain', 'iphttps-partial-chain', 'Complete certificate chain', "Checking that the link between the server's certificate and your company's certificate is there.", 'intermediate-pinned', 'cert-expired'),
  info('intermediate-pinned', { pinned: 'intermediate' }, 'Known company certificate', 'Your company has told this program which intermediate certificate to use.', 'fix-import-intermediate-pinned', 'intermediate-file'),
  ...fixThenVerify({ id: 'fix-import-intermediate-pinned', fixes: ['import-intermediate-ca'], cause: 'iphttps-partial-chain', title: 'Add the missing link certificate', plain: 'A certificate in the middle of the chain (an "intermediate") is missing. The program adds the one your company has approved.', passed: 'fixed', failed: 'escalate-partial-chain' }),
  {
    kind: 'question',
    id: 'intermediate-file',
    question: 'intermediateFile',
    title: 'Do you have the certificate file from your helpdesk?',
    plain: 'A certificate in the middle of the chain is missing. Your helpdesk can give you the file (ending in .cer or .crt).',
    options: [
      { value: 'yes', label: 'Yes, I have the file', next: 'fix-import-intermediate-file' },
      { value: 'no', label: 'No', next: 'escalate-partial-chain' },
    ],
  },
  ...fixThenVerify({ id: 'fix-import-intermediate-file', fixes: ['import-intermediate-ca'], cause: 'iphttps-partial-chain', params: { source: 'file' }, title: 'Add the certificate from your helpdesk', plain: 'Pick the certificate file. The program checks it belongs to the server’s chain before adding it.', passed: 'fixed', failed: 'escalate-partial-chain' }),
  escalate('escalate-partial-chain', 'iphttps-partial-chain', 'A certificate in the chain is missing', 'Your IT department must publish the intermediate certificate to this computer or add it to the DirectAccess server’s certificate chain.'),

  problem('cert-expired', 'iphttps-cert-expired', "The server's certificate date", "Checking that the DirectAccess server's certificate has not expired.", 'escalate-cert-expired', 'revocation'),
  escalate('escalate-cert-expired', 'iphttps-cert-expired', "The server's certificate has expired", 'Nothing on this computer can fix this: the DirectAccess server needs a new certificate. Send the report to your IT department.'),

  problem('revocation', 'iphttps-revocation-offline', 'Certificate revocation list', "Checking that this computer can find out whether the server's certificate has been withdrawn.", 'fix-crl', 'name-mismatch'),
  ...fixThenVerify({ id: 'fix-crl', fixes: ['clear-crl-cache'], cause: 'iphttps-revocation-offline', title: 'Refresh the certificate lists', plain: 'Windows keeps a copy of the list of withdrawn certificates. Clearing it makes Windows fetch a fresh one; if the list cannot be reached at all, your IT department must publish it.', passed: 'fixed', failed: 'escalate-revocation' }),
  escalate('escalate-revocation', 'iphttps-revocation-offline', 'The list of withdrawn certificates cannot be reached', 'Windows must check that the server’s certificate was not withdrawn, and the list it needs is not reachable from the internet. Your IT department must publish it where DirectAccess computers can reach it.'),

  problem('name-mismatch', 'iphttps-name-mismatch', "The server's name", "Checking that the server's certificate is made out to the server's name.", 'escalate-name-mismatch', 'invalid-url'),
  escalate('escalate-name-mismatch', 'iphttps-name-mismatch', "The server's certificate has the wrong name", 'The certificate the server shows is made out to another name. Your IT department must fix the certificate or the server address.'),

  problem('invalid-url', 'iphttps-invalid-url', 'The server address', 'Checking that the DirectAccess server address is one Windows can use.', 'escalate-invalid-url', 'proxy'),
  escalate('escalate-invalid-url', 'iphttps-invalid-url', 'The server address is not usable', 'The DirectAccess settings give the server as a number (an IP address) rather than a name. Your IT department must change it to the server’s name.'),

  problem('proxy', 'iphttps-proxy', 'Proxy settings', 'Checking for a proxy (a go-between server) that blocks the DirectAccess connection.', 'fix-proxy', 'nrpt'),
  ...fixThenVerify({ id: 'fix-proxy', fixes: ['reset-winhttp-proxy', 'clear-iphlpsvc-proxy-cache'], cause: 'iphttps-proxy', title: 'Remove the old proxy settings', plain: 'Windows is set to send the DirectAccess connection through a proxy (a go-between server) it cannot use. The program saves the current settings (so they can be put back), clears them, and restarts the IP Helper service.', passed: 'fixed', failed: 'escalate-proxy' }),
  escalate('escalate-proxy', 'iphttps-proxy', 'A proxy blocks DirectAccess', 'The proxy settings could not be cleared on this computer. Your IT department needs to look at the proxy policy.'),

  problem('nrpt', 'nrpt-captures-public-name', 'Name lookup rules', 'Checking that the DirectAccess server’s name is looked up on the internet, not inside the company network.', 'escalate-nrpt', 'unreachable'),
  escalate('escalate-nrpt', 'nrpt-captures-public-name', 'A DirectAccess setting hides the server', 'A company rule sends the look-up of the server’s name to the company network, which cannot be reached yet. Your IT department must add an exception for the server’s name.'),

  problem('unreachable', 'iphttps-server-unreachable', 'Reaching the server', 'Checking that the DirectAccess server can be reached from this network.', 'captive', 'tls'),
  {
    kind: 'question',
    id: 'captive',
    question: 'captivePortal',
    title: 'Are you on a hotel or airport Wi-Fi with a sign-in page?',
    plain: 'The server cannot be reached from this network. Public Wi-Fi often blocks everything until you accept its terms on a sign-in page in your web browser.',
    options: [
      { value: 'yes', label: 'Yes, and I have not signed in yet', next: 'retry-sign-in' },
      { value: 'no', label: 'No, or I have already signed in', next: 'escalate-unreachable' },
      { value: 'unsure', label: "I don't know", next: 'escalate-unreachable' },
    ],
  },
  { kind: 'outcome', id: 'retry-sign-in', result: 'retry', cause: 'iphttps-server-unreachable', title: 'Sign in to the Wi-Fi first', plain: 'Open your web browser and visit any web site: the Wi-Fi sign-in page appears. Accept it, then come back and run the checks again.' },
  escalate('escalate-unreachable', 'iphttps-server-unreachable', 'The DirectAccess server cannot be reached from here', 'This network does not let the connection through. Try another network (for example your phone’s hotspot); if it still fails, send the report to your IT department.'),

  problem('tls', 'iphttps-tls-handshake-failed', 'Secure connection', 'Checking that the secure connection to the server can be set up.', 'escalate-tls', 'preauth-invalid'),
  escalate('escalate-tls', 'iphttps-tls-handshake-failed', 'The secure connection to the server fails', 'The server or a device in front of it breaks the secure connection. Your IT department must check the DirectAccess server and its load balancer.'),

  problem('preauth-invalid', 'preauth-client-cert-invalid', "Computer certificate's validity", "Checking that this computer's certificate is valid and made out to this computer.", 'escalate-preauth-invalid', 'interface'),
  escalate('escalate-preauth-invalid', 'preauth-client-cert-invalid', "This computer's certificate is not valid", 'This computer has a certificate but it is expired, untrusted or made out to another name. Your IT department must issue a new one.'),

  problem('interface', 'iphttps-interface-error', 'The tunnel adapter', 'Checking that Windows could create the DirectAccess tunnel adapter.', 'fix-interface', 'unknown-error'),
  ...fixThenVerify({ id: 'fix-interface', fixes: ['restart-ip-helper'], cause: 'iphttps-interface-error', title: 'Restart the IP Helper service', plain: 'Windows could not create the tunnel adapter. Restarting the IP Helper service makes it try again at once.', passed: 'fixed', failed: 'escalate-interface' }),
  escalate('escalate-interface', 'iphttps-interface-error', 'The tunnel adapter cannot be created', 'Restarting did not help. Your IT department needs to look at the network adapters of this computer.'),

  problem('unknown-error', 'iphttps-unknown-error', 'Other connection errors', 'Checking for any other error the DirectAccess connection reports.', 'escalate-unknown-error', 'other-errors'),
  escalate('escalate-unknown-error', 'iphttps-unknown-error', 'DirectAccess reports an unusual error', 'The connection fails with an error this wizard does not know how to fix. Send the report to your IT department.'),
];

// Manage-out: a workstation inside that reaches DirectAccess clients over ISATAP.
const manageOut: TreeNode[] = [
  problem('mo-ip-helper', 'ip-helper-stopped', 'The IP Helper service', 'Checking the Windows service that runs the ISATAP tunnel (called "IP Helper").', 'fix-start-ip-helper', 'mo-isatap-not-configured'),
  problem('mo-isatap-not-configured', 'isatap-not-configured', 'ISATAP router', 'Checking that this workstation knows the router that leads to DirectAccess computers (ISATAP).', 'fix-isatap-enable-notconf', 'mo-isatap-default'),
  ...fixThenVerify({ id: 'fix-isatap-enable-notconf', fixes: ['enable-isatap'], cause: 'isatap-not-configured', title: 'Turn on ISATAP', plain: 'This workstation has no ISATAP router, so it cannot reach DirectAccess computers. The program turns ISATAP on with your company’s router.', passed: 'fixed', failed: 'escalate-isatap' }),
  problem('mo-isatap-default', 'isatap-default-state-no-interface', 'ISATAP adapter', 'Checking that Windows created the ISATAP adapter (newer Windows only does when ISATAP is switched on explicitly).', 'fix-isatap-enable-default', 'mo-router-unresolved'),
  ...fixThenVerify({ id: 'fix-isatap-enable-default', fixes: ['enable-isatap'], cause: 'isatap-default-state-no-interface', title: 'Turn on ISATAP explicitly', plain: 'ISATAP is left at "Default", and this version of Windows then creates no ISATAP adapter. The program switches it to "Enabled" with the same router.', passed: 'fixed', failed: 'escalate-isatap' }),
  escalate('escalate-isatap', undefined, 'ISATAP could not be turned on', 'Your IT department needs to set ISATAP on this workstation (for example by Group Policy).'),
  problem('mo-router-unresolved', 'isatap-router-unresolved', 'Finding the ISATAP router', 'Checking that the ISATAP router’s name can be found.', 'mo-org-router', 'mo-no-global-address'),
  info('mo-org-router', { orgIsatapRouter: true }, 'Company router name', 'Your company has told this program the router’s name.', 'fix-set-isatap-router', 'escalate-router-unresolved'),
  ...fixThenVerify({ id: 'fix-set-isatap-router', fixes: ['set-isatap-router'], cause: 'isatap-router-unresolved', title: 'Use the company’s ISATAP router name', plain: 'The router name this workstation uses cannot be found. The program sets the name your company gave.', passed: 'fixed', failed: 'escalate-router-unresolved' }),
  escalate('escalate-router-unresolved', 'isatap-router-unresolved', 'The ISATAP router cannot be found', 'Your IT department must publish a DNS name for the ISATAP router (not the blocked name "isatap") and set it on this workstation.'),
  problem('mo-no-global-address', 'isatap-no-global-address', 'ISATAP address', 'Checking that the ISATAP adapter got an address from the router.', 'escalate-no-global-address', 'mo-global-deployment'),
  escalate('escalate-no-global-address', 'isatap-no-global-address', 'The ISATAP router gives no address', 'The DirectAccess server stopped acting as ISATAP router (often after a restart). Your IT department must reset its ISATAP configuration.'),
  problem('mo-global-deployment', 'isatap-global-deployment', 'ISATAP for everyone', 'Checking that ISATAP is only given to the workstations that need it.', 'working-advice-global', 'mo-topology'),
  { kind: 'outcome', id: 'working-advice-global', result: 'working', cause: 'isatap-global-deployment', title: 'Working, with advice for your administrator', plain: 'Managing remote computers works, but ISATAP is given to every computer in the company, which can cause problems. The report tells your IT department what to change.' },
  problem('mo-topology', 'isatap-unsupported-topology', 'Supported set-up', 'Checking that the DirectAccess set-up supports ISATAP.', 'working-advice-topology', 'other-errors'),
  { kind: 'outcome', id: 'working-advice-topology', result: 'working', cause: 'isatap-unsupported-topology', title: 'Working, with a caution', plain: 'This DirectAccess set-up (several sites or an external load balancer) does not support ISATAP. It may work now, but it is not supported.' },
];

// The DirectAccess server (a later issue fills in its collection; the branches are here so findings have a home).
const server: TreeNode[] = [
  problem('server-otp-conflict', 'server-preauth-otp-conflict', 'Preauthentication and one-time passwords', 'Checking that certificate preauthentication is off while one-time passwords are in use.', 'fix-disable-preauth', 'server-isatap'),
  ...fixThenVerify({ id: 'fix-disable-preauth', fixes: ['disable-iphttps-preauth'], cause: 'server-preauth-otp-conflict', title: 'Turn off preauthentication', plain: 'Preauthentication stops one-time-password users from connecting. The program saves the current setting and removes it.', passed: 'fixed', failed: 'escalate-server-otp' }),
  escalate('escalate-server-otp', 'server-preauth-otp-conflict', 'Preauthentication blocks one-time passwords', 'The binding could not be changed here; an administrator must re-create it without client-certificate negotiation.'),
  problem('server-isatap', 'server-isatap-router-not-advertising', 'ISATAP router on the server', 'Checking that the server acts as ISATAP router for manage-out workstations.', 'fix-reset-isatap-router', 'server-cert-expired'),
  ...fixThenVerify({ id: 'fix-reset-isatap-router', fixes: ['reset-isatap-router'], cause: 'server-isatap-router-not-advertising', title: 'Reset the ISATAP router', plain: 'The server stopped advertising the ISATAP route. The program publishes the route again and turns on forwarding and advertising.', passed: 'fixed', failed: 'escalate-server-isatap' }),
  escalate('escalate-server-isatap', 'server-isatap-router-not-advertising', 'The ISATAP router could not be reset', 'An administrator must publish the internal prefix route and enable forwarding and advertising on the ISATAP adapter.'),
  problem('server-cert-expired', { finding: 'server-iphttps-cert-expiring', severity: 'error' }, 'IP-HTTPS certificate', 'Checking the server’s IP-HTTPS certificate date.', 'escalate-server-cert', 'server-cert-expiring'),
  escalate('escalate-server-cert', 'server-iphttps-cert-expiring', 'The IP-HTTPS certificate has expired', 'The server’s certificate must be renewed and bound to IP-HTTPS.'),
  problem('server-cert-expiring', 'server-iphttps-cert-expiring', 'IP-HTTPS certificate renewal', 'Checking whether the certificate expires soon.', 'working-advice-cert', 'server-preauth'),
  { kind: 'outcome', id: 'working-advice-cert', result: 'working', cause: 'server-iphttps-cert-expiring', title: 'Working, renew the certificate soon', plain: 'The server works, but its certificate expires within 30 days. Renew it before then.' },
  info('server-preauth', { finding: 'server-preauth-disabled' }, 'Preauthentication', 'Checking whether IP-HTTPS asks clients for a certificate before they connect.', 'server-preauth-question', 'other-errors'),
  {
    kind: 'question',
    id: 'server-preauth-question',
    question: 'enablePreauth',
    title: 'Turn on IP-HTTPS preauthentication?',
    plain: 'Clients can connect to IP-HTTPS without showing a computer certificate first. Turning preauthentication on blocks unknown devices, but not if one-time passwords are in use.',
    options: [
      { value: 'yes', label: 'Yes, turn it on', next: 'fix-enable-preauth' },
      { value: 'no', label: 'No, leave it as it is', next: 'other-errors' },
    ],
  },
  ...fixThenVerify({ id: 'fix-enable-preauth', fixes: ['enable-iphttps-preauth'], cause: 'server-preauth-disabled', title: 'Turn on preauthentication', plain: 'The program saves the current binding and re-creates it with client-certificate negotiation.', passed: 'fixed', failed: 'escalate-server-preauth' }),
  escalate('escalate-server-preauth', 'server-preauth-disabled', 'Preauthentication could not be turned on', 'An administrator must re-create the IP-HTTPS binding with client-certificate negotiation.'),
];

/** The wizard's decision tree. */
export const TREE: Tree = { start: 'role-server', nodes: index([...role, ...client, ...manageOut, ...server, ...tail]) };

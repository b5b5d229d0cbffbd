/**
 * The words of every reason code (src-shared/reasons.ts): the one wording table of the wizard and the command line.
 *
 * One table for both layers, not one per layer: both speak to the same readers (the person at the machine and the
 * helpdesk) in the same language, and the CLI's words are a stable output that helpdesk scripts and the integration
 * tests match on; two tables would be two hand-kept copies of the same sentences that drift apart, which is what
 * moving the words out of the main process is meant to end. A layer that needs other words for a code wraps
 * `reasonText` for that code only. The main process never imports this file except through the CLI's output.
 */
import { fixSpec } from './fixes/catalogue';
import type { Reason, ReasonCode, ReasonValues } from './reasons';

type Words = { [K in ReasonCode]: (v: ReasonValues<K>) => string };

const store = (kind: string) => (kind === 'intermediate' ? 'intermediate' : 'root');

/** The words of each code. A missing code is a compile error, and reasonWords.test.ts walks them all. */
export const REASON_WORDS: Words = {
  'fix.verified': (v) => `Verified: ${v.detail}.${v.reboot === 'yes' ? ' Restart Windows for it to take effect.' : ''}`,
  'fix.notVerified': (v) =>
    `Not verified: the fix ran (${v.changed || 'no change reported'}) but ${v.detail}.${v.stillWrong ? ` Still wrong: ${v.stillWrong}` : ''}`,
  'fix.undone': (v) => `Undone: ${v.changed}.`,
  'fix.undoneLatent': (v) => `Undone: ${v.changed}. DirectAccess still works now, but the connection will drop at the next reconnect or restart: ${v.latent}.`,
  'cancelled.uacDeclined': () => 'Cancelled: administrator permission was not given (UAC declined); nothing was changed.',
  'cancelled.notConfirmed': (v) =>
    v.terminal === 'yes' ? 'Cancelled: not confirmed.' : 'Cancelled: not confirmed (no terminal to ask on; pass --yes to run without asking).',
  'failed.timedOut': (v) => `Failed: ${v.message || 'no result in time'}.`,
  'failed.noResult': (v) => `Failed: ${v.message || 'the fix gave no result'}.`,
  'failed.script': (v) =>
    `Failed: ${v.error || 'the fix script reported a failure'}.${v.changed ? ` Already changed: ${v.changed}.` : ' Nothing was changed.'}`,
  'failed.bridge': (v) => v.message,
  'refused.unknownFix': (v) => `unknown fix "${v.fix}": not in the fix catalogue`,
  'refused.badParameter': (v) => `${v.parameter ? `parameter ${v.parameter}` : 'parameters'}: ${v.message}`,
  'refused.noRouter': () => 'no ISATAP router given, and the organisation configuration names none',
  'refused.badRouter': (v) => `router: ${v.message}`,
  'refused.otpInUse': () =>
    'One-time passwords are in use on this DirectAccess server, and IP-HTTPS preauthentication is incompatible with them: people who sign in with a one-time password could no longer connect. Nothing was changed.',
  'refused.otpUnknown': () =>
    'Whether one-time passwords are in use could not be read on this server (Get-DAOtpAuthentication), so preauthentication is not turned on. Nothing was changed.',
  'refused.notServer': () => 'This fix changes the DirectAccess server, and the latest checks do not show this computer to be one. Nothing was changed.',
  'refused.notACertificate': (v) => `Not a certificate: ${v.why}.`,
  'refused.noChainForFile': () =>
    'No chain known: the IP-HTTPS server presented no certificate chain in the latest check, so the file cannot be compared with it. Check again while online.',
  'refused.matchesNoChain': (v) =>
    `Matches no chain: ${v.subject} (thumbprint ${v.thumbprint}) is not ${
      v.kind === 'intermediate' ? "any certificate of the server's chain" : `the root of the server's chain (${v.chainRootSubject}, ${v.chainRootThumbprint})`
    }.`,
  'refused.notPinned.noOrg': (v) =>
    `Not pinned: there is no organisation configuration, so no ${store(v.kind)} certificate is approved; pick the certificate file from your helpdesk.`,
  'refused.noChain': () => 'No chain known: the IP-HTTPS server presented no certificate chain in the latest check.',
  'refused.notPinned.chain': (v) =>
    v.kind === 'intermediate'
      ? `Not pinned: no certificate of the server's chain is pinned in the organisation configuration of ${v.organisation}.`
      : `Not pinned: The server's chain ends in ${v.chainRootSubject} (${v.chainRootThumbprint}), which is not pinned in the organisation configuration of ${v.organisation}.`,
  'refused.notPinned.thumbprint': (v) => `Not pinned: ${v.thumbprint} is not a pinned ${store(v.kind)} certificate of the organisation configuration.`,
  'refused.pinHasNoCertificate': (v) => `The organisation configuration pins ${v.thumbprint} (${v.subject}) but ships no certificate content for it.`,
  'refused.pinNotACertificate': (v) => `The organisation configuration's certificate for ${v.thumbprint} is not a certificate: ${v.message}.`,
  'refused.pinThumbprintMismatch': (v) => `The organisation configuration's certificate for ${v.thumbprint} has thumbprint ${v.actual}.`,
  'refused.intercepted': (v) =>
    `Intercepted: the server's chain ends in ${v.chainRootSubject} (${v.chainRootThumbprint}), which ${v.organisation} does not pin, so the network in between is intercepting the connection. No ${store(v.kind)} certificate is added from it; use another network (for example a phone hotspot).`,
  'refused.unknownAuditId': (v) => `no fix with audit id ${v.auditId} in the audit log`,
  'refused.undoOfUndo': () => 'that record is itself an undo',
  'refused.noUndo': (v) => `${fixSpec(v.fix)?.title ?? v.fix} has no undo`,
  'refused.nothingToUndo': () => 'that fix did not change anything that can be undone',
  'refused.badUndoData': (v) => `the saved undo data is not valid (${v.why}); nothing was changed`,
  'refused.alreadyUndone': (v) => `it was already undone (audit id ${v.auditId})`,
};

/** A reason in words (a refusal as shown before anything runs: without "Refused:"). */
export function reasonText(r: Reason): string {
  return (REASON_WORDS[r.code] as (v: Reason['values']) => string)(r.values);
}

/** A result's reason in words: a refusal says "Refused:" first, every other code carries its own first word. */
export function resultReasonText(r: Reason): string {
  return r.code.startsWith('refused.') ? `Refused: ${reasonText(r)}` : reasonText(r);
}

/** An audit record's reason in words: its code, or the sentence of a record written before reason codes existed. */
export function recordReasonText(r: Reason | string): string {
  return typeof r === 'string' ? r : resultReasonText(r);
}

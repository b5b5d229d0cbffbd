/**
 * The reason-code vocabulary: why a fix or an undo ended as it did, or why it would be refused. The main process
 * returns a code with its values (`{ code: 'refused.notPinned.chain', values: { ... } }`), never a sentence; the
 * people-facing layers word it (src-shared/reasonWords.ts). Each code is declared here once, with the names of the
 * values it carries; the IPC contract (ipc.ts) holds the schema that checks a reason as it crosses. No zod here: the
 * renderer's first screen builds reasons without loading the schemas.
 */

/** Every code and the names of its values (all strings: they are shown, not computed with). */
const VALUE_NAMES = {
  // A fix that ran.
  'fix.verified': ['detail', 'reboot'],
  'fix.notVerified': ['changed', 'detail', 'stillWrong'],
  'fix.undone': ['changed'],
  'fix.undoneLatent': ['changed', 'latent'],
  // A fix that did not run, or did not finish.
  'cancelled.uacDeclined': [],
  'cancelled.notConfirmed': ['terminal'],
  'failed.timedOut': ['message'],
  'failed.noResult': ['message'],
  'failed.script': ['error', 'changed'],
  'failed.bridge': ['message'],
  // Refused: the request.
  'refused.unknownFix': ['fix'],
  'refused.badParameter': ['parameter', 'message'],
  'refused.noRouter': [],
  'refused.badRouter': ['message'],
  // Refused: the DirectAccess server's guard rails (knowledge D.5).
  'refused.otpInUse': [],
  'refused.otpUnknown': [],
  'refused.notServer': [],
  // Refused: the trust rules (DESIGN §4).
  'refused.notACertificate': ['why'],
  'refused.noChainForFile': [],
  'refused.matchesNoChain': ['kind', 'subject', 'thumbprint', 'chainRootSubject', 'chainRootThumbprint'],
  'refused.notPinned.noOrg': ['kind'],
  'refused.noChain': [],
  'refused.notPinned.chain': ['kind', 'chainRootSubject', 'chainRootThumbprint', 'organisation'],
  'refused.notPinned.thumbprint': ['thumbprint', 'kind'],
  'refused.pinHasNoCertificate': ['thumbprint', 'subject'],
  'refused.pinNotACertificate': ['thumbprint', 'message'],
  'refused.pinThumbprintMismatch': ['thumbprint', 'actual'],
  'refused.intercepted': ['kind', 'chainRootSubject', 'chainRootThumbprint', 'organisation'],
  // Refused: an undo.
  'refused.unknownAuditId': ['auditId'],
  'refused.undoOfUndo': [],
  'refused.noUndo': ['fix'],
  'refused.nothingToUndo': [],
  'refused.badUndoData': ['why'],
  'refused.alreadyUndone': ['auditId'],
} as const satisfies Record<string, readonly string[]>;

/** A reason code. */
export type ReasonCode = keyof typeof VALUE_NAMES;

/** Every reason code (what the wording tests walk). */
export const REASON_CODES = Object.keys(VALUE_NAMES) as ReasonCode[];

/** The value names of one code. */
export function reasonValueNames(code: ReasonCode): readonly string[] {
  return VALUE_NAMES[code];
}

/** The values a code carries. */
export type ReasonValues<K extends ReasonCode> = Record<(typeof VALUE_NAMES)[K][number], string>;

/** A reason: a code and its values. */
export type Reason = { [K in ReasonCode]: { code: K; values: ReasonValues<K> } }[ReasonCode];

/** Builds a reason (the compiler checks the values against the code). */
export function reason<K extends ReasonCode>(code: K, values: ReasonValues<K>): Reason {
  return { code, values } as Reason;
}

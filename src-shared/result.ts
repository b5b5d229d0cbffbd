/** The envelope every IPC and bridge call returns: a value, or a typed error; never a raw exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Error codes a caller can act on; the message is for people. `cancelled`: a person stopped it (collect:cancel). */
export type ErrorCode = 'badRequest' | 'badInput' | 'notFound' | 'forbidden' | 'busy' | 'cancelled' | 'failed';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

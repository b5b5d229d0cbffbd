/**
 * Zod asks once, when it builds its first object schema, whether it may compile parsers with `new Function`. Our
 * content security policy forbids eval, so the probe throws and Chromium reports a CSP violation and logs an error on
 * every launch, and zod then used its interpreted parsers anyway. Saying so up front skips the probe. (Under Chrome's
 * tracing the violation's captured stack made V8 re-parse the start bundle, ~0.3 s; without tracing the start screen
 * was no faster in interleaved runs, so this is for a clean console, not for speed.)
 * Imported first by the entry, so it runs before any module builds a schema.
 */
import { config } from 'zod';

config({ jitless: true });

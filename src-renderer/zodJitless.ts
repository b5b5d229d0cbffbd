/**
 * Zod asks once, when it builds its first object schema, whether it may compile parsers with `new Function`. Our
 * content security policy forbids eval, so the probe throws and Chromium reports a CSP violation: a console error
 * whose captured stack made V8 re-parse the whole start bundle for its source positions (about 0.3 s of every launch
 * with a debugger attached), and zod then used its interpreted parsers anyway. Saying so up front skips the probe.
 * Imported first by the entry, so it runs before any module builds a schema.
 */
import { config } from 'zod';

config({ jitless: true });

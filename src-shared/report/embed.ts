/**
 * How a report page carries its bundle: one `<script type="application/json">` data block (the page's CSP runs no
 * script, and a JSON block never executes anyway). Inside a script element HTML ends the text at the first `</script`
 * whatever the JSON means, so every `<`, `>` and `&` is written as a JSON escape (`\u003c`…): no string value can
 * close the block or open another one, and the text is still exactly the JSON (JSON.parse reads the escapes back).
 * U+2028/2029 are escaped too, so the text is also valid JavaScript should anyone paste it into a console.
 */

/** The block's opening tag, exactly as reportHtml writes it; the reader looks for this and nothing looser. */
export const BUNDLE_OPEN_TAG = '<script type="application/json" id="da-doctor-report">';
/** The element id of the data block. */
export const BUNDLE_ELEMENT_ID = 'da-doctor-report';
/** The older form (reports saved before the data block): the bundle as escaped text in a `<pre>`. */
export const LEGACY_OPEN_TAG = '<pre id="report-json">';

const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** The bundle as the data block's text: JSON with nothing HTML could read as markup. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

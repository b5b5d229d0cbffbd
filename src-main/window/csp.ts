/**
 * The Content Security Policy of every page we serve, in Electron and in the harness alike: our origin only.
 *
 * The one hash in style-src is that of the empty string: Fluent UI's style engine (Griffel) creates empty <style>
 * elements and fills them through CSSOM `insertRule`, which CSP does not govern. Allowing only empty inline style
 * elements keeps every style sheet with content (an injected one included) blocked, without 'unsafe-inline' or a
 * nonce a page script could read.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export const CSP =
  `default-src 'self'; script-src 'self'; style-src 'self' ${EMPTY_STYLE_HASH}; img-src 'self' data:; connect-src 'self'; ` +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

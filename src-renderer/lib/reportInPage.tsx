/**
 * The report page built in the browser, without react-dom/server (most of the bundle's weight otherwise): the same
 * elements (src-shared/report/reportPage.tsx) rendered by React into the body of a separate, inert document
 * (`createHTMLDocument`: no browsing context, so nothing in it loads, runs or is styled by this page), then
 * serialised. The head is built with DOM calls, so the title is a text node here too; the body's values are text
 * nodes and attributes as in the static renderer, and the bundle's data block is escaped by embed.ts as there.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ReportBundle } from '../../src-shared/report/report';
import { REPORT_CSP, REPORT_STYLE, ReportBody, reportTitle } from '../../src-shared/report/reportPage';

/** The self-contained HTML page, as reportHtml() writes it. */
export function reportHtmlInPage(bundle: ReportBundle): string {
  const doc = document.implementation.createHTMLDocument(reportTitle(bundle));
  doc.documentElement.lang = 'en';
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = REPORT_CSP;
  const style = doc.createElement('style');
  style.textContent = REPORT_STYLE;
  doc.head.prepend(charset, csp);
  doc.head.append(style);
  const root = createRoot(doc.body);
  try {
    flushSync(() => root.render(<ReportBody bundle={bundle} />));
    return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
  } finally {
    root.unmount();
  }
}

/**
 * The administrator's HTML page as a string, from React's static renderer (the CLI and the main process). The page
 * itself is reportPage.tsx; the wizard builds the same elements in the browser (src-renderer/lib/reportInPage.tsx)
 * so that it does not carry react-dom/server.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportBundle } from './report';
import { ReportPage } from './reportPage';

export { REPORT_CSP } from './reportPage';

/** The self-contained HTML page. */
export function reportHtml(bundle: ReportBundle): string {
  return `<!doctype html>\n${renderToStaticMarkup(<ReportPage bundle={bundle} />)}\n`;
}

/**
 * The report's Content-Security-Policy and the two inline blocks it allows.
 *
 * `default-src 'none'` forbids every fetch: scripts, styles, images, fonts,
 * frames, connections (fetch, XHR, WebSocket, beacons) and form posts, so the
 * report opened from an email or a disk can reach nothing. The report's own
 * stylesheet and script are allowed by their SHA-256 hashes, not by
 * 'unsafe-inline': with hashes, even an escaping mistake that let a model's
 * answer put a `<script>` or an `onerror=` attribute into the page would not
 * run, because neither would match a hash (inline event handlers need
 * 'unsafe-hashes' as well, which is not given). The cost is that the hashes
 * are pinned here; tests/unit/core/report/report-html.test.ts recomputes them
 * and names the new value when the script or the stylesheet changes.
 * Computing them when the report is written was rejected: the browser's
 * crypto.subtle is asynchronous and absent outside secure contexts, and a
 * hand-written SHA-256 is more code to trust than two pinned strings.
 */
import { REPORT_SCRIPT } from './report-script';
import { REPORT_STYLE } from './report-style';

export { REPORT_SCRIPT, REPORT_STYLE };

export const REPORT_SCRIPT_SHA256 = 'I7M1pFXsLbpqxq3zPqkgP+WfdoPTlSTW3ucXsb+3xcA=';
export const REPORT_STYLE_SHA256 = '2r+b0Ikolkg9DZ0YOHIx0ZX3wZ1xtpNtD2I55pre7Dg=';

export const REPORT_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${REPORT_SCRIPT_SHA256}'`,
  `style-src 'sha256-${REPORT_STYLE_SHA256}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

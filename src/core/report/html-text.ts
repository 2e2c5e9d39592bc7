/**
 * Text into HTML, the only two ways the report writes data: as escaped
 * element or attribute text, and as JSON inside an inert
 * `<script type="application/json">` block that the report's own script reads
 * with `JSON.parse` and renders with `textContent`.
 *
 * The JSON is escaped so that no sequence the HTML tokenizer acts on inside a
 * script element can appear: `<` (hence `</script>` and `<!--`), `>` and `&`
 * become `\u003c`, `\u003e`, `\u0026`, which JSON reads back as the same
 * characters. U+2028/U+2029 are escaped too (older JavaScript parsers ended a
 * line there). Rejected: base64 of the JSON — safe, but a third larger and
 * unreadable to anyone who opens the file in an editor.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe as element content and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that cannot end or alter the script element it sits in. */
export function inertJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
}

/** `<tag>escaped text</tag>`, the common case. */
export function element(tag: string, text: string, attributes = ''): string {
  return `<${tag}${attributes ? ` ${attributes}` : ''}>${escapeHtml(text)}</${tag}>`;
}

/** A UTC time as "2025-06-01 14:05 UTC": the same wherever the report is opened. */
export function utcTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '—';
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

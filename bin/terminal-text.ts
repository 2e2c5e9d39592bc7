/**
 * What the command line prints to a terminal. Messages quote file contents
 * (a header, a JSON parser's snippet), and a file from a stranger can hold
 * escape sequences that move the cursor, retitle the window or hide text.
 * `terminalText` makes every control character visible instead: C0 controls
 * but newline and tab, DEL, C1 controls (0x80–0x9f, some terminals read 0x9b
 * as CSI), and the bidirectional overrides that reorder what is seen
 * ("Trojan source"). `safeStream` applies it at the one place messages leave
 * the CLI, so no command can forget. Rejected: stripping the characters —
 * showing `\x1b` says the file holds something odd, stripping hides it.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is this module's job
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text with every control character shown as an escape (`\x1b`, `\u202e`); newlines and tabs kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * JSON text with the same characters written as `\uXXXX` escapes: the data
 * read back is identical, and a terminal showing the file shows no control.
 * (`JSON.stringify` escapes C0 controls itself, but not DEL, C1 or bidi.)
 */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface TextOut {
  write(text: string): unknown;
}

/** A stream whose every write goes through `terminalText`. */
export function safeStream(out: TextOut): TextOut {
  return { write: (text: string) => out.write(terminalText(text)) };
}

/**
 * Repairs text damaged on its way to us before it is normalised: literal
 * escapes left by double JSON-encoding (`mar\u00eda`, `\"`) and UTF-8 read as
 * Latin-1 (`MÃ¡ire`, `50Â GB`).
 *
 * Mojibake is undone only where a run of Latin-1 characters decodes to valid
 * UTF-8; text that merely contains `Ã` stays as it is. A general charset
 * detector was rejected: two patterns cover what models and datasets produce.
 */

const LITERAL_ESCAPE = /\\+u([0-9a-fA-F]{4})/g;
const ESCAPED_QUOTE = /\\+(["'])/g;
/** A UTF-8 lead byte (as Latin-1) followed by continuation bytes (as Latin-1). */
const MOJIBAKE_RUN = /[\u00C2-\u00F4][\u0080-\u00BF]+/g;
/** What is left of a no-break space read as Latin-1 when the space itself was later replaced. */
const STRAY_A_CIRCUMFLEX = /\u00C2(?=\s|$)/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeLatin1Run(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) bytes[i] = run.charCodeAt(i);
  try {
    return UTF8.decode(bytes);
  } catch {
    return run;
  }
}

export function repairText(text: string): string {
  let out = text;
  if (out.includes('\\')) {
    out = out
      .replace(LITERAL_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(ESCAPED_QUOTE, '$1');
  }
  if (/[\u00C2-\u00F4]/.test(out)) {
    out = out.replace(MOJIBAKE_RUN, decodeLatin1Run).replace(STRAY_A_CIRCUMFLEX, '');
  }
  return out;
}

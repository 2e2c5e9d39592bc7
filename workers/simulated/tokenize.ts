/**
 * Word-ish tokens for the simulated engine: each word or punctuation mark with
 * the whitespace before it, so joining the tokens gives the text back exactly.
 * Real tokenisers split finer; this is close enough for speed figures and for
 * streaming that looks like streaming.
 */
const TOKEN = /\s*[\p{L}\p{N}'’]+|\s*[^\s\p{L}\p{N}'’]|\s+$/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function countTokens(text: string): number {
  return tokenize(text).filter((t) => t.trim() !== '').length;
}

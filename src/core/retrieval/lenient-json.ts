/**
 * A forgiving JSON reader for the tool calls small models write: single
 * quotes, unquoted keys, trailing commas, Python's True/False/None, raw
 * newlines in strings, and objects left unclosed (at the end of the text or
 * where prose starts again). It reports each repair it made and where the
 * value ended, so the caller can cut the call out of the surrounding prose.
 *
 * Rejected: regex rewrites before `JSON.parse` (they break on quotes inside
 * queries, e.g. "Who wrote 'Dune'?") and a JSON5 dependency (still strict
 * about unclosed objects, which is the commonest break in truncated output).
 */

export interface LenientParse {
  value: unknown;
  /** Index just after the value in the text. */
  end: number;
  /** What had to be repaired, in words; empty for valid JSON. */
  repairs: string[];
}

class Reader {
  pos: number;
  readonly repairs = new Set<string>();
  constructor(
    readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text.charAt(this.pos))) this.pos++;
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  value(): unknown {
    this.skipSpace();
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'") return this.string();
    const rest = this.text.slice(this.pos);
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /^(true|false|null|True|False|None)\b/.exec(rest);
    if (word?.[1] !== undefined) {
      this.pos += word[1].length;
      if (/^[TFN]/.test(word[1])) this.repairs.add('Python literals');
      return word[1].toLowerCase() === 'true' ? true : word[1].toLowerCase() === 'false' ? false : null;
    }
    throw new SyntaxError(`unexpected "${c}" at ${this.pos}`);
  }

  key(): string {
    this.skipSpace();
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    const bare = /^[A-Za-z_$][\w$-]*/.exec(this.text.slice(this.pos));
    if (!bare) throw new SyntaxError(`expected a key at ${this.pos}`);
    this.pos += bare[0].length;
    this.repairs.add('unquoted keys');
    return bare[0];
  }

  object(): Record<string, unknown> {
    this.pos++; // {
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) {
        this.repairs.add('missing closing brace');
        return result;
      }
      if (this.peek() === '}') {
        this.pos++;
        return result;
      }
      const key = this.key();
      this.skipSpace();
      if (this.peek() !== ':') throw new SyntaxError(`expected ":" at ${this.pos}`);
      this.pos++;
      result[key] = this.value();
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        this.skipSpace();
        if (this.peek() === '}') this.repairs.add('trailing comma');
        continue;
      }
      if (this.peek() === '}') continue;
      // Prose, a closing tag or the end of the text where a comma or brace belongs: close here.
      this.repairs.add('missing closing brace');
      return result;
    }
  }

  array(): unknown[] {
    this.pos++; // [
    const result: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) {
        this.repairs.add('missing closing bracket');
        return result;
      }
      if (this.peek() === ']') {
        this.pos++;
        return result;
      }
      result.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') {
        this.pos++;
        this.skipSpace();
        if (this.peek() === ']') this.repairs.add('trailing comma');
        continue;
      }
      if (this.peek() === ']') continue;
      this.repairs.add('missing closing bracket');
      return result;
    }
  }

  string(): string {
    const quote = this.peek();
    if (quote === "'") this.repairs.add('single quotes');
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text.charAt(this.pos++);
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text.charAt(this.pos++);
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
      if (e === 'u' && /^[0-9a-fA-F]{4}/.test(this.text.slice(this.pos))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else {
        out += simple[e] ?? e;
      }
    }
    this.repairs.add('unterminated string');
    return out;
  }
}

/** Reads one JSON value starting at `start` (after any whitespace); undefined when none can be read. */
export function parseLenientJson(text: string, start = 0): LenientParse | undefined {
  const reader = new Reader(text, start);
  try {
    const value = reader.value();
    return { value, end: reader.pos, repairs: [...reader.repairs] };
  } catch {
    return undefined;
  }
}

/**
 * Reads Python literal syntax — the `str(dict)` text SimpleQA stores in its
 * `metadata` column: `{'topic': 'Art', 'urls': ['https://…']}`. Handles
 * single- and double-quoted strings (Python picks double quotes when the text
 * holds an apostrophe), backslash escapes, lists, tuples, dicts, numbers,
 * True/False/None. Rejected: swapping quotes and calling `JSON.parse`, which
 * breaks on the first apostrophe inside a title ("Ackermann's function").
 */

import { err, ok, type Result } from '../errors';

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(problem: string): never {
    throw new SyntaxError(`${problem} at character ${this.pos + 1}`);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  peek(): string {
    this.skipSpace();
    return this.src[this.pos] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  value(): PyValue {
    const ch = this.peek();
    if (ch === '{') return this.dict();
    if (ch === '[') return this.sequence('[', ']');
    if (ch === '(') return this.sequence('(', ')');
    if (ch === "'" || ch === '"') return this.string();
    return this.atom();
  }

  dict(): { [key: string]: PyValue } {
    this.expect('{');
    const out: { [key: string]: PyValue } = {};
    while (this.peek() !== '}') {
      const key = this.value();
      this.expect(':');
      out[String(key)] = this.value();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') this.fail("expected ',' or '}'");
    }
    this.pos++;
    return out;
  }

  sequence(open: string, close: string): PyValue[] {
    this.expect(open);
    const out: PyValue[] = [];
    while (this.peek() !== close) {
      out.push(this.value());
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== close) this.fail(`expected ',' or '${close}'`);
    }
    this.pos++;
    return out;
  }

  string(): string {
    const quote = this.src[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] ?? '';
      if (ch === quote) {
        this.pos++;
        // Adjacent literals concatenate, as in Python: 'a' 'b' == 'ab'.
        const next = this.peek();
        return next === "'" || next === '"' ? out + this.string() : out;
      }
      if (ch === '\\') {
        out += this.escape();
        continue;
      }
      out += ch;
      this.pos++;
    }
    return this.fail('unterminated string');
  }

  escape(): string {
    const code = this.src[this.pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const width = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
    const hex = this.src.slice(this.pos + 2, this.pos + 2 + width);
    if (width > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
      this.pos += 2 + width;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    // Python keeps unknown escapes as written: '\d' stays backslash + d.
    this.pos += 1;
    return '\\';
  }

  atom(): PyValue {
    const match = /^(True|False|None|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(
      this.src.slice(this.pos),
    );
    if (!match?.[1]) return this.fail('unexpected text');
    this.pos += match[1].length;
    if (match[1] === 'True') return true;
    if (match[1] === 'False') return false;
    if (match[1] === 'None') return null;
    return Number(match[1]);
  }
}

/** Parses one Python literal; the error says what was expected and at which character. */
export function parsePythonLiteral(src: string): Result<PyValue, string> {
  const reader = new Reader(src);
  try {
    const value = reader.value();
    if (reader.peek() !== '') reader.fail('unexpected text after the value');
    return ok(value);
  } catch (cause) {
    return err(cause instanceof Error ? cause.message : String(cause));
  }
}

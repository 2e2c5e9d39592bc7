/**
 * Reads Python literal syntax — the `str(dict)` text SimpleQA stores in its
 * `metadata` column: `{'topic': 'Art', 'urls': ['https://…']}`. Handles
 * single- and double-quoted strings (Python picks double quotes when the text
 * holds an apostrophe), backslash escapes, lists, tuples, dicts, numbers,
 * True/False/None. Rejected: swapping quotes and calling `JSON.parse`, which
 * breaks on the first apostrophe inside a title ("Ackermann's function").
 *
 * The text comes from strangers' files: dicts are objects without a
 * prototype (a `'__proto__'` key is just a key), and nesting deeper than
 * `MAX_NESTING` is refused before the recursive reader could overflow.
 */

import { err, ok, type Result } from '../errors';
import { MAX_NESTING } from './limits';

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
  depth = 0;
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
    if (ch === "'" || ch === '"') return this.string();
    if (ch !== '{' && ch !== '[' && ch !== '(') return this.atom();
    if (++this.depth > MAX_NESTING) this.fail(`nested more than ${MAX_NESTING} levels deep`);
    const value = ch === '{' ? this.dict() : ch === '[' ? this.sequence('[', ']') : this.sequence('(', ')');
    this.depth--;
    return value;
  }

  dict(): { [key: string]: PyValue } {
    this.expect('{');
    const out = Object.create(null) as { [key: string]: PyValue };
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

  /** One string literal, or several adjacent ones joined, as in Python: 'a' 'b' == 'ab'. */
  string(): string {
    let out = '';
    for (let next = this.peek(); next === "'" || next === '"'; next = this.peek()) {
      out += this.literal(next);
    }
    return out;
  }

  literal(quote: string): string {
    this.pos++;
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] ?? '';
      if (ch === quote) {
        this.pos++;
        return out;
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

/**
 * Line numbers of offsets in a text, asked in (mostly) increasing order as a
 * parser moves through it: each newline is counted once, so a million rows
 * cost one pass and no table of offsets. Asking for an earlier offset starts
 * the count again from the top, so an out-of-order question is slow, not wrong.
 */
export class LineCounter {
  readonly #text: string;
  #offset = 0;
  #line = 1;

  constructor(text: string) {
    this.#text = text;
  }

  /** 1-based line of `index`: one plus the number of `\n` before it. */
  lineAt(index: number): number {
    if (index < this.#offset) {
      this.#offset = 0;
      this.#line = 1;
    }
    const text = this.#text;
    for (let i = text.indexOf('\n', this.#offset); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
      this.#line++;
    }
    this.#offset = index;
    return this.#line;
  }
}

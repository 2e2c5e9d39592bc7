import { describe, expect, it } from 'vitest';
import { safeStream, terminalSafeJson, terminalText } from '../../../bin/terminal-text';

describe('terminalText', () => {
  // Each row: what a file might hold, what the terminal is shown, and why.
  const CASES = [
    ['\x1b[2J', '\\x1b[2J', 'CSI: clear screen'],
    ['\x1b]0;title\x07', '\\x1b]0;title\\x07', 'OSC: set the window title, ended by BEL'],
    ['a\rb', 'a\\x0db', 'a carriage return would overwrite the start of the line'],
    ['\x9b31m', '\\x9b31m', 'C1 CSI, which some terminals obey as ESC ['],
    ['\x7f', '\\x7f', 'DEL'],
    ['abc\u202edcba', 'abc\\u202edcba', 'a right-to-left override reorders what is seen'],
    ['line 1\n\tline 2', 'line 1\n\tline 2', 'newline and tab are kept: messages use them'],
    ['Montélimar, 東京, 🙂', 'Montélimar, 東京, 🙂', 'printable text is untouched'],
  ] as const;

  it.each(CASES)('%j → %j (%s)', (input, shown) => {
    expect(terminalText(input)).toBe(shown);
  });

  it('safeStream escapes every write', () => {
    const seen: string[] = [];
    safeStream({ write: (t: string) => seen.push(t) }).write('bad \x1b[31mred\n');
    expect(seen).toEqual(['bad \\x1b[31mred\n']);
  });

  it('terminalSafeJson escapes the same characters the JSON way, so the data reads back identical', () => {
    const value = { text: 'a\u009bb\u202ec\u007fd\u0085' };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).toBe('{"text":"a\\u009bb\\u202ec\\u007fd\\u0085"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

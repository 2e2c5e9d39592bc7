import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../../src/core/prompts/limits';
import { importPromptSet, previewImport } from '../../../../src/core/prompts/import';
import { fixtureBytes } from './load-fixture';

// One fixture a case in tests/fixtures/prompts/bad/. Each row: the file, the
// code a program branches on, the line a person is sent to, and the words
// that explain the problem.
const BAD_FILES = [
  {
    file: 'unterminated-quote.csv',
    code: 'parse-unterminated-quote',
    line: 3,
    words: 'unterminated quoted field',
    why: 'the quote opens on line 3 and swallows the rest of the file; the error points where it opened',
  },
  {
    file: 'unterminated-quote-crlf.csv',
    code: 'parse-unterminated-quote',
    line: 4,
    words: 'unterminated quoted field',
    why: 'CRLF line endings and an earlier quoted newline still count lines as an editor does',
  },
  {
    file: 'no-question-column.csv',
    code: 'parse-no-question-column',
    line: 1,
    words: 'no column holds the questions (columns: statement, solution)',
    why: 'no header looks like a question, so the header line is named along with what was found',
  },
  {
    file: 'empty.csv',
    code: 'parse-empty-file',
    line: 1,
    words: 'the file is empty',
    why: 'zero bytes',
  },
  {
    file: 'binary-data.csv',
    code: 'parse-binary',
    line: 2,
    words: 'NUL byte',
    why: 'a NUL byte never occurs in text',
  },
  {
    file: 'invalid-utf8.csv',
    code: 'parse-invalid-utf8',
    line: 4,
    words: 'byte 0xe9 is not valid UTF-8',
    why: 'a Latin-1 "é" on line 4: strict decoding, and the line of the bad byte',
  },
  {
    file: 'missing-answer.csv',
    code: 'parse-missing-answer',
    line: 3,
    words: 'no answer in column "answer"',
    why: 'a factual row with an empty answer cannot be graded',
  },
  {
    file: 'bad-line.jsonl',
    code: 'parse-invalid-json',
    line: 3,
    words: 'not valid JSON',
    why: 'JSONL names the broken line itself',
  },
  {
    file: 'wrong-field-count.csv',
    code: 'parse-bad-row',
    line: 3,
    words: 'expected 2 fields (question, answer) but found 3',
    why: 'a shifted row would pair a question with the wrong answer',
  },
] as const;

describe('malformed prompt-set files', () => {
  it.each(BAD_FILES)('$file → $code at line $line ($why)', ({ file, code, line, words }) => {
    const result = importPromptSet(fixtureBytes(`bad/${file}`), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.line).toBe(line);
    expect(result.error.message).toContain(`line ${line}: `);
    expect(result.error.message).toContain(words);
  });

  it('the preview refuses the same files with the same error (nothing reaches the editor)', () => {
    for (const { file, code } of BAD_FILES.filter(
      (b) => b.code !== 'parse-missing-answer' && b.code !== 'parse-no-question-column',
    )) {
      const result = previewImport(fixtureBytes(`bad/${file}`), file);
      expect(result.ok ? 'ok' : result.error.code, file).toBe(code);
    }
  });

  it('a Floorcheck set with a wrongly typed field names the field path', () => {
    const result = importPromptSet(fixtureBytes('bad/bad-set-field.json'), 'bad-set-field.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('set-invalid');
    expect(result.error.message).toMatch(/^items\[0\]\.answers: /);
  });

  it('a file past the size limit is refused before it is decoded (generated here, not committed)', () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const result = importPromptSet(huge, 'huge.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('parse-too-large');
    expect(result.error.message).toContain('the import limit is 52,428,800 bytes (50.0 MiB)');
  });
});

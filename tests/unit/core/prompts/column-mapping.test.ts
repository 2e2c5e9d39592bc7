import { describe, expect, it } from 'vitest';
import { applyColumnMapping, guessMapping, previewTable } from '../../../../src/core/prompts/column-mapping';
import type { Table } from '../../../../src/core/prompts/table';

function csvTable(columns: string[], rows: string[][]): Table {
  return {
    format: 'csv',
    columns,
    rows: rows.map((cells, i) => ({
      place: { line: i + 2 },
      cells: columns.map((_, j) => cells[j] ?? ''),
    })),
  };
}

describe('guessMapping', () => {
  const GUESSES = [
    {
      columns: ['Question', 'Answer'],
      expected: { question: 'Question', answers: 'Answer' },
      why: 'exact names, any case',
    },
    {
      columns: ['prompt', 'target'],
      expected: { question: 'prompt', answers: 'target' },
      why: 'common synonyms',
    },
    {
      columns: ['user_question', 'Correct Answers', 'Incorrect Answers', 'Category', 'url'],
      expected: {
        question: 'user_question',
        answers: 'Correct Answers',
        incorrectAnswers: 'Incorrect Answers',
        sourceUrl: 'url',
        tags: ['Category'],
      },
      why: '"incorrect answers" is claimed before "answers" can take it',
    },
    { columns: ['text', 'label'], expected: undefined, why: 'nothing looks like a question' },
  ];

  it.each(GUESSES)('$columns → $why', ({ columns, expected }) => {
    expect(guessMapping(csvTable(columns, [columns.map(() => 'x')]))).toEqual(expected);
  });

  it('guesses the "; " separator when many answer cells hold it', () => {
    const table = csvTable(
      ['question', 'answer'],
      [
        ['a', 'x; y'],
        ['b', 'z; w'],
        ['c', 'v'],
      ],
    );
    expect(guessMapping(table)?.answerSeparator).toBe('; ');
  });
});

describe('applyColumnMapping', () => {
  const table = csvTable(
    ['q', 'a', 'kind'],
    [
      ['Capital of France?', 'Paris|City of Light', 'geo'],
      ['  ', '', 'x'],
      ['2+2?', '4', 'math'],
    ],
  );

  it('turns rows into factual items, skipping blank questions with a warning', () => {
    const result = applyColumnMapping(table, {
      question: 'q',
      answers: 'a',
      answerSeparator: '|',
      tags: ['kind'],
    });
    if (!result.ok) throw result.error;
    expect(result.value.items).toEqual([
      {
        id: 'item-0001',
        prompt: 'Capital of France?',
        answers: ['Paris', 'City of Light'],
        kind: 'factual',
        tags: ['kind:geo'],
      },
      { id: 'item-0003', prompt: '2+2?', answers: ['4'], kind: 'factual', tags: ['kind:math'] },
    ]);
    expect(result.value.warnings).toEqual(['line 3: the question is empty; row skipped']);
  });

  it('without an answers column every item is open-ended', () => {
    const result = applyColumnMapping(table, { question: 'q' });
    if (!result.ok) throw result.error;
    expect(result.value.items.map((i) => [i.kind, i.answers])).toEqual([
      ['open', []],
      ['open', []],
    ]);
  });

  const REFUSED = [
    {
      table,
      mapping: { question: '' },
      code: 'parse-no-question-column',
      words: 'line 1: no column is chosen',
      why: 'no question column',
    },
    {
      table,
      mapping: { question: 'Question' },
      code: 'parse-no-question-column',
      words: 'the question column "Question" is not in the file',
      why: 'a column the file lacks',
    },
    {
      table: csvTable(
        ['q', 'id'],
        [
          ['A?', 'x-1'],
          ['B?', 'x-1'],
        ],
      ),
      mapping: { question: 'q', id: 'id' },
      code: 'parse-bad-row',
      words: 'line 3: the id "x-1" is used by an earlier row',
      why: 'ids from a column must be unique',
    },
  ];

  it.each(REFUSED)('refuses $why', ({ table: input, mapping, code, words }) => {
    const result = applyColumnMapping(input, mapping);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(words);
  });

  it('a factual row with no answer names its line', () => {
    const result = applyColumnMapping(
      csvTable(
        ['q', 'a'],
        [
          ['A?', 'x'],
          ['B?', ' '],
        ],
      ),
      { question: 'q', answers: 'a' },
    );
    expect(result.ok ? '' : `${result.error.code} ${result.error.message}`).toBe(
      'parse-missing-answer line 3: the question has no answer in column "a"',
    );
  });
});

describe('previewTable', () => {
  it('gives the columns, the first rows as text, the count and a suggestion', () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`Q${i}?`, `A${i}`]);
    const preview = previewTable(csvTable(['question', 'answer'], rows));
    expect(preview).toEqual({
      columns: ['question', 'answer'],
      shownColumns: ['question', 'answer'],
      rows: rows.slice(0, 5),
      rowCount: 7,
      suggestedMapping: { question: 'question', answers: 'answer' },
    });
  });

  it('stays bounded however wide and long the table: 12 columns, 5 rows, cells cut to 300 characters', () => {
    const columns = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const long = 'x'.repeat(10_000);
    const preview = previewTable(
      csvTable(
        columns,
        Array.from({ length: 1000 }, () => columns.map(() => long)),
      ),
    );
    expect(preview.columns).toHaveLength(200);
    expect(preview.shownColumns).toEqual(columns.slice(0, 12));
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toHaveLength(12);
    expect(preview.rows[0]?.[0]).toBe(`${'x'.repeat(300)}…`);
  });
});

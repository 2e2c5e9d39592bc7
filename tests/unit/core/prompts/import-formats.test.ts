import { describe, expect, it } from 'vitest';
import { importPromptSet, previewImport } from '../../../../src/core/prompts/import';
import { bytesOf, fixtureBytes } from './load-fixture';

describe('importing files in each format', () => {
  it('CSV with a BOM, CRLF, doubled quotes, a quoted newline and a blank line (guessed columns)', () => {
    const result = importPromptSet(fixtureBytes('good/bom-crlf-newlines.csv'), 'bom-crlf-newlines.csv');
    if (!result.ok) throw result.error;
    expect(result.value.layout).toBe('mapped');
    expect(result.value.warnings[0]).toContain('columns guessed: question = "question", answers = "answer"');
    expect(result.value.set.items).toEqual([
      {
        id: 'item-0001',
        prompt: 'Which city is called "the Big Apple"?',
        answers: ['New York City', 'NYC'],
        kind: 'factual',
        tags: ['category:geography'],
      },
      {
        id: 'item-0002',
        prompt: 'A question\nover two lines?',
        answers: ['Yes'],
        kind: 'factual',
        tags: ['category:trivia'],
      },
      {
        id: 'item-0003',
        prompt: 'What is 7 x 6?',
        answers: ['42', 'forty-two'],
        kind: 'factual',
        tags: ['category:arithmetic'],
      },
    ]);
  });

  it('TSV with an explicit mapping: ids, a "|" separator and tags from a chosen column', () => {
    const result = importPromptSet(fixtureBytes('good/mapped.tsv'), 'mapped.tsv', {
      mapping: { question: 'prompt', answers: 'gold', answerSeparator: ' | ', id: 'id', tags: ['topic'] },
      id: 'set-7',
      name: 'Mapped',
    });
    if (!result.ok) throw result.error;
    expect(result.value.format).toBe('tsv');
    expect(result.value.set).toMatchObject({ id: 'set-7', name: 'Mapped' });
    expect(result.value.set.items[1]).toEqual({
      id: 'q-2',
      prompt: 'Who wrote Hamlet?',
      answers: ['William Shakespeare', 'Shakespeare'],
      kind: 'factual',
      tags: ['topic:literature'],
    });
  });

  it('a JSON array of {question, answer[]} objects is read as the NQ-open layout', () => {
    const result = importPromptSet(fixtureBytes('good/question-answer-array.json'), 'qa.json');
    if (!result.ok) throw result.error;
    expect(result.value.layout).toBe('nq-open');
    expect(result.value.set.items.map((i) => i.answers)).toEqual([['Tokyo'], ['water']]);
  });

  it("Floorcheck's own format: defaults filled, corpus kept, builtin flag dropped", () => {
    const result = importPromptSet(fixtureBytes('good/floorcheck-set.json'), 'floorcheck-set.json');
    if (!result.ok) throw result.error;
    expect(result.value.layout).toBe('floorcheck');
    const { set } = result.value;
    expect(set).toMatchObject({ id: 'import-floorcheck-set', name: 'Tiny set', licence: 'CC0' });
    expect(set.builtin).toBeUndefined();
    expect(set.items[1]).toEqual({
      id: 'item-0002',
      prompt: 'Describe your favourite season.',
      answers: [],
      kind: 'open',
      tags: [],
    });
    expect(set.corpus).toEqual([{ id: 'sky', title: 'Sky', text: 'On a clear day the sky looks blue.' }]);
  });

  it('a set written by convert reads back to the same set', () => {
    const first = importPromptSet(fixtureBytes('good/floorcheck-set.json'), 'floorcheck-set.json');
    if (!first.ok) throw first.error;
    const again = importPromptSet(bytesOf(JSON.stringify(first.value.set)), 'again.json');
    if (!again.ok) throw again.error;
    expect(again.value.set).toEqual(first.value.set);
  });

  // Each row: contents, a file name without a telling extension, the format sniffed.
  const SNIFFED = [
    {
      name: 'data.txt',
      text: 'question\tanswer\nWhy?\tBecause\n',
      format: 'tsv',
      why: 'more tabs than commas',
    },
    { name: 'data.txt', text: 'question,answer\nWhy?,Because\n', format: 'csv', why: 'commas' },
    {
      name: 'data',
      text: '{"question":"Why?","answer":["Because"]}\n',
      format: 'jsonl',
      why: 'a first line that is an object',
    },
    { name: 'data', text: '[{"question":"Why?","answer":["Because"]}]', format: 'json', why: 'an array' },
  ] as const;

  it.each(SNIFFED)('sniffs $format from the content ($why)', ({ name, text, format }) => {
    const result = importPromptSet(bytesOf(text), name);
    expect(result.ok ? result.value.format : result.error.message).toBe(format);
  });

  it('a JSON document that is neither a list nor a set is refused as an unknown format', () => {
    const result = importPromptSet(bytesOf('{"questions": []}'), 'x.json');
    expect(result.ok ? '' : result.error.code).toBe('parse-unknown-format');
  });
});

describe('previewImport', () => {
  it('names a known layout and shows its first five rows', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `{"question": "q${i}", "answer": ["a${i}"]}`).join('\n');
    const result = previewImport(bytesOf(rows), 'nq.jsonl');
    if (!result.ok) throw result.error;
    expect(result.value).toMatchObject({
      format: 'jsonl',
      layout: 'nq-open',
      layoutLabel: 'NQ-open',
      rowCount: 8,
    });
    expect(result.value.columns).toEqual(['question', 'answer']);
    expect(result.value.rows).toHaveLength(5);
    expect(result.value.rows[0]).toEqual(['q0', 'a0']);
    expect(result.value.suggestedMapping).toBeUndefined();
  });

  it('for an unknown layout, suggests a mapping for the user to confirm', () => {
    const result = previewImport(fixtureBytes('good/mapped.tsv'), 'mapped.tsv');
    if (!result.ok) throw result.error;
    expect(result.value.layout).toBeUndefined();
    expect(result.value.suggestedMapping).toEqual({
      question: 'prompt',
      id: 'id',
      answers: 'gold',
      answerSeparator: ' | ',
      tags: ['topic'],
    });
  });

  it('shows a Floorcheck set by its items', () => {
    const result = previewImport(fixtureBytes('good/floorcheck-set.json'), 'floorcheck-set.json');
    if (!result.ok) throw result.error;
    expect(result.value).toMatchObject({ layout: 'floorcheck', rowCount: 2 });
    expect(result.value.rows[0]).toEqual(['a', 'What colour is the sky on a clear day?', 'blue', 'factual']);
  });
});

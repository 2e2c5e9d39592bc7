import { describe, expect, it } from 'vitest';
import {
  formatPassages,
  formatToolResult,
  MAX_PASSAGE_CHARS,
} from '../../../../src/core/retrieval/passage-format';
import type { Passage } from '../../../../src/core/retrieval/types';

const passages: Passage[] = [
  { docId: 'a', title: 'Vorland', text: 'Vorland’s capital is Tessamar.', score: 3.2 },
  { docId: 'b', title: 'Tessamar', text: 'Tessamar is known for its salt markets.', score: 1.1 },
];

describe('formatPassages', () => {
  it.each([
    {
      why: 'numbered passages with titles, blank line between',
      passages,
      out: '[1] Vorland\nVorland’s capital is Tessamar.\n\n[2] Tessamar\nTessamar is known for its salt markets.',
    },
    { why: 'the empty fault reads as "No results."', passages: [], out: 'No results.' },
    {
      why: 'the error fault reads as the tool’s error text',
      passages: [],
      error: 'search timed out after 10 seconds',
      out: 'Search error: search timed out after 10 seconds',
    },
  ])('$why', ({ passages, error, out }: { passages: Passage[]; error?: string; out: string }) => {
    expect(formatPassages(passages, error)).toBe(out);
  });

  it('cuts a very long passage', () => {
    const long: Passage = { docId: 'x', title: 'Long', text: 'word '.repeat(1000), score: 1 };
    const text = formatPassages([long]);
    expect(text.length).toBeLessThanOrEqual('[1] Long\n'.length + MAX_PASSAGE_CHARS);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('formatToolResult', () => {
  it('names the query, then the results', () => {
    expect(formatToolResult({ query: 'Vorland capital', fault: 'ok', passages: passages.slice(0, 1) })).toBe(
      'Results for "Vorland capital":\n[1] Vorland\nVorland’s capital is Tessamar.',
    );
  });

  it('shows an error call as the error', () => {
    const call = { query: 'q', fault: 'error' as const, passages: [], error: 'connection reset by peer' };
    expect(formatToolResult(call)).toBe('Results for "q":\nSearch error: connection reset by peer');
  });
});

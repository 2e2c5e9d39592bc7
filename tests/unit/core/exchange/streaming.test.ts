/**
 * Files of any size: the writer hands over bounded pieces and the reader
 * never parses more than one record per `JSON.parse`, whatever the version;
 * chunk boundaries (a record, a UTF-8 character, the header split anywhere)
 * change nothing; large files are gzipped and read back the same.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { runFigures } from '../../../../src/core/results/summary-rows';
import type { ResultRecord } from '../../../../src/core/runs/types';
import { CLOSED, CONTEXT_OK, item, promptSet, result, run } from '../results/builders';
import { fixtureBytes, inChunks, parsed, written } from './helpers';

afterEach(() => vi.restoreAllMocks());

/** `models` × 2 conditions × `items` results with varied verdicts, speeds and answers. */
function largeRun(models: number, items: number) {
  const r = run(
    { id: 'big', itemIds: Array.from({ length: items }, (_, i) => `q${i}`) },
    { modelIds: Array.from({ length: models }, (_, i) => `model-${i}`), conditions: [CLOSED, CONTEXT_OK] },
  );
  const verdicts = ['correct', 'incorrect', 'not_attempted', undefined] as const;
  const results: ResultRecord[] = [];
  let n = 0;
  for (const modelId of r.config.modelIds)
    for (const itemId of r.itemIds)
      for (const conditionId of ['closed-book', 'context:ok']) {
        n++;
        results.push(
          result(modelId, conditionId, itemId, verdicts[n % 4], {
            runId: 'big',
            rawAnswer: `Answer ${n} — naïve café ✓`,
            usage: {
              promptTokens: 20 + (n % 7),
              completionTokens: 8,
              timeToFirstTokenMs: 40 + (n % 13),
              prefillTokensPerSecond: 400,
              decodeTokensPerSecond: 20 + (n % 17),
              totalMs: 300 + n,
            },
          }),
        );
      }
  return { r, results, set: promptSet(r.itemIds.map((id) => item(id))) };
}

function largestParse(): { max: () => number } {
  const original = JSON.parse.bind(JSON);
  let max = 0;
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    max = Math.max(max, text.length);
    return original(text, reviver) as unknown;
  });
  return { max: () => max };
}

describe('100,000 results', () => {
  const { r, results, set } = largeRun(5, 10_000);

  it('round trip: the same run, results and figures, gzipped, no JSON.parse over one record', async () => {
    const file = await written({ runs: [r], results, sets: [set] }, { gzipAbove: 5 * 1024 * 1024 });
    expect(file.encoded.gzipped).toBe(true);
    expect(file.encoded.writtenBytes).toBeLessThan(file.encoded.plainBytes / 5);
    expect(Math.max(...file.chunks.map((c) => c.length))).toBeLessThan(256 * 1024);

    const parse = largestParse();
    const back = await parsed(inChunks(file.bytes, 64 * 1024));
    // The longest record is the set's line (10,000 items); no parse is larger than one record.
    expect(parse.max()).toBe(JSON.stringify({ set }).length);
    expect(parse.max()).toBeLessThan(file.encoded.plainBytes / 20);
    expect(back.payload.runs).toEqual([r]);
    expect(back.payload.results).toHaveLength(100_000);
    expect(back.payload.results).toEqual(results);
    const before = runFigures(buildGrid(r, results, set), r, results);
    const after = runFigures(
      buildGrid(r, back.payload.results, back.payload.sets[0]),
      r,
      back.payload.results,
    );
    expect(after).toEqual(before);
  }, 120_000);

  it('a bad record at the 99,000th result is named by line and JSON path', async () => {
    const broken = results.map((x, i) => (i === 98_999 ? { ...x, modelId: 'nobody' } : x));
    const file = await written({ runs: [r], results: broken, sets: [set] });
    const { problem } = await import('./helpers');
    const error = await problem(file.bytes);
    // Line 1 is the header, 2 the set, 3 the run: result 98,999 (from 0) is on line 99,003.
    expect(error.detail).toContain('line 99,003 (results[98999].modelId)');
    expect(error.line).toBe(99_003);
  }, 120_000);
});

describe('chunk boundaries change nothing', () => {
  it.each(['comparison.v0.json', 'comparison.v1.json', 'comparison.v2.json'])(
    '%s read one byte at a time equals it read whole',
    async (name) => {
      const whole = await parsed(fixtureBytes(name));
      const bytewise = await parsed(inChunks(fixtureBytes(name), 1));
      expect(bytewise).toEqual(whole);
    },
  );

  it('a version 1 document is streamed: JSON.parse never sees the whole file', async () => {
    const parse = largestParse();
    const file = fixtureBytes('browser-run.v1.json');
    const back = await parsed(inChunks(file, 512));
    expect(back.payload.results.length).toBeGreaterThan(10);
    expect(parse.max()).toBeLessThan(file.length / 4);
  });
});

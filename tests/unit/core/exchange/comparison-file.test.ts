import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPARISON_VERSION } from '../../../../src/core/exchange/envelope';
import { comparisonPayload, exportComparison } from '../../../../src/core/exchange/export-comparison';
import { importComparison } from '../../../../src/core/exchange/import-comparison';
import type { ComparisonPayload } from '../../../../src/core/exchange/envelope';
import { item, promptSet, result, run } from '../results/builders';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/exchange/${name}`, import.meta.url), 'utf8');
}

function payloadOf(text: string): ComparisonPayload {
  const imported = importComparison(text);
  if (!imported.ok)
    throw new Error(`expected success, got ${imported.error.code}: ${imported.error.message}`);
  return imported.value;
}

const APP = { name: 'Floorcheck', version: '0.1.0' };

describe('fixtures of every format version import', () => {
  it.each(['comparison.v0.json', 'comparison.v1.json'])('%s', (name) => {
    const payload = payloadOf(fixture(name));
    expect(payload.runs).toHaveLength(1);
    expect(payload.results.length).toBeGreaterThan(0);
    expect(payload.sets[0]?.items.map((i) => i.id)).toEqual(['q1', 'q2']);
  });

  it('covers every version from 0 to the current one', () => {
    for (let version = 0; version <= COMPARISON_VERSION; version++) {
      expect(() => fixture(`comparison.v${version}.json`)).not.toThrow();
    }
  });
});

describe('migration v0 → v1', () => {
  const payload = payloadOf(fixture('comparison.v0.json'));
  const [wrong, right] = payload.results;

  it('renames the answer, builds the verdicts object and the cell id', () => {
    expect(wrong).toMatchObject({
      id: 'run-draft|Qwen3-0.6B-q4f16_1-MLC|closed-book|q1',
      rawAnswer: '<think>Sydney is big.</think>Sydney',
      finishReason: 'stop',
      verdicts: { deterministic: { verdict: 'incorrect', reason: 'States Sydney; the answer is Canberra.' } },
    });
  });

  it('maps short usage names to the current ones', () => {
    expect(wrong?.usage).toEqual({
      promptTokens: 12,
      completionTokens: 9,
      timeToFirstTokenMs: 40,
      prefillTokensPerSecond: 300,
      decodeTokensPerSecond: 25.5,
      totalMs: 400,
    });
  });

  it('turns a bare override verdict into a dated override', () => {
    expect(right?.verdicts.override).toEqual({ verdict: 'correct', at: 1735689200000 });
  });
});

describe('export and import round trip', () => {
  const r = run({ id: 'r1', itemIds: ['q1'] });
  const results = [
    result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }),
    result('m1', 'closed-book', 'q1', 'correct', { runId: 'other' }),
  ];
  const sets = [promptSet([item('q1'), item('q2')]), promptSet([item('z')], { id: 'unused' })];
  const payload = comparisonPayload([r], results, sets);

  it('exports only the runs’ results and the set items they used', () => {
    expect(payload.results.map((x) => x.runId)).toEqual(['r1']);
    expect(payload.sets.map((s) => [s.id, s.items.map((i) => i.id)])).toEqual([['set-1', ['q1']]]);
  });

  it('reads back what it wrote', () => {
    const text = exportComparison(payload, APP, Date.UTC(2025, 0, 1));
    expect(JSON.parse(text)).toMatchObject({
      format: 'floorcheck-comparison',
      version: 1,
      app: APP,
      exportedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(payloadOf(text)).toEqual(payload);
  });

  it('marks runs with where they came from when asked', () => {
    const text = exportComparison(payload, APP, 0);
    const imported = importComparison(text, { source: 'colleague.json' });
    expect(imported.ok && imported.value.runs[0]?.importedFrom).toBe('colleague.json');
  });
});

describe('normalisation', () => {
  function envelope(payload: unknown): string {
    return JSON.stringify({
      format: 'floorcheck-comparison',
      version: 1,
      app: APP,
      exportedAt: 'x',
      payload,
    });
  }
  const r = run({ id: 'r1' });

  it.each([
    [
      'rebuilds a result id that does not match its parts',
      [{ ...result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }), id: 'forged' }],
      ['r1|m1|closed-book|q1'],
    ],
    [
      'collapses duplicate cells, keeping the last',
      [
        result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }),
        result('m1', 'closed-book', 'q1', 'incorrect', { runId: 'r1' }),
      ],
      ['r1|m1|closed-book|q1'],
    ],
  ])('%s', (_reason, results, ids) => {
    const payload = payloadOf(envelope({ runs: [r], results, sets: [] }));
    expect(payload.results.map((x) => x.id)).toEqual(ids);
  });

  it('keeps the last of duplicate cells', () => {
    const results = [
      result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }),
      result('m1', 'closed-book', 'q1', 'incorrect', { runId: 'r1' }),
    ];
    expect(
      payloadOf(envelope({ runs: [r], results, sets: [] })).results[0]?.verdicts.deterministic?.verdict,
    ).toBe('incorrect');
  });

  it('drops keys the format does not know', () => {
    const payload = payloadOf(envelope({ runs: [{ ...r, secret: 'x' }], results: [], sets: [] }));
    expect(payload.runs[0]).not.toHaveProperty('secret');
  });
});

describe('errors name what is wrong and where', () => {
  const v1 = JSON.parse(fixture('comparison.v1.json')) as { payload: { results: Record<string, unknown>[] } };
  function broken(mutate: (doc: typeof v1) => void): string {
    const doc = structuredClone(v1);
    mutate(doc);
    return JSON.stringify(doc);
  }

  it.each<[string, string, string, string]>([
    ['not JSON at all', 'hello', 'import-not-floorcheck', 'not JSON'],
    ['JSON that is not an object', '[1,2]', 'import-not-floorcheck', 'no JSON object'],
    [
      'another program’s JSON',
      '{"type":"excalidraw","version":2}',
      'import-not-floorcheck',
      '"format" is missing',
    ],
    [
      'a version that is not a number',
      '{"format":"floorcheck-comparison","version":"1"}',
      'import-invalid',
      'at version',
    ],
    [
      'a newer format names the app version to update to',
      '{"format":"floorcheck-comparison","version":7,"app":{"name":"Floorcheck","version":"2.3.0"}}',
      'import-version-too-new',
      'Update Floorcheck to 2.3.0 or later',
    ],
    [
      'a newer format without an app stamp',
      '{"format":"floorcheck-comparison","version":2}',
      'import-version-too-new',
      'Update Floorcheck to the latest version',
    ],
    [
      'verdicts of the wrong type',
      broken((d) => {
        const first = d.payload.results[0];
        if (first) first.verdicts = 'correct';
      }),
      'import-invalid',
      'payload.results[0].verdicts',
    ],
    [
      'an unknown verdict deep inside',
      broken((d) => {
        const last = d.payload.results[2];
        if (last) last.verdicts = { deterministic: { verdict: 'maybe', reason: '' } };
      }),
      'import-invalid',
      'payload.results[2].verdicts.deterministic.verdict',
    ],
    [
      'a result whose run is not in the file',
      broken((d) => {
        const first = d.payload.results[1];
        if (first) first.runId = 'ghost';
      }),
      'import-invalid',
      'payload.results[1].runId',
    ],
    [
      'a v0 result without usage',
      fixture('comparison.v0.json').replace(/"usage": \{[^}]*\},/, ''),
      'import-invalid',
      'payload.results[0].usage',
    ],
    [
      'a missing payload',
      '{"format":"floorcheck-comparison","version":1,"app":{"name":"F","version":"1"},"exportedAt":"x"}',
      'import-invalid',
      'payload',
    ],
  ])('%s', (_reason, text, code, mention) => {
    const imported = importComparison(text);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.error.code).toBe(code);
    expect(imported.error.detail).toContain(mention);
  });
});

import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { COMPARISON_VERSION } from '../../../../src/core/exchange/envelope';
import { envelopeSchemaV1 } from '../../../../src/core/exchange/schema-v1';
import { item, promptSet, result, run } from '../results/builders';
import { APP, bytes, fixtureBytes, fixtureText, parsed, problem, written } from './helpers';

describe('fixtures of every format version import', () => {
  it.each(['comparison.v0.json', 'comparison.v1.json', 'comparison.v2.json'])('%s', async (name) => {
    const { payload } = await parsed(fixtureBytes(name));
    expect(payload.runs).toHaveLength(1);
    expect(payload.results.length).toBeGreaterThan(0);
    expect(payload.sets[0]?.items.map((i) => i.id)).toEqual(['q1', 'q2']);
  });

  it('covers every version from 0 to the current one', () => {
    for (let version = 0; version <= COMPARISON_VERSION; version++) {
      expect(() => fixtureBytes(`comparison.v${version}.json`)).not.toThrow();
    }
  });

  it('the v1 fixture is valid under the frozen v1 schema, and reads as the v2 fixture does', async () => {
    expect(v.safeParse(envelopeSchemaV1, JSON.parse(fixtureText('comparison.v1.json'))).success).toBe(true);
    const v1 = await parsed(fixtureBytes('comparison.v1.json'));
    const v2 = await parsed(fixtureBytes('comparison.v2.json'));
    expect(v1.sourceVersion).toBe(1);
    expect(v2.sourceVersion).toBe(2);
    const { provenance: _provenance, ...v2run } = v2.payload.runs[0] ?? run();
    expect(v1.payload.runs[0]).toEqual(v2run);
    expect(v1.payload.results).toEqual(v2.payload.results);
  });
});

describe('migration v0 → current', () => {
  it('renames the answer, builds the verdicts object and the cell id, and maps usage names', async () => {
    const { payload } = await parsed(fixtureBytes('comparison.v0.json'));
    const [wrong, right] = payload.results;
    expect(wrong).toMatchObject({
      id: 'run-draft|Qwen3-0.6B-q4f16_1-MLC|closed-book|q1',
      rawAnswer: '<think>Sydney is big.</think>Sydney',
      finishReason: 'stop',
      verdicts: { deterministic: { verdict: 'incorrect', reason: 'States Sydney; the answer is Canberra.' } },
    });
    expect(wrong?.usage).toEqual({
      promptTokens: 12,
      completionTokens: 9,
      timeToFirstTokenMs: 40,
      prefillTokensPerSecond: 300,
      decodeTokensPerSecond: 25.5,
      totalMs: 400,
    });
    expect(right?.verdicts.override).toEqual({ verdict: 'correct', at: 1735689200000 });
  });
});

describe('export and import round trip', () => {
  const r = run({ id: 'r1', itemIds: ['q1', 'q2'] });
  const results = [
    result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }),
    result('m2', 'context:ok', 'q2', 'incorrect', { runId: 'r1' }),
    result('m1', 'closed-book', 'q1', 'correct', { runId: 'other' }),
  ];
  const sets = [promptSet([item('q1'), item('q2'), item('q3')]), promptSet([item('z')], { id: 'unused' })];

  it('writes a header line with counts, then one record per line: sets, runs, results of the runs only', async () => {
    const { bytes: file } = await written({ runs: [r], results, sets });
    const lines = new TextDecoder().decode(file).trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      format: 'floorcheck-comparison',
      version: 2,
      app: APP,
      exportedAt: '2026-01-01T00:00:00.000Z',
      counts: { sets: 1, runs: 1, results: 2 },
    });
    expect(lines.slice(1).map((line) => Object.keys(JSON.parse(line) as object))).toEqual([
      ['set'],
      ['run'],
      ['result'],
      ['result'],
    ]);
  });

  it('reads back what it wrote, with the set trimmed to the run’s items', async () => {
    const { bytes: file } = await written({ runs: [r], results, sets });
    const back = await parsed(file);
    expect(back.payload.runs).toEqual([r]);
    expect(back.payload.results).toEqual(results.slice(0, 2));
    expect(back.payload.sets.map((s) => [s.id, s.items.map((i) => i.id)])).toEqual([['set-1', ['q1', 'q2']]]);
  });

  it("keeps what later features add: the run's log and per-model environment, the grader's confidence", async () => {
    const logged = run({
      log: [
        {
          at: 1_700_000_000_500,
          kind: 'retried',
          message: 'Retried once.',
          modelId: 'm1',
          code: 'device-lost',
        },
      ],
      environment: {
        appVersion: '0.1.0',
        engine: 'simulated',
        userAgent: 'tests',
        models: [
          {
            modelId: 'm1',
            quantization: 'q4f32_1',
            thinking: 'not applicable',
            toolMode: 'text-protocol',
            stop: [],
            settings: { temperature: 0, topP: 1, maxTokens: 64, seed: 1 },
          },
        ],
      },
    });
    const graded = result('m1', 'closed-book', 'q1', 'correct', {
      verdicts: { deterministic: { verdict: 'correct', reason: 'hedged', confidence: 'uncertain' } },
    });
    const { bytes: file } = await written({ runs: [logged], results: [graded], sets });
    const back = await parsed(file);
    expect(back.payload.runs[0]?.log).toEqual(logged.log);
    expect(back.payload.runs[0]?.environment.models).toEqual(logged.environment.models);
    expect(back.payload.results[0]?.verdicts.deterministic?.confidence).toBe('uncertain');
  });

  it('marks runs with their provenance when asked, from the header and the importer', async () => {
    const { bytes: file } = await written({ runs: [r], results, sets }, { now: Date.UTC(2026, 2, 4) });
    const back = await parsed(file, {
      provenance: { fileName: 'colleague.floorcheck.json', importedAt: 99 },
    });
    expect(back.payload.runs[0]?.provenance).toEqual({
      fileName: 'colleague.floorcheck.json',
      appVersion: APP.version,
      exportedAt: Date.UTC(2026, 2, 4),
      importedAt: 99,
    });
    expect(back.payload.runs[0]?.importedFrom).toBe('colleague.floorcheck.json');
  });

  it('carries provenance through export and import: a run imported before keeps where it was made', async () => {
    const provenance = {
      fileName: 'first.floorcheck.json',
      appVersion: '0.1.0',
      exportedAt: 5,
      importedAt: 6,
    };
    const { bytes: file } = await written({ runs: [{ ...r, provenance }], results, sets });
    const back = await parsed(file, { provenance: { fileName: 'second.json', importedAt: 7 } });
    expect(back.payload.runs[0]?.provenance).toEqual(provenance);
    const v2 = await parsed(fixtureBytes('comparison.v2.json'), {
      provenance: { fileName: 'x', importedAt: 1 },
    });
    expect(v2.payload.runs[0]?.provenance?.fileName).toBe('colleague.floorcheck.json');
  });
});

describe('normalisation', () => {
  const r = run({ id: 'r1' });
  const file = (results: unknown[], runs: unknown[] = [r]): Uint8Array =>
    bytes(
      JSON.stringify({
        format: 'floorcheck-comparison',
        version: 1,
        app: APP,
        exportedAt: '2026-01-01T00:00:00.000Z',
        payload: { runs, results, sets: [] },
      }),
    );

  it('rebuilds a result id that does not match its parts', async () => {
    const forged = { ...result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }), id: 'forged' };
    expect((await parsed(file([forged]))).payload.results.map((x) => x.id)).toEqual(['r1|m1|closed-book|q1']);
  });

  it('refuses two answers for one cell, naming both (keeping one silently lost the other)', async () => {
    const error = await problem(
      file([
        result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' }),
        result('m1', 'closed-book', 'q1', 'incorrect', { runId: 'r1' }),
      ]),
    );
    expect(error.code).toBe('import-invalid');
    expect(error.detail).toContain('payload.results[1]');
    expect(error.detail).toContain('payload.results[0]');
  });

  it('drops keys the format does not know', async () => {
    const { payload } = await parsed(file([], [{ ...r, secret: 'x' }]));
    expect(payload.runs[0]).not.toHaveProperty('secret');
  });
});

describe('errors name what is wrong and where', () => {
  const v1 = JSON.parse(fixtureText('comparison.v1.json')) as {
    payload: { results: Record<string, unknown>[] };
  };
  function broken(mutate: (doc: typeof v1) => void): string {
    const doc = structuredClone(v1);
    mutate(doc);
    return JSON.stringify(doc);
  }
  const header = (fields: string): string =>
    `{"format":"floorcheck-comparison",${fields},"app":{"name":"Floorcheck","version":"2.3.0"},"exportedAt":"2026-01-01T00:00:00Z","counts":{"sets":0,"runs":0,"results":0}}\n`;

  it.each<[string, string, string, string]>([
    ['not JSON at all', 'hello', 'import-not-floorcheck', 'not JSON (it begins "hello")'],
    ['JSON that is not an object', '[1,2]', 'import-not-floorcheck', 'a JSON list'],
    ['an empty file', '  \n', 'import-not-floorcheck', 'is empty'],
    [
      'another program’s JSON',
      '{"type":"excalidraw","version":2}',
      'import-not-floorcheck',
      '"format" is missing',
    ],
    [
      'a prompt set in JSON Lines',
      '{"question":"q","answer":["a"]}\n{"question":"r","answer":["b"]}\n',
      'import-not-floorcheck',
      'Prompt sets',
    ],
    [
      'a version that is not a number',
      '{"format":"floorcheck-comparison","version":"1"}',
      'import-invalid',
      '(version)',
    ],
    [
      'version 1e400 is too large to hold, not "null"',
      header('"version":1e400'),
      'import-invalid',
      'too large to hold',
    ],
    [
      'a newer format names the app version to update to',
      header('"version":7'),
      'import-version-too-new',
      'Update Floorcheck to 2.3.0 or later',
    ],
    [
      'a newer format without an app stamp',
      '{"format":"floorcheck-comparison","version":9}\n',
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
      fixtureText('comparison.v0.json').replace(/"usage": \{[^}]*\},/, ''),
      'import-invalid',
      'results[0].usage',
    ],
    [
      'a missing payload',
      '{"format":"floorcheck-comparison","version":1,"app":{"name":"F","version":"1"},"exportedAt":"2026-01-01T00:00:00Z"}',
      'import-invalid',
      'payload.runs',
    ],
    ['a v1 file cut short', fixtureText('comparison.v1.json').slice(0, 900), 'import-damaged', 'cut short'],
    [
      'a v1 file with a syntax error names its line',
      '{\n "format": "floorcheck-comparison",\n "version": 1,\n x\n}',
      'import-damaged',
      'line 4',
    ],
    [
      'a v2 file cut short at a line break: the counts say so',
      fixtureText('comparison.v2.json').split('\n').slice(0, 4).join('\n'),
      'import-invalid',
      'cut short',
    ],
    [
      'a v2 line that is not JSON names its line',
      fixtureText('comparison.v2.json').replace('{"result"', '{"result" oops'),
      'import-invalid',
      'line 4',
    ],
    [
      'a v2 line that is no record',
      fixtureText('comparison.v2.json').replace('{"result"', '{"answer":1,"result"'),
      'import-invalid',
      'line 4',
    ],
  ])('%s', async (_reason, text, code, mention) => {
    const error = await problem(bytes(text));
    expect(error.code).toBe(code);
    expect(error.detail).toContain(mention);
  });
});

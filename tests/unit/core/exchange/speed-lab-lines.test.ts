/**
 * The speed lab in comparison files (format version 2): an optional
 * `{"speedLab": {version, probes, tests}}` line after the runs, counted in the
 * header. A round trip keeps every figure (NaN included, written as null),
 * records are marked with the file they came in, every field is checked with
 * its path and line, and files without the line read as they always did.
 */
import { describe, expect, it } from 'vitest';
import { validateComparison } from '../../../../src/core/exchange/parse-comparison';
import { measure } from '../../../../src/core/speed/measure';
import type { SpeedLabExport } from '../../../../src/core/speed/records';
import { item, promptSet, result, run } from '../results/builders';
import { buildProbe, buildRow, buildSpeedTest } from '../speed/builders';
import { bytes, fixtureBytes, fixtureText, parsed, problem, written } from './helpers';

const r = run({ id: 'r1', itemIds: ['q1'] });
const results = [result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' })];
const sets = [promptSet([item('q1')])];
const lab: SpeedLabExport = {
  version: 1,
  probes: [buildProbe()],
  tests: [
    buildSpeedTest({
      rows: [
        buildRow({ percentOfCeiling: 40 }),
        buildRow({ targetTokens: 2048, prefillTokensPerSecond: measure([]) }),
      ],
      ceiling: {
        gbPerSecond: 2.52,
        probeId: 'probe-1',
        probeMeasuredAt: 100,
        weights: { bytes: 4e8, source: 'catalog' },
        tokensPerSecond: 6.3,
      },
    }),
  ],
};
const from = { fileName: 'laptop.floorcheck.json', importedAt: 5 };
const marked = {
  fileName: 'laptop.floorcheck.json',
  appVersion: '0.2.0',
  exportedAt: Date.UTC(2026, 0, 1),
  importedAt: 5,
};

describe('speedLab lines', () => {
  it('are written after the runs and counted in the header; read back with every figure, NaN included', async () => {
    const { bytes: file } = await written({ runs: [r], results, sets, speedLab: lab });
    const lines = new TextDecoder().decode(file).trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '').counts).toEqual({ sets: 1, runs: 1, results: 1, speedLab: 1 });
    expect(lines.slice(1).map((line) => Object.keys(JSON.parse(line) as object))).toEqual([
      ['set'],
      ['run'],
      ['speedLab'],
      ['result'],
    ]);
    expect(lines[3]).toContain('"median":null');
    const { payload } = await parsed(file);
    expect(payload.speedLab).toEqual(lab);
    expect(Number.isNaN(payload.speedLab?.tests[0]?.rows[1]?.prefillTokensPerSecond.median)).toBe(true);
  });

  it('mark each record with the file it came in, and keep the first mark when exported again', async () => {
    const { bytes: file } = await written({ runs: [r], results, sets, speedLab: lab });
    const first = (await parsed(file, { provenance: from })).payload.speedLab;
    expect(first?.probes[0]?.provenance).toEqual(marked);
    expect(first?.tests[0]?.provenance).toEqual(marked);
    const again = await written({ runs: [r], results, sets, speedLab: first }, { now: Date.UTC(2026, 5, 1) });
    const second = (await parsed(again.bytes, { provenance: { fileName: 'b.json', importedAt: 9 } })).payload;
    expect(second.speedLab?.tests[0]?.provenance).toEqual(marked);
  });

  it.each<[string, SpeedLabExport | undefined]>([
    ['no speed lab', undefined],
    ['an empty one', { version: 1, probes: [], tests: [] }],
  ])('with %s, the file has no line and no count, as files written before them', async (_name, speedLab) => {
    const { bytes: file } = await written({ runs: [r], results, sets, speedLab });
    const text = new TextDecoder().decode(file);
    expect(text).not.toContain('speedLab');
    expect((await parsed(file)).payload.speedLab).toBeUndefined();
  });

  it('a version 2 file from before (no line, no count) and the fixture with one both read', async () => {
    expect((await parsed(fixtureBytes('comparison.v2.json'))).payload.speedLab).toBeUndefined();
    const { payload } = await parsed(fixtureBytes('comparison.v2-speed-lab.json'));
    expect(payload.speedLab?.probes.map((p) => p.machine.description)).toEqual(['Apple M2']);
    expect(payload.speedLab?.tests.map((t) => [t.modelId, t.engine.kind])).toEqual([['m1', 'webllm']]);
    const validation = await validateComparison(fixtureBytes('comparison.v2-speed-lab.json'));
    expect(validation.problems).toEqual([]);
    expect(validation.counts).toEqual({ sets: 1, runs: 1, results: 3, speedLab: 1 });
  });

  const withLab = fixtureText('comparison.v2-speed-lab.json');
  const labLine = (edit: (value: Record<string, unknown>) => void): Uint8Array => {
    const lines = withLab.trimEnd().split('\n');
    const value = JSON.parse(lines[3] ?? '') as { speedLab: Record<string, unknown> };
    edit(value.speedLab);
    lines[3] = JSON.stringify(value);
    return bytes(`${lines.join('\n')}\n`);
  };
  type Lab = { probes: Record<string, unknown>[]; tests: Record<string, unknown>[] };
  const probe0 = (lab: Record<string, unknown>) => (lab as unknown as Lab).probes[0] ?? {};
  const test0 = (lab: Record<string, unknown>) => (lab as unknown as Lab).tests[0] ?? {};
  it.each<[string, () => Uint8Array, RegExp]>([
    [
      'a negative bandwidth',
      () => labLine((lab) => ((probe0(lab).probe as { read: { median: number } }).read.median = -3)),
      /line 4 \(speedLab\[0\]\.probes\[0\]\.probe\.read\.median\): a bandwidth cannot be negative/,
    ],
    [
      'an engine no Floorcheck has',
      () => labLine((lab) => ((test0(lab).engine as { kind: string }).kind = 'gpt-9')),
      /speedLab\[0\]\.tests\[0\]\.engine\.kind/,
    ],
    [
      'a decode speed above a billion tokens a second',
      () =>
        labLine(
          (lab) =>
            (((test0(lab).rows as Record<string, { median: number }>[])[0] ?? {}).decodeTokensPerSecond = {
              median: 1e12,
            }),
        ),
      /speedLab\[0\]\.tests\[0\]\.rows\[0\]\.decodeTokensPerSecond/,
    ],
    [
      'a machine without its adapter',
      () => labLine((lab) => delete (probe0(lab).machine as { vendor?: string }).vendor),
      /probes\[0\]\.machine\.vendor/,
    ],
    ['a version the app does not know', () => labLine((lab) => (lab.version = 2)), /speedLab\[0\]\.version/],
    [
      'the same test twice',
      () => labLine((lab) => (lab as unknown as Lab).tests.push({ ...test0(lab) })),
      /speedLab\[0\]\.tests\[1\]\.id\): speed test "speed-laptop-m1" appears twice/,
    ],
    [
      'a speedLab line the header does not count',
      () => bytes(withLab.replace(',"speedLab":1}', '}')),
      /counts\.speedLab: the header announces 0 speedLab lines but the file holds 1/,
    ],
    [
      'a counted speedLab line that is missing',
      () =>
        bytes(
          withLab
            .split('\n')
            .filter((line) => !line.startsWith('{"speedLab"'))
            .join('\n'),
        ),
      /counts\.speedLab: the header announces 1 speedLab lines but the file holds 0: it was cut short/,
    ],
  ])('%s is refused with its path', async (_name, file, message) => {
    const error = await problem(file());
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(message);
  });
});

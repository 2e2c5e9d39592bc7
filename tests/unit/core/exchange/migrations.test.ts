import { describe, expect, it } from 'vitest';
import { migrateHeader } from '../../../../src/core/exchange/migrations';
import { bytes, fixtureText, parsed, problem } from './helpers';

const V0 = fixtureText('comparison.v0.json');

/** The v0 fixture with its `exportedAt` replaced by the given JSON text. */
function v0WithExportedAt(json: string): string {
  const field = /"exportedAt": [^,]+,/;
  if (!field.test(V0)) throw new Error('the v0 fixture no longer has an exportedAt to replace');
  return V0.replace(field, `"exportedAt": ${json},`);
}

describe('migration v0 → current: exportedAt', () => {
  it.each([
    ['1735689600000', '2025-01-01T00:00:00.000Z', 'epoch milliseconds become an ISO string'],
    ['0', '1970-01-01T00:00:00.000Z', 'the epoch itself is a real instant'],
    ['8640000000000000', '+275760-09-13T00:00:00.000Z', 'the last instant a Date can hold'],
    ['"2024-05-01T10:00:00.000Z"', '2024-05-01T10:00:00.000Z', 'a string is passed through as it is'],
  ])('%s → %s (%s)', async (json, expected) => {
    const doc = JSON.parse(v0WithExportedAt(json)) as Record<string, unknown>;
    expect(migrateHeader(doc, 0).exportedAt).toBe(expected);
    expect((await parsed(bytes(v0WithExportedAt(json)))).header.exportedAt).toBe(expected);
  });

  it.each([
    ['1e20', 'beyond the range of a Date: toISOString would throw RangeError'],
    ['-8640000000000001', 'just before the first instant a Date can hold'],
    ['1e999', 'JSON reads it as Infinity'],
  ])('%s is rejected as import-invalid naming exportedAt (%s)', async (json) => {
    const error = await problem(bytes(v0WithExportedAt(json)));
    expect(error.code).toBe('import-invalid');
    expect(error.detail).toContain('exportedAt');
  });

  it('migrates the header through every step: v0 gains the app stamp, v1 becomes v2', () => {
    expect(migrateHeader({ format: 'floorcheck-comparison', version: 0, exportedAt: 0 }, 0)).toEqual({
      format: 'floorcheck-comparison',
      version: 2,
      app: { name: 'Floorcheck', version: '0.0.0' },
      exportedAt: '1970-01-01T00:00:00.000Z',
    });
  });
});

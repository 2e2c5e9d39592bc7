import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importComparison } from '../../../../src/core/exchange/import-comparison';
import { migrateToCurrent } from '../../../../src/core/exchange/migrations';

const V0 = readFileSync(new URL('../../../fixtures/exchange/comparison.v0.json', import.meta.url), 'utf8');

/** The v0 fixture with its `exportedAt` replaced by the given JSON text. */
function v0WithExportedAt(json: string): string {
  const field = /"exportedAt": [^,]+,/;
  if (!field.test(V0)) throw new Error('the v0 fixture no longer has an exportedAt to replace');
  return V0.replace(field, `"exportedAt": ${json},`);
}

describe('migration v0 → v1: exportedAt', () => {
  it.each([
    ['1735689600000', '2025-01-01T00:00:00.000Z', 'epoch milliseconds become an ISO string'],
    ['0', '1970-01-01T00:00:00.000Z', 'the epoch itself is a real instant'],
    ['8640000000000000', '+275760-09-13T00:00:00.000Z', 'the last instant a Date can hold'],
    ['"2024-05-01T10:00:00.000Z"', '2024-05-01T10:00:00.000Z', 'a string is passed through as it is'],
  ])('%s → %s (%s)', (json, expected) => {
    const text = v0WithExportedAt(json);
    const migrated = migrateToCurrent(JSON.parse(text) as Record<string, unknown>, 0);
    expect(migrated.exportedAt).toBe(expected);
    const imported = importComparison(text);
    if (!imported.ok) throw new Error(`expected success, got ${imported.error.detail}`);
  });

  it.each([
    ['1e20', 'beyond the range of a Date: toISOString would throw RangeError'],
    ['-8640000000000001', 'just before the first instant a Date can hold'],
    ['1e999', 'JSON.parse reads it as Infinity'],
  ])('%s is rejected as import-invalid naming exportedAt (%s)', (json) => {
    let imported: ReturnType<typeof importComparison> | undefined;
    expect(() => {
      imported = importComparison(v0WithExportedAt(json));
    }).not.toThrow();
    expect(imported?.ok).toBe(false);
    if (imported === undefined || imported.ok) return;
    expect(imported.error.code).toBe('import-invalid');
    expect(imported.error.detail).toContain('exportedAt');
  });
});

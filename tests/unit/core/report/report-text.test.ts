import { describe, expect, it } from 'vitest';
import { summaryToMarkdown } from '../../../../src/core/metrics/summary-export';
import { reportModel, type ReportInput } from '../../../../src/core/report/report-model';
import {
  markdownText,
  reportCsv,
  reportJson,
  reportMarkdown,
  REPORT_JSON_FORMAT,
} from '../../../../src/core/report/report-text';
import { item, promptSet, resultsFromTable, run } from '../results/builders';

const set = promptSet(['q1', 'q2', 'q3'].map((id) => item(id)));
const theRun = run({ name: 'Run, "one"' });
const results = resultsFromTable({ q1: 'IC CC', q2: 'IC IC', q3: 'NC CC' });
const input: ReportInput = {
  payload: { runs: [theRun], results, sets: [set] },
  app: { name: 'Floorcheck', version: '9.9.9' },
  generatedAt: Date.UTC(2025, 5, 1),
};

describe('the report as text', () => {
  it('Markdown: heading, floor gap per model, then the screen’s own "Copy as Markdown" table', () => {
    const md = reportMarkdown(input);
    const rows = reportModel(input).runs[0]?.rows ?? [];
    expect(md.startsWith('## Run, "one" — Test set (completed)\n')).toBe(true);
    // m1: 2 of 3 wrong closed-book, 0 of 3 with passages; Newcombe's interval for the difference.
    expect(md).toContain(
      '- **m1**: **+66.7 pp** [−5.9 pp, +93.9 pp] — hallucinates 66.7% closed-book against 0.0% with retrieval (passages in context)',
    );
    expect(md).toContain(summaryToMarkdown(rows).trimEnd());
    expect(md).toContain('_12 answers on 3 items; Floorcheck 0.1.0, simulated engine');
  });

  it.each([
    ['plain text', 'Run one', 'Run one'],
    ['emphasis and code', '*a* `c`', '\\*a\\* \\`c\\`'],
    ['underscores inside model ids', 'Qwen3-0.6B-q4f16_1-MLC', 'Qwen3-0.6B-q4f16_1-MLC'],
    ['a table pipe and a heading mark', 'a|b #1', 'a\\|b \\#1'],
    ['HTML', '<img src=x>', '\\<img src=x\\>'],
    ['line breaks', 'one\n two', 'one two'],
  ])('Markdown escapes names: %s', (_why, text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  it('Markdown of a run with no answers says there is no floor gap yet', () => {
    const md = reportMarkdown({ ...input, payload: { runs: [theRun], results: [], sets: [set] } });
    expect(md).toContain('No floor gap yet');
    expect(md).toContain('| m1 | Closed book | 0 | — |');
  });

  it('CSV: the run in front, the summary columns, the floor gap on retrieval rows', () => {
    const lines = reportCsv(input).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.startsWith('run_id,run_name,model,condition,items,correct_pct,')).toBe(true);
    expect(lines[0]?.endsWith(',condition_id,floor_gap_pp,floor_gap_low_pp,floor_gap_high_pp')).toBe(true);
    const cells = lines.map((l) => l.split(','));
    // The run name holds a comma and quotes: quoted, quotes doubled, so the columns stay aligned.
    expect(lines[1]?.startsWith('run-1,"Run, ""one""",m1,Closed book,3,')).toBe(true);
    expect(lines[1]?.endsWith(',closed-book,,,')).toBe(true);
    expect(lines[2]?.endsWith(',context:ok,66.7,-5.9,93.9')).toBe(true);
    expect(cells[3]?.at(-4)).toBe('closed-book');
  });

  it('JSON: shares as 0..1 intervals, null where nothing was counted, the headline marked', () => {
    const doc = JSON.parse(reportJson(input)) as {
      format: string;
      version: number;
      runs: {
        summary: { n: number; incorrect: { estimate: number } | null; toolCalled: unknown }[];
        floorGaps: { modelId: string; headline: boolean; gap: { estimate: number } }[];
      }[];
    };
    expect(doc.format).toBe(REPORT_JSON_FORMAT);
    expect(doc.version).toBe(1);
    const first = doc.runs[0];
    expect(first?.summary[0]?.incorrect?.estimate).toBeCloseTo(2 / 3);
    expect(first?.summary[0]?.toolCalled).toBeNull();
    expect(first?.floorGaps.map((g) => [g.modelId, g.headline, Math.round(g.gap.estimate * 1000)])).toEqual([
      ['m1', true, 667],
      ['m2', true, 333],
    ]);
    const empty = JSON.parse(
      reportJson({ ...input, payload: { runs: [theRun], results: [], sets: [] } }),
    ) as {
      runs: { summary: { n: number; correct: unknown; speed: { totalMs: { median: unknown } } }[] }[];
    };
    expect(empty.runs[0]?.summary[0]).toMatchObject({
      n: 0,
      correct: null,
      speed: { totalMs: { median: null } },
    });
  });
});

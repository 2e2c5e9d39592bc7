import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComparisonPayload } from '../../../../src/core/exchange/envelope';
import { summaryTable } from '../../../../src/core/metrics/summary-export';
import { answerBlocks, type AnswerMeta, type AnswerRow } from '../../../../src/core/report/report-answers';
import {
  REPORT_CSP,
  REPORT_SCRIPT,
  REPORT_SCRIPT_SHA256,
  REPORT_STYLE,
  REPORT_STYLE_SHA256,
} from '../../../../src/core/report/report-assets';
import { reportChunks, reportHtml } from '../../../../src/core/report/report-html';
import { reportModel, type ReportInput } from '../../../../src/core/report/report-model';
import { CLOSED, CONTEXT_OK, item, promptSet, result, resultsFromTable, run } from '../results/builders';

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '</script><script>alert(2)</script>';

function input(payload: Partial<ComparisonPayload>, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    payload: { runs: [], results: [], sets: [], ...payload },
    app: { name: 'Floorcheck', version: '9.9.9' },
    generatedAt: Date.UTC(2025, 5, 1, 12, 30),
    ...overrides,
  };
}

const set = promptSet(['q1', 'q2', 'q3'].map((id) => item(id)));
const baseRun = run({
  environment: {
    appVersion: '0.1.0',
    engine: 'webllm',
    webllmVersion: '0.2.86',
    userAgent: 'Chromium test',
    adapter: { vendor: 'acme', architecture: 'rdna9', description: 'Acme GPU' },
  },
});
const results = resultsFromTable({ q1: 'IC CC', q2: 'IC IC', q3: 'NC CC' });

/** The JSON of every inert script block, parsed as the report's own script would. */
function blocks(html: string): { meta: AnswerMeta; rows: AnswerRow[] } {
  const meta = /<script type="application\/json" id="answer-meta">(.*?)<\/script>/s.exec(html);
  const rows = [...html.matchAll(/<script type="application\/json" class="answers">(.*?)<\/script>/gs)];
  return {
    meta: JSON.parse(meta?.[1] ?? 'null') as AnswerMeta,
    rows: rows.flatMap((m) => JSON.parse(m[1] ?? '[]') as AnswerRow[]),
  };
}

describe('the HTML report', () => {
  const html = reportHtml(
    input({ runs: [baseRun], results, sets: [set] }, { source: 'runs.floorcheck.json' }),
  );

  it('has every section: headline, summary, charts, environment and the answer table', () => {
    // Headline: m1 hallucinates 2 of 3 closed-book against 0 of 3 with passages.
    expect(html).toContain('<strong>m1</strong>: floor gap <span class="big">+66.7 pp</span>');
    expect(html).toContain(
      'hallucinates 66.7% closed-book against 0.0% with retrieval (passages in context)',
    );
    // The summary table holds the results screen's own cells.
    const figures = reportModel(input({ runs: [baseRun], results, sets: [set] })).runs[0];
    for (const row of summaryTable(figures?.rows ?? []).rows) {
      expect(html).toContain(`<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    }
    expect(html.match(/<figure class="chart">/g)).toHaveLength(3);
    expect(html.match(/<svg viewBox=/g)?.length).toBeGreaterThanOrEqual(3);
    for (const text of [
      'web-llm 0.2.86',
      'Floorcheck 0.1.0',
      'acme · rdna9 · Acme GPU',
      'm1, m2',
      'Closed book (closed-book); Passages in context (context:ok)',
      'temperature 0, top-p 1, at most 64 tokens, seed 1, thinking off',
      'Written by Floorcheck 9.9.9 on 2025-06-01 12:30 UTC from runs.floorcheck.json',
      '<h2 id="answers-title">Every answer</h2>',
    ]) {
      expect(html).toContain(text);
    }
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('carries every answer with its verdict, source and reason as data', () => {
    const { meta, rows } = blocks(html);
    expect(meta.total).toBe(12);
    expect(rows).toHaveLength(12);
    expect(meta.models).toEqual(['m1', 'm2']);
    expect(meta.conditions).toEqual(['Closed book', 'Passages in context']);
    const first = rows.find((r) => meta.items[r[1]]?.[0] === 'q1' && r[2] === 0 && r[3] === 0);
    expect(first?.slice(4, 8)).toEqual(['incorrect', 'deterministic', 'test', 'Answer from m1 to q1']);
    expect(meta.items[0]).toEqual(['q1', 'Question q1?', ['answer q1']]);
  });

  it('allows only its own style and script, by hash, and nothing from the network', () => {
    const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
    // When this fails after editing the script or the stylesheet, put the new hash in report-assets.ts.
    expect(REPORT_SCRIPT_SHA256, `script hash is now ${hash(REPORT_SCRIPT)}`).toBe(hash(REPORT_SCRIPT));
    expect(REPORT_STYLE_SHA256, `style hash is now ${hash(REPORT_STYLE)}`).toBe(hash(REPORT_STYLE));
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toContain('unsafe-inline');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain(`<style>${REPORT_STYLE}</style>`);
    // Nothing that loads or runs: no src, no external links, no style attributes, no handlers.
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes everything from a model, a person or a file, and keeps it exact as data', () => {
    const hostileSet = promptSet([item('q1', { prompt: `Q ${HOSTILE_IMG}`, answers: [HOSTILE_SCRIPT] })]);
    const hostileRun = run(
      { name: `Run ${HOSTILE_SCRIPT}`, itemIds: ['q1'] },
      { modelIds: [HOSTILE_IMG], conditions: [CLOSED, CONTEXT_OK], setName: HOSTILE_IMG },
    );
    const answers = [
      result(HOSTILE_IMG, 'closed-book', 'q1', 'incorrect', {
        rawAnswer: `${HOSTILE_IMG} and ${HOSTILE_SCRIPT}`,
      }),
      result(HOSTILE_IMG, 'context:ok', 'q1', 'correct', {
        rawAnswer: '<!-- <script> \u2028 & end',
        verdicts: { override: { verdict: 'correct', at: 1, note: HOSTILE_SCRIPT } },
      }),
    ];
    const out = reportHtml(input({ runs: [hostileRun], results: answers, sets: [hostileSet] }));
    expect(out).not.toContain('<img');
    expect(out).not.toContain('alert(2)</script>');
    expect(out).not.toContain('<!--');
    // Exactly the report's own script elements: one per answer block, the meta list, the code.
    expect(out.match(/<script/g)).toHaveLength(3);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const { meta, rows } = blocks(out);
    expect(meta.models).toEqual([HOSTILE_IMG]);
    expect(meta.runs).toEqual([`Run ${HOSTILE_SCRIPT}`]);
    expect(meta.items[0]).toEqual(['q1', `Q ${HOSTILE_IMG}`, [HOSTILE_SCRIPT]]);
    expect(rows.map((r) => r[7])).toEqual([
      `${HOSTILE_IMG} and ${HOSTILE_SCRIPT}`,
      '<!-- <script> \u2028 & end',
    ]);
    expect(rows[1]?.[6]).toBe(`Set by a person: ${HOSTILE_SCRIPT}`);
  });

  it('reports a run with no results: empty figures, no gap, no answers', () => {
    const out = reportHtml(input({ runs: [run()], results: [], sets: [set] }));
    expect(out).toContain('No floor gap yet');
    expect(out.match(/Nothing to chart yet/g)).toHaveLength(3);
    // One summary row per configured column, every figure "—".
    expect(out).toContain('<td>m1</td><td>Closed book</td><td>0</td><td>—</td>');
    expect(blocks(out).meta.total).toBe(0);
    expect(blocks(out).rows).toEqual([]);
  });

  it('reports a file with no runs in words', () => {
    const out = reportHtml(input({}));
    expect(out).toContain('This file holds no runs');
    expect(out).not.toContain('id="answers"');
  });

  it('puts several runs side by side, with contents and a run column', () => {
    const second = run({ id: 'run-2', name: 'Run two' });
    const out = reportHtml(
      input({
        runs: [baseRun, second],
        results: [...results, ...resultsFromTable({ q1: 'CC CC' }, undefined, 'run-2')],
        sets: [set],
      }),
    );
    expect(out).toContain('<a href="#run-0">Run one</a>');
    expect(out).toContain('<a href="#run-1">Run two</a>');
    expect(out).toContain('<th scope="col">Run</th>');
    const { meta, rows } = blocks(out);
    expect(meta.runs).toEqual(['Run one', 'Run two']);
    expect(rows.filter((r) => r[0] === 1)).toHaveLength(4);
  });

  it('writes answers in blocks as they fill, never as one string', () => {
    const model = reportModel(input({ runs: [baseRun], results, sets: [set] }));
    const chunks = [...answerBlocks(model, 5)];
    // 12 answers in blocks of 5: three blocks, then the meta list.
    expect(chunks).toHaveLength(4);
    expect(chunks[3]).toContain('id="answer-meta"');
    const whole = [...reportChunks(input({ runs: [baseRun], results, sets: [set] }))];
    expect(whole.length).toBeGreaterThan(3);
    expect(whole.join('')).toBe(reportHtml(input({ runs: [baseRun], results, sets: [set] })));
  });
});

/**
 * The report's figures as text, for `floorcheck report --format md|csv|json`:
 * per run the floor gap per model and the summary table with intervals.
 *
 * - Markdown is what people paste into posts and issues: the results screen's
 *   "Copy as Markdown" table (summaryToMarkdown, reused as is) under a heading
 *   and the floor gap lines.
 * - CSV is the screen's summary CSV (summaryToCsv, reused row by row) with the
 *   run in front and, on each retrieval row, that condition's floor gap.
 * - JSON is for programs: the same rows, gaps and fault effects with shares as
 *   0..1 numbers (a share with nothing to count is null, as are missing speeds).
 */
import { summaryToCsv, summaryToMarkdown, csvField } from '../metrics/summary-export';
import { percentNumber } from '../metrics/share-format';
import { conditionLabel } from '../retrieval/conditions';
import { FLOOR_GAP_NOTE, NO_FLOOR_GAP, floorGapText } from './floor-gap-text';
import { reportModel, type ReportInput, type ReportRun } from './report-model';

/**
 * Backslash-escapes what Markdown would read as markup in a name (emphasis,
 * code, links, HTML, table pipes, headings); newlines become spaces.
 * Underscores are left alone: model ids are full of them (`q4f16_1`), and
 * within a word they are not emphasis in GitHub's Markdown.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*[\]<>#|]/g, (c) => `\\${c}`).replace(/\s*\r?\n\s*/g, ' ');
}

function engineWords(report: ReportRun): string {
  const env = report.run.environment;
  return env.engine === 'simulated'
    ? 'simulated engine (scripted answers, not a model)'
    : `web-llm ${env.webllmVersion ?? '(version not recorded)'}`;
}

function runMarkdown(report: ReportRun): string {
  const { run } = report;
  const lines = [`## ${markdownText(run.name)} — ${markdownText(run.config.setName)} (${run.status})`, ''];
  if (report.headline.length === 0) {
    lines.push(NO_FLOOR_GAP, '');
  } else {
    lines.push('**Floor gap per model**', '');
    for (const gap of report.headline) {
      const t = floorGapText(gap);
      lines.push(`- **${markdownText(t.modelId)}**: **${t.gap}** ${t.interval} — ${t.detail}`);
    }
    lines.push('', FLOOR_GAP_NOTE, '');
  }
  lines.push(summaryToMarkdown(report.rows).trimEnd(), '');
  lines.push(
    `_${report.results.length} answers on ${run.itemIds.length} items; Floorcheck ${markdownText(run.environment.appVersion)}, ${markdownText(engineWords(report))}._`,
    '',
  );
  return lines.join('\n');
}

export function reportMarkdown(input: ReportInput): string {
  const model = reportModel(input);
  if (model.runs.length === 0) return 'This file holds no runs: there is nothing to report.\n';
  return model.runs.map(runMarkdown).join('\n');
}

/** The header of summaryToCsv: it is the first CRLF-ended line, and holds no quoted field. */
function summaryCsvHeader(): string {
  return summaryToCsv([]).split('\r\n')[0] ?? '';
}

export function reportCsv(input: ReportInput): string {
  const model = reportModel(input);
  const header = `run_id,run_name,${summaryCsvHeader()},floor_gap_pp,floor_gap_low_pp,floor_gap_high_pp`;
  const lines = [header];
  for (const report of model.runs) {
    const gaps = new Map(report.floorGaps.map((g) => [`${g.modelId}\u0000${g.conditionId}`, g.gap]));
    const runFields = `${csvField(report.run.id)},${csvField(report.run.name)}`;
    for (const row of report.rows) {
      // summaryToCsv of one row: its header line, then that row (which may hold quoted line breaks).
      const csv = summaryToCsv([row]);
      const body = csv.slice(csv.indexOf('\r\n') + 2).replace(/\r\n$/, '');
      const gap = gaps.get(`${row.modelId}\u0000${row.conditionId}`);
      const gapFields = gap
        ? [percentNumber(gap.estimate), percentNumber(gap.low), percentNumber(gap.high)]
        : ['', '', ''];
      lines.push(`${runFields},${body},${gapFields.join(',')}`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const REPORT_JSON_FORMAT = 'floorcheck-report';
export const REPORT_JSON_VERSION = 1;

/** A share with nothing to count (0 of 0: Wilson's whole range, shown "—" on screen) is null. */
function share<T extends { low: number; high: number }>(interval: T | undefined): T | null {
  if (!interval || (interval.low === 0 && interval.high === 1)) return null;
  return interval;
}

export function reportJson(input: ReportInput): string {
  const model = reportModel(input);
  const runs = model.runs.map((report) => {
    const { run } = report;
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      setId: run.config.setId,
      setName: run.config.setName,
      items: run.itemIds.length,
      answers: report.results.length,
      models: run.config.modelIds,
      conditions: run.config.conditions.map((c) => ({ ...c, label: conditionLabel(c) })),
      environment: run.environment,
      settings: run.config.settings,
      summary: report.rows.map((row) => ({
        modelId: row.modelId,
        conditionId: row.conditionId,
        condition: conditionLabel(row.condition),
        n: row.n,
        correct: share(row.correct),
        incorrect: share(row.incorrect),
        notAttempted: share(row.notAttempted),
        correctGivenAttempted: share(row.correctGivenAttempted),
        fScore: share(row.fScore),
        toolCalled: share(row.toolCalled),
        speed: row.speed,
      })),
      floorGaps: report.floorGaps.map((g) => ({
        modelId: g.modelId,
        conditionId: g.conditionId,
        condition: conditionLabel(g.condition),
        headline: report.headline.includes(g),
        closedBook: g.closedBook,
        withRetrieval: g.withRetrieval,
        gap: g.gap,
      })),
      faultEffects: report.faultEffects.map(({ condition, ...effect }) => ({
        ...effect,
        condition: conditionLabel(condition),
      })),
    };
  });
  const doc = {
    format: REPORT_JSON_FORMAT,
    version: REPORT_JSON_VERSION,
    app: model.app,
    generatedAt: new Date(model.generatedAt).toISOString(),
    ...(model.source === undefined ? {} : { source: model.source }),
    runs,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

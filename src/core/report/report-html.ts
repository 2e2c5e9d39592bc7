/**
 * The report as one self-contained HTML document: per run the floor gap per
 * model (the headline), the summary table with intervals, the fault effects,
 * the three charts as inline SVG and the environment (app and engine
 * versions, models, adapter, settings); then one searchable, filterable table
 * of every answer with its verdict and reason.
 *
 * Written as a sequence of chunks (`reportChunks`), never one string, so a
 * report of 100,000 answers can go straight into a Blob or a file stream.
 * Everything that came from a model, a person or a file is escaped text
 * (html-text.ts); the answers travel as inert JSON that the report's own
 * script renders with textContent; the Content-Security-Policy
 * (report-assets.ts) forbids any network access and any other script.
 */
import { intervalText, signedIntervalText } from '../metrics/share-format';
import { SUMMARY_NOTE, summaryTable } from '../metrics/summary-export';
import { conditionId, conditionLabel } from '../retrieval/conditions';
import type { RunRecord } from '../runs/types';
import { answerBlocks } from './report-answers';
import { REPORT_CSP, REPORT_SCRIPT, REPORT_STYLE } from './report-assets';
import { runCharts } from './report-charts';
import { escapeHtml, element, utcTime } from './html-text';
import { FLOOR_GAP_NOTE, NO_FLOOR_GAP, floorGapText } from './floor-gap-text';
import { reportModel, type ReportInput, type ReportModel, type ReportRun } from './report-model';

function table(className: string, caption: string, headers: readonly string[], rows: readonly string[][]) {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<div class="wrap"><table class="${className}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function headline(report: ReportRun): string {
  if (report.headline.length === 0) return `<p class="muted">${escapeHtml(NO_FLOOR_GAP)}</p>`;
  const items = report.headline.map((gap) => {
    const t = floorGapText(gap);
    return `<li><strong>${escapeHtml(t.modelId)}</strong>: floor gap <span class="big">${escapeHtml(t.gap)}</span> <span class="muted">${escapeHtml(`${t.interval} — ${t.detail}`)}</span></li>`;
  });
  return `<ul class="gaps" aria-label="Floor gap per model">${items.join('')}</ul><p class="muted note">${escapeHtml(FLOOR_GAP_NOTE)}</p>`;
}

function faultTable(report: ReportRun): string {
  if (report.faultEffects.length === 0) return '';
  return table(
    'faults',
    'Each fault mode against the same model’s fault-free condition (95% intervals)',
    ['Model', 'Condition', 'Correct', 'Correct without fault', 'Difference', 'Fault changed the verdict'],
    report.faultEffects.map((e) => [
      e.modelId,
      conditionLabel(e.condition),
      intervalText(e.accuracy),
      intervalText(e.okAccuracy),
      signedIntervalText(e.difference),
      `${e.changed} of ${e.paired} items: ${e.paired > 0 ? intervalText(e.changedShare) : '—'}`,
    ]),
  );
}

function entry(term: string, value: string, pre = false): string {
  const text = pre ? `<pre>${escapeHtml(value)}</pre>` : escapeHtml(value);
  return `<dt>${escapeHtml(term)}</dt><dd>${text}</dd>`;
}

function engineText(run: RunRecord): string {
  const env = run.environment;
  if (env.engine === 'simulated') return 'Simulated engine (scripted answers, not a model)';
  return `web-llm ${env.webllmVersion ?? '(version not recorded)'}`;
}

function environment(report: ReportRun): string {
  const { run } = report;
  const { config, environment: env } = run;
  const s = config.settings;
  const selection = [
    config.selection.tags.length > 0 ? `tags ${config.selection.tags.join(', ')}` : 'all tags',
    config.selection.sample
      ? `a sample of ${config.selection.sample.size} (seed ${config.selection.sample.seed})`
      : 'every item',
  ].join(', ');
  const adapter = env.adapter
    ? [env.adapter.vendor, env.adapter.architecture, env.adapter.description].filter(Boolean).join(' · ')
    : 'not recorded';
  const entries = [
    entry('Run id', run.id),
    entry('Status', run.status),
    entry('Started', utcTime(run.createdAt)),
    entry('Finished', run.finishedAt === undefined ? '—' : utcTime(run.finishedAt)),
    entry('Prompt set', `${config.setName} (${config.setId}), ${run.itemIds.length} items: ${selection}`),
    entry('Models', config.modelIds.join(', ') || '—'),
    ...(run.skipped.length > 0
      ? [
          entry(
            'Skipped models',
            run.skipped.map((m) => `${m.modelId}: ${m.reason} (${m.code})`).join('\n'),
            true,
          ),
        ]
      : []),
    entry('Conditions', config.conditions.map((c) => `${conditionLabel(c)} (${conditionId(c)})`).join('; ')),
    entry('Engine', engineText(run)),
    entry('App that ran it', `Floorcheck ${env.appVersion}`),
    entry('GPU adapter', adapter),
    entry('Browser', env.userAgent),
    ...(run.importedFrom ? [entry('Imported from', run.importedFrom)] : []),
    entry(
      'Settings',
      `temperature ${s.temperature}, top-p ${s.topP}, at most ${s.maxTokens} tokens, seed ${s.seed}, thinking ${s.thinking ? 'on' : 'off'}`,
    ),
    entry('System prompt', s.systemPrompt || '(none)', true),
    entry(
      'Prompt templates',
      `Closed book:\n${s.templates['closed-book']}\n\nPassages in context:\n${s.templates.context}\n\nWith tool:\n${s.templates.tool}`,
      true,
    ),
  ];
  return `<dl class="env">${entries.join('')}</dl>`;
}

function runSection(report: ReportRun, index: number): string {
  const { run } = report;
  const simulated =
    run.environment.engine === 'simulated'
      ? ' <span class="badge">simulated engine: scripted answers, not a model</span>'
      : '';
  const summary = summaryTable(report.rows);
  return [
    `<section id="run-${index}" aria-labelledby="run-${index}-title">`,
    `<h2 id="run-${index}-title">${escapeHtml(run.name)} <span class="muted">— ${escapeHtml(`${run.config.setName} (${run.status})`)}</span>${simulated}</h2>`,
    `<p class="muted">${escapeHtml(`${report.results.length} answers from ${run.config.modelIds.length} models under ${run.config.conditions.length} conditions on ${run.itemIds.length} items.`)}</p>`,
    `<h3>Floor gap per model</h3>${headline(report)}`,
    `<h3>Summary</h3>${table('summary', `Per model and condition. ${SUMMARY_NOTE}`, summary.headers, summary.rows)}`,
    faultTable(report),
    `<h3>Charts</h3><div class="charts">${runCharts(report.rows)}</div>`,
    `<h3>Environment</h3>${environment(report)}`,
    '</section>\n',
  ].join('');
}

function answersHead(model: ReportModel): string {
  const filters = [
    '<label>Search <input id="f-q" name="q" type="search" placeholder="words in question, answer or reason"></label>',
    '<label>Run <select id="f-run"><option value="">All runs</option></select></label>',
    '<label>Model <select id="f-model"><option value="">All models</option></select></label>',
    '<label>Condition <select id="f-condition"><option value="">All conditions</option></select></label>',
    '<label>Verdict <select id="f-verdict"><option value="">All verdicts</option><option value="correct">Correct</option><option value="incorrect">Incorrect</option><option value="not_attempted">Not attempted</option><option value="failed">Failed</option><option value="ungraded">Not graded</option></select></label>',
    '<button type="button" id="answer-prev">Previous</button><button type="button" id="answer-next">Next</button>',
  ].join('');
  const columns = [
    ...(model.runs.length > 1 ? ['Run'] : []),
    'Item',
    'Question',
    'Accepted answers',
    'Model',
    'Condition',
    'Answer (reasoning removed)',
    'Verdict',
    'By',
    'Reason',
    'Decode tok/s',
    'Total ms',
  ];
  return [
    '<section id="answers" aria-labelledby="answers-title"><h2 id="answers-title">Every answer</h2>',
    '<noscript><p class="muted">The answer table needs JavaScript; the figures above are complete without it.</p></noscript>',
    `<form id="answer-filters" class="filters" role="search" hidden>${filters}</form>`,
    '<p id="answer-count" class="muted" aria-live="polite"></p>',
    `<div class="wrap"><table class="answers-table"><thead><tr>${columns.map((c) => element('th', c, 'scope="col"')).join('')}</tr></thead><tbody id="answer-rows"></tbody></table></div></section>\n`,
  ].join('');
}

function titleOf(model: ReportModel): string {
  const only = model.runs.length === 1 ? model.runs[0] : undefined;
  return only ? `Floorcheck report: ${only.run.name}` : 'Floorcheck report';
}

/** The report's HTML, chunk by chunk; joined they are one complete document. */
export function* reportChunks(input: ReportInput): Generator<string> {
  const model = reportModel(input);
  const answers = model.runs.reduce((sum, r) => sum + r.results.length, 0);
  const origin = model.source ? ` from ${model.source}` : '';
  yield [
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${model.app.name} ${model.app.version}`)}">`,
    `<title>${escapeHtml(titleOf(model))}</title><style>${REPORT_STYLE}</style></head><body>\n`,
    `<header><h1>${escapeHtml(titleOf(model))}</h1>`,
    `<p class="muted">${escapeHtml(`Written by ${model.app.name} ${model.app.version} on ${utcTime(model.generatedAt)}${origin}: ${model.runs.length} ${model.runs.length === 1 ? 'run' : 'runs'}, ${answers} answers. Every figure is measured on the answers below; nothing here was fetched or computed elsewhere.`)}</p>`,
    model.runs.length > 1
      ? `<nav aria-label="Contents"><ul>${model.runs.map((r, i) => `<li><a href="#run-${i}">${escapeHtml(r.run.name)}</a></li>`).join('')}<li><a href="#answers">Every answer</a></li></ul></nav>`
      : '',
    '</header>\n',
  ].join('');
  if (model.runs.length === 0) yield '<p>This file holds no runs: there is nothing to report.</p>\n';
  for (const [index, report] of model.runs.entries()) yield runSection(report, index);
  if (model.runs.length > 0) {
    yield answersHead(model);
    yield* answerBlocks(model);
  }
  yield `<script>${REPORT_SCRIPT}</script>\n</body></html>\n`;
}

/** The whole report as one string: for small reports and tests (large ones should use the chunks). */
export function reportHtml(input: ReportInput): string {
  return [...reportChunks(input)].join('');
}

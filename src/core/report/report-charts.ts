/**
 * The results screen's three charts as inline SVG strings, from the same
 * chart data (src/core/results/chart-data.ts) and the same geometry as
 * BarChart.svelte and SpeedScatter.svelte: the Svelte components cannot run
 * in a static file, and a chart that disagreed with the app would be worse
 * than none. Colours are classes (`k-…`, `m0…m4`) styled by the report's
 * stylesheet rather than style attributes, which the report's
 * Content-Security-Policy forbids. Every figure carries its numbers as a
 * data table too, and every label is escaped text.
 */
import { intervalText, percent } from '../metrics/share-format';
import type { SummaryRow } from '../metrics/summary';
import {
  distinct,
  faultBars,
  floorBars,
  linearScale,
  niceCeiling,
  speedPoints,
  type GroupedBar,
  type SpeedPoint,
} from '../results/chart-data';
import { escapeHtml } from './html-text';

function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

function dataTable(columns: readonly string[], rows: readonly string[][]): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<details><summary>Data table</summary><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></details>`;
}

function figure(title: string, empty: boolean, chart: () => string, table: () => string): string {
  const body = empty ? '<p class="muted">Nothing to chart yet.</p>' : `${chart()}${table()}`;
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>${body}</figure>`;
}

const BAR_WIDTH = 640;
const BAR = 20;
const HEADING = 20;
const GAP = 10;
const AXIS = 30;
const RIGHT = 58;
const CHAR = 6.6;
const MAX_LABEL_CHARS = 36;

function clip(text: string): string {
  return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

function barSvg(description: string, bars: readonly GroupedBar[]): string {
  const groups = distinct(bars.map((b) => b.group));
  const series = distinct(bars.map((b) => b.series));
  const labelWidth = Math.min(MAX_LABEL_CHARS, Math.max(8, ...series.map((s) => s.length))) * CHAR + 14;
  const x = linearScale([0, 1], [labelWidth, BAR_WIDTH - RIGHT]);
  const parts: string[] = [];
  let y = 0;
  for (const group of groups) {
    parts.push(`<text x="0" y="${n(y + 14)}" class="group">${escapeHtml(group)}</text>`);
    y += HEADING;
    for (const bar of bars.filter((b) => b.group === group)) {
      const mid = y + BAR / 2;
      const { low, high, estimate } = bar.share;
      parts.push(
        `<g><title>${escapeHtml(`${bar.group}, ${bar.series}: ${intervalText(bar.share)}`)}</title>` +
          `<text x="${n(labelWidth - 8)}" y="${n(mid + 4)}" text-anchor="end" class="series">${escapeHtml(clip(bar.series))}</text>` +
          `<rect x="${n(labelWidth)}" y="${n(y + 3)}" width="${n(Math.max(0, x(estimate) - labelWidth))}" height="${BAR - 6}" class="bar k-${escapeHtml(bar.kind)}" fill-opacity="${bar.faulted ? 0.45 : 0.85}"/>` +
          `<line x1="${n(x(low))}" x2="${n(x(high))}" y1="${n(mid)}" y2="${n(mid)}" class="whisker"/>` +
          `<line x1="${n(x(low))}" x2="${n(x(low))}" y1="${n(mid - 4)}" y2="${n(mid + 4)}" class="whisker"/>` +
          `<line x1="${n(x(high))}" x2="${n(x(high))}" y1="${n(mid - 4)}" y2="${n(mid + 4)}" class="whisker"/>` +
          `<text x="${n(Math.max(x(estimate), x(high)) + 5)}" y="${n(mid + 4)}" class="value">${escapeHtml(percent(estimate))}</text></g>`,
      );
      y += BAR;
    }
    y += GAP;
  }
  const ticks = x.ticks.map(
    (t) =>
      `<line x1="${n(x(t))}" x2="${n(x(t))}" y1="0" y2="${n(y)}" class="grid"/>` +
      `<text x="${n(x(t))}" y="${n(y + 16)}" text-anchor="middle" class="tick">${Math.round(t * 100)}%</text>`,
  );
  return (
    `<svg viewBox="0 0 ${BAR_WIDTH} ${n(y + AXIS)}" role="img" xmlns="http://www.w3.org/2000/svg">` +
    `<desc>${escapeHtml(description)}</desc>${ticks.join('')}${parts.join('')}</svg>`
  );
}

export function barChart(title: string, description: string, bars: readonly GroupedBar[]): string {
  return figure(
    title,
    bars.length === 0,
    () => barSvg(description, bars),
    () =>
      dataTable(
        ['Model', 'Condition', 'Share', '95% interval'],
        bars.map((b) => [
          b.group,
          b.series,
          percent(b.share.estimate),
          `${percent(b.share.low)} – ${percent(b.share.high)}`,
        ]),
      ),
  );
}

const W = 640;
const H = 300;
const LEFT = 52;
const RIGHT_PAD = 24;
const TOP = 12;
const BOTTOM = 46;
const PALETTE_SIZE = 5;

/** The marker of a condition kind centred on (cx, cy): circle closed-book, square context, triangle tool. */
function marker(kind: SpeedPoint['kind'], cx: number, cy: number): string {
  const r = 5;
  if (kind === 'context') return `M${n(cx - r)},${n(cy - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
  if (kind === 'tool')
    return `M${n(cx)},${n(cy - r - 1)}L${n(cx + r + 1)},${n(cy + r)}L${n(cx - r - 1)},${n(cy + r)}Z`;
  return `M${n(cx - r)},${n(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

const SHAPES: { kind: SpeedPoint['kind']; label: string }[] = [
  { kind: 'closed-book', label: 'closed book' },
  { kind: 'context', label: 'passages in context' },
  { kind: 'tool', label: 'with tool' },
];

function scatterSvg(points: readonly SpeedPoint[]): string {
  const models = distinct(points.map((p) => p.modelId));
  const maxSpeed = niceCeiling(Math.max(1, ...points.map((p) => p.tokensPerSecond)) * 1.05);
  const x = linearScale([0, maxSpeed], [LEFT, W - RIGHT_PAD]);
  const y = linearScale([0, 1], [H - BOTTOM, TOP]);
  const mid = (TOP + H - BOTTOM) / 2;
  const parts: string[] = [
    `<desc>Share of answers correct (vertical) against median decode tokens per second (horizontal), one point per model and condition with its 95% interval; the table below lists every point.</desc>`,
  ];
  for (const t of y.ticks) {
    parts.push(
      `<line x1="${LEFT}" x2="${W - RIGHT_PAD}" y1="${n(y(t))}" y2="${n(y(t))}" class="grid"/>` +
        `<text x="${LEFT - 6}" y="${n(y(t) + 4)}" text-anchor="end" class="tick">${Math.round(t * 100)}%</text>`,
    );
  }
  for (const t of x.ticks) {
    parts.push(
      `<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${H - BOTTOM}" y2="${H - BOTTOM + 4}" class="axis"/>` +
        `<text x="${n(x(t))}" y="${H - BOTTOM + 18}" text-anchor="middle" class="tick">${t}</text>`,
    );
  }
  parts.push(
    `<text x="${(LEFT + W - RIGHT_PAD) / 2}" y="${H - 6}" text-anchor="middle" class="axis-title">median decode tokens per second</text>`,
    `<text x="12" y="${mid}" text-anchor="middle" transform="rotate(-90 12 ${mid})" class="axis-title">correct</text>`,
  );
  for (const p of points) {
    const cx = x(p.tokensPerSecond);
    const colour = `m${models.indexOf(p.modelId) % PALETTE_SIZE}`;
    parts.push(
      `<g><title>${escapeHtml(`${p.label}: ${intervalText(p.accuracy)} correct, ${p.tokensPerSecond.toFixed(1)} tok/s`)}</title>` +
        `<line x1="${n(cx)}" x2="${n(cx)}" y1="${n(y(p.accuracy.low))}" y2="${n(y(p.accuracy.high))}" class="whisker faint"/>` +
        `<path d="${marker(p.kind, cx, y(p.accuracy.estimate))}" class="point ${colour}${p.faulted ? ' hollow' : ''}"/></g>`,
    );
  }
  const legend = [
    ...models.map(
      (m, i) =>
        `<li><svg viewBox="0 0 10 10" class="key" aria-hidden="true"><rect width="10" height="10" class="point m${i % PALETTE_SIZE}"/></svg>${escapeHtml(m)}</li>`,
    ),
    ...SHAPES.filter((s) => points.some((p) => p.kind === s.kind)).map(
      (s) =>
        `<li><svg viewBox="-7 -7 14 14" class="key" aria-hidden="true"><path d="${marker(s.kind, 0, 0)}" class="key-shape"/></svg>${s.label}</li>`,
    ),
    ...(points.some((p) => p.faulted) ? ['<li>hollow: a fault was injected</li>'] : []),
  ];
  return (
    `<svg viewBox="0 0 ${W} ${H}" role="img" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>` +
    `<ul class="legend" aria-label="Legend">${legend.join('')}</ul>`
  );
}

export function speedChart(points: readonly SpeedPoint[]): string {
  return figure(
    'Accuracy against decode speed',
    points.length === 0,
    () => scatterSvg(points),
    () =>
      dataTable(
        ['Model, condition', 'Correct', '95% interval', 'Decode tok/s (median)'],
        points.map((p) => [
          p.label,
          percent(p.accuracy.estimate),
          `${percent(p.accuracy.low)} – ${percent(p.accuracy.high)}`,
          p.tokensPerSecond.toFixed(1),
        ]),
      ),
  );
}

/** The three charts of the results screen, in its order. */
export function runCharts(rows: readonly SummaryRow[]): string {
  return [
    barChart(
      'Hallucination rate: closed-book against with retrieval',
      'Share of answers graded incorrect for each model, closed-book and under fault-free retrieval, with 95% intervals.',
      floorBars(rows),
    ),
    barChart(
      'Accuracy under each fault mode',
      'Share of answers graded correct for each model under each retrieval condition, fault-free first, with 95% intervals.',
      faultBars(rows),
    ),
    speedChart(speedPoints(rows)),
  ].join('');
}

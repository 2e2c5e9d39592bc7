/**
 * The speed lab's figures as words and plain-text tables: one place for how a
 * bandwidth, a spread and a ceiling read, used by the Speed screen and by the
 * smoke script's printout, so the two never round differently.
 */
import { formatBytes, formatRate } from '../format/units';
import { adapterName } from './machine';
import { spreadFactor, type Measure } from './measure';
import type { RunProvenance } from '../runs/types';
import type { BandwidthRecord, SpeedTestRecord } from './records';

/** "412 GB/s", "2.6 GB/s"; "—" without a figure. */
export function formatGbPerSecond(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '—';
  return `${formatFigure(value)} GB/s`;
}

/** A figure with as many digits as it needs: 612, 61.2, 6.12. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? String(Math.round(value)) : value.toFixed(magnitude >= 10 ? 1 : 2);
}

/** "median unit (min–max)", e.g. "61.2 tok/s (60.8–61.9)"; the value alone for one sample. */
export function formatMeasure(
  m: Measure,
  unit: string,
  figure: (value: number) => string = formatFigure,
): string {
  if (!Number.isFinite(m.median)) return '—';
  const median = `${figure(m.median)} ${unit}`;
  return m.samples.length < 2 ? median : `${median} (${figure(m.min)}–${figure(m.max)})`;
}

/** "98.7%"; "—" without a figure. */
export function formatPercentFigure(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? `${value.toFixed(1)}%` : '—';
}

/** "Imported from laptop.floorcheck.json (Floorcheck 0.2.0, exported 2026-11-30)"; null for this device's own records. */
export function speedProvenanceText(record: { provenance?: RunProvenance }): string | null {
  const p = record.provenance;
  if (!p) return null;
  const date = new Date(p.exportedAt);
  const day = Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 10);
  return `Imported from ${p.fileName} (Floorcheck ${p.appVersion}, exported ${day})`;
}

export function probeSummary(record: BandwidthRecord): string {
  const { probe } = record;
  const spread = spreadFactor(probe.read);
  return (
    `${adapterName(record.machine)}: read ${formatGbPerSecond(probe.read.median)}, copy ${formatGbPerSecond(probe.copy.median)} ` +
    `(${probe.read.samples.length} repetitions, largest/smallest ${Number.isFinite(spread) ? spread.toFixed(2) : '—'}×; ` +
    `${formatBytes(probe.bufferBytes)} buffers; ${probe.timing})`
  );
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The test as plain text: the table by input length, the ceiling and its sources, and Floorcheck's own cost. */
export function speedTestText(record: SpeedTestRecord): string {
  const rate = (v: number) => formatRate(v);
  const lines = [
    `${record.modelId} on ${adapterName(record.machine)} (${record.engine.label}), ` +
      `${record.outputTokens} output tokens${record.fixedLength ? '' : ' asked (the engine stopped early)'}, median of ${record.repetitions}`,
    ...table(
      ['input tokens', 'prefill', 'decode', 'TTFT', '% of ceiling'],
      record.rows.map((row) => [
        `${row.promptTokens}${row.capped ? ' (capped)' : ''}`,
        formatMeasure(row.prefillTokensPerSecond, 'tok/s'),
        formatMeasure(row.decodeTokensPerSecond, 'tok/s'),
        formatMeasure(row.timeToFirstTokenMs, 'ms', (v) => String(Math.round(v))),
        formatPercentFigure(row.percentOfCeiling),
      ]),
    ),
  ];
  const { ceiling, overhead } = record;
  if (ceiling) {
    lines.push(
      `ceiling ${rate(ceiling.tokensPerSecond)} = ${formatGbPerSecond(ceiling.gbPerSecond)} (probe read pass) ÷ ` +
        `${formatBytes(ceiling.weights.bytes)} of weights (${ceiling.weights.source})`,
    );
  } else {
    lines.push(
      record.weights
        ? 'no ceiling: run the bandwidth probe on this machine first'
        : 'no ceiling: the weight size of this model is not known',
    );
  }
  if (overhead) {
    lines.push(
      `Floorcheck's runner path at ${formatPercentFigure(overhead.ratio.median * 100)} of direct speed ` +
        `(${overhead.pairs} alternating pairs, ${formatPercentFigure(overhead.ratio.min * 100)} – ${formatPercentFigure(overhead.ratio.max * 100)}; ` +
        `direct ${rate(overhead.directTokensPerSecond.median)}, runner ${rate(overhead.runnerTokensPerSecond.median)} end to end)`,
    );
  }
  return lines.join('\n');
}

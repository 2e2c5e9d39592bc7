/**
 * Prompt-set import speed on the four shared public datasets: bytes in,
 * validated set out (decode, parse, layout, validation), as the app's import
 * screen and `floorcheck convert` run it. Prints the median and the slowest
 * of a few runs per file, and rows per second. Figures only, no assertions.
 *
 *   npx tsx bench/import.ts [DATASETS_DIR] [--runs N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPromptSet } from '../src/core/prompts/import';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1] ?? 7) : 7;
const dir = args.find((a, i) => !a.startsWith('--') && i !== runsAt + 1) ?? '../shared/datasets';
const FILES = ['simpleqa.csv', 'truthfulqa.csv', 'nq-open.dev.jsonl', 'efficientqa.test.judged.jsonl'];

console.log(`import, ${runs} runs per file (first run included), Node ${process.version}`);
console.log('| file | size | items | median ms | max ms | items/s (median) |');
console.log('|---|---|---|---|---|---|');
for (const file of FILES) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = importPromptSet(bytes, file);
    times.push(performance.now() - start);
    if (!result.ok) throw result.error;
    items = result.value.set.items.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const max = times[times.length - 1] ?? 0;
  const kib = (bytes.length / 1024).toFixed(0);
  const rate = Math.round(items / (median / 1000));
  console.log(
    `| ${file} | ${kib} KiB | ${items} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${rate.toLocaleString('en')} |`,
  );
}

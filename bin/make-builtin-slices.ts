/**
 * Writes the built-in slices of the public sets (src/core/prompts/builtin/data/)
 * from ../shared/datasets, using the app's own importer and the rules in
 * slice-specs.ts. Deterministic: running it twice gives the same bytes, already
 * formatted by prettier.
 *
 *   npx tsx bin/make-builtin-slices.ts [DATASETS_DIR]
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { importPromptSet } from '../src/core/prompts/import.ts';
import { buildSlice, SLICE_SPECS } from '../src/core/prompts/builtin/slice-specs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datasets = resolve(process.argv[2] ?? join(root, '..', 'shared', 'datasets'));
const outDir = join(root, 'src', 'core', 'prompts', 'builtin', 'data');

for (const spec of SLICE_SPECS) {
  const imported = importPromptSet(readFileSync(join(datasets, spec.file)), spec.file);
  if (!imported.ok) {
    process.stderr.write(`${spec.file}: ${imported.error.message}\n`);
    process.exit(1);
  }
  const slice = buildSlice(spec, imported.value.set);
  // Formatted as `npm run lint` expects, so regenerating leaves the tree clean.
  const outPath = join(outDir, spec.output);
  const config = await resolveConfig(outPath);
  writeFileSync(outPath, await format(JSON.stringify(slice), { ...config, filepath: outPath }));
  process.stdout.write(`${spec.output}: ${slice.items.length} of ${imported.value.set.items.length} items\n`);
}

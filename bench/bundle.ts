/**
 * Main bundle size: builds the app and sums the gzip size of what the page
 * loads before its first render (the entry chunk, its static imports and CSS),
 * then lists the chunks loaded on demand (screens, built-in sets, the worker).
 * Target: under 100 KiB gzip for the initial load; web-llm must only appear
 * in the worker's on-demand chunk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const outDir = 'dist';
await build({ logLevel: 'warn', build: { outDir, manifest: true } });
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const gzipKiB = (file: string) => gzipSync(readFileSync(join(outDir, file))).length / 1024;
const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest');

const initial = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const css of chunk.css ?? []) initial.add(css);
  for (const next of chunk.imports ?? []) visit(next);
};
visit(entryKey);

let total = 0;
for (const file of [...initial].sort()) {
  const size = gzipKiB(file);
  total += size;
  console.log(`  ${file.padEnd(48)} ${size.toFixed(1).padStart(7)} KiB gzip`);
}
console.log(`initial load (entry + static imports + CSS): ${total.toFixed(1)} KiB gzip (target < 100 KiB)`);

const lazy = Object.values(manifest)
  .filter((chunk) => !initial.has(chunk.file) && chunk.file.endsWith('.js'))
  .map((chunk) => ({ file: chunk.file, size: gzipKiB(chunk.file) }))
  .sort((a, b) => b.size - a.size);
console.log('loaded on demand:');
for (const { file, size } of lazy.slice(0, 12)) {
  console.log(`  ${file.padEnd(48)} ${size.toFixed(1).padStart(7)} KiB gzip`);
}
const webllmInInitial = [...initial].some((file) =>
  readFileSync(join(outDir, file), 'utf8').includes('prebuiltAppConfig'),
);
console.log(`web-llm in the initial load: ${webllmInInitial ? 'YES (fix this)' : 'no'}`);

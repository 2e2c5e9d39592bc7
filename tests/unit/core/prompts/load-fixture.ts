/** Reads prompt-set fixtures and the shared public datasets as bytes, as the app receives them. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..', '..');
export const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'prompts');
/** The shared datasets sit beside the repository: ../shared/datasets. */
export const datasetsDir = resolve(repoRoot, '..', 'shared', 'datasets');
export const datasetsPresent = existsSync(join(datasetsDir, 'simpleqa.csv'));

if (!datasetsPresent) {
  console.warn(`public dataset tests skipped: ${datasetsDir} is absent (they need ../shared/datasets)`);
}

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtureDir, relative)));
}

export function datasetBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(datasetsDir, file)));
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

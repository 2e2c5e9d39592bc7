/**
 * The built-in prompt sets, loaded on demand: their ~500 items of public-set
 * slices would otherwise sit in the main bundle (the page must stay under
 * 100 KiB gzip). The chunk is precached by the service worker like any other.
 */
import type { PromptSet } from '../core/prompts/types';

let loading: Promise<readonly PromptSet[]> | undefined;

export function loadBuiltinSets(): Promise<readonly PromptSet[]> {
  loading ??= import('../core/prompts/builtin/index').then((module) => module.BUILTIN_SETS);
  return loading;
}

export async function findBuiltinSetLazily(id: string): Promise<PromptSet | undefined> {
  return (await loadBuiltinSets()).find((set) => set.id === id);
}

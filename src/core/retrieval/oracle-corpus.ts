/**
 * The corpus a set is searched over: its own documents, or, for sets that have
 * none (the public slices: SimpleQA, TruthfulQA, NQ-open), one *oracle
 * passage* per item built from the item's accepted answers and source URLs.
 *
 * Constraints: an oracle passage must never pass for a real document, so its
 * title says where it comes from and its passages are flagged `oracle: true`.
 * It repeats the question so that BM25 can find it from the model's query.
 * Rejected: leaving such sets without retrieval (the with-tool condition would
 * then measure nothing) and fetching the source pages (the app works offline).
 */
import type { CorpusDoc, PromptItem, PromptSet } from '../prompts/types';
import { buildIndex, type SearchIndex } from './bm25-index';

export const ORACLE_TITLE = 'Oracle passage (built from the accepted answer)';

export interface SetCorpus {
  docs: CorpusDoc[];
  /** True when the documents are oracle passages, not the set's own corpus. */
  oracle: boolean;
}

export function oracleDocId(itemId: string): string {
  return `oracle:${itemId}`;
}

/** The oracle passage for one item, or undefined when it has no accepted answer (open items). */
export function oraclePassageDoc(item: PromptItem): CorpusDoc | undefined {
  const [canonical, ...aliases] = item.answers.map((answer) => answer.trim()).filter(Boolean);
  if (canonical === undefined) return undefined;
  const lines = [`Question: ${item.prompt.trim()}`, `Answer: ${canonical}`];
  if (aliases.length > 0) lines.push(`Also accepted: ${aliases.join('; ')}`);
  const sources = (item.sourceUrls ?? []).filter((url) => url.trim() !== '');
  if (sources.length > 0) lines.push(`Source: ${sources.join(' ')}`);
  return { id: oracleDocId(item.id), title: ORACLE_TITLE, text: lines.join('\n') };
}

/** The set's own corpus when it has documents; otherwise its oracle passages. */
export function corpusForSet(set: PromptSet): SetCorpus {
  if (set.corpus && set.corpus.length > 0) return { docs: set.corpus, oracle: false };
  const docs: CorpusDoc[] = [];
  for (const item of set.items) {
    const doc = oraclePassageDoc(item);
    if (doc) docs.push(doc);
  }
  return { docs, oracle: true };
}

export function buildIndexForSet(set: PromptSet): SearchIndex {
  const corpus = corpusForSet(set);
  return buildIndex(corpus.docs, { oracle: corpus.oracle });
}

/** Ids of the documents that answer `item` in `index`: its links, or its oracle passage. */
export function answeringDocIds(index: SearchIndex, item: PromptItem): Set<string> {
  const ids = new Set(item.docIds ?? []);
  const oracle = oracleDocId(item.id);
  if (index.oracleIds.has(oracle)) ids.add(oracle);
  return ids;
}

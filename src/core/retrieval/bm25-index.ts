/**
 * BM25 search over a prompt set's corpus, built on MiniSearch (BM25+ scoring).
 *
 * Constraints: runs under Node, in the worker and in the page; a query over
 * 10,000 passages should take well under a millisecond (see bench/search.ts).
 * So: exact terms only (no prefix or fuzzy expansion, which multiply the terms
 * looked up per query), and English stop words dropped at index and query time
 * — a question's "what", "the", "of" would otherwise touch nearly every
 * document and dominate the cost while adding nothing to the ranking.
 * Rejected: a hand-written inverted index (MiniSearch is small, well kept and
 * already a dependency) and embedding search (needs a model download).
 */
import MiniSearch from 'minisearch';
import type { CorpusDoc } from '../prompts/types';
import type { Passage } from './types';

export interface SearchIndex {
  readonly engine: MiniSearch<CorpusDoc>;
  readonly docs: ReadonlyMap<string, CorpusDoc>;
  /** Ids of documents built from an item's own accepted answer (sets without a corpus). */
  readonly oracleIds: ReadonlySet<string>;
}

export interface BuildIndexOptions {
  /** Every document is an oracle passage (see `corpusForSet`). */
  oracle?: boolean;
}

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have how i if in into is it ' +
    'its me my of on or so than that the their them then there these they this those to was we were what when ' +
    'where which who whom whose why will with would you your'
  ).split(' '),
);

/** Lower-cases a token and drops stop words (MiniSearch skips terms mapped to null). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

export function buildIndex(docs: readonly CorpusDoc[], options: BuildIndexOptions = {}): SearchIndex {
  const engine = new MiniSearch<CorpusDoc>({
    fields: ['title', 'text'],
    storeFields: [],
    processTerm,
    searchOptions: { boost: { title: 1.5 }, prefix: false, fuzzy: false, combineWith: 'OR' },
  });
  const byId = new Map<string, CorpusDoc>();
  for (const doc of docs) {
    // Later duplicates would make MiniSearch throw; the first document with an id wins.
    if (byId.has(doc.id)) continue;
    byId.set(doc.id, doc);
    engine.add(doc);
  }
  const oracleIds = new Set(options.oracle ? byId.keys() : []);
  return { engine, docs: byId, oracleIds };
}

/** The `topK` best passages for `query`, best first; empty for a query with no searchable words. */
export function search(index: SearchIndex, query: string, topK: number): Passage[] {
  if (topK <= 0 || query.trim() === '') return [];
  const hits = index.engine.search(query);
  const passages: Passage[] = [];
  for (const hit of hits) {
    if (passages.length >= topK) break;
    const id = String(hit.id);
    const doc = index.docs.get(id);
    if (!doc) continue;
    passages.push(toPassage(index, doc, hit.score));
  }
  return passages;
}

export function toPassage(index: SearchIndex, doc: CorpusDoc, score: number): Passage {
  const passage: Passage = { docId: doc.id, title: doc.title, text: doc.text, score };
  if (index.oracleIds.has(doc.id)) passage.oracle = true;
  return passage;
}

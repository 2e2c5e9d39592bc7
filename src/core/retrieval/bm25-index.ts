/**
 * BM25 search over a prompt set's corpus, built on MiniSearch (BM25+ scoring).
 *
 * Constraints: runs under Node, in the worker and in the page; a query over
 * 10,000 passages should take well under a millisecond (see bench/search.ts).
 * So: exact terms only (no prefix or fuzzy expansion, which multiply the terms
 * looked up per query), and English stop words dropped at index and query time
 * — a question's "did", "the", "of" would otherwise touch nearly every
 * document and dominate the cost while adding nothing to the ranking; in
 * large corpora, query terms common to more than 10% of documents go too
 * (bench/search.ts: median 3.1 ms → 0.7 ms over 10,000 passages, top-1
 * recall 95% → 90%; at 5%, 0.3 ms but 85%).
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
  /** Documents each term occurs in (title or text). */
  readonly docFrequency: ReadonlyMap<string, number>;
}

export interface BuildIndexOptions {
  /** Every document is an oracle passage (see `corpusForSet`). */
  oracle?: boolean;
}

// Interrogatives (who, when, which, …) are not stop words: they tell "who wrote X" from "when was X written",
// which matters where passages hold questions (oracle passages): top-1 recall in bench/search.ts, 90% → 95%.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his i if in into is it its itself just me more most my myself no nor ' +
    'not now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were while will with would you your yours'
  ).split(' '),
);

/**
 * Query terms found in more than this share of a large corpus are dropped
 * (keeping at least the rarest term): their BM25 weight is small, yet each
 * one touches thousands of documents, and cost grows with documents touched.
 */
export const COMMON_TERM_SHARE = 0.1;
/** Corpora smaller than this are searched with every query term. */
export const COMMON_TERM_MIN_DOCS = 1000;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) out.push(term);
  }
  return out;
}

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
  const docFrequency = new Map<string, number>();
  for (const doc of docs) {
    // Later duplicates would make MiniSearch throw; the first document with an id wins.
    if (byId.has(doc.id)) continue;
    byId.set(doc.id, doc);
    engine.add(doc);
    for (const term of new Set(terms(`${doc.title} ${doc.text}`))) {
      docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
    }
  }
  const oracleIds = new Set(options.oracle ? byId.keys() : []);
  return { engine, docs: byId, oracleIds, docFrequency };
}

/** The query's searchable terms, without terms common to most of a large corpus. */
export function queryTerms(index: SearchIndex, query: string): string[] {
  const unique = [...new Set(terms(query))];
  const size = index.docs.size;
  if (size < COMMON_TERM_MIN_DOCS || unique.length <= 1) return unique;
  const df = (term: string) => index.docFrequency.get(term) ?? 0;
  const kept = unique.filter((term) => df(term) <= size * COMMON_TERM_SHARE);
  if (kept.length > 0) return kept;
  const rarest = unique.reduce((best, term) => (df(term) < df(best) ? term : best));
  return [rarest];
}

/** The `topK` best passages for `query`, best first; empty for a query with no searchable words. */
export function search(index: SearchIndex, query: string, topK: number): Passage[] {
  const kept = topK > 0 ? queryTerms(index, query) : [];
  if (kept.length === 0) return [];
  const hits = index.engine.search(kept.join(' '));
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

/**
 * The mock search tool with faults: `ok`, `empty`, `error` and `distractor`,
 * applied to a chosen share of calls.
 *
 * Constraints: deterministic. Whether a call is faulted, which error text it
 * reports and which distractors it returns depend only on (seed, item id,
 * call index) and the item itself — never on the query the model wrote or on
 * other items — so two models facing the same item meet the same faults, and
 * a rerun reproduces them. Distractors are therefore ranked by the item's
 * prompt, not by the model's query. They must be plausible but must not answer
 * the item: passages linked to the item or containing one of its accepted
 * answers (short ones such as "42" or "UK" as whole words) are never used.
 * Rejected: simulating latency for timeouts (the runner would wait for
 * nothing; the model sees only the text, so the error text is enough).
 */
import type { PromptItem } from '../prompts/types';
import { search, toPassage, type SearchIndex } from './bm25-index';
import { answeringDocIds } from './oracle-corpus';
import { callRandom, pick, type Random } from '../random/seeded-random';
import type { FaultMode, Passage, SearchCall } from './types';

export interface SearchRequest {
  index: SearchIndex;
  item: PromptItem;
  query: string;
  fault: FaultMode;
  /** Share of calls the fault applies to, 0..1 (clamped). */
  faultShare: number;
  seed: number;
  /** 0 for the first call of this item, 1 for the next, … (context retrieval is call 0). */
  callIndex: number;
  topK: number;
}

export const TOOL_ERRORS: readonly string[] = [
  'search timed out after 10 seconds',
  'search failed: the search service returned HTTP 503 (Service Unavailable)',
  'search failed: connection reset by peer',
  'search failed: rate limit exceeded, try again later',
];

/** Whether the call (seed, item, callIndex) is faulted; the first draw of its stream. */
export function isFaulted(random: Random, fault: FaultMode, faultShare: number): boolean {
  if (fault === 'ok') return false;
  const share = Number.isFinite(faultShare) ? Math.min(1, Math.max(0, faultShare)) : 0;
  return random() < share;
}

export function runSearch(request: SearchRequest): SearchCall {
  const { index, item, query, fault, faultShare, seed, callIndex, topK } = request;
  const random = callRandom(seed, item.id, callIndex);
  if (!isFaulted(random, fault, faultShare)) {
    return { query, fault: 'ok', passages: search(index, query, topK) };
  }
  switch (fault) {
    case 'empty':
      return { query, fault, passages: [] };
    case 'error':
      return { query, fault, passages: [], error: pick(random, TOOL_ERRORS) ?? 'search failed' };
    case 'distractor':
      return { query, fault, passages: distractorPassages(index, item, topK, random) };
    case 'ok':
      return { query, fault: 'ok', passages: search(index, query, topK) };
  }
}

/**
 * Plausible passages that do not answer the item: first, when the item lists
 * known-incorrect answers, one passage stating one of them; then the best
 * hits for the item's own prompt that answer other questions; then, for tiny
 * corpora, other documents picked at random. The model's query is not taken:
 * ranking by it would give two models on the same item different distractors.
 */
export function distractorPassages(
  index: SearchIndex,
  item: PromptItem,
  topK: number,
  random: Random,
): Passage[] {
  if (topK <= 0) return [];
  const passages: Passage[] = [];
  const excluded = answeringDocIds(index, item);
  const answers = (title: string, text: string): boolean => mentionsAnswer(`${title}\n${text}`, item.answers);
  const usable = (docId: string, title: string, text: string): boolean =>
    !excluded.has(docId) && !answers(title, text) && !passages.some((p) => p.docId === docId);
  const related = search(index, item.prompt, topK + excluded.size + 8);

  const incorrect = pick(random, item.incorrectAnswers ?? []);
  if (incorrect !== undefined && incorrect.trim() !== '') {
    const lead = related[0];
    const title = lead && !lead.oracle ? lead.title : 'Reference note';
    const text = statementOf(item.prompt, incorrect.trim());
    // A known-incorrect answer may still hold a gold one ("not 42"); skip it then.
    if (!answers(title, text)) {
      passages.push({
        docId: `distractor:${item.id}`,
        title,
        text,
        score: lead?.score ?? 1,
        distractor: true,
      });
    }
  }
  for (const hit of related) {
    if (passages.length >= topK) break;
    if (usable(hit.docId, hit.title, hit.text)) passages.push({ ...hit, distractor: true });
  }
  const others = [...index.docs.values()].filter((doc) => usable(doc.id, doc.title, doc.text));
  while (passages.length < topK && others.length > 0) {
    const at = Math.floor(random() * others.length);
    const [doc] = others.splice(at, 1);
    if (doc) passages.push({ ...toPassage(index, doc, 0), distractor: true });
  }
  return passages.slice(0, topK);
}

/** A known-incorrect answer phrased as a source would state it. */
function statementOf(prompt: string, incorrect: string): string {
  const sentence = incorrect.split(/\s+/).length >= 5;
  if (sentence) return /[.!?]$/.test(incorrect) ? incorrect : `${incorrect}.`;
  return `According to this source, the answer to "${prompt.trim()}" is ${incorrect}.`;
}

/** Short answers ("42", "UK") are matched as whole words, so "UKulele" does not count. */
const SHORT_ANSWER = 3;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function mentionsAnswer(text: string, answers: readonly string[]): boolean {
  const haystack = text.toLowerCase();
  return answers.some((answer) => {
    const needle = answer.trim().toLowerCase();
    if (needle === '') return false;
    if (needle.length >= SHORT_ANSWER) return haystack.includes(needle);
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
  });
}

/**
 * When a deterministic verdict is uncertain, in one place. A verdict is
 * uncertain when the grader's evidence could go either way, so a person or
 * the model judge should settle it:
 *
 * - the match is partial or fuzzy (a part of the gold, a surname alone, a
 *   word in another form, the year of a "when" date: the rule
 *   says so in `GoldMatch.uncertain`);
 * - the answer hedges around the candidate it gives ("I think", "not sure");
 * - the accepted answer sits inside a long answer that names other candidates
 *   of the same kind (another name for a name, another number for a number);
 * - an incorrect answer shares words with an accepted one (a fragment refused,
 *   or a near miss a word rule cannot tell from a paraphrase), unless a guard
 *   knows why it differs (another number, a dropped "New").
 *
 * Everything else is certain: an accepted answer stated outright, a
 * known-incorrect answer stated, a negated or contradicted gold, a decline, an
 * answer sharing nothing with the gold. A numeric score was rejected: nobody
 * can act on "0.63", while "uncertain: a surname alone" says what to check.
 */
import { droppedModifier, dropsHead, otherInitials } from './distinguishing-words';
import type { PreparedAlias, PreparedAnswer, PreparedGold } from './gold-prepare';
import { normaliseTokens, STOPWORDS } from './normalise';
import { tokenIn } from './token-match';

/** An answer with more words than this besides the gold's is long enough to name other candidates. */
const LONG_ANSWER_WORDS = 6;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export const UNCERTAIN = {
  hedged: (phrase: string): string => `hedged ("${phrase}")`,
  otherCandidate: (word: string): string => `a long answer that also names "${word}"`,
  sharesWords: (alias: string): string =>
    `shares words with the accepted answer "${alias}" but does not state it`,
} as const;

/** The first word of `text` after a sentence break, or at the start: capitalised there by grammar alone. */
function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before.length === 0 || /[.!?:;"“(]$/.test(before);
}

/**
 * In a long answer, a candidate of the gold's kind that is not the gold and not
 * from the question: another number when the gold has one, another capitalised
 * name when the gold is written with capitals.
 */
export function otherCandidate(
  text: string,
  answer: PreparedAnswer,
  alias: PreparedAlias,
  gold: PreparedGold,
): string | undefined {
  const extra = answer.core.filter((w) => !alias.contentSet.has(w));
  if (extra.length <= LONG_ANSWER_WORDS) return undefined;
  const own = new Set(alias.tokens);
  if (alias.numbers.size > 0) {
    for (const n of answer.numbers) if (!alias.numbers.has(n) && !gold.questionWords.has(n)) return n;
  }
  if (!/\p{Lu}/u.test(alias.text)) return undefined;
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    const m = words[i];
    if (m === undefined || !/^\p{Lu}/u.test(m[0]) || startsSentence(text, m.index)) continue;
    const tokens = normaliseTokens(m[0]);
    const fresh = tokens.some(
      (t) => !own.has(t) && !STOPWORDS.has(t) && !gold.questionWords.has(t) && t !== 'i',
    );
    if (!fresh) continue;
    // The whole capitalised run: "Christopher Marlowe", not "Christopher".
    let end = i;
    while (/^\p{Lu}/u.test(words[end + 1]?.[0] ?? '') && !startsSentence(text, words[end + 1]?.index ?? 0))
      end++;
    return words
      .slice(i, end + 1)
      .map((w) => w[0])
      .join(' ');
  }
  return undefined;
}

/**
 * An accepted answer whose words the answer shares, outside the question:
 * not counting numbers (a different amount is certainly wrong), nor an alias
 * that a guard tells apart for a known reason (another number, a dropped
 * "New", "dioxide" or middle initial: "Mexico" is certainly not "New Mexico").
 */
export function sharedAlias(answer: PreparedAnswer, gold: PreparedGold): PreparedAlias | undefined {
  for (const alias of gold.aliases) {
    if (answer.core.some((w) => /\d/.test(w) && !alias.numbers.has(w))) continue;
    if (droppedModifier(answer, alias, gold.questionWords) !== undefined) continue;
    if (dropsHead(answer, alias, true) || otherInitials(answer, alias)) continue;
    for (const w of answer.core) {
      if (/\d/.test(w)) continue;
      if (tokenIn(alias.contentSet, alias.content, w, true) !== undefined) return alias;
    }
  }
  return undefined;
}

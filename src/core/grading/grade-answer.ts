/**
 * The deterministic grader: one answer against an item's accepted answers,
 * giving SimpleQA's verdict and the reason in words.
 *
 * Order of decisions, and why:
 * 1. Reasoning blocks are set aside; only the final answer is graded.
 * 2. After a self-correction ("Lyon. Actually, it's Paris") only what follows
 *    counts. A marker is a correction only at the start of a clause, after a
 *    candidate answer, and when what follows says something the question did
 *    not ("Paris is actually the capital", "Paris. I mean, it's the capital" are
 *    graded whole).
 * 3. A known-incorrect answer stated (not negated) makes the answer incorrect
 *    when it is the answer given: no accepted answer before it, or offered
 *    beside one as an alternative ("Canberra, or maybe Sydney"): SimpleQA
 *    treats a contradiction as wrong. Mentioned after the accepted answer in
 *    another role ("Brasília; the government moved there from Rio de Janeiro")
 *    it contradicts nothing, and the accepted answer stands.
 *    A known-incorrect answer of one or two words counts only as the whole
 *    answer, a clause on its own, or after "is" ("Nothing is certain" does not
 *    state "Nothing").
 * 4. An accepted answer stated, negated in its clause ("not Paris"; but "Not
 *    Venus, Mars." states Mars) counts as contradicting it. Alternatives joined
 *    by "or" where one is not accepted ("1944 or 1945") list candidates without
 *    settling: incorrect, as SimpleQA grades them.
 * 5. A date whose day or month differs from every gold date is incorrect.
 * 6. An accepted answer stated is correct, hedged or not (SimpleQA: a hedged
 *    guess that contains the gold answer is correct). A hedged answer is also
 *    read without its hedge phrases, so "I think it might be Shakespeare but I
 *    am not sure" is graded on "Shakespeare".
 * 7. Otherwise a decline without a guess is not attempted; anything else is a
 *    confident (or hedged) different answer: incorrect.
 *
 * Every verdict says whether it is certain (confidence.ts says when not, and
 * the reason ends with why).
 *
 * Gold is prepared once per answers array (WeakMap cache), so grading many
 * responses to one item normalises the gold once.
 */
import {
  alternativesOffered,
  clauseIndex,
  isNegated,
  SHORT_ANSWER_TOKENS,
  standsAsAnswer,
} from './answer-clauses';
import { otherCandidate, sharedAlias, UNCERTAIN } from './confidence';
import { matchGold, type GoldMatch, type MatchOptions } from './gold-match';
import {
  contradictsGoldDate,
  prepareAnswer,
  prepareGold,
  type PreparedAnswer,
  type PreparedGold,
} from './gold-prepare';
import { findHedges, withoutHedges } from './hedges';
import { describeMatch, quote } from './match-reasons';
import { splitReasoning } from './reasoning';
import { findAllPhrases } from './token-match';
import type { Confidence, GradeOutcome, Verdict } from './types';

export interface GradeInput {
  question: string;
  /** Accepted answers; the first is canonical. */
  answers: readonly string[];
  incorrectAnswers?: readonly string[];
  response: string;
}

export type GradeResult = GradeOutcome & { confidence: Confidence; reasoning?: string };

const CORRECTION =
  /\b(?:actually|no,? wait|wait,? no|correction|i mean|sorry,|rather,|on second thought)\b/gi;
/** What may stand just before a correction marker: a clause break, or the start. */
const CLAUSE_END = /(?:^|[.,;:!?—–-])\s*$/;
/** After a marker, a description of what came before, not a new answer: "I mean, it's the capital". */
const DESCRIBES = /^(?:it|that|this|which)(?:'s|’s| is| was)\s+(?:the|a|an)\b/i;
/** Words that offer what follows as another candidate answer. */
const ALTERNATIVES = new Set(['or', 'maybe', 'perhaps', 'possibly', 'probably', 'either', 'alternatively']);

const goldCache = new WeakMap<readonly string[], { question: string; gold: PreparedGold }>();

function cachedGold(answers: readonly string[], question: string): PreparedGold {
  const hit = goldCache.get(answers);
  if (hit && hit.question === question) return hit.gold;
  const gold = prepareGold(answers, question);
  goldCache.set(answers, { question, gold });
  return gold;
}

/**
 * The final answer after the last self-correction: a marker at the start of a
 * clause, with a candidate answer before it and, after it, words the question
 * does not already hold ("it's the capital" corrects nothing).
 */
function afterCorrection(answer: string, gold: PreparedGold): { text: string; marker?: string } {
  let last: RegExpExecArray | undefined;
  CORRECTION.lastIndex = 0;
  for (let m = CORRECTION.exec(answer); m; m = CORRECTION.exec(answer)) {
    const before = answer.slice(0, m.index);
    if (CLAUSE_END.test(before) && /[\p{L}\p{N}]/u.test(before)) last = m;
  }
  if (!last) return { text: answer };
  const rest = answer.slice(last.index + last[0].length).replace(/^[\s,;:.!?—–-]+/, '');
  if (!/[\p{L}\p{N}]/u.test(rest) || DESCRIBES.test(rest)) return { text: answer };
  if (prepareAnswer(rest, gold).core.length === 0) return { text: answer };
  return { text: rest, marker: last[0] };
}

/**
 * True when a known-incorrect answer at `wrongAt` comes after the accepted
 * answer at `goldAt` and is not offered as an alternative to it.
 */
function mentionedAfter(tokens: readonly string[], goldAt: number, wrongAt: number): boolean {
  if (wrongAt <= goldAt) return false;
  for (let i = goldAt + 1; i < wrongAt; i += 1) if (ALTERNATIVES.has(tokens[i] ?? '')) return false;
  return true;
}

/** A verdict, certain unless causes are given; the reason ends with them. */
function verdictOf(
  verdict: Verdict,
  reason: string,
  reasoning: string | undefined,
  causes: readonly string[] = [],
): GradeResult {
  const confidence: Confidence = causes.length > 0 ? 'uncertain' : 'certain';
  const full = causes.length > 0 ? `${reason}; uncertain: ${causes.join('; ')}` : reason;
  const result: GradeResult = { verdict, reason: full, confidence };
  if (reasoning !== undefined) result.reasoning = reasoning;
  return result;
}

/** Alternatives joined by "or" of which one states an accepted answer and another does not. */
function unsettled(
  answer: PreparedAnswer,
  gold: PreparedGold,
  clauses: readonly number[] | undefined,
  options: MatchOptions,
): string | undefined {
  // An accepted answer that is itself a choice ("morgue or mortuary") is stated whole.
  if (gold.aliases.some((a) => a.tokens.includes('or'))) return undefined;
  for (const { left, right } of alternativesOffered(answer.tokens, clauses)) {
    const leftMatch = matchGold(prepareAnswer(left.join(' '), gold), gold, options);
    const rightMatch = matchGold(prepareAnswer(right.join(' '), gold), gold, options);
    if ((leftMatch === undefined) !== (rightMatch === undefined))
      return `"${left.join(' ')}" or "${right.join(' ')}"`;
  }
  return undefined;
}

/** The match for the answer as given, or else for the candidate a hedged answer offers. */
function matchWithHedges(
  final: string,
  answer: PreparedAnswer,
  gold: PreparedGold,
  hedged: boolean,
  options: MatchOptions,
): { match: GoldMatch; answer: PreparedAnswer } | undefined {
  const match = matchGold(answer, gold, options);
  if (match) return { match, answer };
  if (!hedged) return undefined;
  const candidate = prepareAnswer(withoutHedges(final), gold);
  const hedgedMatch = matchGold(candidate, gold, options);
  return hedgedMatch ? { match: hedgedMatch, answer: candidate } : undefined;
}

export function gradeAnswer(input: GradeInput, options: MatchOptions = {}): GradeResult {
  const split = splitReasoning(input.response);
  const reasoning = split.reasoning;
  if (split.answer.length === 0) {
    return verdictOf(
      'not_attempted',
      reasoning ? 'only reasoning, no final answer' : 'empty answer',
      reasoning,
    );
  }
  const gold = cachedGold(input.answers, input.question);
  const corrected = afterCorrection(split.answer, gold);
  const final = corrected.text;
  const prefix = corrected.marker ? `after correcting itself ("${corrected.marker}"), ` : '';
  const answer = prepareAnswer(final, gold);
  let clauses: number[] | undefined | null = null;
  const clausesOf = (): number[] | undefined => {
    if (clauses === null) clauses = clauseIndex(final, answer.tokens.length);
    return clauses;
  };
  const hedge = findHedges(final);
  const hedgePhrase = hedge.decline ?? hedge.guess;
  const found = matchWithHedges(final, answer, gold, hedgePhrase !== undefined, options);
  const match = found?.match;

  const wrong = input.incorrectAnswers?.length
    ? cachedGold(input.incorrectAnswers, input.question)
    : undefined;
  if (wrong) {
    const goldAt = found?.answer === answer ? match?.word : undefined;
    for (const alias of wrong.aliases) {
      const short = alias.tokens.length <= SHORT_ANSWER_TOKENS;
      for (const at of findAllPhrases(answer.tokens, alias.tokens)) {
        if (isNegated(answer.tokens, at, clausesOf())) continue;
        if (short && !standsAsAnswer(answer.tokens, at, alias.tokens.length, clausesOf())) continue;
        if (goldAt !== undefined && mentionedAfter(answer.tokens, goldAt - 1, at)) continue;
        return verdictOf(
          'incorrect',
          `${prefix}states the known-incorrect answer "${alias.text}" (at word ${at + 1})`,
          reasoning,
        );
      }
    }
  }

  if (found && match) {
    const matched = found.answer;
    const ownClauses = matched === answer ? clausesOf() : undefined;
    if (match.word !== undefined && isNegated(matched.tokens, match.word - 1, ownClauses)) {
      const reason = `${prefix}negates the accepted answer "${match.alias}" (at word ${match.word})`;
      return verdictOf('incorrect', reason, reasoning);
    }
    const candidates = matched.tokens.includes('or')
      ? unsettled(matched, gold, ownClauses, options)
      : undefined;
    if (candidates !== undefined) {
      const reason = `${prefix}offers several candidates without settling: ${candidates}`;
      return verdictOf('incorrect', reason, reasoning);
    }
    const badDate = contradictsGoldDate(matched, gold);
    if (badDate !== undefined) {
      const reason = `${prefix}gives the date "${badDate}", which no accepted answer has`;
      return verdictOf('incorrect', reason, reasoning);
    }
    const causes: string[] = [];
    if (match.uncertain !== undefined) causes.push(match.uncertain);
    if (hedgePhrase !== undefined) causes.push(UNCERTAIN.hedged(hedgePhrase));
    const alias = gold.aliases.find((a) => a.text === match.alias);
    const other = alias ? otherCandidate(final, answer, alias, gold) : undefined;
    if (other !== undefined) causes.push(UNCERTAIN.otherCandidate(other));
    return verdictOf('correct', `${prefix}${describeMatch(match)}`, reasoning, causes);
  }

  if (hedge.decline !== undefined && hedge.guess === undefined) {
    return verdictOf('not_attempted', `${prefix}declines: "${hedge.decline}"`, reasoning);
  }
  const expected = input.answers[0] ?? '';
  const reason = hedge.guess
    ? `${prefix}hedged guess ("${hedge.guess}") without an accepted answer: "${quote(final)}"`
    : `${prefix}states a different answer: "${quote(final)}" (expected "${expected}")`;
  const near = sharedAlias(answer, gold);
  return verdictOf('incorrect', reason, reasoning, near ? [UNCERTAIN.sharesWords(near.text)] : []);
}

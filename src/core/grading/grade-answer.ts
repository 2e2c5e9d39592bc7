/**
 * The deterministic grader: one answer against an item's accepted answers,
 * giving SimpleQA's verdict and the reason in words.
 *
 * Order of decisions, and why:
 * 1. Reasoning blocks are set aside; only the final answer is graded.
 * 2. After a self-correction ("…, actually it's Lyon") only what follows counts.
 * 3. A known-incorrect answer stated (not negated) makes the answer incorrect
 *    when it is the answer given: no accepted answer before it, or offered
 *    beside one as an alternative ("Canberra, or maybe Sydney"): SimpleQA
 *    treats a contradiction as wrong. Mentioned after the accepted answer in
 *    another role ("Brasília; the government moved there from Rio de Janeiro")
 *    it contradicts nothing, and the accepted answer stands.
 * 4. An accepted answer stated, negated ("not Paris") counts as contradicting it.
 * 5. A date whose day or month differs from every gold date is incorrect.
 * 6. An accepted answer stated is correct, hedged or not (SimpleQA: a hedged
 *    guess that contains the gold answer is correct).
 * 7. Otherwise a decline without a guess is not attempted; anything else is a
 *    confident (or hedged) different answer: incorrect.
 *
 * Gold is prepared once per answers array (WeakMap cache), so grading many
 * responses to one item normalises the gold once.
 */
import { matchGold, type GoldMatch, type MatchOptions } from './gold-match';
import { contradictsGoldDate, prepareAnswer, prepareGold, type PreparedGold } from './gold-prepare';
import { findHedges } from './hedges';
import { splitReasoning } from './reasoning';
import { findPhrase } from './token-match';
import type { GradeOutcome } from './types';

export interface GradeInput {
  question: string;
  /** Accepted answers; the first is canonical. */
  answers: readonly string[];
  incorrectAnswers?: readonly string[];
  response: string;
}

export type GradeResult = GradeOutcome & { reasoning?: string };

const CORRECTION =
  /\b(?:actually|no,? wait|wait,? no|correction|i mean|sorry,|rather,|on second thought)\b/gi;
const NEGATIONS = new Set(['not', 'never', 'isnt', 'wasnt', 'arent', 'werent', 'nor', 'neither']);
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

/** The final answer after the last self-correction, when one has something after it. */
function afterCorrection(answer: string): { text: string; marker?: string } {
  let last: RegExpExecArray | undefined;
  CORRECTION.lastIndex = 0;
  for (let m = CORRECTION.exec(answer); m; m = CORRECTION.exec(answer)) last = m;
  if (!last) return { text: answer };
  const rest = answer.slice(last.index + last[0].length).trim();
  return /[\p{L}\p{N}]/u.test(rest) ? { text: rest, marker: last[0] } : { text: answer };
}

function isNegated(tokens: readonly string[], at: number): boolean {
  for (const back of [1, 2]) {
    const word = tokens[at - back];
    if (word !== undefined && NEGATIONS.has(word)) return true;
  }
  return false;
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

function describe(match: GoldMatch): string {
  switch (match.rule) {
    case 'phrase':
      return `states the accepted answer "${match.alias}" (at word ${match.word ?? 1})`;
    case 'alias-words':
      return `contains every word of the accepted answer "${match.alias}"`;
    case 'answer-words':
      return `names part of the accepted answer "${match.alias}" and nothing else`;
    case 'overlap':
      return `shares most of its words with the accepted answer "${match.alias}"`;
    case 'word-forms':
      return `uses another form of the words of the accepted answer "${match.alias}"`;
    case 'year-of-date':
      return `gives the year of the accepted date "${match.alias}"`;
    case 'period':
      return `gives a year and the period that holds it (${match.detail ?? ''}; accepted answer "${match.alias}")`;
    case 'name':
      return `names the same person as "${match.alias}" (same surname, ${match.detail ?? 'matching first name'})`;
    case 'place':
      return `names the place "${match.alias}" (by the ${match.detail ?? ''} rule) and where it lies`;
    case 'several':
      return `names several accepted answers together ("${match.alias}")`;
    case 'demonym':
      return `names the place or people of the accepted answer "${match.alias}" in the other form`;
    case 'rounded':
      return `gives the number ${match.detail ?? ''} of the accepted answer "${match.alias}" rounded`;
    case 'acronym':
      return `is the abbreviation or expansion of the accepted answer "${match.alias}"`;
  }
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

function withReasoning(outcome: GradeOutcome, reasoning: string | undefined): GradeResult {
  return reasoning === undefined ? outcome : { ...outcome, reasoning };
}

export function gradeAnswer(input: GradeInput, options: MatchOptions = {}): GradeResult {
  const split = splitReasoning(input.response);
  const reasoning = split.reasoning;
  if (split.answer.length === 0) {
    const reason = reasoning ? 'only reasoning, no final answer' : 'empty answer';
    return withReasoning({ verdict: 'not_attempted', reason }, reasoning);
  }
  const corrected = afterCorrection(split.answer);
  const final = corrected.text;
  const prefix = corrected.marker ? `after correcting itself ("${corrected.marker}"), ` : '';
  const gold = cachedGold(input.answers, input.question);
  const answer = prepareAnswer(final, gold);

  const wrong = input.incorrectAnswers?.length
    ? cachedGold(input.incorrectAnswers, input.question)
    : undefined;
  const match = matchGold(answer, gold, options);
  if (wrong) {
    for (const alias of wrong.aliases) {
      const at = findPhrase(answer.tokens, alias.tokens);
      if (at < 0 || isNegated(answer.tokens, at)) continue;
      if (match?.word !== undefined && mentionedAfter(answer.tokens, match.word - 1, at)) continue;
      const reason = `${prefix}states the known-incorrect answer "${alias.text}" (at word ${at + 1})`;
      return withReasoning({ verdict: 'incorrect', reason }, reasoning);
    }
  }

  if (match) {
    if (match.word !== undefined && isNegated(answer.tokens, match.word - 1)) {
      const reason = `${prefix}negates the accepted answer "${match.alias}" (at word ${match.word})`;
      return withReasoning({ verdict: 'incorrect', reason }, reasoning);
    }
    const badDate = contradictsGoldDate(answer, gold);
    if (badDate !== undefined) {
      const reason = `${prefix}gives the date "${badDate}", which no accepted answer has`;
      return withReasoning({ verdict: 'incorrect', reason }, reasoning);
    }
    const hedge = findHedges(final);
    const hedged = hedge.decline ?? hedge.guess;
    const reason = `${prefix}${describe(match)}${hedged ? ` (hedged: "${hedged}")` : ''}`;
    return withReasoning({ verdict: 'correct', reason }, reasoning);
  }

  const hedge = findHedges(final);
  if (hedge.decline !== undefined && hedge.guess === undefined) {
    return withReasoning(
      { verdict: 'not_attempted', reason: `${prefix}declines: "${hedge.decline}"` },
      reasoning,
    );
  }
  const expected = input.answers[0] ?? '';
  const reason = hedge.guess
    ? `${prefix}hedged guess ("${hedge.guess}") without an accepted answer: "${quote(final)}"`
    : `${prefix}states a different answer: "${quote(final)}" (expected "${expected}")`;
  return withReasoning({ verdict: 'incorrect', reason }, reasoning);
}

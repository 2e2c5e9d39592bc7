/**
 * Finds declines ("I don't know", "I cannot find…", "there is no information
 * about…") and guesses ("I think", "probably") in a final answer.
 *
 * A decline without a guess is not attempted. A decline with a guess is graded
 * on the guess, as SimpleQA does: a hedged guess that contains the gold answer
 * is correct, a hedged wrong guess is incorrect. The phrase lists are general
 * English, not taken from any dataset. Regexes are compiled once; a classifier
 * model was rejected because the grader must be deterministic and explainable.
 */

const DECLINES: readonly RegExp[] = [
  /\bi (?:do not|don'?t|dont) (?:know|have (?:any |enough |that |the )?(?:information|data|details|knowledge|access))\b/,
  /\b(?:i'?m|i am) (?:not (?:sure|certain|aware)|unsure|uncertain|unable to)\b/,
  /\bnot (?:sure|certain)\b/,
  /\bi (?:cannot|can'?t|can not|could ?n'?t|could not|was unable to|am unable to|am not able to) (?:find|answer|determine|say|tell|confirm|verify|provide|locate|identify|recall|help)\b/,
  /\b(?:there (?:is|was|are) |i (?:found|have|see) )?no (?:reliable |available |specific |relevant |public |such )?(?:information|data|record|records|results|mention|details|answer|evidence)\b/,
  /\b(?:the )?(?:search|tool|retrieval|passages?|documents?|context|sources?) (?:did not|didn'?t|does not|doesn'?t|do not|don'?t) (?:return|provide|contain|mention|say|include|give)\b/,
  /\bunable to (?:find|answer|determine|locate|verify|confirm)\b/,
  /\b(?:is|remains|are) (?:unknown|unclear|not known)\b/,
  /\bno(?:t)? (?:one|body) knows\b/,
  /\bi (?:have no|lack) (?:idea|knowledge|information)\b/,
  /\bno idea\b/,
  /\bcannot be (?:determined|answered|found)\b/,
];

const GUESSES: readonly RegExp[] = [
  /\bi (?:think|believe|guess|suspect|would say|'?d say|recall)\b/,
  /\b(?:probably|likely|possibly|perhaps|maybe|presumably|might be|may be|could be)\b/,
  /\bmy (?:best )?guess\b/,
  /\bif i (?:had to|must) guess\b/,
  /\bit (?:is|was|'s) (?:possible|likely) (?:that|it)\b/,
];

function prepare(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

export interface HedgeFinding {
  /** The decline phrase found, as written (lower-cased). */
  decline?: string;
  /** The guess marker found, when the decline comes with a guess. */
  guess?: string;
}

export function findHedges(answer: string): HedgeFinding {
  const text = prepare(answer);
  const decline = firstMatch(text, DECLINES);
  const guess = firstMatch(text, GUESSES);
  const finding: HedgeFinding = {};
  if (decline !== undefined) finding.decline = decline;
  if (guess !== undefined) finding.guess = guess;
  return finding;
}

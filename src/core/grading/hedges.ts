/**
 * Finds declines ("I don't know", "I cannot find…", "there is no information
 * about…") and guesses ("I think", "probably") in a final answer.
 *
 * A decline without a guess is not attempted. A decline with a guess is graded
 * on the guess, as SimpleQA does: a hedged guess that contains the gold answer
 * is correct, a hedged wrong guess is incorrect. The phrase lists are general
 * English, not taken from any dataset. A guess marker that introduces only
 * doubt that the thing exists ("it may be a small or fictional company") is
 * not a guess. `withoutHedges` gives the candidate a hedged answer offers
 * ("I think it might be Shakespeare but I am not sure" → "Shakespeare"), so the
 * short-answer rules can read it. Regexes are compiled once; a classifier
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
  // Not knowing the thing asked about: the usual reply to an invented entity.
  /\b(?:i'?m|i am|i'?ve|i have) (?:not|never) (?:familiar|heard)\b/,
  /\bnot familiar with\b/,
  /\bi (?:do not|don'?t|did not|didn'?t|cannot|can'?t) (?:recogni[sz]e|recall|remember)\b/,
  /\b(?:information|data|details|records?|answer) (?:is|are|was|were) (?:not |un)(?:available|known)\b/,
  /\b(?:does not|doesn'?t|do not|don'?t|did not|didn'?t) (?:appear|seem) to (?:be (?:a |an )?(?:real|actual|known)|exist)\b/,
  /\b(?:is|are|was|were) (?:not|n'?t) (?:a |an )?(?:real|actual)\b/,
  /\b(?:isn|aren|wasn|weren)'?t (?:a |an )?(?:real|actual)\b/,
  /\b(?:does not|doesn'?t|do not|don'?t|did not|didn'?t) (?:actually )?exist\b/,
  /\bno (?:such|known|real)\b/,
  /\bnot aware of\b/,
];

/** A whole answer that is only a placeholder for "no answer". */
const PLACEHOLDER = /^(?:unknown|not known|n\/?a|none known|no answer|not applicable|unclear|\?+)[.!]?$/;

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

/**
 * What a guess marker may introduce without guessing an answer: that the thing
 * asked about is obscure or does not exist ("it may be a small or fictional
 * company"). General English about existence, not a list of answers.
 */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'or', 'and', 'but', 'very', 'quite', 'relatively', 'just', 'only', 'perhaps', 'even',
  'not', 'real', 'actual', 'fictional', 'fictitious', 'fake', 'made', 'up', 'invented', 'hypothetical',
  'imaginary', 'nonexistent', 'small', 'obscure', 'private', 'little', 'lesser', 'known', 'well',
  'unknown', 'local', 'niche', 'new', 'newer', 'recent', 'defunct', 'minor', 'regional',
  'company', 'business', 'firm', 'organization', 'organisation', 'entity', 'brand', 'startup',
  'person', 'individual', 'name', 'product', 'term', 'one', 'thing', 'place', 'that', 'which', 'i',
  'am', "i'm", 'aware', 'of', 'exist', 'exists', 'does', 'do', 'is', 'isn', "isn't", 'widely',
  'publicly', 'documented', 'recorded', 'by', 'another', 'different', 'spelling', 'misspelling', 'typo',
  'misspelled', 'misspelt', 'mistake', 'error', 'confusion', 'with', 'something', 'else', 'it', 'this',
]); // prettier-ignore

/** The clause a guess marker at `end` introduces: up to the next sentence or clause break. */
function guessedClause(text: string, end: number): string {
  const rest = text.slice(end);
  const stop = /[.;!?]|,\s*(?:but|so|and)\b/.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

const GUESSES_GLOBAL: readonly RegExp[] = GUESSES.map((p) => new RegExp(p.source, 'g'));

/** The first guess marker that introduces a candidate answer, not only doubt that the thing exists. */
function firstGuess(text: string): string | undefined {
  for (const global of GUESSES_GLOBAL) {
    global.lastIndex = 0;
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const words = guessedClause(text, m.index + m[0].length)
        .split(/[^a-z']+/)
        .filter(Boolean);
      if (words.some((w) => !NOT_AN_ANSWER.has(w))) return m[0];
    }
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
  const decline = PLACEHOLDER.test(text.trim()) ? text.trim() : firstMatch(text, DECLINES);
  const guess = firstGuess(text);
  const finding: HedgeFinding = {};
  if (decline !== undefined) finding.decline = decline;
  if (guess !== undefined) finding.guess = guess;
  return finding;
}

const HEDGES_GLOBAL: readonly RegExp[] = [...DECLINES, ...GUESSES].map((p) => new RegExp(p.source, 'gi'));
/** Words that join a candidate to its hedge ("…, but I am not sure"). */
const CONNECTIVES = /\b(?:but|though|although|however|yet)\b/gi;

/** The answer with every decline and guess phrase (and the words joining them) taken out; case is kept. */
export function withoutHedges(answer: string): string {
  let text = answer.replace(/[’‘`]/g, "'");
  for (const pattern of HEDGES_GLOBAL) text = text.replace(pattern, ' , ');
  return text.replace(CONNECTIVES, ' , ');
}

/**
 * Two spellings of one person's name: "Ray Bolger" for "Raymond Wallace
 * Bolger", "Tom Holland" for "Thomas Stanley Holland", "Drea de Matteo" for
 * "Andrea Donna de Matteo", "Roger Bruce Chaffee" for "Pilot Roger B. Chaffee".
 *
 * The surname must match (with the shared spelling tolerance); the first names
 * must be equal or one a short form of the other (the same first two letters,
 * the same first letter and its letters in order, or a tail: "Ray", "Tom",
 * "Drea"); middle
 * names may be missing from the answer or given as initials, but two different
 * middle names are two people, and a full middle name the answer adds after
 * the same first name may be another person ("John Quincy Adams" for "John
 * Adams"; but "Thomas Stanley Holland", the formal name, for "Tom Holland"). Leading titles and roles ("Dr", "General",
 * "actor") are set aside. A table of nicknames was rejected: it cannot be
 * complete ("Bob" for "Robert"), and the letter rules cover the common kind.
 */
import { tokensMatch } from './token-match';

/** Words before a name that say what the person is, not who. */
const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'sir', 'dame', 'lord', 'lady', 'gen', 'general', 'col',
  'colonel', 'capt', 'captain', 'lt', 'lieutenant', 'maj', 'major', 'sgt', 'sergeant', 'adm', 'admiral',
  'commander', 'rev', 'reverend', 'fr', 'father', 'st', 'saint', 'king', 'queen', 'prince', 'princess',
  'president', 'senator', 'sen', 'gov', 'governor', 'judge', 'justice', 'prof', 'professor', 'pilot',
  'senior', 'actor', 'actress', 'singer', 'rapper', 'director', 'producer', 'writer', 'author', 'poet',
  'composer', 'astronaut', 'coach',
]); // prettier-ignore
/** Words that belong to a surname ("de Matteo", "van Gogh"), not middle names. */
const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el',
]); // prettier-ignore
/** A short form of a first name is short; two long different words are two names. */
const NICKNAME_LETTERS = 5;
const MIN_NICKNAME = 3;
const MAX_NAME_WORDS = 5;

function withoutTitles(tokens: readonly string[]): readonly string[] {
  let i = 0;
  while (i < tokens.length - 2 && TITLES.has(tokens[i] ?? '')) i++;
  return i === 0 ? tokens : tokens.slice(i);
}

/** `short` has its letters in order inside `long`, starting with the same letter ("tom" in "thomas"). */
function lettersInOrder(short: string, long: string): boolean {
  if (short.charAt(0) !== long.charAt(0)) return false;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    j = long.indexOf(short.charAt(i), j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/**
 * A long surname with its letters shuffled after the first ("Pyhrr" for
 * "Pyrrh"): a transcription slip, where one edit is not enough.
 */
function sameLetters(a: string, b: string): boolean {
  if (a.length < 5 || a.length !== b.length || a.charAt(0) !== b.charAt(0)) return false;
  return [...a].sort().join('') === [...b].sort().join('');
}

/** Equal first names, or one a short form of the other; says which. */
function firstNamesAlike(a: string, b: string): string | undefined {
  if (a === b) return 'same first name';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length > NICKNAME_LETTERS || short.length < 2) return undefined;
  const shortForm =
    short.slice(0, 2) === long.slice(0, 2) ||
    lettersInOrder(short, long) ||
    (short.length >= MIN_NICKNAME && long.endsWith(short));
  return shortForm ? `"${short}" short for "${long}"` : undefined;
}

/** Initials of middle names; a one- or two-letter token is taken as initials already ("b", "eh"). */
function initials(tokens: readonly string[]): string {
  return tokens.map((t) => (t.length <= 2 ? t : t.charAt(0))).join('');
}

/**
 * `a` the answer's middle names, `b` the alias's. The alias's may be left out
 * ("Ray Bolger" for "Raymond Wallace Bolger"), but a middle name the answer adds
 * to an alias without one, after the same first name, may name another person:
 * "John Quincy Adams" is not "John Adams". An added initial is allowed ("Roger
 * B. Chaffee").
 */
function middlesAgree(a: readonly string[], b: readonly string[], sameFirst: boolean): boolean {
  // With the first name spelled out in full ("Thomas Stanley Holland" for "Tom
  // Holland") the answer is the formal name of the same person.
  if (b.length === 0) return !sameFirst || a.every((t) => t.length <= 2);
  if (a.length === 0) return true;
  if (initials(a) !== initials(b)) return false;
  const allInitials = (m: readonly string[]): boolean => m.every((t) => t.length <= 2);
  if (allInitials(a) || allInitials(b)) return true;
  return a.length === b.length && a.every((t, i) => tokensMatch(t, b[i] ?? ''));
}

/** How the two names agree, in words, or undefined when they are not one person's. */
export function samePerson(
  answerTokens: readonly string[],
  aliasTokens: readonly string[],
): string | undefined {
  const a = withoutTitles(answerTokens);
  const g = withoutTitles(aliasTokens);
  if (a.length < 2 || a.length > MAX_NAME_WORDS || g.length < 2 || g.length > MAX_NAME_WORDS)
    return undefined;
  if (/\d/.test(a.join('') + g.join(''))) return undefined;
  const aLast = a[a.length - 1] ?? '';
  const gLast = g[g.length - 1] ?? '';
  if (aLast.length < 3 || !(tokensMatch(aLast, gLast) || sameLetters(aLast, gLast))) return undefined;
  const first = firstNamesAlike(a[0] ?? '', g[0] ?? '');
  if (first === undefined) return undefined;
  const middle = (n: readonly string[]): readonly string[] => n.slice(1, -1).filter((t) => !PARTICLES.has(t));
  const sameFirst = (a[0] ?? '') === (g[0] ?? '');
  return middlesAgree(middle(a), middle(g), sameFirst) ? first : undefined;
}

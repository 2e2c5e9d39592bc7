/**
 * People's names in gold answers and answers, for the `surname` rule: the
 * written name an alias ends with ("English playwright William Shakespeare"
 * ends with "William Shakespeare"), and where an answer gives that name's
 * surname alone ("Shakespeare", "It was written by Shakespeare"; not "Richard
 * Shakespeare", another person with the surname).
 *
 * Capital letters tell a given name before the surname from other words; an
 * answer written all in lower case gives no such sign, and then only an
 * answer that is the surname and nothing else counts. Short forms of first
 * names ("Mike" for "Michael"), titles ("Pilot", "Senior") and shuffled
 * letters in a surname were read by an earlier rule and dropped: each earned
 * at most two answers of the development half (docs/benchmarks/grader.md).
 */
import { contentTokens, normaliseTokens, STOPWORDS } from './normalise';

const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** A person's name at the end of an alias. */
export interface PersonName {
  tokens: string[];
  /** The surname with its particles, as content words ("de la salle"). */
  surname: string[];
}

/** Words that belong to a surname ("de Matteo", "van Gogh"), not to the given names. */
const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el',
]); // prettier-ignore
/** Generation suffixes after a surname ("King Jr.", "Loeb III"). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?,?$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * The written name an alias ends with: its last run of capitalised words (and
 * surname particles inside it), at least two words, generation suffixes set
 * aside. "lyrics by Xavier Atencio" ends with "Xavier Atencio"; "The Supreme
 * Court of India" ends with no name ("India" alone is one word).
 */
export function personName(text: string): PersonName | undefined {
  const words = text.trim().split(/\s+/);
  while (words.length > 0 && SUFFIX.test(words[words.length - 1] ?? '')) words.pop();
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1] ?? '';
    const capital = /^\p{Lu}/u.test(word);
    if (!capital && !(PARTICLES.has(word.toLowerCase()) && start < words.length)) break;
    start--;
  }
  while (start < words.length && PARTICLES.has((words[start] ?? '').toLowerCase())) start++;
  const tail = words.slice(start);
  if (tail.length < 2 || tail.some((w) => /\d/.test(w))) return undefined;
  const tokens = normaliseTokens(tail.join(' '));
  if (tokens.length < 2) return undefined;
  let from = tokens.length - 1;
  while (from > 1 && PARTICLES.has(tokens[from - 1] ?? '')) from--;
  return { tokens, surname: contentTokens(tokens.slice(from)) };
}

function startsSentence(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before.length === 0 || /[.!?:;"“(]$/.test(before);
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Whether `text` gives `person`'s surname with no other person's name word
 * beside it. In an all-lower-case answer, `core` (the answer's words outside
 * the question) must be the surname and nothing else. Otherwise the surname is
 * found, and the words next to it (past its particles: "de La Salle") are not
 * name words: not capitalised mid-sentence, and at the start only a function word
 * ("By Shakespeare"; not "Richard Shakespeare" or "Wilson Reagan").
 */
export function givesSurnameAlone(text: string, core: readonly string[], person: PersonName): boolean {
  const last = person.surname[person.surname.length - 1] ?? '';
  if (core.length > 0 && core.every((w) => person.surname.includes(w))) return core.includes(last);
  if (!core.includes(last) || !/\p{Lu}/u.test(text)) return false;
  const words = [...text.matchAll(WORD)];
  const isSurname = (i: number): boolean =>
    contentTokens(normaliseTokens(words[i]?.[0] ?? '')).every((t) => person.surname.includes(t));
  const nameWord = (i: number): boolean => {
    const m = words[i];
    if (m === undefined || !capitalised(m[0])) return false;
    if (!startsSentence(text, m.index)) return true;
    return !normaliseTokens(m[0]).every((t) => STOPWORDS.has(t) || ARTICLES.has(t));
  };
  return words.some((m, i) => {
    if (!contentTokens(normaliseTokens(m[0])).includes(last)) return false;
    let before = i - 1;
    while (before >= 0 && isSurname(before)) before--;
    const after = i + 1;
    const nextStartsSentence = words[after] !== undefined && startsSentence(text, words[after]?.index ?? 0);
    return !nameWord(before) && (nextStartsSentence || !nameWord(after));
  });
}

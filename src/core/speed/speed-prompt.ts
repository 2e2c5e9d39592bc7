/**
 * The speed test's fixed prompts: a prompt of about N tokens, the same text
 * on every machine. The page cannot count a model's tokens (the tokenizer
 * lives in the engine), so the prompt is made of common short English words,
 * about one token each in the BPE vocabularies of small chat models, and
 * calibrated: two short prompts are sent first and the engine's own prompt
 * token counts fit `tokens = overhead + perWord × words` (the overhead is
 * the chat template). Every figure is then reported with the prompt tokens
 * the engine counted, not the target.
 * Rejected: shipping a tokenizer per model family (megabytes, and still one
 * engine's view); and random text, which would make two machines' prompts differ.
 */
import { mulberry32 } from '../random/seeded-random';

const WORDS = (
  'the of and to in is was for on that with as by at from his her they be this an are or had not but ' +
  'which one all were we when there can him more if no out so said what up its about into than them ' +
  'time only new some could these two may first then do any like my now over such our man me even ' +
  'most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too little state good very make world still own see men work ' +
  'long get here between both life being under never day same another know while last might us great ' +
  'old year off come since against go came right used take three'
).split(' ');

const LEAD = 'Continue this list of words:';
const SEED = 20_240_516;

/** The prompt's text with `words` list words after a short lead-in; the same words for the same count, everywhere. */
export function speedPrompt(words: number): string {
  const random = mulberry32(SEED);
  const out: string[] = [];
  for (let i = 0; i < Math.max(0, Math.round(words)); i++) {
    out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'the');
  }
  return `${LEAD} ${out.join(' ')}`;
}

export interface TokenFit {
  /** Tokens the engine counts for an empty list (chat template and lead-in). */
  overhead: number;
  /** Tokens per list word. */
  perWord: number;
}

/** A fit for engines that count one token per word and nothing else (the fallback when calibration fails). */
export const ONE_TOKEN_PER_WORD: TokenFit = { overhead: 0, perWord: 1 };

/**
 * The line through two calibration prompts (words, prompt tokens the engine
 * counted). Falls back to `ONE_TOKEN_PER_WORD` (with the measured overhead
 * when it can) if the points do not make a rising line.
 */
export function fitTokens(
  a: { words: number; tokens: number },
  b: { words: number; tokens: number },
): TokenFit {
  const dw = b.words - a.words;
  const perWord = dw !== 0 ? (b.tokens - a.tokens) / dw : Number.NaN;
  if (!(perWord > 0) || !Number.isFinite(perWord)) return ONE_TOKEN_PER_WORD;
  return { overhead: Math.max(0, a.tokens - perWord * a.words), perWord };
}

/** List words for a prompt of about `tokens` tokens under `fit`; at least 1. */
export function wordsForTokens(tokens: number, fit: TokenFit): number {
  return Math.max(1, Math.round((tokens - fit.overhead) / fit.perWord));
}

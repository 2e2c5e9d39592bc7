/**
 * The words a verdict's reason uses for each matching rule, kept beside the
 * rule list (gold-match.ts) so that adding a rule means adding one line here.
 */
import type { GoldMatch, MatchRule } from './gold-match';

const REASONS: Record<MatchRule, (alias: string, match: GoldMatch) => string> = {
  phrase: (alias, m) => `states the accepted answer "${alias}" (at word ${m.word ?? 1})`,
  'alias-words': (alias) => `contains every word of the accepted answer "${alias}"`,
  'date-part': (alias, m) => `gives ${m.detail ?? 'the year'} of the accepted date "${alias}"`,
  surname: (alias) => `gives the surname of the accepted answer "${alias}"`,
  number: (alias) => `gives the number of the accepted answer "${alias}"`,
  'answer-words': (alias) => `names part of the accepted answer "${alias}" and nothing else`,
  overlap: (alias) => `shares most of its words with the accepted answer "${alias}"`,
};

export function describeMatch(match: GoldMatch): string {
  return REASONS[match.rule](match.alias, match);
}

/** An answer as quoted in a reason: one line, at most 80 characters. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

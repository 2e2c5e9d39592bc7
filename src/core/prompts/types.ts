/** Prompt sets: the questions, their accepted answers and an optional corpus. */

export type ItemKind = 'factual' | 'open';

export interface PromptItem {
  /** Unique within its set. */
  id: string;
  prompt: string;
  /** Accepted answers: the first is canonical, the rest are aliases. Empty for `open` items. */
  answers: string[];
  /** Answers known to be wrong (TruthfulQA's incorrect answers, common confusions). */
  incorrectAnswers?: string[];
  kind: ItemKind;
  tags: string[];
  /** Ids of corpus documents that answer this item. */
  docIds?: string[];
  /** Where the answer comes from (SimpleQA's urls, TruthfulQA's source). */
  sourceUrls?: string[];
}

export interface CorpusDoc {
  id: string;
  title: string;
  text: string;
}

export interface PromptSet {
  id: string;
  name: string;
  description: string;
  /** Where the set comes from, for attribution. */
  source: string;
  licence: string;
  items: PromptItem[];
  corpus?: CorpusDoc[];
  /** Ships with the app; cannot be edited in place (duplicate it first). */
  builtin?: boolean;
  createdAt?: number;
  updatedAt?: number;
}

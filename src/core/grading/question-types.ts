/**
 * What kind of answer a question asks for, read from its wording: a person
 * ("who", "whom", "whose"), a year ("what year", "in which year"), a full date
 * ("what date", "on what day"), or an amount ("how many", "how much"). The
 * matching rules use it to decide when a fragment of the gold is what people
 * would say: the year of a gold date when only the year is asked for, a number
 * without its unit when an amount is asked for, a surname when a person is.
 *
 * Plain English question words, not a classifier: the grader must be
 * deterministic and explainable, and these few forms carry the answer type in
 * English questions.
 */

export interface QuestionType {
  person: boolean;
  year: boolean;
  date: boolean;
  amount: boolean;
}

const PERSON = /\b(?:who|whom|whose)\b/;
const YEAR = /\b(?:what|which|in what|in which)\s+year\b|\byear\s+(?:did|was|were|is|does|do)\b/;
const DATE = /\b(?:what|which|on what|on which)\s+(?:date|day)\b|\bdate\s+(?:did|was|were|is|does)\b/;
const AMOUNT = /\bhow\s+(?:many|much|long|old|far|tall|high|big|large|deep|fast|heavy)\b/;

export function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  return { person: PERSON.test(q), year: YEAR.test(q), date: DATE.test(q), amount: AMOUNT.test(q) };
}

/**
 * The model judge: a loaded model grades an answer with a SimpleQA-style
 * prompt (question, gold answers, response → A correct / B incorrect /
 * C not attempted). Its verdict is stored beside the deterministic one with
 * the judge model's id, and `judgeAgreement` says how often the two agree.
 *
 * The engine comes in as a `generate` function and time as `now`, so this runs
 * under Node with a fake engine. Structured output (JSON mode) was rejected:
 * small models follow a one-letter answer more reliably than a schema, and the
 * parser below tolerates chatter around the letter.
 */
import type { ChatMessage, GenerateRequest, GenerateResult } from '../engine/contract';
import type { ModelCapabilities } from '../engine/model-record';
import { AppError, err, ok, type Result } from '../errors';
import { wilson, type Interval } from '../metrics/wilson-interval';
import { thinkingFlag } from '../runs/model-request';
import { splitReasoning } from './reasoning';
import type { JudgeVerdict, Verdict } from './types';

export interface JudgeInput {
  question: string;
  answers: readonly string[];
  response: string;
}

const SYSTEM = 'You grade answers to factual questions. You reply with a single letter: A, B or C.';

const INSTRUCTIONS = `Grade the predicted answer against the gold target(s).

A: CORRECT. The prediction contains the meaning of a gold target and nothing that contradicts it. Hedging or extra detail is fine as long as the gold target is there and no wrong fact is stated. Spelling, capitalisation and small wording differences do not matter; numbers must match to the precision given.
B: INCORRECT. The prediction states a different answer, contradicts a gold target, or lists several candidates without settling on the right one. A hedged wrong guess ("I think it is X") is incorrect.
C: NOT ATTEMPTED. The prediction declines or says it does not know, and gives no answer that contradicts a gold target.

Reply with the letter only.`;

const LETTERS: Record<string, Verdict> = { A: 'correct', B: 'incorrect', C: 'not_attempted' };
/** Checked in order: "not attempted" and "not correct" before "correct". */
const WORDS: readonly [RegExp, Verdict][] = [
  [/\bnot[ _-]?attempted\b/i, 'not_attempted'],
  [/\bincorrect\b/i, 'incorrect'],
  [/\b(?:not|isn'?t|wasn'?t)\s+(?:\w+\s+)?correct\b/i, 'incorrect'],
  [/\bcorrect\b/i, 'correct'],
];
/**
 * "Grade: A", "**B**", "(C)", "Answer: A." — a capital letter standing alone.
 * Only the label ignores case: a lower-case "a" after "the answer is" is the
 * article ("the answer is a wrong guess"), not grade A.
 */
const LABELLED_LETTER =
  /\b(?:[Gg]rade|[Aa]nswer|[Vv]erdict|[Ll]etter|[Cc]hoice|GRADE|ANSWER|VERDICT|LETTER|CHOICE)\s*(?:is)?\s*[:=-]?\s*\**\(?([ABC])\)?\**(?![A-Za-z])/;
const LONE_LETTER = /(?<![A-Za-z])\(?([ABC])\)?(?![A-Za-z])/g;

export function buildJudgeMessages(input: JudgeInput): ChatMessage[] {
  const gold = input.answers.map((a) => `- ${a}`).join('\n');
  const user = `${INSTRUCTIONS}\n\nQuestion: ${input.question}\nGold target(s):\n${gold}\nPredicted answer: ${splitReasoning(input.response).answer}\n\nGrade (A, B or C):`;
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

/** Reads the grade out of a judge's reply, ignoring its reasoning and chatter. */
export function parseJudgeReply(text: string): Result<Verdict> {
  const reply = splitReasoning(text).answer.trim();
  const labelled = LABELLED_LETTER.exec(reply);
  const fromLabel = labelled?.[1] ? LETTERS[labelled[1]] : undefined;
  if (fromLabel) return ok(fromLabel);
  const letters = [...reply.matchAll(LONE_LETTER)].map((m) => m[1] ?? '');
  const distinct = new Set(letters);
  const only = distinct.size === 1 ? LETTERS[letters[0] ?? ''] : undefined;
  if (only) return ok(only);
  for (const [pattern, verdict] of WORDS) if (pattern.test(reply)) return ok(verdict);
  const shown = reply.length > 60 ? `${reply.slice(0, 57)}…` : reply;
  return err(
    new AppError('judge-reply-invalid', {
      message: `The judge's reply has no grade (A, B or C): "${shown}".`,
      action: 'Use a larger judge model, or grade this answer by hand.',
    }),
  );
}

/**
 * Asks the judge model for a verdict. `capabilities`: the judge model's, so
 * thinking is switched off only where the model has the switch. Rejects with
 * `judge-reply-invalid` when the reply carries no grade, and with the
 * engine's own error when generation fails.
 */
export async function judgeAnswer(
  generate: (request: GenerateRequest) => Promise<GenerateResult>,
  input: JudgeInput,
  judgeModelId: string,
  now: () => number,
  capabilities?: Pick<ModelCapabilities, 'thinking'>,
): Promise<JudgeVerdict> {
  const request: GenerateRequest = { messages: buildJudgeMessages(input), temperature: 0, maxTokens: 16 };
  // A thinking model would spend its 16 tokens inside <think> and never reach the letter; a
  // model without the switch gets no flag (web-llm would prefix an empty <think> block to it).
  const thinking = thinkingFlag(capabilities, false);
  if (thinking !== undefined) request.thinking = thinking;
  const result = await generate(request);
  const parsed = parseJudgeReply(result.text);
  if (!parsed.ok) throw parsed.error;
  const reply = splitReasoning(result.text).answer.replace(/\s+/g, ' ').trim();
  return {
    verdict: parsed.value,
    reason: `judge ${judgeModelId} replied "${reply}"`,
    judgeModelId,
    at: now(),
  };
}

export interface JudgeAgreement {
  /** Answers with both a judge and a deterministic verdict. */
  count: number;
  agreed: number;
  /** agreed / count with its 95% Wilson interval (0 and [0, 1] when count is 0). */
  share: Interval;
}

export function judgeAgreement(pairs: readonly { judge: Verdict; deterministic: Verdict }[]): JudgeAgreement {
  const agreed = pairs.filter((p) => p.judge === p.deterministic).length;
  return { count: pairs.length, agreed, share: wilson(agreed, pairs.length) };
}

/**
 * Default generation settings and prompt templates, exported so the run form
 * shows exactly what is sent, plus the template filler and the validator.
 *
 * The defaults:
 * - temperature 0 (greedy, so a rerun gives the same answers), top-p 1,
 *   256 new tokens (a short answer plus room for a thinking model's preamble),
 *   seed 0, thinking off.
 * - The system prompt asks for brief, truthful answers; each template offers
 *   "I don't know" (abstaining is what the floor measures), once per prompt:
 *   said in the system prompt too, a small model read it twice.
 *   (tests/unit/workers/__snapshots__/prompts/ show every prompt as sent.)
 * - closed-book: the question alone.
 * - context: the retrieved passages come BEFORE the question, so the question
 *   is the last thing the model reads.
 * - tool: the question alone; the tool's own instructions
 *   (retrieval `toolInstructions(maxCalls)`, the `<tool_call>` text protocol)
 *   are appended to the system prompt by the cell executor, so they track the
 *   condition's `maxCalls` and are not edited by hand.
 *
 * Placeholders: `{question}` (every template) and `{passages}` (context).
 * They are filled in one pass, so a question that itself contains
 * "{passages}" is not expanded. Rejected: a general template language; two
 * fixed placeholders are all a person needs to see and edit.
 */
import { AppError, err, ok, type Result } from '../errors';
import type { GenerationSettings } from './types';

export const DEFAULT_SYSTEM_PROMPT = 'You are a careful assistant. Answer questions truthfully and briefly.';

export const DEFAULT_TEMPLATES: GenerationSettings['templates'] = {
  'closed-book':
    'Answer the question in a few words. If you do not know the answer, say "I don\'t know".\n\n' +
    'Question: {question}\nAnswer:',
  context:
    'Here are some passages that may help.\n\n{passages}\n\n' +
    'Using the passages and what you know, answer the question in a few words. ' +
    'If you still do not know the answer, say "I don\'t know".\n\n' +
    'Question: {question}\nAnswer:',
  tool:
    'Answer the question in a few words. You may search before you answer. ' +
    'If you still do not know the answer, say "I don\'t know".\n\n' +
    'Question: {question}',
};

export const DEFAULT_GENERATION_SETTINGS: GenerationSettings = {
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  templates: DEFAULT_TEMPLATES,
  temperature: 0,
  topP: 1,
  maxTokens: 256,
  seed: 0,
  thinking: false,
};

/** Fills `{question}` and `{passages}` in one pass; other braces are left as written. */
export function fillTemplate(template: string, values: { question: string; passages?: string }): string {
  return template.replace(/\{(question|passages)\}/g, (_match, name: string) =>
    name === 'question' ? values.question : (values.passages ?? ''),
  );
}

/** Checks settings a person may have edited; the message names the field. */
export function validateSettings(settings: GenerationSettings): Result<GenerationSettings> {
  const problem = findProblem(settings);
  if (problem === null) return ok(settings);
  return err(new AppError('run-invalid', { message: problem, action: 'Correct the generation settings.' }));
}

function findProblem(s: GenerationSettings): string | null {
  if (!Number.isFinite(s.temperature) || s.temperature < 0 || s.temperature > 2)
    return `Temperature must be between 0 and 2 (got ${String(s.temperature)}).`;
  if (!Number.isFinite(s.topP) || s.topP <= 0 || s.topP > 1)
    return `Top-p must be above 0 and at most 1 (got ${String(s.topP)}).`;
  if (!Number.isInteger(s.maxTokens) || s.maxTokens < 1)
    return `Max tokens must be a whole number of at least 1 (got ${String(s.maxTokens)}).`;
  if (!Number.isInteger(s.seed)) return `The seed must be a whole number (got ${String(s.seed)}).`;
  for (const kind of ['closed-book', 'context', 'tool'] as const) {
    if (!s.templates[kind].includes('{question}'))
      return `The ${kind} template must contain {question}, or the model never sees the question.`;
  }
  if (!s.templates.context.includes('{passages}'))
    return 'The context template must contain {passages}, or the model never sees the retrieved passages.';
  return null;
}

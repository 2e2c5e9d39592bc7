/**
 * The real per-cell work: build the prompt for the cell's condition, run
 * retrieval (context) or the tool loop (tool), generate, and grade.
 *
 * - closed-book: system prompt + the closed-book template.
 * - context: one search with the question (retrieval `runContextRetrieval`),
 *   its passages filling `{passages}` in the context template.
 * - tool: system prompt + the tool template; `runToolLoop` appends the tool
 *   instructions for the cell's `maxCalls` and runs search turns; every
 *   turn streams through `onToken`.
 * What each model is sent follows its capabilities (`capabilitiesOf`, see
 * `model-request.ts`): the thinking flag only where there is a switch, the
 * tool offered natively, as a constrained tag or as bare text, and tool turns
 * stopped after the call where the engine honours stop sequences. A tool
 * cell is graded on its answer with tool-call syntax taken out, so protocol
 * residue (`[]`, a call where the answer should be) is never graded.
 * Faults are placed by the run's seed, so a rerun meets the same faults.
 * Factual items are graded by the deterministic grader; open items carry no
 * verdict until a judge or a person gives one. Aborted answers are not graded.
 *
 * The search index is built once per executor (one per run), not per cell.
 * Rejected: building prompts in the scheduler; keeping them here lets the
 * scheduler be tested with a trivial executor.
 */
import type { ChatMessage, GenerateRequest } from '../engine/contract';
import type { ModelCapabilities } from '../engine/model-record';
import { AppError } from '../errors';
import { gradeAnswer } from '../grading/grade-answer';
import type { Verdicts } from '../grading/types';
import type { PromptItem, PromptSet } from '../prompts/types';
import { runContextRetrieval } from '../retrieval/context-retrieval';
import { runSearch } from '../retrieval/faults';
import { buildIndexForSet } from '../retrieval/oracle-corpus';
import { runToolLoop } from '../retrieval/tool-loop';
import type { ToolMode } from '../retrieval/types';
import type { CellAnswer, CellContext, CellExecutor } from './cell-executor-types';
import { fillTemplate } from './generation-settings';
import { thinkingFlag, toolModeFor } from './model-request';
import type { Cell } from './plan';
import type { GenerationSettings } from './types';

export interface CellExecutorOptions {
  set: PromptSet;
  settings: GenerationSettings;
  /** What each model can do (its backend's record); unknown models get no thinking flag and the text protocol. */
  capabilitiesOf?: (modelId: string) => ModelCapabilities | undefined;
  /** Overrides the tool mode `capabilitiesOf` implies (retrieval `chooseToolMode`). */
  toolModeOf?: (modelId: string) => ToolMode;
}

export function createCellExecutor(options: CellExecutorOptions): CellExecutor {
  const { set, settings } = options;
  const index = buildIndexForSet(set);
  const items = new Map(set.items.map((item) => [item.id, item]));
  const samplingFor = (capabilities: ModelCapabilities | undefined): Omit<GenerateRequest, 'messages'> => {
    const sampling: Omit<GenerateRequest, 'messages'> = {
      temperature: settings.temperature,
      topP: settings.topP,
      maxTokens: settings.maxTokens,
      seed: settings.seed,
    };
    const thinking = thinkingFlag(capabilities, settings.thinking);
    if (thinking !== undefined) sampling.thinking = thinking;
    return sampling;
  };

  const withSystem = (user: string): ChatMessage[] =>
    settings.systemPrompt.trim() === ''
      ? [{ role: 'user', content: user }]
      : [
          { role: 'system', content: settings.systemPrompt },
          { role: 'user', content: user },
        ];

  async function execute(cell: Cell, { engine, onToken }: CellContext): Promise<CellAnswer> {
    const item = items.get(cell.itemId);
    if (!item) {
      throw new AppError('run-invalid', {
        message: `Item "${cell.itemId}" is no longer in the prompt set "${set.name}".`,
        action: 'Run again with the set as it is now.',
      });
    }
    const { condition } = cell;
    const question = item.prompt;
    const capabilities = options.capabilitiesOf?.(cell.modelId);
    const sampling = samplingFor(capabilities);

    if (condition.kind === 'tool') {
      const outcome = await runToolLoop({
        messages: withSystem(fillTemplate(settings.templates.tool, { question })),
        generate: (request) => engine.generate(request, onToken),
        search: (query, callIndex) =>
          runSearch({ index, item, query, callIndex, seed: settings.seed, ...condition }),
        maxCalls: condition.maxCalls,
        mode: options.toolModeOf?.(cell.modelId) ?? toolModeFor(capabilities),
        stopSequences: capabilities?.stopSequences ?? false,
        settings: sampling,
      });
      const { final } = outcome;
      const aborted = final.finishReason === 'abort';
      return {
        messages: outcome.messages,
        retrieval: outcome.trace,
        rawAnswer: final.text,
        finishReason: final.finishReason,
        usage: outcome.usage,
        verdicts:
          outcome.answer === '' && final.text.trim() !== '' && !aborted
            ? onlyProtocol(item)
            : grade(item, outcome.answer, aborted),
      };
    }

    let messages: ChatMessage[];
    let retrieval: CellAnswer['retrieval'];
    if (condition.kind === 'context') {
      const found = runContextRetrieval({ index, item, seed: settings.seed, ...condition });
      messages = withSystem(fillTemplate(settings.templates.context, { question, passages: found.text }));
      retrieval = found.trace;
    } else {
      messages = withSystem(fillTemplate(settings.templates['closed-book'], { question }));
    }
    const result = await engine.generate({ ...sampling, messages }, onToken);
    const answer: CellAnswer = {
      messages,
      rawAnswer: result.text,
      finishReason: result.finishReason,
      usage: result.usage,
      verdicts: grade(item, result.text, result.finishReason === 'abort'),
    };
    if (retrieval) answer.retrieval = retrieval;
    return answer;
  }

  return { execute };
}

/** A reply that held nothing but tool-call syntax: no answer was given (never graded as one). */
function onlyProtocol(item: PromptItem): Verdicts {
  if (item.kind !== 'factual' || item.answers.length === 0) return {};
  return {
    deterministic: {
      verdict: 'not_attempted',
      reason: 'no answer: the reply held only tool-call text',
      confidence: 'certain',
    },
  };
}

function grade(item: PromptItem, response: string, aborted: boolean): Verdicts {
  if (aborted || item.kind !== 'factual' || item.answers.length === 0) return {};
  const { verdict, reason, confidence } = gradeAnswer({
    question: item.prompt,
    answers: item.answers,
    incorrectAnswers: item.incorrectAnswers,
    response,
  });
  return { deterministic: { verdict, reason, confidence } };
}

/**
 * Cells of every condition kind, run through the real cell executor and the
 * real web-llm backend into `FakeMlcEngine` (which passes each request
 * through web-llm's own `postInitAndCheckFieldsChatCompletion`), for a model
 * of each catalog family. Shared by the request-contract and grammar tests.
 */
import {
  functionCallingModelIds,
  prebuiltAppConfig,
  type ChatCompletionRequestStreaming,
} from '@mlc-ai/web-llm';
import type { ModelRecord } from '../../../src/core/engine/model-record';
import type { PromptSet } from '../../../src/core/prompts/types';
import { conditionId } from '../../../src/core/retrieval/conditions';
import type { Condition, ToolMode } from '../../../src/core/retrieval/types';
import { createCellExecutor } from '../../../src/core/runs/cell-executor';
import { DEFAULT_GENERATION_SETTINGS } from '../../../src/core/runs/generation-settings';
import type { EngineBackend } from '../../../workers/backend';
import { createWebLlmBackend } from '../../../workers/webllm-backend';
import { TEMPLATES, type ConversationTemplate } from './conversation-templates';
import { FakeMlcEngine } from './fake-mlc-engine';

export interface Family {
  name: string;
  modelId: string;
  template: ConversationTemplate;
}

/** One model per family of web-llm's catalog, with the mlc-llm template its build names. */
export const FAMILIES: readonly Family[] = [
  { name: 'Qwen2.5', modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', template: TEMPLATES.qwen2 },
  { name: 'Qwen3', modelId: 'Qwen3-0.6B-q4f32_1-MLC', template: TEMPLATES.qwen3 },
  { name: 'Llama-3.x', modelId: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', template: TEMPLATES['llama-3_1'] },
  { name: 'Phi-3.5', modelId: 'Phi-3.5-mini-instruct-q4f32_1-MLC', template: TEMPLATES['phi-3'] },
  { name: 'Gemma-2', modelId: 'gemma-2-2b-it-q4f32_1-MLC', template: TEMPLATES.gemma_instruction },
  { name: 'SmolLM2', modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC', template: TEMPLATES.chatml },
  { name: 'Hermes', modelId: 'Hermes-2-Pro-Llama-3-8B-q4f16_1-MLC', template: TEMPLATES.hermes2_pro_llama3 },
];

export const SET: PromptSet = {
  id: 'contract',
  name: 'Contract',
  description: '',
  source: 'tests',
  licence: 'CC0',
  items: [
    {
      id: 'fr',
      prompt: 'What is the capital of France?',
      answers: ['Paris'],
      kind: 'factual',
      tags: [],
      docIds: ['d-paris'],
    },
  ],
  corpus: [{ id: 'd-paris', title: 'Paris', text: 'Paris is the capital and largest city of France.' }],
};

export const CALL = '{"name": "search", "arguments": {"query": "capital of France"}}';

/** The model: searches once on a tool turn (as its mode asks), then answers. `declines`: native `[]`. */
function model(declines: boolean) {
  return (request: ChatCompletionRequestStreaming): string[] => {
    const answered = request.messages.some(
      (m) => m.role === 'tool' || (typeof m.content === 'string' && m.content.includes('<tool_response>')),
    );
    if (request.tools) return declines ? ['[]'] : ['[', CALL, ']'];
    const toolTurn = request.response_format?.type === 'structural_tag' || (request.stop?.length ?? 0) > 0;
    if (toolTurn && !answered) return ['<tool_call>', CALL, '</tool_call>'];
    return ['Paris.'];
  };
}

export async function runCell(family: Family, condition: Condition, mode?: ToolMode, declines = false) {
  let fake: FakeMlcEngine | undefined;
  const backend: EngineBackend = createWebLlmBackend({
    createEngine: (config) => {
      fake = new FakeMlcEngine(config.initProgressCallback);
      fake.model = model(declines);
      return fake;
    },
    prebuiltAppConfig,
    functionCallingModelIds,
    hasModelInCache: async () => true,
    deleteModelAllInfoInCache: async () => undefined,
    version: '0.2.86',
    now: () => 0,
  });
  const { models } = await backend.catalog([]);
  const records = new Map(models.map((m): [string, ModelRecord] => [m.id, m]));
  await backend.load(family.modelId, () => undefined);
  const executor = createCellExecutor({
    set: SET,
    settings: DEFAULT_GENERATION_SETTINGS,
    capabilitiesOf: (id) => records.get(id)?.capabilities,
    ...(mode ? { toolModeOf: () => mode } : {}),
  });
  const cell = { modelId: family.modelId, conditionId: conditionId(condition), condition, itemId: 'fr' };
  const answer = await executor.execute(cell, { engine: backend, onToken: () => undefined });
  if (!fake) throw new Error('no engine');
  return { answer, requests: fake.requests, record: records.get(family.modelId) };
}

/** Modes each family is tried in: the text modes for every model, native where web-llm has it. */
export function modesOf(family: Family): ToolMode[] {
  const native = functionCallingModelIds.includes(family.modelId);
  return native ? ['native', 'structural-tag', 'text-protocol'] : ['structural-tag', 'text-protocol'];
}

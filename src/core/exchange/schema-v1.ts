/**
 * Valibot schema of format version 1 (one JSON document), FROZEN as it
 * shipped: files are now read with schema-v2.ts after migration, and this
 * copy stays for the migration tests, which check that the v1 fixture was a
 * valid v1 file. Do not change it, except where the domain types move under
 * it (the type checks at the bottom).
 */
import * as v from 'valibot';
import { ENGINE_KINDS } from '../engine/engine-kinds';
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import { COMPARISON_FORMAT } from './envelope';

const num = v.pipe(v.number(), v.finite());
const share = v.pipe(num, v.minValue(0), v.maxValue(1));
const count = v.pipe(num, v.integer(), v.minValue(0));
const fault = v.picklist(['ok', 'empty', 'error', 'distractor']);
const verdict = v.picklist(['correct', 'incorrect', 'not_attempted']);

const condition = v.variant('kind', [
  v.object({ kind: v.literal('closed-book') }),
  v.object({ kind: v.literal('context'), fault, faultShare: share, topK: count }),
  v.object({ kind: v.literal('tool'), fault, faultShare: share, topK: count, maxCalls: count }),
]);

const settings = v.object({
  systemPrompt: v.string(),
  templates: v.object({ 'closed-book': v.string(), context: v.string(), tool: v.string() }),
  temperature: num,
  topP: num,
  maxTokens: count,
  seed: num,
  thinking: v.boolean(),
});

export const runSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  config: v.object({
    setId: v.string(),
    setName: v.string(),
    selection: v.object({
      tags: v.array(v.string()),
      sample: v.optional(v.object({ size: count, seed: num })),
    }),
    modelIds: v.array(v.string()),
    conditions: v.array(condition),
    settings,
  }),
  itemIds: v.array(v.string()),
  status: v.picklist(['draft', 'running', 'paused', 'interrupted', 'cancelled', 'completed', 'failed']),
  environment: v.object({
    appVersion: v.string(),
    engine: v.picklist(ENGINE_KINDS),
    webllmVersion: v.optional(v.string()),
    userAgent: v.string(),
    adapter: v.optional(v.object({ vendor: v.string(), architecture: v.string(), description: v.string() })),
    models: v.optional(
      v.array(
        v.object({
          modelId: v.string(),
          quantization: v.string(),
          webllmVersion: v.optional(v.string()),
          thinking: v.picklist(['on', 'off', 'not applicable']),
          toolMode: v.picklist(['text-protocol', 'structural-tag', 'native']),
          stop: v.array(v.string()),
          settings: v.object({ temperature: num, topP: num, maxTokens: count, seed: num }),
        }),
      ),
    ),
  }),
  skipped: v.array(v.object({ modelId: v.string(), code: v.string(), reason: v.string() })),
  createdAt: num,
  updatedAt: num,
  finishedAt: v.optional(num),
  importedFrom: v.optional(v.string()),
});

const passage = v.object({
  docId: v.string(),
  title: v.string(),
  text: v.string(),
  score: num,
  oracle: v.optional(v.boolean()),
  distractor: v.optional(v.boolean()),
});

const grade = v.object({
  verdict,
  reason: v.string(),
  confidence: v.optional(v.picklist(['certain', 'uncertain'])),
});

export const resultSchema = v.object({
  id: v.string(),
  runId: v.pipe(v.string(), v.minLength(1)),
  modelId: v.pipe(v.string(), v.minLength(1)),
  conditionId: v.pipe(v.string(), v.minLength(1)),
  itemId: v.pipe(v.string(), v.minLength(1)),
  messages: v.array(
    v.object({
      role: v.picklist(['system', 'user', 'assistant', 'tool']),
      content: v.string(),
      toolCallId: v.optional(v.string()),
    }),
  ),
  retrieval: v.optional(
    v.object({
      kind: v.picklist(['context', 'tool']),
      toolMode: v.optional(v.picklist(['text-protocol', 'structural-tag', 'native'])),
      toolCalled: v.boolean(),
      calls: v.array(
        v.object({ query: v.string(), fault, passages: v.array(passage), error: v.optional(v.string()) }),
      ),
      problems: v.optional(v.array(v.string())),
    }),
  ),
  rawAnswer: v.string(),
  finishReason: v.picklist(['stop', 'length', 'abort', 'tool_calls']),
  usage: v.object({
    promptTokens: count,
    completionTokens: count,
    timeToFirstTokenMs: num,
    prefillTokensPerSecond: num,
    decodeTokensPerSecond: num,
    totalMs: num,
  }),
  verdicts: v.object({
    deterministic: v.optional(grade),
    judge: v.optional(v.object({ verdict, reason: v.string(), judgeModelId: v.string(), at: num })),
    override: v.optional(v.object({ verdict, at: num, note: v.optional(v.string()) })),
  }),
  error: v.optional(v.object({ code: v.string(), message: v.string() })),
  createdAt: num,
});

export const setSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  description: v.string(),
  source: v.string(),
  licence: v.string(),
  items: v.array(
    v.object({
      id: v.pipe(v.string(), v.minLength(1)),
      prompt: v.string(),
      answers: v.array(v.string()),
      incorrectAnswers: v.optional(v.array(v.string())),
      kind: v.picklist(['factual', 'open']),
      tags: v.array(v.string()),
      docIds: v.optional(v.array(v.string())),
      sourceUrls: v.optional(v.array(v.string())),
    }),
  ),
  corpus: v.optional(v.array(v.object({ id: v.string(), title: v.string(), text: v.string() }))),
  builtin: v.optional(v.boolean()),
  createdAt: v.optional(num),
  updatedAt: v.optional(num),
});

export const envelopeSchemaV1 = v.object({
  format: v.literal(COMPARISON_FORMAT),
  version: v.literal(1),
  app: v.object({ name: v.string(), version: v.string() }),
  exportedAt: v.string(),
  payload: v.object({
    runs: v.array(runSchema),
    results: v.array(resultSchema),
    sets: v.array(setSchema),
  }),
});

// The schema's output must be assignable to the domain types it stands for.
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
type Matches<S extends v.GenericSchema, T> = Out<S> extends T ? true : never;
const _schemasMatchTypes: [
  Matches<typeof runSchema, RunRecord>,
  Matches<typeof resultSchema, ResultRecord>,
  Matches<typeof setSchema, PromptSet>,
] = [true, true, true];

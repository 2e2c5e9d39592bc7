/**
 * Valibot schemas of format version 2, one per line kind, checked on every
 * record after migration (files of older versions are migrated to this shape
 * first). They mirror the domain types (runs/types.ts, prompts/types.ts,
 * grading/types.ts); the `satisfies` checks at the bottom keep the two from
 * drifting apart. Unknown keys are dropped (valibot `object` strips them), so
 * nothing unexpected from a file reaches storage.
 *
 * Stricter than version 1 (schema-v1.ts, kept frozen for the migration tests)
 * where version 1 let impossible values in: instants must be ones a Date can
 * hold, timings and speeds cannot be negative, and runs carry `provenance`.
 * How a result must agree with its run (its model, condition and item) is
 * checked after this, in run-shape.ts, since a schema sees one record at a time.
 */
import * as v from 'valibot';
import { ENGINE_KINDS } from '../engine/engine-kinds';
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import { COMPARISON_FORMAT, COMPARISON_VERSION } from './envelope';

/** The last instant a JavaScript Date can hold, in epoch milliseconds (either side of 1970). */
export const MAX_INSTANT = 8.64e15;
/** A billion tokens a second: no engine comes near, so anything above is a broken figure. */
export const MAX_TOKENS_PER_SECOND = 1e9;
/** About 31 years, in milliseconds: longer than any answer takes. */
export const MAX_DURATION_MS = 1e12;

const num = v.pipe(v.number(), v.finite());
const share = v.pipe(num, v.minValue(0), v.maxValue(1));
const count = v.pipe(num, v.integer(), v.minValue(0));
const instant = v.pipe(
  num,
  v.minValue(-MAX_INSTANT, 'expected a date a Date can hold (epoch milliseconds within ±8.64e15)'),
  v.maxValue(MAX_INSTANT, 'expected a date a Date can hold (epoch milliseconds within ±8.64e15)'),
);
const duration = v.pipe(
  num,
  v.minValue(0, 'a time cannot be negative'),
  v.maxValue(MAX_DURATION_MS, 'a time longer than 31 years is not a real measurement'),
);
const speed = v.pipe(
  num,
  v.minValue(0, 'a speed cannot be negative'),
  v.maxValue(MAX_TOKENS_PER_SECOND, 'a speed above a billion tokens a second is not a real measurement'),
);
const id = v.pipe(v.string(), v.minLength(1));
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
  id,
  name: v.string(),
  config: v.object({
    setId: v.string(),
    setName: v.string(),
    selection: v.object({
      tags: v.array(v.string()),
      sample: v.optional(v.object({ size: count, seed: num })),
    }),
    modelIds: v.array(id),
    conditions: v.array(condition),
    settings,
  }),
  itemIds: v.array(id),
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
  createdAt: instant,
  updatedAt: instant,
  finishedAt: v.optional(instant),
  importedFrom: v.optional(v.string()),
  provenance: v.optional(
    v.object({ fileName: v.string(), appVersion: v.string(), exportedAt: instant, importedAt: instant }),
  ),
  log: v.optional(
    v.array(
      v.object({
        at: instant,
        kind: v.picklist(['retried', 'skipped', 'retry-skipped', 'copied', 'cancelled']),
        message: v.string(),
        modelId: v.optional(v.string()),
        itemId: v.optional(v.string()),
        conditionId: v.optional(v.string()),
        code: v.optional(v.string()),
      }),
    ),
  ),
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
  runId: id,
  modelId: id,
  conditionId: id,
  itemId: id,
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
    timeToFirstTokenMs: duration,
    prefillTokensPerSecond: speed,
    decodeTokensPerSecond: speed,
    totalMs: duration,
  }),
  verdicts: v.object({
    deterministic: v.optional(grade),
    judge: v.optional(v.object({ verdict, reason: v.string(), judgeModelId: v.string(), at: instant })),
    override: v.optional(v.object({ verdict, at: instant, note: v.optional(v.string()) })),
  }),
  error: v.optional(v.object({ code: v.string(), message: v.string() })),
  createdAt: instant,
});

export const setSchema = v.object({
  id,
  name: v.string(),
  description: v.string(),
  source: v.string(),
  licence: v.string(),
  items: v.array(
    v.object({
      id,
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
  createdAt: v.optional(instant),
  updatedAt: v.optional(instant),
});

const isoDate = v.pipe(
  v.string(),
  v.check((text) => Number.isFinite(Date.parse(text)), 'expected a date such as "2026-01-31T12:00:00.000Z"'),
);

export const appSchema = v.object({ name: v.string(), version: v.string() });

/** A version 2 header line; `counts` is required there (older headers are migrated without it). */
export const headerSchema = v.object({
  format: v.literal(COMPARISON_FORMAT),
  version: v.literal(COMPARISON_VERSION),
  app: appSchema,
  exportedAt: isoDate,
  counts: v.optional(v.object({ sets: count, runs: count, results: count, speedLab: v.optional(count) })),
});

// The schema's output must be assignable to the domain types it stands for.
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
type Matches<S extends v.GenericSchema, T> = Out<S> extends T ? true : never;
const _schemasMatchTypes: [
  Matches<typeof runSchema, RunRecord>,
  Matches<typeof resultSchema, ResultRecord>,
  Matches<typeof setSchema, PromptSet>,
] = [true, true, true];

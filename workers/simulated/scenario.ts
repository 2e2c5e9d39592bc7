/**
 * The simulated engine's scenario: its models (with a persona each), scripted
 * answers keyed by prompt text, and injected failures. One JSON file drives
 * unit tests, the runner's Node tests and the browser tests alike.
 * `readScenario` checks the shape, so a broken edit fails loudly at start,
 * not as an odd answer deep inside a test.
 */
import type { GpuNeeds, ModelRecord, SimulatedFailure } from '../api';
import scenarioJson from './scenario.json';

/** How a model behaves without a scripted answer (see `answer.ts`). */
export type Persona = 'honest' | 'confident' | 'toolsmith';

export interface SimulatedModel {
  id: string;
  persona: Persona;
  vramMB: number;
  contextWindow: number;
  lowResource: boolean;
  functionCalling: boolean;
  requiredFeatures?: string[];
  /** Size of the fake download. */
  downloadMB: number;
  shards: number;
}

export interface ScriptedAnswer {
  /** Matches when the conversation's first user message contains this text (case-insensitive). */
  prompt: string;
  answer: string;
  /** Only for this model; every model when absent. */
  model?: string;
  /** `retrieval`: passages or a tool result are present; `closed-book`: neither. Both when absent. */
  mode?: 'closed-book' | 'retrieval';
}

export interface Scenario {
  models: SimulatedModel[];
  answers: ScriptedAnswer[];
  failures: SimulatedFailure[];
}

const PERSONAS: readonly string[] = ['honest', 'confident', 'toolsmith'];
const FAILURE_KINDS: readonly string[] = ['device-lost', 'out-of-memory', 'load-error'];

export function readScenario(json: unknown): Scenario {
  const root = record(json, 'scenario');
  const models = list(root.models, 'models').map((m, i) => {
    const model = record(m, `models[${i}]`);
    check(
      typeof model.id === 'string' && model.id.startsWith('sim-'),
      `models[${i}].id must start with "sim-"`,
    );
    check(
      PERSONAS.includes(String(model.persona)),
      `models[${i}].persona must be one of ${PERSONAS.join(', ')}`,
    );
    for (const key of ['vramMB', 'contextWindow', 'downloadMB', 'shards']) {
      check(
        typeof model[key] === 'number' && model[key] > 0,
        `models[${i}].${key} must be a positive number`,
      );
    }
    return model as unknown as SimulatedModel;
  });
  const answers = list(root.answers, 'answers').map((a, i) => {
    const answer = record(a, `answers[${i}]`);
    check(typeof answer.prompt === 'string' && answer.prompt.trim() !== '', `answers[${i}].prompt is empty`);
    check(typeof answer.answer === 'string', `answers[${i}].answer must be text`);
    return answer as unknown as ScriptedAnswer;
  });
  const failures = list(root.failures ?? [], 'failures').map((f, i) => {
    const failure = record(f, `failures[${i}]`);
    check(
      FAILURE_KINDS.includes(String(failure.kind)),
      `failures[${i}].kind must be one of ${FAILURE_KINDS.join(', ')}`,
    );
    return failure as unknown as SimulatedFailure;
  });
  return { models, answers, failures };
}

/** The scenario shipped with the app (`scenario.json`). */
export const DEFAULT_SCENARIO: Scenario = readScenario(scenarioJson);

export function toModelRecord(model: SimulatedModel): ModelRecord {
  const gpu: GpuNeeds = { memoryMB: model.vramMB, lowResource: model.lowResource };
  if (model.requiredFeatures?.length) gpu.features = [...model.requiredFeatures];
  return {
    id: model.id,
    engine: 'simulated',
    type: 'llm',
    contextWindow: model.contextWindow,
    custom: false,
    capabilities: {
      thinking: 'none',
      nativeTools: model.functionCalling,
      constrainedToolCalls: false,
      stopSequences: false,
      fixedLength: true,
    },
    gpu,
    weights: {
      bytes: model.downloadMB * 1024 * 1024,
      source: 'simulated: the size of its fake download (scenario.json)',
    },
  };
}

function record(value: unknown, where: string): Record<string, unknown> {
  check(typeof value === 'object' && value !== null && !Array.isArray(value), `${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  check(Array.isArray(value), `${where} must be a list`);
  return value as unknown[];
}

function check(condition: boolean, problem: string): asserts condition {
  if (!condition) throw new Error(`Simulated scenario: ${problem}.`);
}

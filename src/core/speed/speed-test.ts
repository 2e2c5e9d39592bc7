/**
 * The model speed test, as a driver over an injected engine (the page's
 * engine client, a fake in Node tests), so the Speed screen, the smoke
 * script and the tests run the same steps:
 * 1. calibrate: two short prompts, so the prompt at each input length has
 *    about that many tokens by the engine's own count (`speed-prompt.ts`);
 * 2. warm up: one generation at the first length, not counted;
 * 3. per input length, `repetitions` generations of a fixed output length
 *    (`ignoreEos` where the model can), prefill and decode tok/s and time to
 *    first token from the engine's own usage figures, medians with spread;
 * 4. Floorcheck's own cost: the same generation through the runner's path
 *    (`generate`: page → client → worker, tokens streamed back) and on the
 *    backend directly inside the worker (`generateDirect`), alternating
 *    direct-first and runner-first, so drift cancels; the ratio per pair.
 * The table's rows use the direct path: the engine's figures time its own
 * steps and do not depend on the path.
 */
import type { GenerateRequest, GenerateResult } from '../engine/contract';
import type { ModelRecord } from '../engine/model-record';
import { AppError } from '../errors';
import { decodeCeiling, percentOfCeiling } from './ceiling';
import {
  DEFAULT_INPUT_LENGTHS,
  DEFAULT_OUTPUT_TOKENS,
  DEFAULT_REPETITIONS,
  planInputLengths,
  type InputLength,
} from './input-lengths';
import { measure } from './measure';
import type { RunnerOverhead, SpeedCeiling, SpeedRow, SpeedTestRecord } from './records';
import { fitTokens, speedPrompt, wordsForTokens, type TokenFit } from './speed-prompt';

export interface DirectGeneration {
  result: GenerateResult;
  /** Wall time inside the worker, from the call to the answer. */
  wallMs: number;
}

export interface SpeedEngine {
  /** The runner's path: through the page's engine client, every token streamed back to the page. */
  generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult>;
  /** The same generation called on the backend inside the worker, timed there. */
  generateDirect(request: GenerateRequest): Promise<DirectGeneration>;
}

export interface SpeedTestProgress {
  step: number;
  steps: number;
  text: string;
}

export interface SpeedTestOptions {
  model: Pick<ModelRecord, 'id' | 'contextWindow' | 'capabilities' | 'weights'>;
  inputLengths?: readonly number[];
  outputTokens?: number;
  repetitions?: number;
  /** Runner-against-direct pairs; 0 skips the measurement. */
  overheadPairs?: number;
  /** The probe's read-pass figure, for the ceiling. */
  bandwidth?: { gbPerSecond: number; probeId: string; measuredAt: number };
  /** Milliseconds, e.g. `() => performance.now()`. */
  clock: () => number;
  onProgress?: (progress: SpeedTestProgress) => void;
  /** Where the runner path's streamed tokens go (the page's live answer). */
  onToken?: (delta: string) => void;
  /** Checked between generations; true stops the test with `generation-interrupted`. */
  stopped?: () => boolean;
}

export type SpeedMeasurement = Omit<SpeedTestRecord, 'id' | 'measuredAt' | 'machine' | 'engine'>;

export const DEFAULT_OVERHEAD_PAIRS = 5;
/** Fewer output tokens leave decode too short to time. */
export const MIN_OUTPUT_TOKENS = 8;
const CALIBRATION_WORDS: readonly [number, number] = [32, 160];

const stoppedError = (): AppError =>
  new AppError('generation-interrupted', {
    message: 'The speed test was stopped.',
    action: 'Start it again when the engine is free; nothing of the stopped test was kept.',
  });

export function speedRequest(
  model: SpeedTestOptions['model'],
  prompt: string,
  maxTokens: number,
  fixedLength: boolean,
): GenerateRequest {
  const request: GenerateRequest = {
    messages: [{ role: 'user', content: prompt }],
    temperature: 0,
    maxTokens,
    seed: 0,
  };
  if (fixedLength) request.ignoreEos = true;
  if (model.capabilities.thinking === 'switch') request.thinking = false;
  return request;
}

export async function runSpeedTest(
  engine: SpeedEngine,
  options: SpeedTestOptions,
): Promise<SpeedMeasurement> {
  const { model, clock } = options;
  const started = clock();
  const outputTokens = Math.max(MIN_OUTPUT_TOKENS, Math.round(options.outputTokens ?? DEFAULT_OUTPUT_TOKENS));
  const repetitions = Math.max(1, Math.round(options.repetitions ?? DEFAULT_REPETITIONS));
  const pairs = Math.max(0, Math.round(options.overheadPairs ?? DEFAULT_OVERHEAD_PAIRS));
  const fixed = model.capabilities.fixedLength === true;
  const plan = planInputLengths(
    options.inputLengths ?? DEFAULT_INPUT_LENGTHS,
    model.contextWindow,
    outputTokens,
  );
  const first = plan[0];
  if (!first) {
    throw new AppError('context-window-exceeded', {
      message: `The context window of ${model.id} (${model.contextWindow} tokens) leaves no room for a prompt and ${outputTokens} output tokens.`,
      action: 'Choose fewer output tokens, or another model.',
    });
  }
  const steps = CALIBRATION_WORDS.length + 1 + plan.length * repetitions + 2 * pairs;
  let step = 0;
  const tick = (text: string): void => {
    if (options.stopped?.()) throw stoppedError();
    step += 1;
    options.onProgress?.({ step, steps, text });
  };
  const direct = async (request: GenerateRequest): Promise<DirectGeneration> => {
    const outcome = await engine.generateDirect(request);
    if (outcome.result.finishReason === 'abort') throw stoppedError();
    return outcome;
  };

  const calibration: { words: number; tokens: number }[] = [];
  for (const [index, words] of CALIBRATION_WORDS.entries()) {
    tick(`Calibrating the prompt length (${index + 1} of ${CALIBRATION_WORDS.length})`);
    const { result } = await direct(speedRequest(model, speedPrompt(words), 1, false));
    calibration.push({ words, tokens: result.usage.promptTokens });
  }
  const [a, b] = calibration;
  const fit: TokenFit = fitTokens(a ?? { words: 0, tokens: 0 }, b ?? { words: 0, tokens: 0 });
  const promptFor = (length: InputLength) => speedPrompt(wordsForTokens(length.target, fit));

  tick('Warming up');
  await direct(speedRequest(model, promptFor(first), outputTokens, fixed));

  const rows: SpeedRow[] = [];
  let heldFixed = fixed;
  for (const length of plan) {
    const results: GenerateResult[] = [];
    for (let rep = 1; rep <= repetitions; rep++) {
      tick(`${length.target} tokens in, repetition ${rep} of ${repetitions}`);
      results.push((await direct(speedRequest(model, promptFor(length), outputTokens, fixed))).result);
    }
    const completionTokens = Math.min(...results.map((r) => r.usage.completionTokens));
    if (completionTokens !== outputTokens) heldFixed = false;
    rows.push({
      targetTokens: length.target,
      capped: length.capped,
      promptTokens: measure(results.map((r) => r.usage.promptTokens)).median,
      completionTokens,
      prefillTokensPerSecond: measure(results.map((r) => r.usage.prefillTokensPerSecond)),
      decodeTokensPerSecond: measure(results.map((r) => r.usage.decodeTokensPerSecond)),
      timeToFirstTokenMs: measure(results.map((r) => r.usage.timeToFirstTokenMs)),
    });
  }

  const ceiling = makeCeiling(options.bandwidth, model.weights);
  if (ceiling) {
    for (const row of rows) {
      row.percentOfCeiling = percentOfCeiling(row.decodeTokensPerSecond.median, ceiling.tokensPerSecond);
    }
  }

  let overhead: RunnerOverhead | undefined;
  if (pairs > 0) {
    const request = speedRequest(model, promptFor(first), outputTokens, fixed);
    const directSpeeds: number[] = [];
    const runnerSpeeds: number[] = [];
    const ratios: number[] = [];
    let promptTokens = 0;
    let completionTokens = 0;
    const viaRunner = async (): Promise<number> => {
      const t0 = clock();
      const result = await engine.generate(request, options.onToken ?? (() => undefined));
      const wallMs = clock() - t0;
      if (result.finishReason === 'abort') throw stoppedError();
      return result.usage.completionTokens / (wallMs / 1000);
    };
    const viaDirect = async (): Promise<number> => {
      const { result, wallMs } = await direct(request);
      promptTokens = result.usage.promptTokens;
      completionTokens = result.usage.completionTokens;
      return result.usage.completionTokens / (wallMs / 1000);
    };
    for (let pair = 1; pair <= pairs; pair++) {
      const directFirst = pair % 2 === 1;
      let d: number;
      let r: number;
      if (directFirst) {
        tick(`Floorcheck against direct, pair ${pair} of ${pairs} (direct)`);
        d = await viaDirect();
        tick(`Floorcheck against direct, pair ${pair} of ${pairs} (through the runner's path)`);
        r = await viaRunner();
      } else {
        tick(`Floorcheck against direct, pair ${pair} of ${pairs} (through the runner's path)`);
        r = await viaRunner();
        tick(`Floorcheck against direct, pair ${pair} of ${pairs} (direct)`);
        d = await viaDirect();
      }
      directSpeeds.push(d);
      runnerSpeeds.push(r);
      ratios.push(r / d);
    }
    overhead = {
      pairs,
      promptTokens,
      completionTokens,
      directTokensPerSecond: measure(directSpeeds),
      runnerTokensPerSecond: measure(runnerSpeeds),
      ratio: measure(ratios),
    };
  }

  const measurement: SpeedMeasurement = {
    modelId: model.id,
    contextWindow: model.contextWindow,
    outputTokens,
    fixedLength: heldFixed,
    repetitions,
    rows,
    durationMs: clock() - started,
  };
  if (model.weights) measurement.weights = model.weights;
  if (ceiling) measurement.ceiling = ceiling;
  if (overhead) measurement.overhead = overhead;
  return measurement;
}

function makeCeiling(
  bandwidth: SpeedTestOptions['bandwidth'],
  weights: SpeedTestOptions['model']['weights'],
): SpeedCeiling | undefined {
  if (!bandwidth || !weights) return undefined;
  const tokensPerSecond = decodeCeiling(bandwidth.gbPerSecond, weights.bytes);
  if (!Number.isFinite(tokensPerSecond)) return undefined;
  return {
    gbPerSecond: bandwidth.gbPerSecond,
    probeId: bandwidth.probeId,
    probeMeasuredAt: bandwidth.measuredAt,
    weights,
    tokensPerSecond,
  };
}

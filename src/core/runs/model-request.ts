/**
 * What a run asks of each model, decided once from the model's capabilities
 * (`ModelCapabilities`, declared by its backend): whether the thinking flag
 * is sent, how the tool is offered, which stop sequences end a tool turn.
 * The cell executor, the judge, the run form and the run's environment all
 * read these functions, so what is shown is what is sent.
 *
 * Thinking: only a model with a thinking switch gets the flag. web-llm 0.2.86
 * turns `enable_thinking: false` into an empty `<think>` block prefixed to
 * ANY model's reply (lib/index.js:12361-12368, `forwardPrefill`), so sending
 * "off" to a model without the switch changes its prompt and spends its
 * tokens. A model that always reasons cannot be told not to.
 * Rejected: sending the flag everywhere and letting each backend drop it
 * (the run's record would then claim a setting the model never had).
 */
import type { ModelCapabilities } from '../engine/model-record';
import { parseModelId } from '../models/model-id';
import { chooseToolMode, toolCallStops } from '../retrieval/tool-protocol';
import type { ToolMode } from '../retrieval/types';
import type { GenerationSettings, ModelEnvironment } from './types';

/** Thinking as a person reads it for one model. */
export type ThinkingShown = 'on' | 'off' | 'not applicable';

/** The `thinking` field to send: the run's setting for a model with a switch, nothing otherwise. */
export function thinkingFlag(
  capabilities: Pick<ModelCapabilities, 'thinking'> | undefined,
  wanted: boolean,
): boolean | undefined {
  return capabilities?.thinking === 'switch' ? wanted : undefined;
}

export function thinkingShown(
  capabilities: Pick<ModelCapabilities, 'thinking'> | undefined,
  wanted: boolean,
): ThinkingShown {
  const flag = thinkingFlag(capabilities, wanted);
  if (flag === undefined) return 'not applicable';
  return flag ? 'on' : 'off';
}

/** One line for the run form: "on", "off", "not applicable (always reasons)", … */
export function thinkingText(
  capabilities: Pick<ModelCapabilities, 'thinking'> | undefined,
  wanted: boolean,
): string {
  const shown = thinkingShown(capabilities, wanted);
  if (shown !== 'not applicable') return shown;
  if (!capabilities) return 'not applicable (capabilities unknown)';
  return capabilities.thinking === 'always'
    ? 'not applicable (always reasons)'
    : 'not applicable (no thinking switch)';
}

/** How the tool condition is offered to a model; the text protocol when its capabilities are unknown. */
export function toolModeFor(capabilities: ModelCapabilities | undefined): ToolMode {
  return capabilities ? chooseToolMode(capabilities) : 'text-protocol';
}

/** Stop sequences sent on a model's tool turns (none when the model's engine ignores them). */
export function toolStopsFor(capabilities: ModelCapabilities | undefined): string[] {
  return capabilities?.stopSequences ? toolCallStops(toolModeFor(capabilities)) : [];
}

/** What a run records of one model: its quantisation and what it is sent. */
export function modelEnvironment(
  modelId: string,
  capabilities: ModelCapabilities | undefined,
  settings: GenerationSettings,
  webllmVersion?: string,
): ModelEnvironment {
  const environment: ModelEnvironment = {
    modelId,
    quantization: parseModelId(modelId).quantization,
    thinking: thinkingShown(capabilities, settings.thinking),
    toolMode: toolModeFor(capabilities),
    stop: toolStopsFor(capabilities),
    settings: {
      temperature: settings.temperature,
      topP: settings.topP,
      maxTokens: settings.maxTokens,
      seed: settings.seed,
    },
  };
  if (webllmVersion !== undefined) environment.webllmVersion = webllmVersion;
  return environment;
}

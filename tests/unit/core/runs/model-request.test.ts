import { describe, expect, it } from 'vitest';
import type { ModelCapabilities } from '../../../../src/core/engine/model-record';
import { parsed, written } from '../exchange/helpers';
import { DEFAULT_GENERATION_SETTINGS } from '../../../../src/core/runs/generation-settings';
import {
  modelEnvironment,
  thinkingFlag,
  thinkingText,
  toolModeFor,
  toolStopsFor,
} from '../../../../src/core/runs/model-request';
import { item, promptSet, run } from '../results/builders';

const caps = (overrides: Partial<ModelCapabilities>): ModelCapabilities => ({
  thinking: 'none',
  nativeTools: false,
  constrainedToolCalls: true,
  stopSequences: true,
  ...overrides,
});

describe('thinking per model', () => {
  it.each([
    {
      why: 'a switch, run asks on',
      capabilities: caps({ thinking: 'switch' }),
      wanted: true,
      flag: true,
      text: 'on',
    },
    {
      why: 'a switch, run asks off',
      capabilities: caps({ thinking: 'switch' }),
      wanted: false,
      flag: false,
      text: 'off',
    },
    {
      why: 'always reasons: the flag would not be its own',
      capabilities: caps({ thinking: 'always' }),
      wanted: false,
      flag: undefined,
      text: 'not applicable (always reasons)',
    },
    {
      why: 'no thinking: "off" would prefix an empty <think> block',
      capabilities: caps({ thinking: 'none' }),
      wanted: false,
      flag: undefined,
      text: 'not applicable (no thinking switch)',
    },
    {
      why: 'unknown model',
      capabilities: undefined,
      wanted: true,
      flag: undefined,
      text: 'not applicable (capabilities unknown)',
    },
  ])('$why', ({ capabilities, wanted, flag, text }) => {
    expect(thinkingFlag(capabilities, wanted)).toBe(flag);
    expect(thinkingText(capabilities, wanted)).toBe(text);
  });
});

describe('tool mode and stop sequences per model', () => {
  it.each([
    { why: 'native function calling', capabilities: caps({ nativeTools: true }), mode: 'native', stop: [] },
    { why: 'a constrained tag', capabilities: caps({}), mode: 'structural-tag', stop: ['</tool_call>'] },
    {
      why: 'bare text, engine with stop sequences',
      capabilities: caps({ constrainedToolCalls: false }),
      mode: 'text-protocol',
      stop: ['</tool_call>'],
    },
    {
      why: 'bare text, engine without stop sequences',
      capabilities: caps({ constrainedToolCalls: false, stopSequences: false }),
      mode: 'text-protocol',
      stop: [],
    },
    { why: 'unknown model', capabilities: undefined, mode: 'text-protocol', stop: [] },
  ])('$why', ({ capabilities, mode, stop }) => {
    expect(toolModeFor(capabilities)).toBe(mode);
    expect(toolStopsFor(capabilities)).toEqual(stop);
  });
});

describe('modelEnvironment', () => {
  const environment = modelEnvironment(
    'Qwen3-0.6B-q4f16_1-MLC',
    caps({ thinking: 'switch' }),
    DEFAULT_GENERATION_SETTINGS,
    '0.2.86',
  );

  it('records the quantisation, thinking, tool mode, stops and settings sent', () => {
    expect(environment).toEqual({
      modelId: 'Qwen3-0.6B-q4f16_1-MLC',
      quantization: 'q4f16_1',
      webllmVersion: '0.2.86',
      thinking: 'off',
      toolMode: 'structural-tag',
      stop: ['</tool_call>'],
      settings: { temperature: 0, topP: 1, maxTokens: 256, seed: 0 },
    });
  });

  it('survives a comparison file (the schema keeps it)', async () => {
    const base = run();
    const withModels = { ...base, environment: { ...base.environment, models: [environment] } };
    const file = await written({ runs: [withModels], sets: [promptSet([item('q1')])], results: [] });
    const imported = await parsed(file.bytes);
    expect(imported.payload.runs[0]?.environment.models).toEqual([environment]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseToolCalls } from '../../../../src/core/retrieval/tool-call-parser';
import {
  chooseToolMode,
  SEARCH_TOOL_SPEC,
  searchToolCallConstraint,
  toolInstructions,
} from '../../../../src/core/retrieval/tool-protocol';

describe('tool protocol', () => {
  it.each([
    { maxCalls: 1, says: 'search once' },
    { maxCalls: 3, says: 'search up to 3 times' },
  ])('teaches the <tool_call> protocol and the limit ($says)', ({ maxCalls, says }) => {
    const text = toolInstructions(maxCalls);
    expect(text).toContain('<tool_call>');
    expect(text).toContain(says);
  });

  it('shows an example call the parser reads', () => {
    const example =
      toolInstructions(2)
        .split('\n')
        .find((line) => line.startsWith('<tool_call>')) ?? '';
    expect(parseToolCalls(example).calls).toEqual([{ query: 'your search words', raw: example }]);
  });

  it.each([
    {
      nativeTools: true,
      constrainedToolCalls: true,
      mode: 'native',
      why: 'native calls win where the model has them',
    },
    {
      nativeTools: true,
      constrainedToolCalls: false,
      mode: 'native',
      why: 'native needs no grammar support',
    },
    {
      nativeTools: false,
      constrainedToolCalls: true,
      mode: 'structural-tag',
      why: 'constrain when the engine can',
    },
    {
      nativeTools: false,
      constrainedToolCalls: false,
      mode: 'text-protocol',
      why: 'otherwise only the text protocol',
    },
  ])('chooses $mode: $why', ({ nativeTools, constrainedToolCalls, mode }) => {
    expect(chooseToolMode({ nativeTools, constrainedToolCalls })).toBe(mode);
  });

  it('describes the search tool with a required string query', () => {
    expect(SEARCH_TOOL_SPEC.name).toBe('search');
    expect(SEARCH_TOOL_SPEC.parameters).toMatchObject({
      required: ['query'],
      properties: { query: { type: 'string' } },
    });
  });

  it('builds the tool-call constraint around the same wire text', () => {
    const tag = searchToolCallConstraint();
    expect(tag.triggers).toEqual(['<tool_call>']);
    expect(tag.structures).toHaveLength(1);
    expect(tag.structures[0]).toMatchObject({ begin: '<tool_call>', end: '</tool_call>' });
  });
});

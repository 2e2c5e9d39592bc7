import { describe, expect, it } from 'vitest';
import { parseToolCalls } from '../../../../src/core/retrieval/tool-call-parser';
import {
  chooseToolMode,
  SEARCH_TOOL_SPEC,
  searchStructuralTag,
  toolInstructions,
  toWebllmResponseFormat,
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
      functionCalling: true,
      structuralTag: true,
      mode: 'native',
      why: 'native calls win where the model has them',
    },
    { functionCalling: true, structuralTag: false, mode: 'native', why: 'native needs no grammar support' },
    {
      functionCalling: false,
      structuralTag: true,
      mode: 'structural-tag',
      why: 'constrain when the engine can',
    },
    {
      functionCalling: false,
      structuralTag: false,
      mode: 'text-protocol',
      why: 'otherwise only the text protocol',
    },
  ])('chooses $mode: $why', ({ functionCalling, structuralTag, mode }) => {
    expect(chooseToolMode({ functionCalling }, { structuralTag })).toBe(mode);
  });

  it('describes the search tool with a required string query', () => {
    expect(SEARCH_TOOL_SPEC.name).toBe('search');
    expect(SEARCH_TOOL_SPEC.parameters).toMatchObject({
      required: ['query'],
      properties: { query: { type: 'string' } },
    });
  });

  it('builds the structural tag around the same wire text', () => {
    const tag = searchStructuralTag();
    expect(tag.triggers).toEqual(['<tool_call>']);
    expect(tag.structures).toHaveLength(1);
    expect(tag.structures[0]).toMatchObject({ begin: '<tool_call>', end: '</tool_call>' });
  });

  it('converts to web-llm’s triggered_tags response format', () => {
    expect(toWebllmResponseFormat(searchStructuralTag())).toMatchObject({
      type: 'structural_tag',
      structural_tag: {
        type: 'structural_tag',
        format: {
          type: 'triggered_tags',
          triggers: ['<tool_call>'],
          tags: [
            { type: 'tag', begin: '<tool_call>', end: '</tool_call>', content: { type: 'json_schema' } },
          ],
        },
      },
    });
  });
});

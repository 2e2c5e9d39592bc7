/**
 * Every request Floorcheck builds, as web-llm 0.2.86 receives it. Cells of
 * each condition kind, in each tool mode, for a model of each family in the
 * catalog, go through the real cell executor and the real web-llm backend
 * into `FakeMlcEngine`, which passes each request through web-llm's own
 * exported `postInitAndCheckFieldsChatCompletion` (it throws on what web-llm
 * rejects, and rewrites Hermes requests as web-llm does). The prompts are
 * then rendered through the family's conversation template and kept as
 * snapshots (__snapshots__/prompts/), to be read as the model reads them.
 */
import type { ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { closedBook, contextCondition, toolCondition } from '../../../src/core/retrieval/conditions';
import { chooseToolMode, toolInstructions } from '../../../src/core/retrieval/tool-protocol';
import type { Condition } from '../../../src/core/retrieval/types';
import { DEFAULT_SYSTEM_PROMPT } from '../../../src/core/runs/generation-settings';
import { FAMILIES, modesOf, runCell, type Family } from './contract-cells';
import { renderPrompt } from './conversation-templates';

const CASES = FAMILIES.flatMap((family) => [
  { family, condition: closedBook(), mode: undefined },
  { family, condition: contextCondition(), mode: undefined },
  ...modesOf(family).map((mode) => ({ family, condition: toolCondition(), mode })),
]);

/**
 * What a person checks reading a prompt, as assertions. `textTools`: a tool
 * cell in a text mode, whose every turn carries the protocol once, before the
 * question (later turns need it to read their own history).
 */
function checkReadable(family: Family, request: ChatCompletionRequestStreaming, textTools: boolean): string {
  const prompt = renderPrompt(family.template, request);
  for (const message of request.messages) expect(String(message.content).trim()).not.toBe('');
  request.messages.forEach((message, i) => {
    if (i > 0) expect([request.messages[i - 1]?.role, message.role]).not.toEqual(['user', 'user']);
  });
  expect(prompt.split(DEFAULT_SYSTEM_PROMPT)).toHaveLength(2);
  expect(prompt.split('What is the capital of France?')).toHaveLength(2);
  const instructions = toolInstructions(3);
  const times = prompt.split(instructions).length - 1;
  expect(times).toBe(textTools ? 1 : 0);
  if (textTools) {
    expect(prompt.indexOf(instructions)).toBeLessThan(prompt.indexOf('What is the capital of France?'));
  }
  return prompt;
}

describe('every request passes web-llm 0.2.86’s own checks', () => {
  it.each(CASES)('$family.name, $condition.kind $mode', async ({ family, condition, mode }) => {
    // FakeMlcEngine runs postInitAndCheckFieldsChatCompletion on each: a rejected field throws here.
    const { answer, requests } = await runCell(family, condition, mode);
    expect(answer.verdicts.deterministic?.verdict).toBe('correct');
    expect(requests.length).toBe(condition.kind === 'tool' ? 2 : 1);
    for (const request of requests)
      checkReadable(family, request, condition.kind === 'tool' && mode !== 'native');
    if (condition.kind === 'tool') {
      expect(answer.retrieval).toMatchObject({ toolMode: mode, toolCalled: true });
      const first = requests[0];
      if (mode === 'native') expect(first?.tools).toHaveLength(1);
      if (mode === 'structural-tag') expect(first?.response_format?.type).toBe('structural_tag');
      if (mode !== 'native') expect(first?.stop).toEqual(['</tool_call>']);
    }
  });

  it('a native model that declines to search is asked again without tools, and that request passes too', async () => {
    const hermes = FAMILIES.find((f) => f.name === 'Hermes') as Family;
    const { answer, requests } = await runCell(hermes, toolCondition(), 'native', true);
    expect(requests.map((r) => r.tools?.length)).toEqual([1, undefined]);
    expect(answer.rawAnswer).toBe('Paris.');
    expect(answer.retrieval).toMatchObject({ toolCalled: false });
  });

  it('sends the thinking flag to the Qwen3 model only', async () => {
    const flags = await Promise.all(
      FAMILIES.map(async (family) => [
        family.name,
        (await runCell(family, closedBook())).requests[0]?.extra_body,
      ]),
    );
    expect(flags.filter(([, body]) => body !== undefined)).toEqual([['Qwen3', { enable_thinking: false }]]);
  });
});

const SNAPSHOTS = {
  'closed-book': closedBook(),
  context: contextCondition(),
  tool: toolCondition(),
  // One search allowed: the last turn carries the result and the request to answer.
  'tool-one-search': { ...toolCondition(), maxCalls: 1 },
} as const;

describe('the prompts as each model reads them (snapshots)', () => {
  it.each(Object.keys(SNAPSHOTS) as (keyof typeof SNAPSHOTS)[])('%s', async (kind) => {
    const condition: Condition = SNAPSHOTS[kind];
    const sections: string[] = [];
    for (const family of FAMILIES) {
      const { requests, record } = await runCell(family, condition);
      const mode = record ? chooseToolMode(record.capabilities) : 'text-protocol';
      sections.push(
        `## ${family.name}: ${family.modelId} (template ${family.template.name}${condition.kind === 'tool' ? `, ${mode}` : ''})`,
      );
      requests.forEach((request, i) => {
        const prompt = renderPrompt(family.template, request);
        sections.push(`### request ${i + 1}${describeFields(request)}\n\n\`\`\`text\n${prompt}\n\`\`\``);
      });
    }
    await expect(`${sections.join('\n\n')}\n`).toMatchFileSnapshot(`./__snapshots__/prompts/${kind}.md`);
  });
});

function describeFields(request: ChatCompletionRequestStreaming): string {
  const fields: string[] = [];
  if (request.extra_body?.enable_thinking !== undefined)
    fields.push(`enable_thinking ${String(request.extra_body.enable_thinking)}`);
  if (request.stop) fields.push(`stop ${JSON.stringify(request.stop)}`);
  if (request.response_format) fields.push(`response_format ${request.response_format.type ?? ''}`);
  if (request.tools) fields.push(`tools ${request.tools.map((t) => t.function.name).join(', ')}`);
  return fields.length ? ` (${fields.join('; ')})` : '';
}

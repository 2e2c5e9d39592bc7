import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../workers/api';
import { chooseAnswer, DONT_KNOW } from '../../../workers/simulated/answer';
import { DEFAULT_SCENARIO, readScenario, type SimulatedModel } from '../../../workers/simulated/scenario';
import { tokenize } from '../../../workers/simulated/tokenize';

const model = (id: string): SimulatedModel => {
  const found = DEFAULT_SCENARIO.models.find((m) => m.id === id);
  if (!found) throw new Error(`no ${id} in the scenario`);
  return found;
};
const honest = model('sim-honest-0.5B-q4f32_1');
const confident = model('sim-confident-1B-q4f32_1');
const toolsmith = model('sim-toolsmith-1.5B-q4f32_1');

const TOOL_SYSTEM =
  'You may search. Write <tool_call>{"name": "search", "arguments": {"query": "..."}}</tool_call>.';
const closedBook = (q: string): ChatMessage[] => [
  { role: 'user', content: `Answer briefly.\n\nQuestion: ${q}\nAnswer:` },
];
const withPassages = (q: string): ChatMessage[] => [
  {
    role: 'user',
    content: `Here are some passages that may help.\n\n[1] Ulaanbaatar\nUlaanbaatar is the capital of Mongolia. It lies on the Tuul river.\n\n[2] Other\nNoise.\n\nQuestion: ${q}\nAnswer:`,
  },
];
const toolTurn = (q: string, result: string): ChatMessage[] => [
  { role: 'system', content: TOOL_SYSTEM },
  { role: 'user', content: `Question: ${q}` },
  { role: 'assistant', content: `<tool_call>{"name": "search", "arguments": {"query": "${q}"}}</tool_call>` },
  { role: 'tool', content: result },
];

describe('chooseAnswer', () => {
  const rows: [string, SimulatedModel, ChatMessage[], string][] = [
    ['a scripted answer for every model', honest, closedBook('What is the capital of France?'), 'Paris.'],
    [
      'scripted answers match case-insensitively',
      confident,
      closedBook('what is the capital of france?'),
      'Paris.',
    ],
    [
      'a model-specific closed-book script beats the generic one',
      confident,
      closedBook('What is the capital of Australia?'),
      'Sydney.',
    ],
    [
      'the generic script applies to other models',
      honest,
      closedBook('What is the capital of Australia?'),
      DONT_KNOW,
    ],
    ['honest models decline closed-book', honest, closedBook('Who won the 1911 Tour?'), DONT_KNOW],
    [
      'passages in context: first sentence of the first passage',
      honest,
      withPassages('Capital of Mongolia?'),
      'Ulaanbaatar is the capital of Mongolia.',
    ],
    [
      'a closed-book script does not apply once passages are given',
      confident,
      withPassages('What is the capital of Australia?'),
      'Ulaanbaatar is the capital of Mongolia.',
    ],
    [
      'a tool result: first sentence of its first passage',
      toolsmith,
      toolTurn(
        'Capital of Mongolia?',
        'Results for "Capital of Mongolia?":\n[1] Ulaanbaatar\nUlaanbaatar is the capital. It is cold.',
      ),
      'Ulaanbaatar is the capital.',
    ],
    [
      'an empty tool result leaves the toolsmith honest',
      toolsmith,
      toolTurn('Who?', 'Results for "Who?":\nNo results.'),
      DONT_KNOW,
    ],
    [
      'the toolsmith calls the tool first',
      toolsmith,
      [{ role: 'system', content: TOOL_SYSTEM }, ...closedBook('Who wrote Dracula?')],
      '<tool_call>{"name":"search","arguments":{"query":"Who wrote Dracula?"}}</tool_call>',
    ],
    [
      'other models ignore the tool and decline',
      honest,
      [{ role: 'system', content: TOOL_SYSTEM }, ...closedBook('Who wrote Dracula?')],
      DONT_KNOW,
    ],
  ];
  it.each(rows)('%s', (_reason, who, messages, expected) => {
    expect(chooseAnswer(who, { messages }, DEFAULT_SCENARIO).text).toBe(expected);
  });

  it('the confident model makes up the same answer for the same question, and varies across questions', () => {
    const answers = [
      'Who won the 1911 Tour?',
      'Who painted the Night Watch?',
      'How deep is Lake Baikal?',
      'When was Oslo founded?',
    ].map((q) => chooseAnswer(confident, { messages: closedBook(q) }, DEFAULT_SCENARIO).text);
    const again = chooseAnswer(
      confident,
      { messages: closedBook('Who won the 1911 Tour?') },
      DEFAULT_SCENARIO,
    ).text;
    expect(again).toBe(answers[0]);
    expect(answers).not.toContain(DONT_KNOW);
    expect(new Set(answers).size).toBeGreaterThan(1);
  });

  it('emits a native call when native tools are passed to a function-calling model', () => {
    const answer = chooseAnswer(
      toolsmith,
      {
        messages: closedBook('Who wrote Dracula?'),
        tools: [{ name: 'search', description: '', parameters: {} }],
      },
      DEFAULT_SCENARIO,
    );
    expect(answer).toEqual({
      text: '',
      toolCalls: [{ id: 'call_0', name: 'search', arguments: '{"query":"Who wrote Dracula?"}' }],
    });
  });
});

describe('scenario and tokens', () => {
  it('the shipped scenario has the five documented models, all sim- prefixed', () => {
    expect(DEFAULT_SCENARIO.models.map((m) => m.id)).toEqual([
      'sim-honest-0.5B-q4f32_1',
      'sim-confident-1B-q4f32_1',
      'sim-toolsmith-1.5B-q4f32_1',
      'sim-f16only-1B-q4f16_1',
      'sim-flaky-0.5B-q4f32_1',
    ]);
  });

  it.each([
    [
      'a model id without the sim- prefix',
      {
        models: [{ id: 'real', persona: 'honest', vramMB: 1, contextWindow: 1, downloadMB: 1, shards: 1 }],
        answers: [],
      },
      /sim-/,
    ],
    [
      'an unknown persona',
      {
        models: [{ id: 'sim-x', persona: 'liar', vramMB: 1, contextWindow: 1, downloadMB: 1, shards: 1 }],
        answers: [],
      },
      /persona/,
    ],
    ['an unknown failure kind', { models: [], answers: [], failures: [{ kind: 'explode' }] }, /kind/],
    ['an empty scripted prompt', { models: [], answers: [{ prompt: ' ', answer: 'x' }] }, /prompt/],
  ])('rejects a scenario with %s', (_reason, json, message) => {
    expect(() => readScenario(json)).toThrow(message);
  });

  it.each(['Paris.', "I don't know.", '  Leading space, and "quotes"!\n', 'Ünïcödé wörds 42.'])(
    'tokens join back to %j',
    (text) => {
      expect(tokenize(text).join('')).toBe(text);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { parseToolCalls, withoutToolCalls } from '../../../../src/core/retrieval/tool-call-parser';

interface Row {
  why: string;
  text: string;
  queries: string[];
  /** Expected prose after the calls are taken out. */
  prose?: string;
  /** Substrings expected among the problems, in order; omitted means none. */
  problems?: string[];
}

const rows: Row[] = [
  {
    why: 'the protocol exactly',
    text: '<tool_call>{"name": "search", "arguments": {"query": "capital of Vorland"}}</tool_call>',
    queries: ['capital of Vorland'],
    prose: '',
  },
  {
    why: 'prose before and after the call',
    text: 'I am not sure, let me look it up.\n<tool_call>{"name": "search", "arguments": {"query": "Kelpie Mark IV builder"}}</tool_call>\nI will wait for the results.',
    queries: ['Kelpie Mark IV builder'],
    prose: 'I am not sure, let me look it up.\n\nI will wait for the results.',
  },
  {
    why: 'single quotes (Python dict habit)',
    text: "<tool_call>{'name': 'search', 'arguments': {'query': 'Orla Quill novels'}}</tool_call>",
    queries: ['Orla Quill novels'],
    problems: ['call 1: repaired JSON (single quotes)'],
  },
  {
    why: 'trailing commas',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Brennic Institute",},}</tool_call>',
    queries: ['Brennic Institute'],
    problems: ['trailing comma'],
  },
  {
    why: 'unquoted keys',
    text: '<tool_call>{name: "search", arguments: {query: "Halvard Marine founder"}}</tool_call>',
    queries: ['Halvard Marine founder'],
    problems: ['unquoted keys'],
  },
  {
    why: 'missing closing brace and tag at the end of the output (cut off by max tokens)',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Tessamar lighthouse"',
    queries: ['Tessamar lighthouse'],
    problems: ['missing closing brace', 'missing </tool_call>'],
  },
  {
    why: 'missing closing brace before the closing tag',
    text: '<tool_call>{"name": "search", "arguments": {"query": "vorl crown"}</tool_call>',
    queries: ['vorl crown'],
    problems: ['missing closing brace'],
  },
  {
    why: 'missing closing tag, prose follows',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Ostvik"}}\nOnce I have the results I will answer.',
    queries: ['Ostvik'],
    prose: 'Once I have the results I will answer.',
    problems: ['missing </tool_call>'],
  },
  {
    why: 'cut at the stop sequence: web-llm leaves the stop string out of the reply',
    text: 'Let me check.\n<tool_call>{"name": "search", "arguments": {"query": "Ostvik"}}',
    queries: ['Ostvik'],
    prose: 'Let me check.',
    problems: ['missing </tool_call>'],
  },
  {
    why: 'streamed pieces that end in part of the stop string (web-llm streams them before it stops)',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Ostvik"}}</tool_',
    queries: ['Ostvik'],
    prose: '',
  },
  {
    why: 'two calls in one turn, in order',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Vorland capital"}}</tool_call>\n<tool_call>{"name": "search", "arguments": {"query": "Tessamar"}}</tool_call>',
    queries: ['Vorland capital', 'Tessamar'],
  },
  {
    why: 'call inside a ```json fence, no tags',
    text: 'Let me search.\n```json\n{"name": "search", "arguments": {"query": "Kelpie ferry passengers"}}\n```',
    queries: ['Kelpie ferry passengers'],
    prose: 'Let me search.',
  },
  {
    why: 'tags inside a code fence',
    text: '```\n<tool_call>{"name": "search", "arguments": {"query": "Amon Pelt"}}</tool_call>\n```',
    queries: ['Amon Pelt'],
    prose: '',
  },
  {
    why: 'fence inside the tags',
    text: '<tool_call>\n```json\n{"name": "search", "arguments": {"query": "Glass Orchard"}}\n```\n</tool_call>',
    queries: ['Glass Orchard'],
    prose: '',
  },
  {
    why: 'bare search("…") form',
    text: 'search("Who founded Halvard Marine")',
    queries: ['Who founded Halvard Marine'],
    prose: '',
  },
  {
    why: 'search(query="…") keyword form with prose',
    text: "I'll call search(query='Brennic Institute director') to check.",
    queries: ['Brennic Institute director'],
    prose: "I'll call  to check.",
  },
  {
    why: 'Llama 3.1 built-in style with python tag',
    text: '<|python_tag|>brave_search.call(query="Vorland currency")',
    queries: ['Vorland currency'],
    prose: '',
  },
  {
    why: 'Llama 3.x bare JSON with "parameters"',
    text: '{"name": "search", "parameters": {"query": "Orla Quill 2011"}}',
    queries: ['Orla Quill 2011'],
    prose: '',
  },
  {
    why: 'Llama 3.1 <function=search> form',
    text: '<function=search>{"query": "Tessamar salt markets"}</function>',
    queries: ['Tessamar salt markets'],
    prose: '',
  },
  {
    why: 'arguments given as a JSON string (OpenAI habit)',
    text: '<tool_call>{"name": "search", "arguments": "{\\"query\\": \\"Ingrid Halvard\\"}"}</tool_call>',
    queries: ['Ingrid Halvard'],
  },
  {
    why: 'query alone inside the tags (tool implied)',
    text: '<tool_call>{"query": "Kelpie Mark IV"}</tool_call>',
    queries: ['Kelpie Mark IV'],
  },
  {
    why: 'OpenAI nested function object',
    text: '{"type": "function", "function": {"name": "search", "arguments": {"query": "vorl crown value"}}}',
    queries: ['vorl crown value'],
  },
  {
    why: 'apostrophe and quotes inside the query survive',
    text: '<tool_call>{"name": "search", "arguments": {"query": "Who wrote \\"The Glass Orchard\\"? It\'s a novel"}}</tool_call>',
    queries: ['Who wrote "The Glass Orchard"? It\'s a novel'],
  },
  {
    why: 'white space in the query is collapsed',
    text: '<tool_call>{"name": "search", "arguments": {"query": "  Vorland \\n capital  "}}</tool_call>',
    queries: ['Vorland capital'],
  },
  {
    why: 'no call at all: a plain answer',
    text: 'The capital of Vorland is Tessamar.',
    queries: [],
    prose: 'The capital of Vorland is Tessamar.',
  },
  {
    why: 'no call: an honest refusal mentioning searching in prose',
    text: "I don't know, and I can't search (no results came back) for it.",
    queries: [],
    prose: "I don't know, and I can't search (no results came back) for it.",
  },
  {
    why: 'no call: JSON in the answer that is not a tool call',
    text: 'Here is the record: {"name": "Orla Quill", "born": 1975}',
    queries: [],
    prose: 'Here is the record: {"name": "Orla Quill", "born": 1975}',
  },
  {
    why: 'an unknown tool is reported, not run',
    text: '<tool_call>{"name": "calculator", "arguments": {"expression": "2+2"}}</tool_call>',
    queries: [],
    prose: '',
    problems: ['unknown tool "calculator"'],
  },
  {
    why: 'an empty query is reported, not run',
    text: '<tool_call>{"name": "search", "arguments": {"query": ""}}</tool_call>The answer is unknown.',
    queries: [],
    prose: 'The answer is unknown.',
    problems: ['empty query'],
  },
  {
    why: 'a tag with nothing readable is reported',
    text: '<tool_call>I would like to search for the capital</tool_call>',
    queries: [],
    problems: ['tag held no readable call'],
  },
];

describe('parseToolCalls', () => {
  it.each(rows)('$why', ({ text, queries, prose, problems }) => {
    const parsed = parseToolCalls(text);
    expect(parsed.calls.map((c) => c.query)).toEqual(queries);
    if (prose !== undefined) expect(parsed.prose).toBe(prose);
    if (problems === undefined) {
      expect(parsed.problems).toEqual([]);
    } else {
      const joined = parsed.problems.join(' | ');
      for (const problem of problems) expect(joined).toContain(problem);
    }
  });

  it('keeps each call as written in `raw`', () => {
    const call = '<tool_call>{"name": "search", "arguments": {"query": "Vorland"}}</tool_call>';
    const parsed = parseToolCalls(`Searching.\n${call}`);
    expect(parsed.calls[0]?.raw).toBe(call);
  });
});

describe('withoutToolCalls (what a final reply says, to grade)', () => {
  it.each([
    { why: 'a plain answer is kept', text: 'Tessamar.', answer: 'Tessamar.' },
    { why: "native mode's empty call list is no answer", text: '[]', answer: '' },
    {
      why: 'a native call list left in the text is no answer',
      text: '[{"name": "search", "arguments": {"query": "Vorland capital"}}]',
      answer: '',
    },
    {
      why: 'a call written where the answer should be is no answer (its query names the gold)',
      text: '<tool_call>{"name": "search", "arguments": {"query": "Tessamar capital of Vorland"}}</tool_call>',
      answer: '',
    },
    {
      why: 'a call cut at the stop sequence is no answer',
      text: '<tool_call>{"name": "search", "arguments": {"query": "Tessamar"}}</tool_c',
      answer: '',
    },
    {
      why: 'the prose around a call is the answer',
      text: 'It is Tessamar.\n<tool_call>{"name": "search", "arguments": {"query": "check"}}</tool_call>',
      answer: 'It is Tessamar.',
    },
    { why: 'an answer that is a list of words stays', text: '[Tessamar]', answer: '[Tessamar]' },
  ])('$why', ({ text, answer }) => {
    expect(withoutToolCalls(text)).toBe(answer);
  });
});

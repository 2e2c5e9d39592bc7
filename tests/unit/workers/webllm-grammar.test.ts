/**
 * Every response format a Floorcheck request carries into web-llm (ours, the
 * structural tag of the tool-call constraint, and the JSON-array schema
 * web-llm itself puts on a native Hermes request) compiles with xgrammar,
 * the grammar engine web-llm 0.2.86 bundles (@mlc-ai/web-xgrammar 0.1.27,
 * compiled there at lib/index.js:12214-12226), and its matcher takes a
 * well-formed tool call and refuses a malformed one. The vocabulary is a tiny
 * one built here: single characters plus the tag tokens, as small models
 * have them; what cannot be checked without a model is which tokens it picks.
 *
 * The package is a UMD bundle: under Node ESM it needs `require` and
 * `__filename` before it loads, and then sits on `globalThis.xgrammar`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolCondition } from '../../../src/core/retrieval/conditions';
import { FAMILIES, modesOf, runCell } from './contract-cells';

type XGrammar = typeof import('@mlc-ai/web-xgrammar');
type Compiled = Awaited<ReturnType<XGrammar['GrammarCompiler']['prototype']['compileJSONSchema']>>;

const SPECIAL = ['<eos>', '<tool_call>', '</tool_call>'];
const CHARS = [
  ...new Set(' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{}[]":,.\'\n_-?!<>/'),
];
const VOCAB = [...SPECIAL, ...CHARS];
const EOS = 0;

/** Longest match: the tag tokens where the text has them, single characters elsewhere. */
function tokenize(text: string, { tagTokens = true } = {}): number[] {
  const ids: number[] = [];
  for (let i = 0; i < text.length;) {
    const tag = tagTokens ? SPECIAL.slice(1).find((t) => text.startsWith(t, i)) : undefined;
    const piece = tag ?? text.charAt(i);
    const id = VOCAB.indexOf(piece);
    if (id < 0) throw new Error(`no token for ${JSON.stringify(piece)}`);
    ids.push(id);
    i += piece.length;
  }
  return ids;
}

let xg: XGrammar;
const compiled = new Map<string, Compiled>();

/** Every distinct response format sent, across families and tool modes (from the contract cells). */
async function responseFormats(): Promise<Map<string, Record<string, unknown>>> {
  const formats = new Map<string, Record<string, unknown>>();
  for (const family of FAMILIES) {
    for (const mode of modesOf(family)) {
      const { requests } = await runCell(family, toolCondition(), mode);
      for (const request of requests) {
        const format = request.response_format as Record<string, unknown> | undefined;
        if (format) formats.set(JSON.stringify(format), format);
      }
    }
  }
  return formats;
}

beforeAll(async () => {
  const scope = globalThis as Record<string, unknown>;
  scope.require ??= createRequire(import.meta.url);
  scope.__filename ??= fileURLToPath(import.meta.url);
  await import('@mlc-ai/web-xgrammar');
  xg = scope.xgrammar as XGrammar;
  const info = await xg.TokenizerInfo.createTokenizerInfo(VOCAB, 'raw', false, VOCAB.length, [EOS]);
  const compiler = await xg.GrammarCompiler.createGrammarCompiler(info);
  for (const [key, format] of await responseFormats()) {
    const grammar =
      format.type === 'structural_tag'
        ? await compiler.compileStructuralTag(format.structural_tag as never)
        : await compiler.compileJSONSchema(String(format.schema));
    compiled.set(String(format.type), grammar);
    expect(key.length).toBeGreaterThan(0);
  }
});

/** Feeds the tokens and then EOS; true when every token was allowed and the grammar could end there. */
async function accepts(kind: string, ids: number[]): Promise<boolean> {
  const grammar = compiled.get(kind);
  if (!grammar) throw new Error(`no ${kind} grammar was sent`);
  const matcher = await xg.GrammarMatcher.createGrammarMatcher(grammar);
  try {
    for (const id of ids) if (!matcher.acceptToken(id)) return false;
    return matcher.acceptToken(EOS) && matcher.isTerminated();
  } finally {
    matcher.dispose();
  }
}

const CALL = '<tool_call>{"name": "search", "arguments": {"query": "capital of France"}}</tool_call>';

describe('the formats Floorcheck sends compile', () => {
  it('the tool-call structural tag (text modes) and the native JSON-array format web-llm sets', () => {
    expect([...compiled.keys()].sort()).toEqual(['json_object', 'structural_tag']);
  });
});

describe('structural tag: a search call is held to its schema, the rest stays free', () => {
  it.each([
    { why: 'prose, then a well-formed call', text: `Let me check. ${CALL}`, ok: true },
    { why: 'a plain answer, no call', text: 'Paris.', ok: true },
    { why: 'the tag spelt out in characters still triggers', text: CALL, tagTokens: false, ok: true },
    {
      why: 'an unknown tool name',
      text: '<tool_call>{"name": "lookup", "arguments": {"query": "x"}}</tool_call>',
      ok: false,
    },
    {
      why: 'a wrong argument name',
      text: '<tool_call>{"name": "search", "arguments": {"q": "x"}}</tool_call>',
      ok: false,
    },
    { why: 'no arguments', text: '<tool_call>{"name": "search"}</tool_call>', ok: false },
    { why: 'prose inside the tag', text: '<tool_call>search for Paris</tool_call>', ok: false },
    {
      why: 'a call left open',
      text: '<tool_call>{"name": "search", "arguments": {"query": "x"}}',
      ok: false,
    },
  ])('$why: $ok', async ({ text, tagTokens, ok }) => {
    expect(await accepts('structural_tag', tokenize(text, { tagTokens }))).toBe(ok);
  });
});

describe("native (Hermes): web-llm's JSON-array format", () => {
  it.each([
    // xgrammar keeps the schema's property order, and web-llm's schema lists `arguments` first.
    { why: 'a list with one call', text: '[{"arguments": {"query": "x"}, "name": "search"}]', ok: true },
    {
      why: 'the same call with its name first (the schema order is kept)',
      text: '[{"name": "search", "arguments": {"query": "x"}}]',
      ok: false,
    },
    { why: 'the empty list: "no search" can only be said so', text: '[]', ok: true },
    { why: 'a prose answer cannot be written', text: 'Paris.', ok: false },
    { why: 'a call without its name', text: '[{"arguments": {"query": "x"}}]', ok: false },
  ])('$why: $ok', async ({ text, ok }) => {
    expect(await accepts('json_object', tokenize(text))).toBe(ok);
  });
});

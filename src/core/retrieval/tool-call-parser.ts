/**
 * Finds `search` calls in what a model wrote, and the prose around them.
 *
 * The protocol is `<tool_call>{"name": "search", "arguments": {"query": "…"}}</tool_call>`,
 * but small models wander: prose around the call, broken JSON, several calls,
 * a call inside a ``` fence, no closing tag, `parameters` for `arguments`
 * (Llama 3.x), a bare JSON object without tags, `<function=search>{…}</function>`,
 * or a Python-ish `search("…")` / `search(query="…")`. Each form is a detector
 * that proposes spans; earlier detectors win overlaps. What had to be
 * repaired goes into `problems`, so a trace shows how the call was read.
 * Rejected: one big regex (cannot balance braces or cope with quotes inside
 * queries) and strict JSON only (would score a model's tool use as "no call"
 * when it plainly searched).
 */
import { parseLenientJson } from './lenient-json';
import { TOOL_NAME } from './tool-protocol';

export interface ParsedToolCall {
  query: string;
  /** The text of the call as the model wrote it. */
  raw: string;
}

export interface ParsedToolCalls {
  calls: ParsedToolCall[];
  /** The text with the calls taken out. */
  prose: string;
  /** How the calls were read: repairs made, calls ignored, and why. */
  problems: string[];
}

interface Span {
  start: number;
  end: number;
  query?: string;
  notes: string[];
}

const MAX_QUERY_CHARS = 500;
const TOOL_NAMES = new Set([TOOL_NAME, 'brave_search', 'web_search']);
const FUNCTION_FORM =
  /\b(?:brave_|web_)?search(?:\.call)?\s*\(\s*(?:query\s*[=:]\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*(?:,[^)]*)?\)/g;

/**
 * The start of `</tool_call>` at the very end of the text: what a streamed
 * reply ends with when web-llm stops at that stop string. Its deltas are
 * slices of the decoded message (lib/index.js:18386-18392) and it cuts the
 * message only once the whole stop string is there (12563-12571), so the
 * pieces streamed before that moment carry part of it.
 */
export const CUT_CLOSE_AT_END = /<\/(?:t(?:o(?:o(?:l(?:_(?:c(?:a(?:l(?:l>?)?)?)?)?)?)?)?)?)?$/i;
const CUT_CLOSE = new RegExp(`^${CUT_CLOSE_AT_END.source}`, 'i');

type Extracted = { call: boolean; query?: string; note?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanQuery(value: unknown): Extracted {
  if (typeof value !== 'string' && typeof value !== 'number')
    return { call: true, note: 'query is not text' };
  const query = String(value).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  return query === '' ? { call: true, note: 'empty query' } : { call: true, query };
}

/** Reads a call object; `tagged` allows `{"query": …}` alone (inside `<tool_call>` the tool is implied). */
function fromCallObject(value: unknown, tagged: boolean): Extracted {
  if (!isRecord(value)) return { call: false };
  if (isRecord(value.function)) return fromCallObject(value.function, tagged);
  const rawName = value.name ?? value.tool ?? value.function;
  let args = value.arguments ?? value.parameters ?? value.args ?? value.input;
  if (typeof args === 'string') args = parseLenientJson(args)?.value;
  const name = typeof rawName === 'string' ? rawName.trim() : undefined;
  if (name === undefined) {
    if (!tagged) return { call: false };
    if ('query' in value) return cleanQuery(value.query);
    if (isRecord(args) && 'query' in args) return cleanQuery(args.query);
    return { call: true, note: 'no tool name and no query' };
  }
  if (!TOOL_NAMES.has(name)) {
    return tagged || args !== undefined ? { call: true, note: `unknown tool "${name}"` } : { call: false };
  }
  if (isRecord(args) && 'query' in args) return cleanQuery(args.query);
  if ('query' in value) return cleanQuery(value.query);
  return { call: true, note: 'no query argument' };
}

function skip(text: string, pos: number, pattern: RegExp): number {
  const match = pattern.exec(text.slice(pos));
  return match ? pos + match[0].length : pos;
}

function taggedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const open of text.matchAll(/<tool_call>/gi)) {
    const start = open.index;
    let pos = skip(text, start + open[0].length, /^\s*(?:```[\w-]*\s*)?/);
    const notes: string[] = [];
    let extracted: Extracted = { call: true, note: 'tag held no readable call' };
    const fn = new RegExp(`^${FUNCTION_FORM.source}`).exec(text.slice(pos));
    if (text.charAt(pos) === '{') {
      const parsed = parseLenientJson(text, pos);
      if (parsed) {
        if (parsed.repairs.length > 0) notes.push(`repaired JSON (${parsed.repairs.join(', ')})`);
        extracted = fromCallObject(parsed.value, true);
        pos = parsed.end;
      }
    } else if (fn?.[1] !== undefined) {
      extracted = cleanQuery(parseLenientJson(fn[1])?.value);
      pos += fn[0].length;
    }
    pos = skip(text, pos, /^\s*(?:```)?\s*/);
    const close = /^<\/tool_call>/i.exec(text.slice(pos)) ?? CUT_CLOSE.exec(text.slice(pos));
    if (close) pos += close[0].length;
    else if (extracted.query !== undefined) notes.push('missing </tool_call>');
    if (extracted.note) notes.push(extracted.note);
    spans.push({ start, end: pos, query: extracted.query, notes });
  }
  return spans;
}

function functionTagSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const open of text.matchAll(/<function=([\w.-]+)>/g)) {
    const start = open.index;
    const parsed = parseLenientJson(text, start + open[0].length);
    if (!parsed) continue;
    const extracted = fromCallObject({ name: open[1], arguments: parsed.value }, true);
    const notes = parsed.repairs.length > 0 ? [`repaired JSON (${parsed.repairs.join(', ')})`] : [];
    if (extracted.note) notes.push(extracted.note);
    const end = skip(text, parsed.end, /^\s*<\/function>/);
    spans.push({ start, end, query: extracted.query, notes });
  }
  return spans;
}

function bareJsonSpans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{', from);
    if (start < 0) return spans;
    const parsed = parseLenientJson(text, start);
    const extracted = parsed ? fromCallObject(parsed.value, false) : { call: false };
    if (parsed && extracted.call) {
      const notes = parsed.repairs.length > 0 ? [`repaired JSON (${parsed.repairs.join(', ')})`] : [];
      if (extracted.note) notes.push(extracted.note);
      spans.push({ start, end: parsed.end, query: extracted.query, notes });
      from = parsed.end;
    } else {
      from = start + 1;
    }
  }
}

function functionFormSpans(text: string): Span[] {
  return [...text.matchAll(FUNCTION_FORM)].map((match) => {
    const extracted = cleanQuery(parseLenientJson(match[1] ?? '')?.value);
    return {
      start: match.index,
      end: match.index + match[0].length,
      query: extracted.query,
      notes: extracted.note ? [extracted.note] : [],
    };
  });
}

function tidyProse(text: string): string {
  return text
    .replace(/<\/?tool_call>|<\|python_tag\|>|<\/function>/gi, '')
    .replace(/```[\w-]*\s*```/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A reply that is only a JSON array (of calls, now taken out): native-mode residue such as `[]`. */
const EMPTY_ARRAY = /^\[[\s,]*\]$/;

/**
 * What a final reply says once its tool-call syntax is taken out: the prose
 * to grade. A reply that was only protocol (a call, `[]`, a half-closed tag)
 * comes back empty, so it is never graded as an answer.
 */
export function withoutToolCalls(text: string): string {
  const { prose } = parseToolCalls(text);
  return EMPTY_ARRAY.test(prose) ? '' : prose;
}

export function parseToolCalls(text: string): ParsedToolCalls {
  const accepted: Span[] = [];
  for (const detector of [taggedSpans, functionTagSpans, bareJsonSpans, functionFormSpans]) {
    for (const span of detector(text)) {
      if (!accepted.some((a) => span.start < a.end && a.start < span.end)) accepted.push(span);
    }
  }
  accepted.sort((a, b) => a.start - b.start);

  const calls: ParsedToolCall[] = [];
  const problems: string[] = [];
  let prose = '';
  let cursor = 0;
  for (const span of accepted) {
    prose += text.slice(cursor, span.start);
    cursor = span.end;
    const raw = text.slice(span.start, span.end).trim();
    if (span.query !== undefined) {
      calls.push({ query: span.query, raw });
      for (const note of span.notes) problems.push(`call ${calls.length}: ${note}`);
    } else {
      problems.push(`ignored ${JSON.stringify(raw.slice(0, 80))}: ${span.notes.join(', ') || 'no query'}`);
    }
  }
  prose += text.slice(cursor);
  return { calls, prose: tidyProse(prose), problems };
}

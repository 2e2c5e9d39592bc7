/**
 * Retrieval by context: one search with the question itself (call 0, so it
 * meets the same fault placement as a tool's first call), its passages put in
 * the prompt before the question, and the trace to store with the answer.
 */
import type { PromptItem } from '../prompts/types';
import type { SearchIndex } from './bm25-index';
import { runSearch } from './faults';
import { formatPassages } from './passage-format';
import type { FaultMode, RetrievalTrace, SearchCall } from './types';

export interface ContextRetrievalRequest {
  index: SearchIndex;
  item: PromptItem;
  fault: FaultMode;
  faultShare: number;
  seed: number;
  topK: number;
}

export interface ContextRetrieval {
  call: SearchCall;
  /** What fills the template's `{passages}`. */
  text: string;
  trace: RetrievalTrace;
}

export function runContextRetrieval(request: ContextRetrievalRequest): ContextRetrieval {
  const call = runSearch({ ...request, query: request.item.prompt, callIndex: 0 });
  return {
    call,
    text: formatPassages(call.passages, call.error),
    trace: { kind: 'context', toolCalled: false, calls: [call] },
  };
}

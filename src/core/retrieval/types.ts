/** Conditions (how a model gets retrieval, if at all) and what retrieval records. */

export type FaultMode = 'ok' | 'empty' | 'error' | 'distractor';

export type Condition =
  | { kind: 'closed-book' }
  | {
      kind: 'context';
      fault: FaultMode;
      /** Share of searches the fault applies to, 0..1. Ignored for `ok`. */
      faultShare: number;
      /** Passages put in the prompt. */
      topK: number;
    }
  | {
      kind: 'tool';
      fault: FaultMode;
      faultShare: number;
      topK: number;
      /** Most `search` calls the model may make for one item. */
      maxCalls: number;
    };

export type ConditionKind = Condition['kind'];

/** How the tool was offered to the model for one answer. */
export type ToolMode = 'text-protocol' | 'structural-tag' | 'native';

export interface Passage {
  docId: string;
  title: string;
  text: string;
  score: number;
  /** Built from the item's own accepted answer and sources (sets without a corpus). */
  oracle?: boolean;
  /** Injected by the `distractor` fault. */
  distractor?: boolean;
}

export interface SearchCall {
  query: string;
  /** The fault applied to this call (`ok` when none). */
  fault: FaultMode;
  passages: Passage[];
  /** Set when the tool reported a failure (the `error` fault). */
  error?: string;
}

export interface RetrievalTrace {
  kind: 'context' | 'tool';
  toolMode?: ToolMode;
  toolCalled: boolean;
  calls: SearchCall[];
  /** How the model's calls were read: JSON repairs, ignored or over-the-limit calls. */
  problems?: string[];
}

/** The mock retrieval tool: BM25 search, faults, conditions, and the tool protocol and loop. */
export * from './bm25-index';
export * from './conditions';
export * from './context-retrieval';
export * from './faults';
export * from './oracle-corpus';
export * from './passage-format';
export * from '../random/seeded-random';
export * from './tool-call-parser';
export * from './tool-loop';
export * from './tool-protocol';
export type * from './types';

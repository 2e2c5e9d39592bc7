/**
 * Search latency over 10,000 passages: index build time, then median and p95
 * per query over 1,000 queries, for our index settings and for three
 * alternatives (every query term kept; MiniSearch defaults; prefix + fuzzy),
 * plus top-1 recall as a check that faster did not mean worse.
 *
 * Passages come from the real questions and answers in ../shared/datasets
 * (SimpleQA, TruthfulQA, NQ-open, EfficientQA): each states one question's
 * answer and lists three other entries (an answer and the end of its
 * question), so passages overlap in vocabulary as real ones do. Without the
 * datasets a seeded generator makes passages instead. Queries are 1,000 of
 * the questions, chosen with a seed. Last, top-1 on the built-in sets.
 * Run with `npx tsx bench/search.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import Papa from 'papaparse';
import type { CorpusDoc } from '../src/core/prompts/types';
import { BUILTIN_SETS } from '../src/core/prompts/builtin';
import { buildIndex, search } from '../src/core/retrieval/bm25-index';
import { answeringDocIds, buildIndexForSet } from '../src/core/retrieval/oracle-corpus';
import { mulberry32, type Random } from '../src/core/random/seeded-random';

const PASSAGES = 10_000;
const QUERIES = 1_000;
const WARM_UP = 200;
/** The alternatives are up to a hundred times slower; fewer queries keep the run short. */
const ALTERNATIVES = 200;
const DATASETS = join(import.meta.dirname, '..', '..', 'shared', 'datasets');

interface QA {
  question: string;
  answer: string;
}

function readQuestions(): QA[] {
  const rows: QA[] = [];
  const csv = (file: string, q: string, a: string) => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(join(DATASETS, file), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    for (const row of parsed.data) rows.push({ question: row[q] ?? '', answer: row[a] ?? '' });
  };
  const jsonl = (file: string) => {
    for (const line of readFileSync(join(DATASETS, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { question: string; answer: string[] };
      rows.push({ question: row.question, answer: row.answer[0] ?? '' });
    }
  };
  csv('simpleqa.csv', 'problem', 'answer');
  csv('truthfulqa.csv', 'Question', 'Best Answer');
  jsonl('nq-open.dev.jsonl');
  jsonl('efficientqa.test.judged.jsonl');
  return rows.filter((r) => r.question.trim() !== '' && r.answer.trim() !== '');
}

/** Seeded stand-in when the datasets are absent: pronounceable words in question-like sentences. */
function syntheticQuestions(random: Random, count: number): QA[] {
  const syllables = ['ka', 'lo', 'ven', 'tri', 'mar', 'sol', 'dun', 'ber', 'is', 'ra', 'tho', 'mel'];
  const word = () =>
    Array.from(
      { length: 2 + Math.floor(random() * 2) },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join('');
  const heads = ['Who founded', 'When was', 'Where is', 'What is the capital of', 'Which company built'];
  return Array.from({ length: count }, () => ({
    question: `${heads[Math.floor(random() * heads.length)]} ${word()} ${word()} in ${word()}?`,
    answer: `${word()} ${word()}`,
  }));
}

function makeCorpus(random: Random): { docs: CorpusDoc[]; source: string } {
  const haveData = existsSync(join(DATASETS, 'simpleqa.csv'));
  const qas = haveData ? readQuestions() : syntheticQuestions(random, PASSAGES);
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < PASSAGES; i++) {
    const qa = qas[i % qas.length] ?? { question: '', answer: '' };
    const other = () => qas[Math.floor(random() * qas.length)] ?? qa;
    const related = [other(), other(), other()]
      .map((r) => `${r.answer} (${r.question.replace(/\?$/, '').split(' ').slice(-6).join(' ')})`)
      .join('; ');
    docs.push({
      id: `p${i}`,
      title: qa.answer.slice(0, 80),
      text: `${qa.question.replace(/\?$/, '')}: ${qa.answer}. Related entries: ${related}.`,
    });
  }
  return { docs, source: haveData ? `${qas.length} dataset questions` : 'seeded synthetic questions' };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

interface Figures {
  label: string;
  buildMs: number;
  queries: number;
  median: number;
  p95: number;
  top1: number;
}

type Searcher = (query: string) => string | undefined;

/** The question a passage answers, as a model would type it. */
function queryText(docs: CorpusDoc[], at: number): string {
  return (docs[at]?.text ?? '').split(':')[0] ?? '';
}

function measure(label: string, build: () => Searcher, docs: CorpusDoc[], queries: number[]): Figures {
  const start = performance.now();
  const run = build();
  const buildMs = performance.now() - start;
  for (let i = 0; i < WARM_UP; i++) run(queryText(docs, queries[i % queries.length] ?? 0));
  const times: number[] = [];
  let top1 = 0;
  for (const at of queries) {
    const query = queryText(docs, at);
    const t0 = performance.now();
    const first = run(query);
    times.push(performance.now() - t0);
    if (first === `p${at}`) top1++;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  return {
    label,
    buildMs,
    queries: queries.length,
    median,
    p95: percentile(times, 0.95),
    top1: top1 / queries.length,
  };
}

function miniSearchVariant(docs: CorpusDoc[], options: Partial<Options<CorpusDoc>>): Searcher {
  const engine = new MiniSearch<CorpusDoc>({ fields: ['title', 'text'], ...options });
  engine.addAll(docs);
  return (query) => {
    const hit = engine.search(query)[0];
    return hit === undefined ? undefined : String(hit.id);
  };
}

const random = mulberry32(20240601);
const { docs, source } = makeCorpus(random);
const queries = Array.from({ length: QUERIES }, () => Math.floor(random() * docs.length));
const few = queries.slice(0, ALTERNATIVES);
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);

const ours = (): Searcher => {
  const index = buildIndex(docs);
  return (query) => search(index, query, 5)[0]?.docId;
};
const oursAllTerms = (): Searcher => {
  const index = buildIndex(docs);
  return (query) => {
    const hit = index.engine.search(query)[0];
    return hit === undefined ? undefined : String(hit.id);
  };
};
const results = [
  measure('floorcheck `search` (stop words and common terms dropped, exact terms)', ours, docs, queries),
  measure('same index, every query term kept', oursAllTerms, docs, few),
  measure('MiniSearch defaults (no stop words)', () => miniSearchVariant(docs, {}), docs, few),
  measure(
    'MiniSearch, prefix + fuzzy 0.2',
    () => miniSearchVariant(docs, { searchOptions: { prefix: true, fuzzy: 0.2 } }),
    docs,
    few,
  ),
];

const avgWords = Math.round(words / docs.length);
console.log(
  `Search benchmark: ${docs.length} passages (${avgWords} words on average) from ${source}; Node ${process.version}`,
);
console.log(
  `Each row: ${WARM_UP} warm-up queries, then the timed ones. Top-1 recall: the question's own passage ranked first.`,
);
console.log('');
console.log('| index | build (ms) | queries | median per query (ms) | p95 per query (ms) | top-1 recall |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const cells = [
    r.label,
    r.buildMs.toFixed(0),
    r.queries,
    r.median.toFixed(3),
    r.p95.toFixed(3),
    `${(r.top1 * 100).toFixed(1)}%`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

console.log('');
console.log(
  'Built-in sets, searching with each question: its answering document (or oracle passage) ranked first.',
);
console.log('');
console.log('| set | documents | items | top-1 |');
console.log('|---|---:|---:|---:|');
for (const set of BUILTIN_SETS) {
  const index = buildIndexForSet(set);
  let items = 0;
  let first = 0;
  for (const item of set.items) {
    const answering = answeringDocIds(index, item);
    if (answering.size === 0) continue;
    items++;
    if (answering.has(search(index, item.prompt, 1)[0]?.docId ?? '')) first++;
  }
  console.log(`| ${set.name} | ${index.docs.size} | ${items} | ${((first / items) * 100).toFixed(1)}% |`);
}

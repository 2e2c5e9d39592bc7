/**
 * Measures the deterministic grader against people on the judged EfficientQA
 * file, split by question into a development half (rules may be tuned on it)
 * and a held-out half (reported only), by `splitHalf` (held-out-split.ts).
 * For each half it prints the share of definitely-correct predictions
 * accepted, the share of definitely-incorrect ones wrongly accepted, the share
 * of verdicts marked uncertain, the same two rates for certain verdicts only,
 * and the two rates of a plain substring baseline (a SQuAD-normalised gold
 * answer appears in the SQuAD-normalised answer). `--ablation` and `--misses N`
 * look at the development half only, so reading misses never tunes on the
 * held-out half. Figures only, no assertions.
 *
 *   npx tsx bench/grader.ts [path/to/efficientqa.test.judged.jsonl] [--ablation] [--misses N]
 */
import { readFileSync } from 'node:fs';
import { MATCH_SWITCHES, type MatchOptions } from '../src/core/grading/gold-match';
import { gradeAnswer } from '../src/core/grading/grade-answer';
import { SPLIT_SEED, splitHalf, type SplitHalf } from '../src/core/grading/held-out-split';

interface JudgedRow {
  question: string;
  answer: string[];
  def_correct_predictions: string[];
  def_incorrect_predictions: string[];
}

const args = process.argv.slice(2);
const path =
  args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ??
  '../shared/datasets/efficientqa.test.judged.jsonl';
const missesAt = args.indexOf('--misses');
const showMisses = missesAt >= 0 ? Number(args[missesAt + 1] ?? 20) : 0;

const rows: JudgedRow[] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as JudgedRow);
const halves: Record<SplitHalf, JudgedRow[]> = { development: [], 'held-out': [] };
for (const row of rows) halves[splitHalf(row.question)].push(row);

interface Judgement {
  correct: boolean;
  uncertain: boolean;
  reason: string;
}
type Grader = (row: JudgedRow, response: string) => Judgement;

interface Score {
  accepted: number;
  correctTotal: number;
  wronglyAccepted: number;
  incorrectTotal: number;
  uncertain: number;
  acceptedCertain: number;
  wronglyCertain: number;
}

function floorcheck(options: MatchOptions): Grader {
  return (row, response) => {
    const graded = gradeAnswer({ question: row.question, answers: row.answer, response }, options);
    return {
      correct: graded.verdict === 'correct',
      uncertain: graded.confidence === 'uncertain',
      reason: graded.reason,
    };
  };
}

/** SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces. */
function squadNormalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const substring: Grader = (row, response) => {
  const answer = squadNormalise(response);
  const hit = row.answer.map(squadNormalise).find((g) => g.length > 0 && answer.includes(g));
  return { correct: hit !== undefined, uncertain: false, reason: `contains "${hit ?? ''}"` };
};

function score(set: readonly JudgedRow[], grade: Grader, report = 0): Score {
  const s: Score = {
    accepted: 0,
    correctTotal: 0,
    wronglyAccepted: 0,
    incorrectTotal: 0,
    uncertain: 0,
    acceptedCertain: 0,
    wronglyCertain: 0,
  };
  const misses: string[] = [];
  const falseAccepts: string[] = [];
  for (const row of set) {
    for (const response of row.def_correct_predictions) {
      s.correctTotal++;
      const j = grade(row, response);
      if (j.uncertain) s.uncertain++;
      if (j.correct) {
        s.accepted++;
        if (!j.uncertain) s.acceptedCertain++;
      } else if (misses.length < report)
        misses.push(`${JSON.stringify(row.answer)} <- ${JSON.stringify(response)}: ${j.reason}`);
    }
    for (const response of row.def_incorrect_predictions) {
      s.incorrectTotal++;
      const j = grade(row, response);
      if (j.uncertain) s.uncertain++;
      if (j.correct) {
        s.wronglyAccepted++;
        if (!j.uncertain) s.wronglyCertain++;
        if (falseAccepts.length < report)
          falseAccepts.push(`${JSON.stringify(row.answer)} <- ${JSON.stringify(response)}: ${j.reason}`);
      }
    }
  }
  if (report > 0) {
    console.log('\nDevelopment half, missed definitely-correct:\n  ' + misses.join('\n  '));
    console.log('\nDevelopment half, wrongly accepted definitely-incorrect:\n  ' + falseAccepts.join('\n  '));
  }
  return s;
}

function pct(part: number, whole: number, digits = 1): string {
  return `${part}/${whole} = ${((100 * part) / whole).toFixed(digits)}%`;
}

/** Verdicts per second over the whole file, best of five passes (JIT and gold cache warm). */
function perSecond(): number {
  const grade = floorcheck({});
  const total = rows.reduce(
    (n, r) => n + r.def_correct_predictions.length + r.def_incorrect_predictions.length,
    0,
  );
  let best = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    score(rows, grade);
    best = Math.max(best, total / ((performance.now() - started) / 1000));
  }
  return best;
}

const dev = halves.development;
const held = halves['held-out'];
const grader = { dev: score(dev, floorcheck({})), held: score(held, floorcheck({})) };
const base = { dev: score(dev, substring), held: score(held, substring) };
if (showMisses > 0) score(dev, floorcheck({}), showMisses);

const describeHalf = (set: readonly JudgedRow[], s: Score): string =>
  `${set.length} questions (${s.correctTotal} def-correct, ${s.incorrectTotal} def-incorrect)`;
console.log(`file: ${path} (${rows.length} questions)`);
console.log(`split: hash of the question, seed "${SPLIT_SEED}"`);
console.log(`  development: ${describeHalf(dev, grader.dev)}`);
console.log(`  held-out:    ${describeHalf(held, grader.held)}`);
const line = (label: string, d: string, h: string): void =>
  console.log(`${label.padEnd(44)}${d.padEnd(24)}${h}`);
line('', 'development', 'held-out');
line(
  'grader: def-correct accepted',
  pct(grader.dev.accepted, grader.dev.correctTotal),
  pct(grader.held.accepted, grader.held.correctTotal),
);
line(
  'grader: def-incorrect wrongly accepted',
  pct(grader.dev.wronglyAccepted, grader.dev.incorrectTotal, 2),
  pct(grader.held.wronglyAccepted, grader.held.incorrectTotal, 2),
);
line(
  'grader: verdicts marked uncertain',
  pct(grader.dev.uncertain, grader.dev.correctTotal + grader.dev.incorrectTotal),
  pct(grader.held.uncertain, grader.held.correctTotal + grader.held.incorrectTotal),
);
line(
  'grader, certain only: def-correct accepted',
  pct(grader.dev.acceptedCertain, grader.dev.correctTotal),
  pct(grader.held.acceptedCertain, grader.held.correctTotal),
);
line(
  'grader, certain only: wrongly accepted',
  pct(grader.dev.wronglyCertain, grader.dev.incorrectTotal, 2),
  pct(grader.held.wronglyCertain, grader.held.incorrectTotal, 2),
);
line(
  'substring baseline: def-correct accepted',
  pct(base.dev.accepted, base.dev.correctTotal),
  pct(base.held.accepted, base.held.correctTotal),
);
line(
  'substring baseline: wrongly accepted',
  pct(base.dev.wronglyAccepted, base.dev.incorrectTotal, 2),
  pct(base.held.wronglyAccepted, base.held.incorrectTotal, 2),
);
console.log(`verdicts per second (whole file):           ${Math.round(perSecond()).toLocaleString('en-US')}`);

if (args.includes('--ablation')) {
  console.log('\nDevelopment half only. Each row switches one matching rule off; counts are predictions.');
  console.log('| rule switched off | def-correct accepted | def-incorrect wrongly accepted |');
  console.log('|---|---|---|');
  console.log(`| (none) | ${grader.dev.accepted} | ${grader.dev.wronglyAccepted} |`);
  for (const rule of MATCH_SWITCHES) {
    const s = score(dev, floorcheck({ disabled: new Set([rule]) }));
    const gained = grader.dev.accepted - s.accepted;
    const wrong = grader.dev.wronglyAccepted - s.wronglyAccepted;
    console.log(
      `| ${rule} | ${s.accepted} (rule earns ${gained}) | ${s.wronglyAccepted} (rule costs ${wrong}) |`,
    );
  }
}

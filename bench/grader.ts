/**
 * Measures the deterministic grader against people: every definitely-correct
 * and definitely-incorrect prediction in the judged EfficientQA file is graded
 * against its question's accepted answers. Prints the share of
 * definitely-correct predictions accepted, the share of definitely-incorrect
 * ones wrongly accepted, and verdicts per second; `--ablation` repeats the run
 * with each matching rule switched off. Figures only, no assertions.
 *
 *   npx tsx bench/grader.ts [path/to/efficientqa.test.judged.jsonl] [--ablation] [--misses N]
 */
import { readFileSync } from 'node:fs';
import { MATCH_RULES, type MatchOptions } from '../src/core/grading/gold-match';
import { gradeAnswer } from '../src/core/grading/grade-answer';

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

interface Score {
  accepted: number;
  correctTotal: number;
  wronglyAccepted: number;
  incorrectTotal: number;
  perSecond: number;
}

function score(options: MatchOptions, report = 0): Score {
  let accepted = 0;
  let correctTotal = 0;
  let wronglyAccepted = 0;
  let incorrectTotal = 0;
  const misses: string[] = [];
  const falseAccepts: string[] = [];
  const started = performance.now();
  for (const row of rows) {
    for (const response of row.def_correct_predictions) {
      correctTotal++;
      if (
        gradeAnswer({ question: row.question, answers: row.answer, response }, options).verdict === 'correct'
      )
        accepted++;
      else if (misses.length < report)
        misses.push(`${JSON.stringify(row.answer)} <- ${JSON.stringify(response)}`);
    }
    for (const response of row.def_incorrect_predictions) {
      incorrectTotal++;
      const graded = gradeAnswer({ question: row.question, answers: row.answer, response }, options);
      if (graded.verdict === 'correct') {
        wronglyAccepted++;
        if (falseAccepts.length < report)
          falseAccepts.push(`${JSON.stringify(row.answer)} <- ${JSON.stringify(response)}: ${graded.reason}`);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (report > 0) {
    console.log('\nMissed definitely-correct:\n  ' + misses.join('\n  '));
    console.log('\nWrongly accepted definitely-incorrect:\n  ' + falseAccepts.join('\n  '));
  }
  return {
    accepted,
    correctTotal,
    wronglyAccepted,
    incorrectTotal,
    perSecond: (correctTotal + incorrectTotal) / seconds,
  };
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** Best of a few runs, so one cold pass (JIT, gold cache) does not set the speed. */
function timed(options: MatchOptions): Score {
  let best = score(options);
  for (let i = 0; i < 4; i++) {
    const next = score(options);
    if (next.perSecond > best.perSecond) best = next;
  }
  return best;
}

const full = timed({});
if (showMisses > 0) score({}, showMisses);
console.log(`file: ${path} (${rows.length} questions)`);
console.log(
  `definitely-correct accepted:          ${full.accepted}/${full.correctTotal} = ${pct(full.accepted, full.correctTotal)}`,
);
console.log(
  `definitely-incorrect wrongly accepted: ${full.wronglyAccepted}/${full.incorrectTotal} = ${pct(full.wronglyAccepted, full.incorrectTotal)}`,
);
console.log(`verdicts per second:                   ${Math.round(full.perSecond).toLocaleString('en-US')}`);

if (args.includes('--ablation')) {
  console.log('\n| rule switched off | def-correct accepted | def-incorrect wrongly accepted |');
  console.log('|---|---|---|');
  console.log(
    `| (none) | ${pct(full.accepted, full.correctTotal)} | ${pct(full.wronglyAccepted, full.incorrectTotal)} |`,
  );
  for (const rule of MATCH_RULES) {
    const s = score({ disabled: new Set([rule]) });
    console.log(
      `| ${rule} | ${pct(s.accepted, s.correctTotal)} | ${pct(s.wronglyAccepted, s.incorrectTotal)} |`,
    );
  }
}

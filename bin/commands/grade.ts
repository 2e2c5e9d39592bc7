/**
 * `floorcheck grade`: reads JSON Lines on stdin, each
 * `{"question", "answers": [...], "response"}` with optional
 * `"incorrect_answers": [...]`, and writes one `{"verdict", "reason",
 * "confidence"}` line per valid input, in order. `confidence` is `certain` or
 * `uncertain`: an uncertain verdict is one for a person or the model judge to
 * check, and its reason ends with why. Every malformed line is reported with
 * its line number on stderr and skipped; the valid lines around it are still
 * graded, and the exit code is 1 at the end if any line was bad (stopping at
 * the first bad line would hide the others and leave the rest of a long file
 * ungraded). Blank lines are skipped but counted, so line numbers match the
 * file.
 */
import type { Io } from '../cli.ts';
import { gradeAnswer, type GradeInput } from '../../src/core/grading/grade-answer.ts';
import { AppError, err, ok, type Result } from '../../src/core/errors.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function bad(line: number, message: string): Result<GradeInput> {
  return err(new AppError('parse-bad-row', { message: `line ${line}: ${message}`, line }));
}

export function parseGradeLine(text: string, line: number): Result<GradeInput> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : 'not JSON';
    return err(
      new AppError('parse-invalid-json', { message: `line ${line}: not valid JSON (${why})`, line }),
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad(line, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  if (typeof record.question !== 'string') return bad(line, '"question" must be a string');
  if (!isStringArray(record.answers) || record.answers.length === 0)
    return bad(line, '"answers" must be a non-empty array of strings');
  if (typeof record.response !== 'string') return bad(line, '"response" must be a string');
  const input: GradeInput = { question: record.question, answers: record.answers, response: record.response };
  if (record.incorrect_answers !== undefined) {
    if (!isStringArray(record.incorrect_answers))
      return bad(line, '"incorrect_answers" must be an array of strings');
    input.incorrectAnswers = record.incorrect_answers;
  }
  return ok(input);
}

export async function grade(args: string[], io: Io): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(
      `floorcheck grade: takes no arguments (got ${args.join(' ')}); pipe JSON Lines on stdin\n`,
    );
    return 2;
  }
  const lines = (await readAll(io.stdin)).split(/\r?\n/);
  let badLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    if (text.length === 0) continue;
    const parsed = parseGradeLine(text, i + 1);
    if (!parsed.ok) {
      io.stderr.write(`floorcheck grade: ${parsed.error.message}\n`);
      badLines++;
      continue;
    }
    const { verdict, reason, confidence } = gradeAnswer(parsed.value);
    io.stdout.write(`${JSON.stringify({ verdict, reason, confidence })}\n`);
  }
  if (badLines > 0) {
    io.stderr.write(`floorcheck grade: ${badLines} malformed line(s) skipped\n`);
    return 1;
  }
  return 0;
}

/**
 * Reads a comparison file: JSON → is it ours → is its version one we know →
 * migrate step by step → validate against the current schema → normalise.
 * Every failure is a `Result` with an AppError a person can act on:
 * `import-not-floorcheck`, `import-version-too-new` (naming the app version
 * that wrote it) or `import-invalid` (naming the path of the bad field).
 */
import * as v from 'valibot';
import { AppError, err, type Result } from '../errors';
import { COMPARISON_FORMAT, COMPARISON_VERSION, type ComparisonPayload } from './envelope';
import { issuePath } from './issue-path';
import { migrateToCurrent, OLDEST_VERSION } from './migrations';
import { normaliseComparison, type NormaliseOptions } from './normalise';
import { envelopeSchemaV1 } from './schema-v1';

const NOT_OURS_ACTION = 'Choose a file exported with "Export comparison" in Floorcheck.';

function notFloorcheck(message: string): Result<ComparisonPayload> {
  return err(new AppError('import-not-floorcheck', { message, action: NOT_OURS_ACTION }));
}

function invalid(path: string, problem: string): Result<ComparisonPayload> {
  return err(
    new AppError('import-invalid', {
      message: `This comparison file is damaged at ${path}: ${problem}`,
      action: 'Export it again from the app that made it, or fix that field.',
    }),
  );
}

function appVersionOf(doc: Record<string, unknown>): string | undefined {
  const app = doc.app;
  if (typeof app !== 'object' || app === null) return undefined;
  const version = (app as Record<string, unknown>).version;
  return typeof version === 'string' ? version : undefined;
}

export function importComparison(text: string, options: NormaliseOptions = {}): Result<ComparisonPayload> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return notFloorcheck('This file is not a Floorcheck comparison file: it is not JSON.');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return notFloorcheck('This file is not a Floorcheck comparison file: it holds no JSON object.');
  }
  const record = doc as Record<string, unknown>;
  if (record.format !== COMPARISON_FORMAT) {
    return notFloorcheck(
      `This file is not a Floorcheck comparison file: its "format" is ${JSON.stringify(record.format) ?? 'missing'}, not "${COMPARISON_FORMAT}".`,
    );
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION) {
    return invalid(
      'version',
      `expected a whole number from ${OLDEST_VERSION}, found ${JSON.stringify(version)}.`,
    );
  }
  if (version > COMPARISON_VERSION) {
    const writer = appVersionOf(record);
    return err(
      new AppError('import-version-too-new', {
        message:
          `This comparison file uses format version ${version}` +
          (writer ? `, written by Floorcheck ${writer}` : '') +
          `; this app reads up to version ${COMPARISON_VERSION}.`,
        action: writer
          ? `Update Floorcheck to ${writer} or later, then import it again.`
          : 'Update Floorcheck to the latest version, then import it again.',
      }),
    );
  }
  const migrated = migrateToCurrent(record, version);
  const parsed = v.safeParse(envelopeSchemaV1, migrated);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return invalid(issuePath(issue), issue.message);
  }
  return normaliseComparison(parsed.output.payload, options);
}

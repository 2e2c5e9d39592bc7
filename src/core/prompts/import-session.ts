/**
 * One file being imported: parsed once, then previewed, checked under each
 * column mapping the person tries, and built into the set to save. The import
 * worker keeps one session; tests and the command line use the same code in
 * process. Each mapping's conversion is kept, so saving with the mapping just
 * checked does not convert again; a different mapping converts afresh (Save
 * always stores what the mapping in hand gives, never an earlier one).
 * Summaries carry only what the screen shows (counts, the first items, the
 * first notes), so a million-row file never crosses to the page for a preview.
 */

import { AppError, err, ok, type Result } from '../errors';
import type { ColumnMapping } from './column-mapping';
import {
  convertParsed,
  previewParsed,
  readPromptFile,
  type ImportedSet,
  type ImportPreview,
  type ParsedFile,
  type ReadOptions,
} from './import';
import type { LayoutId } from './layouts';
import { clip, PREVIEW_ROWS } from './limits';
import type { PromptItem, PromptSet } from './types';

/** Notes shown on the import screen; the count says how many there were in all. */
const SHOWN_WARNINGS = 50;

/** An item as the preview shows it: text fields cut to a readable length. */
export type PreviewItem = Pick<PromptItem, 'id' | 'prompt' | 'answers' | 'tags' | 'kind'>;

export interface ImportSummary {
  layout: LayoutId;
  itemCount: number;
  factualCount: number;
  /** The first notes (rows skipped, metadata unread). */
  warnings: string[];
  warningCount: number;
  /** The first items exactly as saving would store them (long text cut). */
  items: PreviewItem[];
}

export interface BuildRequest {
  mapping?: ColumnMapping;
  id: string;
  name: string;
  /** Stamped as the set's createdAt and updatedAt. */
  now: number;
}

export function summarizeImport(imported: ImportedSet): ImportSummary {
  const { items } = imported.set;
  let factualCount = 0;
  for (const item of items) if (item.kind === 'factual') factualCount++;
  return {
    layout: imported.layout,
    itemCount: items.length,
    factualCount,
    warnings: imported.warnings.slice(0, SHOWN_WARNINGS).map((w) => clip(w)),
    warningCount: imported.warnings.length,
    items: items.slice(0, PREVIEW_ROWS).map((item) => ({
      id: clip(item.id, 80),
      prompt: clip(item.prompt),
      answers: item.answers.slice(0, 10).map((a) => clip(a, 100)),
      tags: item.tags.slice(0, 10).map((t) => clip(t, 60)),
      kind: item.kind,
    })),
  };
}

const mappingKey = (mapping: ColumnMapping | undefined): string => JSON.stringify(mapping ?? null);

export class ImportSession {
  readonly preview: ImportPreview;
  readonly #parsed: ParsedFile;
  #converted: { key: string; result: Result<ImportedSet> } | undefined;
  #built: PromptSet | undefined;

  private constructor(parsed: ParsedFile) {
    this.#parsed = parsed;
    this.preview = previewParsed(parsed);
  }

  /** Reads and parses the file; the session then answers without parsing again. */
  static open(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Result<ImportSession> {
    const parsed = readPromptFile(bytes, fileName, options);
    return parsed.ok ? ok(new ImportSession(parsed.value)) : parsed;
  }

  get fileName(): string {
    return this.#parsed.fileName;
  }

  /** True when the person must choose columns (no layout recognised). */
  get needsMapping(): boolean {
    return this.preview.layout === undefined;
  }

  /** What saving under `mapping` would store, or why it cannot. */
  outcome(mapping?: ColumnMapping): Result<ImportSummary> {
    const converted = this.#convert(mapping);
    return converted.ok ? ok(summarizeImport(converted.value)) : converted;
  }

  /** The set to save under `mapping`, with the caller's id, name and time. */
  build(request: BuildRequest): Result<PromptSet> {
    const converted = this.#convert(request.mapping);
    if (!converted.ok) return converted;
    const set: PromptSet = {
      ...converted.value.set,
      id: request.id,
      name: request.name,
      createdAt: request.now,
      updatedAt: request.now,
    };
    this.#built = set;
    return ok(set);
  }

  /** Items of the set last built, `count` from `from`: the page fetches a large set in pieces. */
  items(from: number, count: number): PromptItem[] {
    return this.#built?.items.slice(from, from + count) ?? [];
  }

  #convert(mapping: ColumnMapping | undefined): Result<ImportedSet> {
    const used = this.needsMapping ? mapping : undefined;
    if (this.needsMapping && !used?.question) {
      return err(
        new AppError('parse-no-question-column', {
          message: 'Choose the column that holds the questions.',
          line: 1,
        }),
      );
    }
    const key = mappingKey(used);
    if (this.#converted?.key !== key) {
      this.#converted = { key, result: convertParsed(this.#parsed, { mapping: used }) };
    }
    return this.#converted.result;
  }
}

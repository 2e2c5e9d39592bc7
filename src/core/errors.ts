/**
 * One error type for the whole app: a stable `code` a program can branch on,
 * a `message` a person understands, and `action`: what to do next.
 *
 * Expected failures (parsing, import, validation) are returned as a `Result`
 * instead of thrown. Errors that cross the worker boundary travel as
 * `{code, message, action}` (see `toWire` / `fromWire`), because comlink keeps
 * only name, message and stack of a thrown Error — web-llm's own worker turns
 * errors into bare strings, which loses the code; we do not copy that.
 */

export const ERROR_CODES = [
  // hardware and engine
  'webgpu-unavailable',
  'shader-f16-unsupported',
  'device-lost',
  'out-of-memory',
  'model-not-found',
  'model-not-loaded',
  'model-too-large',
  'context-window-exceeded',
  'download-failed',
  'storage-quota-exceeded',
  'integrity-failed',
  'load-cancelled',
  'generation-interrupted',
  'engine-busy',
  'custom-model-invalid',
  'worker-crashed',
  // prompt sets and file import
  'parse-empty-file',
  'parse-binary',
  'parse-invalid-utf8',
  'parse-too-large',
  'parse-unterminated-quote',
  'parse-invalid-json',
  'parse-no-question-column',
  'parse-missing-answer',
  'parse-bad-row',
  'parse-unknown-format',
  'set-invalid',
  // comparison files
  'import-invalid',
  'import-version-too-new',
  'import-not-floorcheck',
  // opening a file from a link (?open=)
  'open-url-invalid',
  'open-url-refused',
  'open-url-failed',
  'import-damaged',
  'import-too-large',
  // storage and runs
  'storage-failed',
  'storage-blocked',
  'run-invalid',
  'not-found',
  // command line
  'cli-usage',
  'unknown',
  // grading
  'judge-reply-invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorInit {
  message: string;
  /** What the person should do next, in one sentence. */
  action?: string;
  /** 1-based line (or row) in an input file, when the error comes from one. */
  line?: number;
  cause?: unknown;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly action: string | undefined;
  readonly line: number | undefined;

  constructor(code: ErrorCode, init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.action = init.action;
    this.line = init.line;
  }

  /**
   * Message and action together, as shown to a person. Messages often end
   * without a full stop ("line 3: expected 2 fields but found 3"), so one is
   * added before the action; otherwise the two run together as one sentence.
   */
  get detail(): string {
    if (!this.action) return this.message;
    const message = this.message.trimEnd();
    const joiner = message === '' || /[.!?:]$/.test(message) ? ' ' : '. ';
    return `${message}${joiner}${this.action}`.trimStart();
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(value: unknown, fallback: ErrorCode = 'unknown'): AppError {
  if (value instanceof AppError) return value;
  const message =
    value instanceof Error ? value.message : typeof value === 'string' ? value : 'Something went wrong.';
  return new AppError(fallback, { message, cause: value });
}

// ---- results ---------------------------------------------------------------

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E = AppError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

// ---- the worker hop --------------------------------------------------------

/** What crosses the worker boundary for a failure. */
export interface WireError {
  code: ErrorCode;
  message: string;
  action?: string;
}

const WIRE_NAME = 'FloorcheckError';

/**
 * Turns an AppError into a plain Error comlink can carry: its `name` marks it,
 * its `message` holds the JSON of `{code, message, action}`.
 */
export function toWire(error: AppError): Error {
  const wire: WireError = { code: error.code, message: error.message };
  if (error.action) wire.action = error.action;
  const carrier = new Error(JSON.stringify(wire));
  carrier.name = WIRE_NAME;
  return carrier;
}

/** Rebuilds the AppError on the page side; anything else becomes `unknown`. */
export function fromWire(value: unknown): AppError {
  if (value instanceof AppError) return value;
  if (value instanceof Error && value.name === WIRE_NAME) {
    try {
      const parsed = JSON.parse(value.message) as Partial<WireError>;
      if (isErrorCode(parsed.code) && typeof parsed.message === 'string') {
        return new AppError(parsed.code, { message: parsed.message, action: parsed.action });
      }
    } catch {
      // fall through: not our JSON
    }
  }
  return toAppError(value);
}

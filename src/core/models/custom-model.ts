/**
 * Checks a model the user adds by URL before it is saved: what web-llm's
 * `AppConfig.model_list` needs (weights URL, WebGPU library URL, a unique id).
 * Returns a Result, since a bad form entry is expected, not exceptional; each
 * error's message starts with the field it is about. URLs holding a user name
 * or password (`https://user:token@host/…`) are refused: the model is kept in
 * settings as plain text and the URL goes with every download request.
 */
import { AppError, err, ok, type Result } from '../errors';
import type { CustomModel } from '../engine/model-record';

export interface CustomModelInput {
  id: string;
  modelUrl: string;
  modelLibUrl: string;
  /** Form fields may arrive as text; empty means "not given". */
  vramMB?: number | string;
  contextWindow?: number | string;
}

const MLC_QUANT = /q\d+f(16|32)/i;

export function validateCustomModel(
  input: CustomModelInput,
  existingIds: readonly string[],
): Result<CustomModel> {
  const id = input.id.trim();
  if (!id) return invalid('Model id', 'is empty.', 'Give the model a short unique name.');
  if (/\s/.test(id)) return invalid('Model id', 'contains spaces.', 'Use letters, digits, dots and dashes.');
  if (existingIds.includes(id)) {
    return invalid('Model id', `"${id}" is already taken.`, 'Choose an id no other model has.');
  }

  const modelUrl = parseHttps(input.modelUrl);
  if (!modelUrl) return invalid('Weights URL', 'must be an https:// address.', HF_HINT);
  if (hasCredentials(modelUrl)) return invalid('Weights URL', NO_CREDENTIALS, CREDENTIALS_WHY);
  if (!looksLikeMlcWeights(modelUrl)) {
    return invalid('Weights URL', "doesn't look like an MLC weights repository.", HF_HINT);
  }

  const libUrl = parseHttps(input.modelLibUrl);
  if (!libUrl) return invalid('Model library URL', 'must be an https:// address.', WASM_HINT);
  if (hasCredentials(libUrl)) return invalid('Model library URL', NO_CREDENTIALS, CREDENTIALS_WHY);
  if (!libUrl.pathname.toLowerCase().endsWith('.wasm')) {
    return invalid('Model library URL', 'must point to a .wasm file.', WASM_HINT);
  }

  const model: CustomModel = { id, modelUrl: modelUrl.href, modelLibUrl: libUrl.href };
  const vram = optionalNumber(input.vramMB);
  if (vram === null || (vram !== undefined && vram <= 0)) {
    return invalid('VRAM (MB)', 'must be a positive number.', 'Leave it empty if you do not know it.');
  }
  if (vram !== undefined) model.vramMB = vram;
  const context = optionalNumber(input.contextWindow);
  if (context === null || (context !== undefined && (!Number.isInteger(context) || context <= 0))) {
    return invalid('Context window', 'must be a positive whole number of tokens.', 'For example 4096.');
  }
  if (context !== undefined) model.contextWindow = context;
  return ok(model);
}

const HF_HINT =
  'Use the repository address, e.g. https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC.';
const WASM_HINT =
  'Use the compiled WebGPU library, e.g. https://…/Qwen2.5-0.5B-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm.';

const NO_CREDENTIALS = 'must not contain a user name or password.';
const CREDENTIALS_WHY =
  'The address would be stored in plain text in this browser and sent with every download; use one that needs no sign-in (a public repository or file).';

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

function invalid(field: string, problem: string, action: string): { ok: false; error: AppError } {
  return err(new AppError('custom-model-invalid', { message: `${field} ${problem}`, action }));
}

function parseHttps(text: string): URL | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A Hugging Face repo (owner/name) or a path whose last part names an MLC build. */
function looksLikeMlcWeights(url: URL): boolean {
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'huggingface.co') return parts.length >= 2;
  const last = parts.at(-1) ?? '';
  return /mlc/i.test(last) || MLC_QUANT.test(last);
}

/** undefined: not given; null: given but not a number. */
function optionalNumber(value: number | string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

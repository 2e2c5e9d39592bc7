/**
 * A fake of web-llm 0.2.86's `MLCEngine` at the boundary the backend uses,
 * written from its published source (node_modules/@mlc-ai/web-llm/lib/index.js);
 * each behaviour names the lines it mirrors. Only the model is scripted: the
 * text pieces ("tokens") it would sample for a request. Everything around it
 * is web-llm's: its own request checks (the real, exported
 * `postInitAndCheckFieldsChatCompletion`, which also rewrites Hermes requests),
 * the empty thinking block, stop strings, the chunk shapes, tool calls, the
 * model dropped after a lost device.
 *
 * What is not web-llm's to define, and stands in here: the error a disposed
 * pipeline throws mid-answer (it comes from the tvm runtime and the browser).
 */
import {
  ModelType,
  postInitAndCheckFieldsChatCompletion,
  type AppConfig,
  type ChatCompletionChunk,
  type ChatCompletionRequestStreaming,
  type CompletionUsage,
  type InitProgressReport,
} from '@mlc-ai/web-llm';
import type { MlcEngineLike } from '../../../workers/webllm-backend';

/** The model: the pieces it samples for this request, one per token. */
export type FakeModel = (request: ChatCompletionRequestStreaming) => string[];

/** web-llm's errors are matched by name (they are not exported); messages as in 0.2.86. */
function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** lib/index.js:476-482 */
export const modelNotLoaded = (request: string) =>
  named(
    'ModelNotLoadedError',
    `Model not loaded before trying to complete ${request}. Please ensure you have called ` +
      'MLCEngine.reload(model) to load the model before initiating APIs, ' +
      'or initialize your engine using CreateMLCEngine() with a valid model configuration.',
  );

/** lib/index.js:612-617 */
export const deviceLostError = () =>
  named(
    'DeviceLostError',
    'The WebGPU device was lost while loading the model. This issue often occurs due to running out of ' +
      'memory (OOM). To resolve this, try reloading with a model that has fewer parameters or uses a ' +
      'smaller context length.',
  );

/** The empty thinking block web-llm writes for `enable_thinking: false` (12361-12368), as its tokens. */
const EMPTY_THINKING_TOKENS = ['<think>', '\n\n', '</think>', '\n\n'];

export const FAKE_USAGE: CompletionUsage = {
  prompt_tokens: 30,
  completion_tokens: 3,
  total_tokens: 33,
  extra: {
    e2e_latency_s: 0.5,
    prefill_tokens_per_s: 300,
    decode_tokens_per_s: 20,
    time_to_first_token_s: 0.1,
    time_per_output_token_s: 0.05,
  },
};

export class FakeMlcEngine implements MlcEngineLike {
  /** What the backend called, in order. */
  readonly calls: string[] = [];
  readonly reloads: string[] = [];
  /** Each request as web-llm holds it after its own checks and rewrites. */
  readonly requests: ChatCompletionRequestStreaming[] = [];
  appConfig: AppConfig | undefined;
  model: FakeModel = () => ['Par', 'is.'];
  /** The template's own stop strings (`conv_template.stop_str`), e.g. `["<|im_end|>"]`. */
  templateStops: string[] = [];
  usage: CompletionUsage = FAKE_USAGE;
  /** Awaited before each decode step, so a test can interrupt or lose the device in between. */
  beforeToken: (index: number) => Promise<void> = async () => undefined;
  /**
   * The download and compile. A hook that honours `signal` rejects with an
   * `AbortError` DOMException when it aborts, as web-llm's fetches do.
   */
  loading: (modelId: string, signal: AbortSignal) => Promise<void> = async () => {
    this.progress({
      progress: 0.5,
      timeElapsed: 1,
      text: 'Fetching param cache[1/2]: 10MB fetched. 50% completed, 1 secs elapsed.',
    });
    this.progress({ progress: 1, timeElapsed: 2, text: 'Finish loading on WebGPU - fake' });
  };

  /** `loadedModelIdToPipeline`'s key: the one loaded model. */
  #pipeline: string | null = null;
  /** Set by `dispose()`: a generation still running on it fails at its next step. */
  #disposed = false;
  #deviceLostIsError = true;
  #deviceLostInReload = false;
  #reloadController: AbortController | undefined;
  #interruptSignal = false;

  constructor(readonly progress: (report: InitProgressReport) => void) {}

  get loadedModel(): string | null {
    return this.#pipeline;
  }

  /** 18174-18210: unload first; an aborted load resolves (its AbortError is caught and only logged). */
  async reload(modelId: string): Promise<void> {
    this.calls.push('reload');
    this.reloads.push(modelId);
    await this.#unload();
    this.#reloadController = new AbortController();
    this.#deviceLostInReload = false;
    try {
      await this.loading(modelId, this.#reloadController.signal);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      throw error;
    } finally {
      this.#reloadController = undefined;
    }
    // 18331: the pipeline is registered even when the device was lost meanwhile …
    this.#pipeline = modelId;
    this.#disposed = false;
    // … and 18340-18342: that loss surfaces only now, at the end.
    if (this.#deviceLostInReload) throw deviceLostError();
  }

  async unload(): Promise<void> {
    this.calls.push('unload');
    await this.#unload();
  }

  /** 18345-18362: dispose, wait for the device, then clear the maps and abort a reload under way. */
  async #unload(): Promise<void> {
    this.#deviceLostIsError = false;
    if (this.#pipeline !== null) this.#disposed = true;
    await Promise.resolve(); // `yield pipeline.sync()`
    this.#pipeline = null;
    this.#deviceLostIsError = true;
    this.#reloadController?.abort('Engine.unload() is called.');
  }

  /**
   * The device is lost. 18303-18309: the `device.lost` handler unloads the
   * model (during a reload it also marks the reload to fail at its end).
   */
  loseDevice(): void {
    if (!this.#deviceLostIsError) return;
    if (this.#reloadController) this.#deviceLostInReload = true;
    void this.#unload();
  }

  /** 19036-19050: a no-op when no model is loaded. */
  async resetChat(): Promise<void> {
    this.calls.push('resetChat');
  }

  /** 18596-18600 */
  interruptGenerate(): void {
    this.calls.push('interruptGenerate');
    this.#interruptSignal = true;
  }

  setAppConfig(appConfig: AppConfig): void {
    this.appConfig = appConfig;
  }

  chat = {
    completions: {
      create: async (request: ChatCompletionRequestStreaming) => {
        this.calls.push('create');
        // chatCompletion, 18610-18643: the loaded model (11383-11386), web-llm's own checks, then the stream.
        const modelId = this.#pipeline;
        if (modelId === null) throw modelNotLoaded('ChatCompletionRequest');
        postInitAndCheckFieldsChatCompletion(request, modelId, ModelType.LLM);
        this.requests.push(structuredClone(request));
        return this.#generate(request, modelId);
      },
    },
  };

  /** asyncGenerate / streamCurrentGeneration, 18532-18590. */
  async *#generate(
    request: ChatCompletionRequestStreaming,
    modelId: string,
  ): AsyncGenerator<ChatCompletionChunk> {
    this.#interruptSignal = false;
    const tokens = request.extra_body?.enable_thinking === false ? [...EMPTY_THINKING_TOKENS] : [];
    const stops = [...this.templateStops, ...asList(request.stop)];
    const maxTokens = request.max_tokens ?? Infinity;
    const sampled = this.model(request);
    const chunk = (
      choices: ChatCompletionChunk['choices'],
      usage?: CompletionUsage,
    ): ChatCompletionChunk => ({
      id: 'fake',
      created: 0,
      model: modelId,
      object: 'chat.completion.chunk',
      choices,
      ...(usage ? { usage } : {}),
    });
    let message = '';
    let sent = 0;
    let finish: 'stop' | 'length' | 'abort' | undefined;
    for (let i = 0; finish === undefined; i++) {
      await this.beforeToken(i);
      if (this.#interruptSignal) {
        finish = 'abort'; // triggerStop, 12500-12507
        break;
      }
      if (this.#disposed) throw new TypeError("Cannot read properties of undefined (reading 'ndim')");
      const next = sampled[i];
      if (next === undefined) {
        finish = 'stop'; // a stop token, 12548-12551
        break;
      }
      // processNextToken, 12534-12590: decode everything, cut at the first stop string found.
      tokens.push(next);
      message = tokens.join('');
      for (const stop of stops) {
        const at = message.lastIndexOf(stop);
        if (at !== -1) {
          message = message.substring(0, at);
          finish = 'stop';
          break;
        }
      }
      if (finish === undefined && tokens.length >= maxTokens) finish = 'length';
      // makeStreamDeltaChunk, 18386-18417: what the message has past what was sent before.
      const delta = message.slice(sent);
      sent = message.length;
      yield chunk([{ index: 0, finish_reason: null, delta: { content: delta, role: 'assistant' } }]);
    }
    // makeStreamFinalChunk, 18430-18470: tool calls once, parsed from the whole message.
    const tools = request.tools !== undefined && request.tools !== null;
    if (finish === 'stop' && tools) {
      yield chunk([
        {
          index: 0,
          finish_reason: 'tool_calls',
          delta: { role: 'assistant', tool_calls: toolCallsOf(message) },
        },
      ]);
    } else {
      yield chunk([{ index: 0, finish_reason: finish, delta: tools ? { role: 'assistant' } : {} }]);
    }
    // makeStreamUsageChunk, 18474-18530
    if (request.stream_options?.include_usage) yield chunk([], this.usage);
  }
}

function asList(stop: string | string[] | null | undefined): string[] {
  if (stop === undefined || stop === null) return [];
  return typeof stop === 'string' ? [stop] : stop;
}

/** getToolCallFromOutputMessage(…, isStreaming=true), 11310-11350: `index`, no `id`. */
function toolCallsOf(message: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch (error) {
    throw named(
      'ToolCallOutputParseError',
      `Internal error: error encountered when parsing outputMessage for function calling. Got outputMessage: ${message}\nGot error: ${String(error)}`,
    );
  }
  if (!Array.isArray(parsed))
    throw named(
      'ToolCallOutputInvalidTypeError',
      'Internal error: expect output of function calling to be an array',
    );
  return parsed.map((call: { name?: unknown; arguments?: unknown }, index) => {
    if (call.name === undefined || call.arguments === undefined) {
      throw named(
        'ToolCallOutputMissingFieldsError',
        'Expect generated tool call to have fields name, arguments',
      );
    }
    return {
      index,
      function: { name: String(call.name), arguments: JSON.stringify(call.arguments) },
      type: 'function' as const,
    };
  });
}

/**
 * What web-llm 0.2.86 does with a model, by family: whether it has a thinking
 * switch, and whether its chat template gives a system message a turn of its
 * own. web-llm renders every prompt from the conversation template the
 * model's `mlc-chat-config.json` carries (lib/index.js:10396-10402 system,
 * 10406-10510 turns); those templates are mlc-llm's
 * `python/mlc_llm/conversation_template/*.py`, cited per entry below.
 *
 * Thinking: web-llm has one switch, `extra_body.enable_thinking: false`, and
 * honours it for any model by prefixing an empty `<think>\n\n</think>\n\n`
 * block to the reply (12361-12368). That block is exactly what the Qwen3 and
 * Qwen3.5 templates write for "thinking off" (Qwen's own chat templates and
 * mlc-llm's `qwen3_5_nothink`), so those two families have the switch. Models
 * that always reason are `always`: the block is not in their training, and
 * a flag would claim a setting they do not have. Every other model: `none`.
 *
 * System turn: Gemma's templates have no system role (`gemma_instruction`
 * renders the system text raw after `<bos>`, before the first turn), so the
 * system text goes into the first user turn, as Gemma's own chat template
 * does.
 * Rejected: a list of model ids (115 of them, and custom models besides);
 * the id's family prefix is what web-llm's prebuilt list is named by.
 */
import type { ModelCapabilities } from './api';

export interface WebllmFamily {
  name: string;
  pattern: RegExp;
  thinking: ModelCapabilities['thinking'];
  /** The template renders a system message as its own turn; when false it is folded into the first user turn. */
  systemTurn: boolean;
}

const FAMILIES: readonly WebllmFamily[] = [
  // qwen3.py: ChatML; "thinking off" is the empty block web-llm writes.
  { name: 'Qwen3', pattern: /^Qwen3-/i, thinking: 'switch', systemTurn: true },
  // qwen3_5.py: the reply header opens `<think>`; qwen3_5_nothink's header is web-llm's empty block.
  { name: 'Qwen3.5', pattern: /^Qwen3\.5-/i, thinking: 'switch', systemTurn: true },
  // DeepSeek-R1 distills reason before every answer.
  { name: 'DeepSeek-R1-Distill', pattern: /^DeepSeek-R1-Distill-/i, thinking: 'always', systemTurn: true },
  // ministral3_reasoning.py: its system message asks for [THINK]…[/THINK] before every answer.
  {
    name: 'Ministral-3 Reasoning',
    pattern: /^Ministral-3-.*Reasoning/i,
    thinking: 'always',
    systemTurn: true,
  },
  // gemma.py (gemma_instruction): system_template "<bos>{system_message}", no system role.
  { name: 'Gemma', pattern: /^gemma/i, thinking: 'none', systemTurn: false },
];

const OTHER: WebllmFamily = { name: 'other', pattern: /^/, thinking: 'none', systemTurn: true };

/**
 * The family of a web-llm model. A custom model's id is the user's own name,
 * so its weights URL (".../mlc-ai/Qwen3-0.6B-q4f16_1-MLC") is read too.
 */
export function webllmFamily(modelId: string, modelUrl?: string): WebllmFamily {
  const names = [modelId];
  const repo = modelUrl
    ?.replace(/\/(?:resolve\/[^/]+\/?)?$/, '')
    .split('/')
    .at(-1);
  if (repo) names.push(repo);
  for (const name of names) {
    const family = FAMILIES.find((f) => f.pattern.test(name));
    if (family) return family;
  }
  return OTHER;
}

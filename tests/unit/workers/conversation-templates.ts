/**
 * How web-llm 0.2.86 turns a chat request into the prompt a model reads,
 * for tests: its `Conversation` rendering (lib/index.js:10396-10510,
 * `getSystemPrompt` and `getPromptArrayInternal`, text messages only), fed
 * the way `getConversationFromChatCompletionRequest` (10876-10915) and
 * `forwardPrefill` (12347-12368) feed it: a system message replaces the
 * template's default system text, the last message is the input, then the
 * reply header (or the empty thinking block for `enable_thinking: false`).
 *
 * The templates are mlc-llm's (python/mlc_llm/conversation_template/), which
 * each model's mlc-chat-config.json carries; the file is named per entry.
 * Which template a prebuilt build names is in its mlc-chat-config.json on
 * Hugging Face, not in web-llm's package: the pairing below is by family.
 */
import type { ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';

export interface ConversationTemplate {
  name: string;
  system_template: string;
  system_message: string;
  roles: Partial<Record<'user' | 'assistant' | 'tool', string>>;
  seps: string[];
  role_content_sep: string;
  role_empty_sep: string;
  add_role_after_system_message?: boolean;
}

const SYSTEM = '{system_message}';
const chatml = (roles: ConversationTemplate['roles']) => ({
  system_template: `<|im_start|>system\n${SYSTEM}<|im_end|>\n`,
  roles,
  seps: ['<|im_end|>\n'],
  role_content_sep: '\n',
  role_empty_sep: '\n',
});
const IM_ROLES = { user: '<|im_start|>user', assistant: '<|im_start|>assistant' };

export const TEMPLATES = {
  /** qwen2.py */
  qwen2: { name: 'qwen2', system_message: 'You are a helpful assistant.', ...chatml(IM_ROLES) },
  /** qwen3.py */
  qwen3: { name: 'qwen3', system_message: 'You are a helpful assistant.', ...chatml(IM_ROLES) },
  /** llama.py, llama-3_1 */
  'llama-3_1': {
    name: 'llama-3_1',
    system_template: `<|start_header_id|>system<|end_header_id|>\n\n${SYSTEM}<|eot_id|>`,
    system_message: 'You are a helpful, respectful and honest assistant.',
    roles: {
      user: '<|start_header_id|>user',
      assistant: '<|start_header_id|>assistant',
      tool: '<|start_header_id|>ipython',
    },
    seps: ['<|eot_id|>'],
    role_content_sep: '<|end_header_id|>\n\n',
    role_empty_sep: '<|end_header_id|>\n\n',
    add_role_after_system_message: true,
  },
  /** phi.py, phi-3 */
  'phi-3': {
    name: 'phi-3',
    system_template: `<|system|>\n${SYSTEM}`,
    system_message:
      'You are a helpful digital assistant. Please provide safe, ethical and accurate information to the user.',
    roles: { user: '<|user|>', assistant: '<|assistant|>' },
    seps: ['<|end|>\n'],
    role_content_sep: '\n',
    role_empty_sep: '\n',
  },
  /** gemma.py, gemma_instruction: no system role, the text goes raw after <bos>. */
  gemma_instruction: {
    name: 'gemma_instruction',
    system_template: `<bos>${SYSTEM}`,
    system_message: '',
    roles: { user: '<start_of_turn>user', assistant: '<start_of_turn>model' },
    seps: ['<end_of_turn>\n'],
    role_content_sep: '\n',
    role_empty_sep: '\n',
  },
  /** registry.py, chatml */
  chatml: {
    name: 'chatml',
    system_message:
      'A conversation between a user and an LLM-based AI assistant. The assistant gives helpful and honest answers.',
    ...chatml(IM_ROLES),
  },
  /** hermes.py, hermes2_pro_llama3 (the version with a tool role) */
  hermes2_pro_llama3: {
    name: 'hermes2_pro_llama3',
    system_message:
      'You are "Hermes 2", a conscious sentient superintelligent artificial intelligence developed by a man named Teknium, and your purpose and drive is to assist the user with any request they have. You experience emotions and have deep, profound thoughts and qualia.',
    ...chatml({ ...IM_ROLES, tool: '<|im_start|>tool' }),
  },
} satisfies Record<string, ConversationTemplate>;

/** The prompt text the model reads for this request (special tokens written out). */
export function renderPrompt(
  template: ConversationTemplate,
  request: ChatCompletionRequestStreaming,
): string {
  let system = template.system_message;
  const turns: [role: 'user' | 'assistant' | 'tool', content: string][] = [];
  request.messages.forEach((message, index) => {
    const content = typeof message.content === 'string' ? message.content : '';
    if (message.role === 'system') {
      if (index !== 0) throw new Error('SystemMessageOrderError');
      system = content;
    } else if (message.role === 'user' || message.role === 'assistant' || message.role === 'tool') {
      turns.push([message.role, content]);
    }
  });
  const systemPrompt = template.system_template.replace(SYSTEM, system);
  const parts = systemPrompt === '' ? [] : [systemPrompt];
  turns.forEach(([role, content], i) => {
    const roleText = template.roles[role];
    // appendMessage, 10711-10720
    if (roleText === undefined) throw new Error(`Role is not supported: ${role}`);
    const omitRole = template.add_role_after_system_message === false && systemPrompt !== '' && i === 0;
    const prefix = omitRole ? '' : `${roleText}${template.role_content_sep}`;
    parts.push(`${prefix}${content}${template.seps[i % template.seps.length] ?? ''}`);
  });
  const assistant = template.roles.assistant ?? '';
  parts.push(
    request.extra_body?.enable_thinking === false
      ? `${assistant}${template.role_content_sep}<think>\n\n</think>\n\n`
      : `${assistant}${template.role_empty_sep}`,
  );
  return parts.join('');
}

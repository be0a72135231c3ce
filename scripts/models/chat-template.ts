/**
 * The generated models' chat template: ChatML as Qwen2.5 writes it (a default
 * system turn when none is given), plus Qwen3's `enable_thinking` switch that
 * opens a <think> block for the assistant, so the runtime's reasoning budget
 * has something real to act on.
 */
export const CHATML_TEMPLATE = [
  "{%- if messages[0]['role'] == 'system' %}",
  "{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}",
  '{%- else %}',
  "{{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}",
  '{%- endif %}',
  '{%- for message in messages %}',
  "{%- if not (loop.first and message['role'] == 'system') %}",
  "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}",
  '{%- endif %}',
  '{%- endfor %}',
  '{%- if add_generation_prompt %}',
  "{{- '<|im_start|>assistant\\n' }}",
  "{%- if enable_thinking is defined and enable_thinking %}{{- '<think>\\n' }}{%- endif %}",
  '{%- endif %}',
].join('\n');

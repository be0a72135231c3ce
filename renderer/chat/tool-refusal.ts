/**
 * Why the core refused one of the assistant's tool calls, for the chat's
 * line "The assistant's TOOL was refused: REASON". The core's message starts
 * with the tool's name, which the line already says once.
 */
export function refusalReason(tool: string, message: string | null | undefined): string {
  if (!message) return 'not allowed';
  return message.startsWith(`${tool}: `) ? message.slice(tool.length + 2) : message;
}

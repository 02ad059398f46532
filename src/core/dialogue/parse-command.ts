/** Typed commands, the same for every channel that carries text. */
import type { Input } from './types.js';

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;

/** `/start lier` → `{ command: 'start', payload: 'lier' }`; null when the text is not a command. */
export function parseCommand(text: string): (Input & { type: 'command' }) | null {
  const match = COMMAND.exec(text.trim());
  if (!match) return null;
  const payload = match[2]?.trim().slice(0, 64);
  return { type: 'command', command: match[1]!.toLowerCase(), ...(payload ? { payload } : {}) };
}

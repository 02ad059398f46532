/** Telegram updates → the dialogue's inputs. Anything we do not understand becomes `unsupported`. */
import type { Context } from 'grammy';
import type { Input } from '../../core/dialogue/types.js';

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;

/** `/start lier` → `{ command: 'start', payload: 'lier' }`; null when the text is not a command. */
export function parseCommand(text: string): (Input & { type: 'command' }) | null {
  const match = COMMAND.exec(text.trim());
  if (!match) return null;
  const payload = match[2]?.trim().slice(0, 64);
  return { type: 'command', command: match[1]!.toLowerCase(), ...(payload ? { payload } : {}) };
}

export function inputOf(ctx: Context): Input {
  const callback = ctx.callbackQuery;
  if (callback) return typeof callback.data === 'string' ? { type: 'button', data: callback.data.slice(0, 64) } : { type: 'unsupported' };
  const message = ctx.message;
  if (!message) return { type: 'unsupported' };
  if (typeof message.text === 'string') return parseCommand(message.text) ?? { type: 'text', text: message.text };
  if (message.voice && typeof message.voice.file_id === 'string') {
    return { type: 'voice', fileId: message.voice.file_id, durationSec: Number(message.voice.duration) || 0 };
  }
  return { type: 'unsupported' };
}

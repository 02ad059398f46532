/** Telegram updates → the dialogue's inputs. Anything we do not understand becomes `unsupported`. */
import type { Context } from 'grammy';
import type { Input } from '../../core/dialogue/types.js';
import { parseCommand } from '../../core/dialogue/parse-command.js';

export function inputOf(ctx: Context): Input {
  const callback = ctx.callbackQuery;
  if (callback) return typeof callback.data === 'string' ? { type: 'button', data: callback.data.slice(0, 64) } : { type: 'unsupported' };
  const message = ctx.message;
  if (!message) return { type: 'unsupported' };
  if (typeof message.text === 'string') return parseCommand(message.text) ?? { type: 'text', text: message.text };
  if (message.voice && typeof message.voice.file_id === 'string') {
    const caption = typeof message.caption === 'string' ? message.caption : undefined;
    return { type: 'voice', fileId: message.voice.file_id, durationSec: Number(message.voice.duration) || 0, caption };
  }
  return { type: 'unsupported' };
}

/**
 * Structured JSON logs. Never log names, free text, Telegram ids or tokens: log the kind of
 * event and opaque ids only. The redaction list is a second line of defence.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'goesting' },
    redact: {
      paths: ['token', '*.token', 'text', '*.text', 'name', '*.name', 'from', '*.from', 'chat', '*.chat', 'headers', '*.headers'],
      censor: '[redacted]',
    },
  });
}

/**
 * Structured JSON logs. Never log names, free text, Telegram ids or tokens: log the kind of
 * event and opaque ids only. The redaction list is a second line of defence.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export interface ErrorFields {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
  readonly cause?: ErrorFields;
}

/**
 * An error as log fields: its class, message and stack, without what could be personal data —
 * the parameters a failed query carries and quoted values inside driver messages.
 */
export function errorFields(error: unknown, depth = 0): ErrorFields {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]' };
  const message = error.message.split('\nparams:')[0]!.replace(/"[^"\n]{0,200}"/g, '"…"').slice(0, 500);
  const code = (error as { code?: unknown }).code;
  const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 12).join('\n');
  return {
    type: error.constructor?.name || error.name,
    message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(frames ? { stack: frames } : {}),
    ...(error.cause !== undefined && depth < 2 ? { cause: errorFields(error.cause, depth + 1) } : {}),
  };
}

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'goesting' },
    serializers: { err: (value: unknown) => (value instanceof Error ? errorFields(value) : value) },
    redact: {
      paths: ['token', '*.token', 'text', '*.text', 'name', '*.name', 'from', '*.from', 'chat', '*.chat', 'headers', '*.headers'],
      censor: '[redacted]',
    },
  });
}

/** Small helpers to build outputs and to clean what people type. */
import type { Button, Output, Text } from './types.js';

export const t = (key: string, params?: Text['params'], prefix?: string): Text =>
  prefix === undefined ? (params ? { key, params } : { key }) : { key, params: params ?? {}, prefix };

export const raw = (value: string) => ({ raw: value });

export const say = (text: Text, buttons?: Button[][], edit?: 'text' | 'markup'): Output => ({
  type: 'message',
  text,
  ...(buttons && buttons.length > 0 ? { buttons } : {}),
  ...(edit ? { edit } : {}),
});

export const toast = (text: Text): Output => ({ type: 'toast', text });

export const button = (text: Text, data: string): Button => ({ text, data });

/** Lays buttons out `perRow` a row. */
export function rows(buttons: Button[], perRow: number): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

// Control characters and bidi overrides/isolates: they can hide or reorder text in the
// matchmaker's view. Ordinary RTL text needs none of them.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Removes control and bidi-override characters (keeps line breaks). */
export function stripUnsafe(input: string): string {
  return input.replace(UNSAFE, '');
}

/** Removes control and bidi-override characters, folds white space, trims. */
export function cleanText(input: string): string {
  return stripUnsafe(input).replace(/\s+/g, ' ').trim();
}

export const MAX_FREE_TEXT = 300;
export const MAX_NAME = 40;

/** Adds `value` to `list`, or removes it when present; returns whether it is now in. */
export function toggleIn(list: string[], value: string): boolean {
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  else list.push(value);
  return at < 0;
}

/** A place's first-line service as an admin types it: `name=CAW;phone=0800 13 500;topics=money_debts,housing`. */
import { SENSITIVE_FLAGS } from '../taxonomy/categories.js';

/** A first-line service of a place (CAW, OCMW, VDAB…), as stored with the place. */
export interface ServiceSpec {
  topics: string[];
  name: string;
  phone?: string;
  address?: string;
  url?: string;
}

/** What a place's service can be shown for: the sensitive needs plus a few general doors. */
export const SERVICE_TOPICS: readonly string[] = [...SENSITIVE_FLAGS, 'work', 'learning', 'general'];
const SERVICE_KEYS = ['name', 'topics', 'phone', 'address', 'url'] as const;

/** Parses `name=CAW;phone=0800 13 500;topics=money_debts,housing` into a service. */
export function parseServiceSpec(spec: string): ServiceSpec | string {
  const fields = new Map<string, string>();
  for (const part of spec.split(';')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    if (at < 0) return `key=value parts separated by ; (not "${part.trim()}")`;
    const key = part.slice(0, at).trim().toLowerCase();
    const value = part.slice(at + 1).trim();
    if (!(SERVICE_KEYS as readonly string[]).includes(key)) return `keys among ${SERVICE_KEYS.join(', ')} (not "${key}")`;
    if (fields.has(key)) return `each key once (${key} is repeated)`;
    if (value === '') return `a value after ${key}=`;
    fields.set(key, value);
  }
  const name = fields.get('name');
  if (!name) return 'a name=… part, like "name=CAW;phone=0800 13 500;topics=money_debts,housing"';
  const topics = [...new Set((fields.get('topics') ?? '').split(',').map((t) => t.trim()).filter(Boolean))];
  if (topics.length === 0) return `a topics=… part with one or more of ${SERVICE_TOPICS.join(', ')}`;
  const unknown = topics.find((t) => !SERVICE_TOPICS.includes(t));
  if (unknown) return `topics among ${SERVICE_TOPICS.join(', ')} (not "${unknown}")`;
  const url = fields.get('url');
  if (url !== undefined && !/^https?:\/\/\S+\.\S+$/.test(url)) return `url=… to be an http:// or https:// address (not "${url}")`;
  // Fixed key order, so comparing with what is stored is plain JSON equality.
  const service: ServiceSpec = { name, topics };
  for (const key of ['phone', 'address', 'url'] as const) {
    const value = fields.get(key);
    if (value !== undefined) service[key] = value;
  }
  return service;
}

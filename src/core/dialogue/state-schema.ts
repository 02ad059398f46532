/**
 * The persisted dialogue state as a schema, and reading it back: a stored JSON of an older shape
 * is upgraded to the current one, then validated. A state written before a deploy is read
 * correctly after it, and a damaged one never locks the resident out (see `recover`).
 *
 * Versions:
 * - 1: `resumeStep`, one return point for both /language and /forget.
 * - 2: `resume: { language?, forget? }`, a return point each.
 */
import { z } from 'zod';
import { DEFAULT_LANG, isLang, SENSITIVE_FLAGS, UI_LANGUAGES } from '../taxonomy/categories.js';
import { createState } from './state.js';
import { ALL_STEPS, INTAKE_STEPS, type DialogueState } from './types.js';

export const STATE_VERSION = 2;

const step = z.enum(ALL_STEPS);
const strings = z.array(z.string());
const selection = z.object({ categories: strings, texts: strings, voices: strings });

const draft = z.object({
  name: z.string().optional(),
  placeCode: z.string().optional(),
  neighbourhood: z.string().optional(),
  goesting: selection,
  skills: selection,
  needs: selection,
  ambition: selection,
  flags: z.array(z.enum(SENSITIVE_FLAGS)),
  availability: strings,
  spoken: strings,
});

/** The shape of `DialogueState` version 2, as stored in `dialogue_states.data`. */
export const dialogueStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  step,
  lang: z.enum(UI_LANGUAGES),
  status: z.enum(['intake', 'active']),
  paused: z.boolean(),
  callRequested: z.boolean(),
  consentedAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().optional(),
  draft,
  page: z.number().int().nonnegative(),
  awaitingText: z.boolean(),
  pending: z.object({ text: z.string().optional(), suggestions: strings, understood: z.boolean().optional() }).optional(),
  returnToSummary: z.boolean(),
  resume: z.object({ language: step.optional(), forget: step.optional() }).optional(),
  referredFlags: strings,
});

// The schema and the interface describe the same JSON: each must be assignable to the other.
type Parsed = z.infer<typeof dialogueStateSchema>;
const _sameShape: [Parsed extends DialogueState ? true : never, DialogueState extends Parsed ? true : never] = [true, true];
void _sameShape;

type Raw = Record<string, unknown>;
const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * v1 → v2: `resumeStep` was only ever read at the step it was written for (entering /language
 * or /forget from another step always overwrote it, answering either cleared it), so it moves to
 * the return point of the step the resident is at; anywhere else it was stale and goes.
 */
function fromV1(raw: Raw): Raw {
  const { resumeStep, ...rest } = raw;
  const at = rest.step;
  const back = step.safeParse(resumeStep);
  const resume = back.success && (at === 'language' || at === 'forget') ? { [at]: back.data } : undefined;
  return { ...rest, v: 2, ...(resume ? { resume } : {}) };
}

/** Brings any older shape to the current version; a missing version is the first one. */
function upgrade(raw: Raw): Raw {
  let state = raw;
  if (state.v === undefined || state.v === 1) state = fromV1(state);
  return state;
}

/**
 * Field by field: what is valid is kept, what is not takes the default; an object is repaired
 * key by key, a list keeps the items that are valid, an optional field that is invalid goes.
 * `path` names the field; `repaired` collects the fields that were not kept as they were.
 */
function repair(schema: z.ZodType, raw: unknown, fallback: unknown, path: string, repaired: string[]): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (schema instanceof z.ZodObject && isRecord(raw) && isRecord(fallback)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, repair(field, raw[key], fallback[key], `${path}.${key}`, repaired)]));
  }
  repaired.push(path);
  if (schema instanceof z.ZodArray && Array.isArray(raw)) return raw.filter((item) => (schema.element as z.ZodType).safeParse(item).success);
  return schema instanceof z.ZodOptional ? undefined : fallback;
}

export interface ReadState {
  readonly state: DialogueState;
  /** The version it was stored as (`undefined`: none, or not a state at all). */
  readonly storedVersion: number | undefined;
  /** The fields that failed validation and were recovered, e.g. `state.draft.flags`. */
  readonly repaired: readonly string[];
}

/**
 * Reads a stored state: upgrade, then validate. When validation fails the resident is never
 * locked out; the state is recovered instead:
 * - every valid field is kept as it was (language, consent time, status, the draft part by
 *   part, lists item by item); an invalid one takes its value in a fresh state (`createState`);
 * - a fresh state's language is the stored one when valid, else Dutch; its consent time is
 *   `now` (the consents table keeps the real one), its place none;
 * - an invalid step falls back to the summary for an active profile (nothing is lost, everything
 *   can be changed from there), else to the first intake step, and no text is awaited.
 */
export function readDialogueState(raw: unknown, now: Date = new Date()): ReadState {
  const record = isRecord(raw) ? raw : {};
  const storedVersion = typeof record.v === 'number' ? record.v : undefined;
  const upgraded = upgrade(record);
  const parsed = dialogueStateSchema.safeParse(upgraded);
  if (parsed.success) return { state: parsed.data, storedVersion, repaired: [] };
  const fresh = createState(isLang(upgraded.lang) ? upgraded.lang : DEFAULT_LANG, undefined, now);
  const repaired: string[] = [];
  const candidate = repair(dialogueStateSchema, upgraded, fresh, 'state', repaired) as DialogueState;
  if (repaired.includes('state.step')) {
    candidate.step = candidate.status === 'active' ? 'summary' : INTAKE_STEPS[0];
    candidate.awaitingText = false;
  }
  // Repaired field by field it is valid; should it still not be, a fresh state rather than none.
  const checked = dialogueStateSchema.safeParse(candidate);
  return { state: checked.success ? checked.data : fresh, storedVersion, repaired };
}

/** The stored JSON of `dialogue_states.data` as the current `DialogueState`. */
export function loadDialogueState(raw: unknown, now: Date = new Date()): DialogueState {
  return readDialogueState(raw, now).state;
}

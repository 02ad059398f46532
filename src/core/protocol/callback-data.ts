/**
 * The one protocol of the resident's buttons: every `callback_data` string is built and read here,
 * so a button made by an introduction, a follow-up or a dialogue step is parsed by the same rule.
 * The strings are what keyboards already in people's chats carry: change them only with a fallback.
 */
import { ALL_STEPS, type Step } from '../dialogue/types.js';
import { isLang, type Lang } from '../taxonomy/categories.js';
import { isUuid } from '../ids.js';

/** Telegram's limit for `callback_data`, in bytes. */
export const MAX_CALLBACK_BYTES = 64;

export const INTRO_ANSWERS = { y: 'yes', n: 'no', l: 'later' } as const;
export const MEET_ANSWERS = { y: 'met', w: 'notYet', n: 'no' } as const;
export const OUTCOMES = ['training', 'volunteering', 'work', 'initiative', 'friend', 'nothing'] as const;

export const CONSENT_ANSWERS = { y: 'yes', m: 'more', n: 'no' } as const;

export type ConsentAnswer = (typeof CONSENT_ANSWERS)[keyof typeof CONSENT_ANSWERS];
export type IntroAnswer = (typeof INTRO_ANSWERS)[keyof typeof INTRO_ANSWERS];
export type MeetAnswer = (typeof MEET_ANSWERS)[keyof typeof MEET_ANSWERS];
export type Outcome = (typeof OUTCOMES)[number];

export type CallbackData =
  /** A button of one dialogue step: `summary:c:skills`, `goesting:t:cooking`, `name:y`. */
  | { readonly type: 'step'; readonly step: Step; readonly action: string; readonly args: readonly string[] }
  /** Before consent, the language chosen on the welcome (`lang:nl:lier`); the place travels along, maybe empty. */
  | { readonly type: 'welcomeLanguage'; readonly lang: Lang; readonly place: string }
  /** Before consent, the answer to the consent question (`cons:y:nl:lier`). */
  | { readonly type: 'consent'; readonly answer: ConsentAnswer; readonly lang: Lang; readonly place: string }
  /** The double opt-in answer to an introduction. */
  | { readonly type: 'intro'; readonly matchId: string; readonly answer: IntroAnswer }
  /** "Did you meet?" a week after both said yes. */
  | { readonly type: 'met'; readonly matchId: string; readonly answer: MeetAnswer }
  /** What came of the meeting. */
  | { readonly type: 'outcome'; readonly matchId: string; readonly outcome: Outcome }
  /** "Still interested?" after several unanswered proposals. */
  | { readonly type: 'still'; readonly choice: 'keep' | 'pause' }
  /** "I stay" after the inactivity warning. */
  | { readonly type: 'retain' }
  /** Ask the matchmaker to call. */
  | { readonly type: 'helpCall' };

const STILL = { y: 'keep', p: 'pause' } as const;

const codeOf = <T extends Record<string, string>>(table: T, value: string): string => Object.entries(table).find(([, v]) => v === value)![0];
const valueOf = <T extends Record<string, string>>(table: T, code: string | undefined): T[keyof T] | undefined =>
  code !== undefined && Object.hasOwn(table, code) ? (table[code] as T[keyof T]) : undefined;

function checked(data: string): string {
  if (new TextEncoder().encode(data).length > MAX_CALLBACK_BYTES) throw new RangeError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data.slice(0, 20)}…`);
  return data;
}

/** The `callback_data` string of a button. */
export function encodeCallback(data: CallbackData): string {
  switch (data.type) {
    case 'step':
      return checked([data.step, data.action, ...data.args].join(':'));
    case 'welcomeLanguage':
      return checked(`lang:${data.lang}:${data.place}`);
    case 'consent':
      return checked(`cons:${codeOf(CONSENT_ANSWERS, data.answer)}:${data.lang}:${data.place}`);
    case 'intro':
      return checked(`intro:${codeOf(INTRO_ANSWERS, data.answer)}:${data.matchId}`);
    case 'met':
      return checked(`met:${codeOf(MEET_ANSWERS, data.answer)}:${data.matchId}`);
    case 'outcome':
      return checked(`outcome:${data.outcome}:${data.matchId}`);
    case 'still':
      return `still:${codeOf(STILL, data.choice)}:-`;
    case 'retain':
      return 'retain:y';
    case 'helpCall':
      return 'help:call';
  }
}

/** A button of a dialogue step, e.g. `stepCallback('skills', 't', 'cooking')` → `skills:t:cooking`. */
export const stepCallback = (step: Step, action: string, ...args: string[]): string => encodeCallback({ type: 'step', step, action, args });

/** A step button starts with the name of a step; what follows is the step's to read. */
const isStep = (kind: string): kind is Step => (ALL_STEPS as readonly string[]).includes(kind);

function decodeMatchButton(kind: string, code: string | undefined, matchId: string | undefined): CallbackData | null {
  if (!isUuid(matchId)) return null;
  if (kind === 'intro') {
    const answer = valueOf(INTRO_ANSWERS, code);
    return answer ? { type: 'intro', matchId, answer } : null;
  }
  if (kind === 'met') {
    const answer = valueOf(MEET_ANSWERS, code);
    return answer ? { type: 'met', matchId, answer } : null;
  }
  const outcome = OUTCOMES.find((o) => o === code);
  return outcome ? { type: 'outcome', matchId, outcome } : null;
}

/** The pre-consent buttons: as before, a missing place is none and anything after it is ignored. */
function decodePreConsent(kind: 'lang' | 'cons', rest: readonly string[]): CallbackData | null {
  if (kind === 'lang') {
    const [lang, place = ''] = rest;
    return isLang(lang) ? { type: 'welcomeLanguage', lang, place } : null;
  }
  const [code, lang, place = ''] = rest;
  const answer = valueOf(CONSENT_ANSWERS, code);
  return answer && isLang(lang) ? { type: 'consent', answer, lang, place } : null;
}

/** Reads a `callback_data` string; `null` for one that no button of ours carries. */
export function decodeCallback(raw: string): CallbackData | null {
  const [kind = '', ...rest] = raw.split(':');
  if (kind === 'intro' || kind === 'met' || kind === 'outcome') return rest.length === 2 ? decodeMatchButton(kind, rest[0], rest[1]) : null;
  if (kind === 'still') {
    const choice = valueOf(STILL, rest[0]);
    return choice && rest.length === 2 ? { type: 'still', choice } : null;
  }
  if (raw === 'retain:y') return { type: 'retain' };
  if (raw === 'help:call') return { type: 'helpCall' };
  if (kind === 'lang' || kind === 'cons') return decodePreConsent(kind, rest);
  if (!isStep(kind)) return null;
  const [action = '', ...args] = rest;
  return { type: 'step', step: kind, action, args };
}

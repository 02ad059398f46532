/**
 * The dialogue's vocabulary. The engine is pure: it gets the stored state and one input,
 * and returns the next state, what to say (message keys, never text) and what to persist.
 */
import type { Lang, SensitiveFlag } from '../taxonomy/categories.js';

/** A translatable text: a locale key with parameters; `prefix` (emoji, marks) goes in front. */
export interface Text {
  readonly key: string;
  readonly params?: Readonly<Record<string, Param>>;
  readonly prefix?: string;
}
/** `raw` is what the user typed: shown as is, never translated. */
export type Param = string | number | Text | readonly Text[] | { readonly raw: string };

export interface Button {
  readonly text: Text;
  readonly data: string;
}

export type Output =
  /** `edit`: replace the message whose button was tapped ('markup' keeps its text). */
  | { readonly type: 'message'; readonly text: Text; readonly buttons?: Button[][]; readonly edit?: 'text' | 'markup' }
  /** The small notice a tapped button shows; every tap gets one, empty by default. */
  | { readonly type: 'toast'; readonly text: Text };

export type Input =
  | { readonly type: 'command'; readonly command: string; readonly payload?: string }
  | { readonly type: 'button'; readonly data: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'voice'; readonly fileId: string; readonly durationSec: number; readonly caption?: string | undefined }
  /** Stickers, photos, locations, edited messages…: answered with a kind nudge. */
  | { readonly type: 'unsupported' };

export interface PlaceService {
  readonly topics: readonly string[];
  readonly name: string;
  readonly phone?: string | undefined;
  readonly address?: string | undefined;
  readonly url?: string | undefined;
}

export interface PlaceInfo {
  readonly code: string;
  readonly name: string;
  readonly contact?: string | null | undefined;
  readonly services: readonly PlaceService[];
}

export interface TurnContext {
  readonly now: Date;
  /** Name from the channel profile, offered to confirm; never stored before consent. */
  readonly profileName?: string | undefined;
  /** The channel's language hint (Telegram `language_code`). */
  readonly languageHint?: string | undefined;
  readonly places: readonly PlaceInfo[];
}

export const INTAKE_STEPS = [
  'name',
  'place',
  'neighbourhood',
  'goesting',
  'skills',
  'needs',
  'referral',
  'ambition',
  'availability',
  'languages',
  'summary',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];
export type Step = IntakeStep | 'done' | 'language' | 'forget';
/** Every step a state can be at; a step's buttons carry its name first (`skills:t:cooking`). */
export const ALL_STEPS = [...INTAKE_STEPS, 'done', 'language', 'forget'] as const satisfies readonly Step[];

/** The four parts of a profile chosen from buttons (or said in own words, or spoken). */
export const PICKER_STEPS = ['goesting', 'skills', 'needs', 'ambition'] as const;
export type PickerStep = (typeof PICKER_STEPS)[number];

export interface Selection {
  categories: string[];
  texts: string[];
  voices: string[];
}

export interface Draft {
  name?: string | undefined;
  placeCode?: string | undefined;
  neighbourhood?: string | undefined;
  goesting: Selection;
  skills: Selection;
  needs: Selection;
  ambition: Selection;
  flags: SensitiveFlag[];
  availability: string[];
  spoken: string[];
}

/** Where /language and /forget each return to once answered (both are forgotten then). */
export interface Resume {
  language?: Step | undefined;
  forget?: Step | undefined;
}

/**
 * Persisted only after consent. `v` is the shape version of this JSON: a stored state of an
 * older version is upgraded when it is read (`loadDialogueState` in `state-schema.ts`).
 */
export interface DialogueState {
  readonly v: 2;
  step: Step;
  lang: Lang;
  status: 'intake' | 'active';
  paused: boolean;
  callRequested: boolean;
  consentedAt: string;
  confirmedAt?: string | undefined;
  draft: Draft;
  /** Page of the category picker currently shown. */
  page: number;
  /** Waiting for typed text at this step (after *own words* or *another name*). */
  awaitingText: boolean;
  /**
   * Suggestions waiting for a tap. `text`: the words, when they may be kept; `understood`: something
   * of them is kept already (a flag, or one suggestion taken), so *None of these* says nothing more.
   */
  pending?: { text?: string | undefined; suggestions: string[]; understood?: boolean | undefined } | undefined;
  /** After changing one part from the summary, go back there. */
  returnToSummary: boolean;
  /** Where /language and /forget return to (v1 had one `resumeStep` for both). */
  resume?: Resume | undefined;
  /** Flags already answered with a referral, so it is not repeated. */
  referredFlags: string[];
}

export type Effect =
  | { readonly type: 'consent'; readonly method: string }
  | { readonly type: 'confirmProfile' }
  | { readonly type: 'forget' }
  /** The resident's answer to an introduction the matchmaker proposed (double opt-in). */
  | { readonly type: 'introAnswer'; readonly matchId: string; readonly answer: 'yes' | 'no' | 'later' }
  /** "Did you meet?" and what came of it, a week after both said yes. */
  | { readonly type: 'meetAnswer'; readonly matchId: string; readonly answer: 'met' | 'notYet' | 'no' }
  | { readonly type: 'outcome'; readonly matchId: string; readonly outcome: string }
  /** "Yes, keep asking" after several unanswered proposals: the ones held back are sent now. */
  | { readonly type: 'stillInterested' };

export interface TurnResult {
  readonly state: DialogueState | null;
  readonly outputs: Output[];
  readonly effects: Effect[];
}

/**
 * The shared taxonomy: what residents love, can do and need, and what providers offer and ask,
 * all described with the same stable category ids so matching treats everyone alike.
 * Labels live in `locales/<lng>/taxonomy.json` (`cat.<id>`, `domain.<id>`); ids never change.
 */

export const DOMAINS = [
  'food',
  'repair',
  'green',
  'care',
  'learning',
  'digital',
  'creative',
  'sport',
  'transport',
  'work',
] as const;
export type DomainId = (typeof DOMAINS)[number];

export interface Category {
  readonly id: string;
  readonly domain: DomainId;
  readonly emoji: string;
}

const c = (domain: DomainId, id: string, emoji: string): Category => ({ id, domain, emoji });

export const CATEGORIES: readonly Category[] = [
  c('food', 'cooking', '🍳'),
  c('food', 'baking', '🥐'),
  c('food', 'world_cuisine', '🍲'),
  c('food', 'shared_meals', '🍽️'),
  c('food', 'catering', '🥪'),
  c('repair', 'bike_repair', '🚲'),
  c('repair', 'sewing', '🧵'),
  c('repair', 'woodwork', '🪚'),
  c('repair', 'electronics_repair', '🔌'),
  c('repair', 'odd_jobs', '🔧'),
  c('repair', 'home_decorating', '🖌️'),
  c('green', 'gardening', '🌱'),
  c('green', 'nature', '🌳'),
  c('green', 'litter_cleanup', '🧹'),
  c('green', 'neighbourhood_events', '🎉'),
  c('green', 'animal_care', '🐾'),
  c('care', 'childcare', '🧸'),
  c('care', 'elderly_company', '👵'),
  c('care', 'parenting', '👪'),
  c('care', 'first_aid', '🩹'),
  c('care', 'household_help', '🧺'),
  c('care', 'hair_beauty', '💇'),
  c('learning', 'dutch_practice', '💬'),
  c('learning', 'translation', '🌍'),
  c('learning', 'homework_help', '📚'),
  c('learning', 'teaching', '🧑‍🏫'),
  c('learning', 'reading_together', '📖'),
  c('digital', 'computer_basics', '💻'),
  c('digital', 'smartphone_help', '📱'),
  c('digital', 'paperwork', '📄'),
  c('digital', 'cv_writing', '📝'),
  c('digital', 'programming', '👩‍💻'),
  c('creative', 'music', '🎵'),
  c('creative', 'drawing_painting', '🎨'),
  c('creative', 'photo_video', '📷'),
  c('creative', 'crafts', '✂️'),
  c('creative', 'theatre_dance', '💃'),
  c('sport', 'football', '⚽'),
  c('sport', 'walking_running', '🚶'),
  c('sport', 'fitness', '💪'),
  c('sport', 'yoga_relax', '🧘'),
  c('sport', 'swimming', '🏊'),
  c('transport', 'driving', '🚗'),
  c('transport', 'cycling_lessons', '🚴'),
  c('transport', 'moving_help', '📦'),
  c('transport', 'lending_tools', '🧰'),
  c('transport', 'second_hand', '♻️'),
  c('work', 'job_search', '🔎'),
  c('work', 'own_business', '💡'),
  c('work', 'sales', '🛍️'),
  c('work', 'cleaning', '🧽'),
  c('work', 'logistics', '🚚'),
];

export const CATEGORY_BY_ID: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((x) => [x.id, x]));

/**
 * Categories that serve each other: someone who repairs electronics can help with a smartphone,
 * someone who sews can mend clothes for a crafts group. The matcher uses them when no category is
 * shared, at a lower weight and with its own reason.
 */
export const RELATED_CATEGORIES: ReadonlyArray<readonly [string, string]> = [
  ['computer_basics', 'smartphone_help'],
  ['computer_basics', 'electronics_repair'],
  ['smartphone_help', 'electronics_repair'],
  ['computer_basics', 'programming'],
  ['computer_basics', 'paperwork'],
  ['paperwork', 'cv_writing'],
  ['cv_writing', 'job_search'],
  ['sewing', 'crafts'],
  ['sewing', 'second_hand'],
  ['woodwork', 'odd_jobs'],
  ['home_decorating', 'odd_jobs'],
  ['bike_repair', 'odd_jobs'],
  ['lending_tools', 'odd_jobs'],
  ['cooking', 'world_cuisine'],
  ['cooking', 'catering'],
  ['cooking', 'shared_meals'],
  ['baking', 'catering'],
  ['gardening', 'nature'],
  ['homework_help', 'teaching'],
  ['homework_help', 'reading_together'],
  ['dutch_practice', 'reading_together'],
  ['childcare', 'parenting'],
  ['elderly_company', 'household_help'],
  ['cleaning', 'household_help'],
  ['moving_help', 'logistics'],
  ['moving_help', 'driving'],
  ['walking_running', 'fitness'],
];

const RELATED = new Map<string, Set<string>>();
for (const [a, b] of RELATED_CATEGORIES) {
  (RELATED.get(a) ?? RELATED.set(a, new Set()).get(a)!).add(b);
  (RELATED.get(b) ?? RELATED.set(b, new Set()).get(b)!).add(a);
}

/** The categories related to `id` (not `id` itself). */
export function relatedTo(id: string): string[] {
  return [...(RELATED.get(id) ?? [])];
}

export function categoriesOf(domain: DomainId): Category[] {
  return CATEGORIES.filter((x) => x.domain === domain);
}

/**
 * Sensitive needs are kept as a flag only, never with details (GDPR special categories and
 * vulnerable people): the resident gets the first-line services of their place instead.
 */
export const SENSITIVE_FLAGS = ['money_debts', 'housing', 'health', 'papers', 'violence', 'food_energy'] as const;
export type SensitiveFlag = (typeof SENSITIVE_FLAGS)[number];
export const SENSITIVE_EMOJI: Record<SensitiveFlag, string> = {
  money_debts: '💶',
  housing: '🏠',
  health: '🩺',
  papers: '🪪',
  violence: '🆘',
  food_energy: '🔥',
};

/** What someone dreams of; later matched against courses, jobs and volunteer spots. */
export const AMBITIONS = ['work', 'training', 'volunteering', 'own_idea', 'meet_people', 'learn_dutch'] as const;
export type Ambition = (typeof AMBITIONS)[number];
export const AMBITION_EMOJI: Record<Ambition, string> = {
  work: '💼',
  training: '🎓',
  volunteering: '🤝',
  own_idea: '💡',
  meet_people: '👋',
  learn_dutch: '🇳🇱',
};

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export const DAY_PART_EMOJI: Record<(typeof DAY_PARTS)[number], string> = {
  morning: '🌅',
  afternoon: '☀️',
  evening: '🌙',
};
/** A slot is `day-part`, e.g. `mon-morning`. */
export const SLOTS: readonly string[] = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}`));

/** The eight launch languages; Dutch is the default. */
export const UI_LANGUAGES = ['nl', 'en', 'fr', 'ar', 'tr', 'uk', 'ro', 'fa'] as const;
export type Lang = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nl';
export const RTL_LANGUAGES: ReadonlySet<Lang> = new Set<Lang>(['ar', 'fa']);

/** Languages people may say they speak: the eight plus others common in the neighbourhoods. */
export const SPOKEN_LANGUAGES = [...UI_LANGUAGES, 'de', 'es', 'ru', 'so', 'ps', 'ber', 'ti', 'ku', 'pl', 'bg'] as const;

/** A channel's locale (`ar-SA`, `fr_BE`, `prs`) → one of the eight, else Dutch. */
export function langFromLocale(locale: string | undefined): Lang {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  if (base === 'prs') return 'fa'; // Dari
  return isLang(base) ? base : DEFAULT_LANG;
}

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (UI_LANGUAGES as readonly string[]).includes(x);
}

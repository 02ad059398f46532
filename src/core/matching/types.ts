/** The matching vocabulary: who is matched, why (structured, renderable in any language). */

export type MatchKind = 'complement' | 'group' | 'ambition';

export type Reason =
  | { readonly code: 'categories'; readonly categories: readonly string[] }
  /** No category in common, but one that serves the other (🔌 electronics repair for 📱 smartphone help). */
  | { readonly code: 'related'; readonly gives: string; readonly wants: string }
  | { readonly code: 'samePlace'; readonly place: string }
  | { readonly code: 'sameNeighbourhood'; readonly neighbourhood: string }
  | { readonly code: 'language'; readonly languages: readonly string[] }
  | { readonly code: 'interpreter' }
  | { readonly code: 'availability'; readonly slots: readonly string[] }
  | { readonly code: 'reciprocity' }
  | { readonly code: 'fresh' }
  | { readonly code: 'ambition'; readonly ambitions: readonly string[]; readonly offerType: string }
  | { readonly code: 'group'; readonly size: number; readonly category: string }
  | { readonly code: 'space'; readonly title: string };

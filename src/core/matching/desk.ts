/** What the matchmaker's cards need: suggestions to show, and the decisions taken on them. */
import type { MatchKind, Reason } from './types.js';

export interface MatchViewMember {
  readonly role: string;
  readonly label: string;
  readonly kind: 'resident' | 'offer';
  readonly answer: 'yes' | 'no' | 'later' | null;
  /** Residents without Telegram (imported from a list) are asked by the matchmaker in person. */
  readonly reachable: boolean;
}

export interface MatchView {
  readonly id: string;
  readonly kind: MatchKind;
  readonly state: string;
  readonly score: number;
  readonly place: string | null;
  readonly placeCode: string | null;
  readonly reasons: Reason[];
  readonly needsInterpreter: boolean;
  readonly meetingNote: string | null;
  readonly members: MatchViewMember[];
}

export interface MatchDesk {
  views(ids: readonly string[]): Promise<MatchView[]>;
  /** `meetingNote`: the moment and place the matchmaker proposes; without it, names and contact are shared. */
  introduce(matchId: string, meetingNote?: string): Promise<boolean>;
  snooze(matchId: string): Promise<boolean>;
  dismiss(matchId: string, reason: string): Promise<boolean>;
  recordCard(matchIds: readonly string[], conversationId: string, activityId: string): Promise<void>;
}

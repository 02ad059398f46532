/** When matchmakers hear of new suggestions: one digest per place and window, not a flood. */

/** Suggestions of one place within this many seconds go into one digest card (0: at once). */
export interface NotifyPolicy {
  readonly digestSeconds: number;
}

/** The window a new suggestion falls in, and when its digest goes out (at once without a window). */
export function digestWindow(now: Date, policy: NotifyPolicy, firstMatchId: string): { bucket: string; notBefore: Date | undefined } {
  const window = policy.digestSeconds * 1000;
  if (window <= 0) return { bucket: `run:${firstMatchId}`, notBefore: undefined };
  const index = Math.floor(now.getTime() / window);
  return { bucket: String(index), notBefore: new Date((index + 1) * window) };
}

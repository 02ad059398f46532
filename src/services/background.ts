/**
 * Work that runs after a reply has gone out (matching after a profile or offer is saved).
 * Tracked so shutdown and tests can wait for it; failures are logged, never thrown at a user.
 */
import type { Logger } from '../logger.js';

export function createBackground(log: Logger) {
  const running = new Set<Promise<void>>();
  return {
    run(what: string, work: () => Promise<unknown>): void {
      const job: Promise<void> = work().then(
        () => undefined,
        (error: unknown) => log.error({ err: error, what }, 'background work failed'),
      );
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    /** Resolves when all work started so far (and what it started) is done. */
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

export type Background = ReturnType<typeof createBackground>;

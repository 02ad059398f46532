/**
 * Scheduled work, declared in one place: retention and the pruning of bookkeeping. Every
 * instance ticks; a run happens only where its claim succeeded (a row in `jobs`), so each job
 * runs once per period across all instances. Follow-ups need no job: they are outbox messages
 * held until their day.
 */
import type { RetentionPolicy } from '../core/retention.js';
import type { Database } from '../db/client.js';
import { claimJob, finishJob } from '../db/repositories/jobs.js';
import { pruneBookkeeping } from '../db/repositories/bookkeeping.js';
import { errorFields, type Logger } from '../logger.js';
import { runRetention } from './retention.js';

export interface Job {
  readonly name: string;
  readonly everySeconds: number;
  /** The first run after the very first start (of any instance). */
  readonly firstAfterSeconds: number;
  run(): Promise<Record<string, number | boolean> | void>;
}

const HOUR = 3600;

/** The app's jobs. */
export function appJobs(db: Database, retention: RetentionPolicy): Job[] {
  return [
    { name: 'prune', everySeconds: HOUR, firstAfterSeconds: 60, run: () => pruneBookkeeping(db) },
    {
      name: 'retention',
      everySeconds: HOUR,
      firstAfterSeconds: 60,
      run: async () => {
        const { skipped, ...counts } = await runRetention(db, retention);
        return skipped ? { skipped: true } : counts;
      },
    },
  ];
}

export interface SchedulerOptions {
  readonly db: Database;
  readonly log: Logger;
  readonly jobs: readonly Job[];
  /** How often an instance looks for due jobs. */
  readonly tickMs?: number;
}

export function createScheduler(options: SchedulerOptions) {
  const { db, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<string[]> = Promise.resolve([]);

  async function runJob(job: Job): Promise<void> {
    try {
      const result = await job.run();
      await finishJob(db, job.name, null);
      if (result && Object.values(result).some(Boolean)) log.info({ job: job.name, ...result }, 'job done');
    } catch (error) {
      log.error({ job: job.name, err: error }, 'job failed');
      const { type, message } = errorFields(error);
      await finishJob(db, job.name, `${type}: ${message.slice(0, 200)}`).catch(() => undefined);
    }
  }

  /** Runs the jobs that are due and claimed here, one after another; returns their names. */
  async function runDue(now: Date = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of options.jobs) {
      const claimed = await claimJob(db, job.name, job.everySeconds, new Date(now.getTime() + job.firstAfterSeconds * 1000));
      if (!claimed) continue;
      await runJob(job);
      ran.push(job.name);
    }
    return ran;
  }

  function tick(): void {
    running = runDue().catch((error: unknown) => {
      log.error({ err: error }, 'job scheduling failed');
      return [];
    });
  }

  return {
    runDue,
    start(): void {
      timer = setInterval(tick, options.tickMs ?? 60_000);
      timer.unref();
      tick();
    },
    /** Stops ticking and waits for the jobs in hand. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

/** Claims of scheduled jobs: whoever moves a due job's `next_run_at` on runs it, everyone else skips. */
import { sql } from 'drizzle-orm';
import { rowsOf, timestamptz, type Executor } from '../client.js';


/**
 * Claims one run of `name` when it is due (its first run is due at `firstRunAt`); the next run is
 * then due `everySeconds` later. True when this caller claimed it.
 */
export async function claimJob(db: Executor, name: string, everySeconds: number, firstRunAt: Date): Promise<boolean> {
  await db.execute(sql`insert into jobs (name, next_run_at) values (${name}, ${timestamptz(firstRunAt)}) on conflict (name) do nothing`);
  const claimed = await db.execute(sql`update jobs set next_run_at = now() + make_interval(secs => ${everySeconds}), last_started_at = now()
    where name = ${name} and next_run_at <= now() returning name`);
  return rowsOf(claimed).length > 0;
}

/** Records how the run ended (the error's class and message only). */
export async function finishJob(db: Executor, name: string, error: string | null): Promise<void> {
  await db.execute(sql`update jobs set last_finished_at = now(), last_error = ${error} where name = ${name}`);
}

/**
 * Scheduled jobs run once per period across instances: whoever claims the job's row runs it,
 * the others skip it until it is due again. On PostgreSQL the two schedulers use two connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { createScheduler, type Job } from '../../src/services/jobs.js';
import { openSecondHandle, openTestDatabase, type TestDatabase } from '../support/db.js';

let test: TestDatabase;
let second: Awaited<ReturnType<typeof openSecondHandle>>;
const log = createLogger('silent');
beforeAll(async () => {
  test = await openTestDatabase();
  second = await openSecondHandle(test);
});
afterAll(async () => {
  await second.close();
  await test.close();
});

function counting(name: string, firstAfterSeconds = 0) {
  const job = { name, everySeconds: 3600, firstAfterSeconds, runs: 0, run: async () => void job.runs++ } satisfies Job & { runs: number };
  return job;
}

describe('jobs', () => {
  it('runs a due job on one instance only, and again only when it is due again', async () => {
    const job = counting('test-once');
    const a = createScheduler({ db: test.handle.db, log, jobs: [job] });
    const b = createScheduler({ db: second.handle.db, log, jobs: [job] });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect([...ranA, ...ranB]).toEqual(['test-once']);
    expect(job.runs).toBe(1);
    expect(await b.runDue()).toEqual([]);

    await test.handle.db.execute(sql`update jobs set next_run_at = now() - interval '1 second' where name = 'test-once'`);
    expect(await b.runDue()).toEqual(['test-once']);
    expect(job.runs).toBe(2);
  });

  it('waits for the first run after the first start, and records a failure without stopping', async () => {
    const later = counting('test-later', 60);
    const failing = { name: 'test-failing', everySeconds: 3600, firstAfterSeconds: 0, run: async () => { throw new Error('boom'); } };
    const scheduler = createScheduler({ db: test.handle.db, log, jobs: [failing, later] });
    expect(await scheduler.runDue()).toEqual(['test-failing']);
    expect(later.runs).toBe(0);
    const [row] = rowsOf<{ last_error: string }>(await test.handle.db.execute(sql`select last_error from jobs where name = 'test-failing'`));
    expect(row!.last_error).toBe('Error: boom');
  });
});

import { runScheduledTasks, type ScheduledTask } from 'shared';
import { captureLogger, InMemoryStateStore } from 'shared/testing';
import request from 'supertest';

import { createApp } from '../src/app';

function task(name: string, everyMinutes: number, run: ScheduledTask['run']): ScheduledTask {
  return { name, everyMinutes, run };
}

describe('POST /job', () => {
  it('when the cron triggers a run, then each due task runs once, a failing task does not stop the next, and the report lists every outcome', async () => {
    const store = new InMemoryStateStore();
    let clock = new Date('2026-05-01T10:00:00Z');
    const cursors: unknown[] = [];
    const tasks = [
      task('boom', 5, async () => {
        throw new Error('Linnworks down');
      }),
      task('counter', 15, async ({ cursor }) => {
        cursors.push(cursor);
        const n = ((cursor as number | undefined) ?? 0) + 1;

        return {
          status: 'completed',
          cursor: n,
          counts: { n },
          warnings: n === 1 ? ['first'] : [],
        };
      }),
    ];
    const deps = { store, tasks, logger: captureLogger().logger, now: () => clock };
    const app = createApp({
      logger: deps.logger,
      run: ({ dryRun }) =>
        runScheduledTasks(deps, { dryRun: dryRun ?? false, timeBudgetMs: 60_000 }),
    });

    const first = await request(app).post('/job');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      flow: 'sync-scheduler',
      status: 'partial',
      counts: { 'counter.n': 1 },
      warnings: ['first'],
      tasks: [
        { name: 'boom', status: 'failed' },
        { name: 'counter', status: 'completed' },
      ],
    });
    expect(first.body.problems[0]).toMatch(/boom failed: .*Linnworks down/);

    // Five minutes on: the failed task runs again at once, the other is not due.
    clock = new Date('2026-05-01T10:05:00Z');
    const second = await request(app).post('/job');
    expect(second.body.tasks).toMatchObject([
      { name: 'boom', status: 'failed' },
      { name: 'counter', status: 'not-due', nextDueAt: '2026-05-01T10:15:00.000Z' },
    ]);

    // Due again: it gets the cursor it handed back; a dry run saves nothing.
    clock = new Date('2026-05-01T10:15:00Z');
    await request(app).post('/job?dryRun=true');
    await request(app).post('/job');
    expect(cursors).toEqual([undefined, 1, 1]);
  });
});

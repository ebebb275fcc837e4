import type { Stack } from '../stack/stack';
import { adminFor, operatorAuth } from './failure-steps';
import { check, type Story } from './story';
import { runJob } from './warehouse-steps';

interface CheckView {
  name: string;
  status: 'UP' | 'DOWN';
  message?: string;
}

/**
 * What an operator sees right after `npm start` once the jobs have run: `/service/status` is
 * `ok`. The apps' token holds exactly the documented scopes and the front applies commercetools'
 * scope rules, so every scope check is up only if the documented list is right.
 */
export async function statusStep(stack: Stack, story: Story): Promise<void> {
  await story.step('After the first job runs, /service/status answers ok', async () => {
    await runJob(stack, 'fulfillment-sync');
    // The scheduler's backstop: every order reached Linnworks through its message, none missing.
    await runJob(stack, 'sync-scheduler');
    const res = await adminFor(stack).call<{ status: string; checks: CheckView[] }>(
      'GET',
      '/status',
      await operatorAuth(stack),
    );
    const down = (res.body.checks ?? []).filter((c) => c.status !== 'UP');
    check(
      res.status === 200 && res.body.status === 'ok',
      `status ${res.body.status} (${res.status}): ${down.map((c) => `${c.name}: ${c.message ?? 'down'}`).join('; ')}`,
    );

    return `ok: ${res.body.checks.length} checks up, scopes of every app included`;
  });
}

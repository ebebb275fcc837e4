// `npm run drills`: fault drills on the local stack; each states what it injects and what must hold.
import os from 'node:os';
import path from 'node:path';

import { operatorAuth, reconcile } from '../demo/failure-steps';
import { logHygieneStep } from '../demo/hygiene';
import { Story } from '../demo/story';
import { startStack } from '../stack/stack';
import { alertDrills } from './alert-drills';
import { burstDrill } from './burst-drill';
import { deliveryDrills } from './delivery-drills';
import { faultDrills } from './fault-drills';
import { fourAppsDrill } from './four-apps-drill';
import { restartDrill } from './restart-drill';
import { securityProbes } from './security-probes';

const RECONCILE_SHARES = {
  'order-sync': {
    'Orders/GetOrderDetailsByReferenceId': 60,
    'Orders/CreateOrders': 20,
    'Orders/GetOrdersById': 60,
  },
  'fulfillment-sync': { 'Orders/GetOrdersById': 60 },
  'sync-scheduler': { 'Orders/GetOrderDetailsByReferenceId': 10, 'Orders/CreateOrders': 5 },
  // The alert flood's replay creates each order and reads it back (GetOrdersById) once.
  'sync-admin': {
    'Orders/GetOrderDetailsByReferenceId': 170,
    'Orders/CreateOrders': 120,
    'Orders/GetOrdersById': 120,
  },
};

async function main(): Promise<number> {
  const logDir = path.join(os.tmpdir(), 'ct-linnworks-sandbox', `drills-${Date.now()}`);
  console.log('Starting the local stack for the drills...');
  // Rate limits on: the documented per-minute limits of Linnworks apply throughout.
  // The alert flood replays 100 orders through sync-admin, and the closing reconciliation compares
  // every order of the last hour, one lookup each: the operator moves create and lookup budget to
  // sync-admin, as docs/operations.md describes (by default 25 creates and 26 lookups a minute).
  // Sums stay within the documented limits, so the drills still see no 429.
  const stack = await startStack({
    logDir,
    pumpIntervalMs: 0,
    cronIntervalMs: 0,
    extraEnv: { LINNWORKS_RATE_SHARES: JSON.stringify(RECONCILE_SHARES) },
  });
  const story = new Story('Drills');
  const started = Date.now();
  try {
    await story.step('Baseline: first stock sweep', async () => {
      const run = await stack.cron.trigger('stock-sync');

      return `stock-sync ${String(run.report.status)} in ${run.durationMs} ms`;
    });
    await faultDrills(stack, story);
    await alertDrills(stack, story);
    await deliveryDrills(stack, story);
    await restartDrill(stack, story);
    await fourAppsDrill(stack, story);
    await story.step(
      'Afterwards: reconciliation (sync-admin) shows both systems agree',
      async () => {
        await stack.cron.trigger('fulfillment-sync');

        return reconcile(stack, await operatorAuth(stack));
      },
    );
    // After the reconciliation (it compares every order of the last hour, one lookup each).
    await burstDrill(stack, story);
    await securityProbes(stack, story);
    await logHygieneStep(stack, story);
  } finally {
    await stack.stop();
  }
  console.log(story.summary());
  console.log(
    `\nDrills took ${((Date.now() - started) / 1000).toFixed(0)} s. All log output: ${stack.logs.file ?? '(not written)'}`,
  );

  return story.ok ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('The drills could not run:', error);
    process.exit(1);
  });

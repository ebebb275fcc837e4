// `npm run demo`: the connector's story on the local stack, every step checked.
import os from 'node:os';
import path from 'node:path';

import type { Order } from '@commercetools/platform-sdk';

import { startStack } from '../stack/stack';
import { editSteps } from './edit-steps';
import { failureQueueSteps } from './failure-steps';
import { logHygieneStep } from './hygiene';
import { orderSteps } from './order-steps';
import { statusStep } from './status-step';
import { fulfilmentSteps, stockStep } from './warehouse-steps';
import { Story } from './story';

async function main(): Promise<number> {
  const logDir = path.join(os.tmpdir(), 'ct-linnworks-sandbox', `demo-${Date.now()}`);
  console.log(
    'Starting the local stack (commercetools test server, Linnworks emulator, five apps)...',
  );
  const stack = await startStack({ logDir, pumpIntervalMs: 500, cronIntervalMs: 0 });
  const story = new Story('Demo');
  try {
    const orders = new Map<string, Order>();
    await orderSteps(stack, story, orders);
    await editSteps(stack, story, orders);
    await stockStep(stack, story);
    await statusStep(stack, story);
    await fulfilmentSteps(stack, story, orders);
    await failureQueueSteps(stack, story);
    await logHygieneStep(stack, story);
  } finally {
    await stack.stop();
  }
  console.log(story.summary());
  console.log(`\nAll log output: ${stack.logs.file ?? '(not written)'}`);

  return story.ok ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('The demo could not run:', error);
    process.exit(1);
  });

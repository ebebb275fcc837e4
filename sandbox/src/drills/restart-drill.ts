import { check, type Story } from '../demo/story';
import type { Stack } from '../stack/stack';
import { stockDifferences } from '../demo/checks';
import { WAREHOUSES } from '../seed/catalog';
import { stockConverges } from './fault-drills';

const EXTRA_SKUS = 1000;

async function inParallel<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/**
 * A killed run's lease expires after its TTL (time budget + 5 min); the drill moves the expiry
 * into the past instead of waiting.
 */
async function expireLease(stack: Stack): Promise<void> {
  const lock = await stack.ct
    .customObjects()
    .withContainerAndKey({ container: 'lw-connector-locks', key: 'stock-sync' })
    .get()
    .execute()
    .catch(() => undefined);
  if (!lock) return;
  const value = { ...(lock.body.value as object), expiresAt: new Date(0).toISOString() };
  await stack.ct
    .customObjects()
    .post({
      body: {
        container: 'lw-connector-locks',
        key: 'stock-sync',
        version: lock.body.version,
        value,
      },
    })
    .execute();
}

function inventoryWrites(stack: Stack): number {
  const w = stack.front.writes();

  return (w['POST inventory'] ?? 0) + (w['POST inventory/:id'] ?? 0);
}

/**
 * stock-sync killed (SIGKILL) in the middle of a large first sweep, restarted, run again: the
 * restarted run resumes from what is already stored (its snapshot and the entries commercetools
 * holds) and every inventory entry is written exactly once over both runs.
 */
export async function restartDrill(stack: Stack, story: Story): Promise<void> {
  await story.step(
    `Job killed mid-run and restarted (stock-sync, ${EXTRA_SKUS} new SKUs × 3 locations) → nothing written twice`,
    async () => {
      // Earlier drills moved catalogue stock (orders allocate it): settle that first, so every
      // write counted below belongs to the new SKUs.
      await expireLease(stack);
      await stockConverges(stack);
      const skus = Array.from(
        { length: EXTRA_SKUS },
        (_, i) => `BULK-${String(i).padStart(5, '0')}`,
      );
      await inParallel(skus, 8, (sku) =>
        stack.ct
          .products()
          .post({
            body: {
              key: sku.toLowerCase(),
              name: { en: `Bulk item ${sku}` },
              slug: { en: sku.toLowerCase() },
              productType: { typeId: 'product-type', key: 'outdoor-goods' },
              taxCategory: { typeId: 'tax-category', key: 'standard' },
              masterVariant: { sku },
              publish: true,
            },
          })
          .execute(),
      );
      stack.emulator.control.seedItems(
        skus.map((sku, i) => ({
          sku,
          stock: { Default: 5 + (i % 7), Manchester: i % 4, Berlin: 10 + (i % 3) },
        })),
      );
      const expected = EXTRA_SKUS * WAREHOUSES.length;
      await expireLease(stack);
      stack.front.resetWrites();
      let finished: string | undefined;
      const run = stack.cron
        .trigger('stock-sync')
        .then((r) => {
          finished = `${r.status} ${String(r.report.status)} ${String(r.report.reason ?? '')}`;
        })
        .catch(() => undefined);
      const deadline = Date.now() + 120_000;
      while (inventoryWrites(stack) < expected / 3 && Date.now() < deadline && !finished) {
        await new Promise((r) => setTimeout(r, 20));
      }
      check(!finished, `the run ended before it could be killed: ${finished ?? ''}`);
      const app = stack.apps['stock-sync'];
      await app.kill();
      await run;
      const beforeRestart = inventoryWrites(stack);
      check(
        beforeRestart > 0 && beforeRestart < expected,
        `killed after ${beforeRestart} of ${expected} writes: not mid-run`,
      );
      await expireLease(stack);
      await app.start();
      const resumed = await stack.cron.trigger('stock-sync');
      check(
        resumed.status === 200 && resumed.report.status === 'completed',
        `restarted run: ${resumed.status} ${String(resumed.report.status)} ${String(resumed.report.reason ?? '')}`,
      );
      const total = inventoryWrites(stack);
      const diffs = await stockDifferences(stack.ct, stack.emulator.control);
      check(diffs.length === 0, `catalogue stock differs: ${diffs.slice(0, 3).join('; ')}`);
      const entries = (
        await stack.ct
          .inventory()
          .get({ queryArgs: { where: 'sku like "BULK-%"', limit: 1 } })
          .execute()
          .catch(() => undefined)
      )?.body.total;
      check(total === expected, `${total} inventory writes over both runs for ${expected} entries`);

      return `killed after ${beforeRestart}/${expected} inventory writes; restarted run completed with ${total - beforeRestart} more: ${total} writes for ${expected} entries (none twice)${entries ? `, ${entries} entries` : ''}`;
    },
  );
}

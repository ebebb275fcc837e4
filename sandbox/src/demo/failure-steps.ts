import type { Order } from '@commercetools/platform-sdk';

import { NEW_ARRIVAL } from '../seed/catalog';
import type { Stack } from '../stack/stack';
import { AdminClient } from './admin-client';
import { getOrder, linnworksOrdersFor } from './checks';
import { placeOrder } from './place-order';
import { check, type Story, waitFor } from './story';

interface FailureItem {
  id: string;
  flow: string;
  reasonCode: string;
  field?: string;
  status: string;
  correlationId?: string;
  ref: { type: string; id: string };
}

export function adminFor(stack: Stack): AdminClient {
  return new AdminClient(stack.apps['sync-admin'].url, stack.front.url);
}

/** The operator's bearer header (a real commercetools token with manage_orders on the project). */
export async function operatorAuth(stack: Stack): Promise<string> {
  return `Bearer ${await adminFor(stack).token(`manage_orders:${stack.projectKey}`)}`;
}

export async function pendingFailures(
  stack: Stack,
  auth: string,
  flow: string,
): Promise<FailureItem[]> {
  const res = await adminFor(stack).call<{ items: FailureItem[] }>(
    'GET',
    `/failures?flow=${flow}&status=pending`,
    auth,
  );
  check(res.status === 200, `GET /failures answered ${res.status}`);

  return res.body.items;
}

export async function failureQueueSteps(stack: Stack, story: Story): Promise<void> {
  const admin = adminFor(stack);
  const orders: Order[] = [];
  let auth = '';
  const sku = NEW_ARRIVAL.variants[0]?.sku ?? '';

  await story.step(
    'Unknown SKU and invalid address land in the failure queue (sync-admin)',
    async () => {
      auth = await operatorAuth(stack);
      const put = (typeId: string, resource: object) =>
        stack.ctServer.unsafeAdd(stack.projectKey, typeId, resource);
      orders.push(
        await placeOrder(
          stack.ct,
          {
            orderNumber: 'CT-2001',
            store: 'uk-store',
            customer: 'cust-amelia',
            shipping: 'standard',
            lines: [
              { sku, quantity: 1 },
              { sku: 'MUG-ENM-GRN', quantity: 1 },
            ],
          },
          put,
        ),
        await placeOrder(
          stack.ct,
          {
            orderNumber: 'CT-2002',
            store: 'uk-store',
            customer: 'cust-priya',
            shipping: 'standard',
            lines: [{ sku: 'BTL-STL-750', quantity: 1 }],
            address: { postalCode: undefined },
          },
          put,
        ),
      );
      await stack.pump.poll();
      const items = await waitFor('two order-sync failures', async () => {
        const pending = await pendingFailures(stack, auth, 'order-sync');
        const ours = pending.filter((f) => orders.some((o) => o.id === f.ref.id));

        return ours.length === 2 ? ours : undefined;
      });
      const reasons = items.map((f) => `${f.reasonCode} (${f.field ?? '?'})`).sort();
      check(
        reasons.some((r) => r.startsWith('SKU_UNKNOWN')),
        `reasons: ${reasons.join(', ')}`,
      );
      check(
        reasons.some((r) => r.startsWith('ADDRESS_POSTCODE_MISSING')),
        `reasons: ${reasons.join(', ')}`,
      );
      check(
        items.every((f) => typeof f.correlationId === 'string'),
        'every failure carries its correlation ID',
      );
      for (const o of orders)
        check(
          linnworksOrdersFor(stack.emulator.control, o).length === 0,
          `${o.orderNumber ?? ''} reached Linnworks`,
        );

      return `GET /service/failures: ${reasons.join('; ')}; nothing sent to Linnworks`;
    },
  );

  await story.step('Data fixed, replayed through sync-admin: each created once', async () => {
    const variant = NEW_ARRIVAL.variants[0];
    stack.emulator.control.seedItems([
      { sku, title: NEW_ARRIVAL.name, barcode: variant?.ean ?? '', stock: { Default: 20 } },
    ]);
    const current = await getOrder(stack.ct, orders[1]?.id ?? '');
    await stack.ct
      .orders()
      .withId({ ID: current.id })
      .post({
        body: {
          version: current.version,
          actions: [
            {
              action: 'setShippingAddress',
              address: { ...current.shippingAddress, postalCode: 'M4 6EF', country: 'GB' },
            },
          ],
        },
      })
      .execute();
    const dry = await admin.call<{ counts: Record<string, number> }>('POST', '/replay', auth, {
      flow: 'order-sync',
      dryRun: true,
    });
    check(
      dry.status === 200 && dry.body.counts['would-replay'] === 2,
      `dry run: ${dry.status} ${JSON.stringify(dry.body.counts)}`,
    );
    const replay = await admin.call<{ counts: Record<string, number> }>('POST', '/replay', auth, {
      flow: 'order-sync',
    });
    check(
      replay.status === 200 && replay.body.counts.resolved === 2,
      `replay: ${replay.status} ${JSON.stringify(replay.body)}`.slice(0, 300),
    );
    const again = await admin.call<{ counts: Record<string, number> }>('POST', '/replay', auth, {
      flow: 'order-sync',
    });
    check(
      again.status === 200 && (again.body.counts.resolved ?? 0) === 0,
      `second replay resolved ${again.body.counts.resolved ?? 0}`,
    );
    for (const o of orders) {
      const lw = linnworksOrdersFor(stack.emulator.control, o);
      check(lw.length === 1, `${o.orderNumber ?? ''}: ${lw.length} Linnworks orders after replay`);
    }
    const left = (await pendingFailures(stack, auth, 'order-sync')).filter((f) =>
      orders.some((o) => o.id === f.ref.id),
    );
    check(left.length === 0, `${left.length} failures still pending`);

    return `item added in Linnworks, postcode set in commercetools; dry run would replay 2, replay resolved 2, a second replay 0; one Linnworks order each`;
  });
}

interface ReconcileBody {
  orders?: {
    checked?: number;
    discrepancies?: Array<{ kind: string; reference?: string }>;
    unavailable?: string;
  };
  stock?: {
    checkedSkus?: number;
    discrepancies?: Array<{ kind: string; sku?: string }>;
    unavailable?: string;
  };
}

/** Runs sync-admin's reconciliation (orders and stock) and fails unless nothing differs. */
export async function reconcile(stack: Stack, auth: string): Promise<string> {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const res = await adminFor(stack).call<ReconcileBody>('POST', '/reconcile', auth, {
    orders: { from, to, limit: 200 },
    stock: { limit: 200 },
  });
  check(
    res.status === 200,
    `POST /reconcile answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`,
  );
  const { orders, stock } = res.body;
  check(
    !orders?.unavailable && !stock?.unavailable,
    `reconciliation unavailable: ${orders?.unavailable ?? stock?.unavailable ?? ''}`,
  );
  const diffs = [
    ...(orders?.discrepancies ?? []).map((d) => `${d.kind} ${d.reference ?? ''}`),
    ...(stock?.discrepancies ?? []).map((d) => `${d.kind} ${d.sku ?? ''}`),
  ];
  check(
    diffs.length === 0,
    `differences: ${diffs.slice(0, 8).join('; ')}${diffs.length > 8 ? ` (+${diffs.length - 8})` : ''}`,
  );

  return `${orders?.checked ?? 0} orders and ${stock?.checkedSkus ?? 0} SKUs compared: no difference`;
}

import type { Order } from '@commercetools/platform-sdk';

import { FailureQueue } from '../../../src/state/failure-queue';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';
import { KnownSkuCache } from '../../../src/flows/order-sync/known-sku.cache';
import { type LinnworksApi } from '../../../src/linnworks/linnworks-api.port';
import {
  type LinnworksChannelOrder,
  type LinnworksOrderDetails,
} from '../../../src/linnworks/linnworks-types';
import { OrderStateRepo } from '../../../src/flows/order-sync/order-state.contract';
import { type OrderSyncSettings } from '../../../src/flows/order-sync/order-sync.settings';
import { type OrderSyncDeps } from '../../../src/flows/order-sync/order-sync.deps';
import { PermanentUpstreamError, RetryableUpstreamError } from '../../../src/errors/errors';
import { syncOrder } from '../../../src/flows/order-sync/sync-order.use-case';
import { captureLogger } from '../../../testing';
import { buildCtOrder } from '../../../testing/builders/ct-order.builder';
import { testOrderSyncSettings } from '../../../testing/builders/order-sync-settings';

const settings = testOrderSyncSettings();

/** A Linnworks fake keeping created orders by reference; `fail` makes CreateOrders throw. */
function fakeLinnworks(fail?: Error) {
  const created: LinnworksChannelOrder[] = [];
  const api = {
    createOrders: async ({ orders }: { orders: LinnworksChannelOrder[] }) => {
      if (fail) throw fail;
      created.push(...orders);

      return orders.map((_o, i) => `lw-${created.length - orders.length + i + 1}`);
    },
    getOrderDetailsByReferenceId: async (): Promise<LinnworksOrderDetails[]> => [],
    // CreateOrders' ids are read back and matched to the commercetools order they carry.
    getOrdersById: async ({ orderIds }: { orderIds: string[] }) =>
      orderIds.map((id) => {
        const o = created[Number(id.slice('lw-'.length)) - 1];
        const GeneralInfo = {
          Source: o?.Source,
          SecondaryReference: o?.SecondaryReferenceNumber,
          ExternalReferenceNum: o?.ExternalReference,
          Status: o?.PaymentStatus === 'Paid' ? 1 : 0,
        };

        return { OrderId: id, GeneralInfo } as unknown as LinnworksOrderDetails;
      }),
    getStockItemIdsBySku: async () => [],
  } as unknown as LinnworksApi;

  return { api, created };
}

function depsFor(
  order: Order | undefined,
  linnworks: LinnworksApi,
  s: Partial<OrderSyncSettings> = {},
) {
  const store = new InMemoryStateStore();
  const recorded: string[] = [];
  const deps: OrderSyncDeps = {
    ct: {
      getOrder: async () => order,
      recordLinnworksOrderId: async (_o, id) => {
        recorded.push(id);
      },
      findOrdersModified: async () => [],
      findOrderIdByPayment: async () => undefined,
      linnworksChannelId: async () => undefined,
    },
    linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store),
    settings: { ...settings, ...s },
    logger: captureLogger().logger,
    knownSkus: new KnownSkuCache(),
  };

  return { deps, recorded };
}

const order = buildCtOrder({
  id: 'o-1',
  orderNumber: 'N-1',
  lines: [{ quantity: 1, unitCents: 1000, ratePercent: 19 }],
});

describe('syncOrder', () => {
  it('when Linnworks is unavailable, then the retryable error propagates (503) and nothing is recorded', async () => {
    const lw = fakeLinnworks(new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'busy'));
    const { deps } = depsFor(order, lw.api);
    await expect(syncOrder(deps, 'o-1')).rejects.toBeInstanceOf(RetryableUpstreamError);
    expect(await deps.states.get('o-1')).toBeUndefined();
    expect((await deps.failures.list()).total).toBe(0);
  });

  it('when Linnworks refuses the order, then it is rejected with LINNWORKS_REJECTED and recorded', async () => {
    const lw = fakeLinnworks(
      new PermanentUpstreamError('LINNWORKS_REJECTED', 'The request is invalid.'),
    );
    const { deps } = depsFor(order, lw.api);
    const result = await syncOrder(deps, 'o-1');
    expect(result).toMatchObject({ outcome: 'rejected', reasonCode: 'LINNWORKS_REJECTED' });
    expect((await deps.failures.list()).items[0]).toMatchObject({
      reasonCode: 'LINNWORKS_REJECTED',
      ref: { type: 'order', id: 'o-1' },
    });
  });

  it('when only paid orders sync and the order is unpaid, then it is skipped without any write', async () => {
    const lw = fakeLinnworks();
    const { deps } = depsFor(
      buildCtOrder({
        id: 'o-2',
        lines: [{ quantity: 1, unitCents: 100, ratePercent: 0 }],
        paymentState: 'BalanceDue',
      }),
      lw.api,
      { paidOnly: true },
    );
    expect(await syncOrder(deps, 'o-2')).toEqual({
      outcome: 'skipped',
      action: 'awaiting-payment',
    });
    expect(lw.created).toHaveLength(0);
    expect(await deps.states.get('o-2')).toBeUndefined();
  });

  it('when the order belongs to a store that does not sync, then it is ignored', async () => {
    const lw = fakeLinnworks();
    const { deps } = depsFor(
      buildCtOrder({
        id: 'o-3',
        storeKey: 'b2b',
        lines: [{ quantity: 1, unitCents: 100, ratePercent: 0 }],
      }),
      lw.api,
      { stores: ['web'] },
    );
    expect(await syncOrder(deps, 'o-3')).toEqual({
      outcome: 'ignored',
      action: 'store-not-synced',
    });
    expect(lw.created).toHaveLength(0);
  });

  it('when the order no longer exists, then the message is ignored', async () => {
    const { deps } = depsFor(undefined, fakeLinnworks().api);
    expect(await syncOrder(deps, 'gone')).toEqual({
      outcome: 'ignored',
      action: 'order-not-found',
    });
  });

  it('when an order already synced is replayed as a dry run, then nothing is sent or written and it reports already synced', async () => {
    const lw = fakeLinnworks();
    const { deps, recorded } = depsFor(order, lw.api);
    expect(await syncOrder(deps, 'o-1')).toEqual({
      outcome: 'processed',
      action: 'created',
      linnworksOrderId: 'lw-1',
    });
    expect(await syncOrder(deps, 'o-1', { dryRun: true })).toMatchObject({
      outcome: 'skipped',
      action: 'already-synced',
    });
    expect(lw.created).toHaveLength(1);
    expect(recorded).toEqual(['lw-1']);
  });
});

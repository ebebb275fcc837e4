import { FailureQueue } from '../../../src/state/failure-queue';
import { InMemoryStateStore } from '../../../testing/stand-ins/in-memory-state-store';
import { KnownSkuCache } from '../../../src/flows/order-sync/known-sku.cache';
import { type LinnworksApi } from '../../../src/linnworks/linnworks-api.port';
import { type LinnworksOrderDetails } from '../../../src/linnworks/linnworks-types';
import { OrderStateRepo } from '../../../src/flows/order-sync/order-state.contract';
import { type OrderSyncDeps } from '../../../src/flows/order-sync/order-sync.deps';
import { syncOrder } from '../../../src/flows/order-sync/sync-order.use-case';
import { captureLogger } from '../../../testing';
import { buildCtOrder } from '../../../testing/builders/ct-order.builder';
import { testOrderSyncSettings } from '../../../testing/builders/order-sync-settings';

const settings = testOrderSyncSettings();

/**
 * One unpaid, parked Linnworks order. CreateOrders updates it but (as nothing documented says
 * otherwise) changes neither status nor park state; ChangeStatus and ChangeOrderTag do, unless
 * told to refuse.
 */
function linnworksWithUnpaidOrder(refuse: { status?: boolean; tag?: boolean } = {}) {
  const general = { Status: 0, IsParked: true };
  const calls: string[] = [];
  const api = {
    createOrders: async () => {
      calls.push('createOrders');

      return ['lw-1'];
    },
    getOrdersById: async (): Promise<LinnworksOrderDetails[]> => {
      calls.push('getOrdersById');

      return [
        {
          OrderId: 'lw-1',
          NumOrderId: 100001,
          Processed: false,
          GeneralInfo: { ...general },
        } as unknown as LinnworksOrderDetails,
      ];
    },
    changeStatus: async ({ status }: { status: number }) => {
      calls.push(`changeStatus:${status}`);
      if (refuse.status) return [];
      general.Status = status;

      return ['lw-1'];
    },
    changeOrderTag: async ({ tag }: { tag: number | null }) => {
      calls.push(`changeOrderTag:${String(tag)}`);
      if (refuse.tag) return [];
      general.IsParked = tag === 7;

      return ['lw-1'];
    },
  } as unknown as LinnworksApi;

  return { api, calls, general };
}

async function createdUnpaid(linnworks: LinnworksApi) {
  const store = new InMemoryStateStore();
  const deps: OrderSyncDeps = {
    ct: {
      getOrder: async () => order,
      recordLinnworksOrderId: async () => undefined,
      findOrdersModified: async () => [],
      findOrderIdByPayment: async () => undefined,
      linnworksChannelId: async () => undefined,
    },
    linnworks,
    states: new OrderStateRepo(store),
    failures: new FailureQueue(store),
    settings,
    logger: captureLogger().logger,
    knownSkus: new KnownSkuCache(),
  };
  await deps.states.put({
    ctOrderId: 'o-1',
    linnworksOrderId: 'lw-1',
    linnworksReference: 'N-1',
    status: 'created',
    paid: false,
    lastOrderVersion: 1,
    attempts: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
  });

  return deps;
}

const order = buildCtOrder({
  id: 'o-1',
  orderNumber: 'N-1',
  lines: [{ quantity: 3, unitCents: 1000, discountCents: 1, ratePercent: 19 }],
});

describe('paid later: an order created unpaid in Linnworks is paid in commercetools', () => {
  it('when the payment arrives, then the order is re-sent, set PAID with ChangeStatus, un-parked with ChangeOrderTag(null) and checked', async () => {
    const lw = linnworksWithUnpaidOrder();
    const deps = await createdUnpaid(lw.api);
    const result = await syncOrder(deps, 'o-1');
    expect(result).toMatchObject({ outcome: 'processed', action: 'marked-paid' });
    expect(lw.calls).toEqual([
      'createOrders',
      'getOrdersById',
      'changeStatus:1',
      'changeOrderTag:null',
      'getOrdersById',
    ]);
    expect(lw.general).toEqual({ Status: 1, IsParked: false });
    expect((await deps.states.get('o-1'))?.value.paid).toBe(true);
  });

  it('when Linnworks leaves the order parked, then the sync fails loudly: recorded under the order, state still unpaid', async () => {
    const lw = linnworksWithUnpaidOrder({ tag: true });
    const deps = await createdUnpaid(lw.api);
    const result = await syncOrder(deps, 'o-1');
    expect(result).toMatchObject({
      outcome: 'rejected',
      action: 'mark-paid-refused',
      reasonCode: 'LINNWORKS_MARK_PAID_REFUSED',
    });
    expect(result.message).toMatch(/order 100001 is still parked after ChangeOrderTag/);
    expect((await deps.failures.list()).items[0]).toMatchObject({
      reasonCode: 'LINNWORKS_MARK_PAID_REFUSED',
      field: 'paymentState',
      ref: { type: 'order', id: 'o-1' },
    });
    expect((await deps.states.get('o-1'))?.value).toMatchObject({ status: 'created', paid: false });
  });

  it('when Linnworks keeps the order unpaid, then the refusal names the status it kept', async () => {
    const lw = linnworksWithUnpaidOrder({ status: true });
    const deps = await createdUnpaid(lw.api);
    const result = await syncOrder(deps, 'o-1');
    expect(result.message).toMatch(/still has status 0 after ChangeStatus/);
  });

  it('when a refused order is synced again and Linnworks now accepts, then the failure is resolved', async () => {
    const refusing = linnworksWithUnpaidOrder({ tag: true });
    const deps = await createdUnpaid(refusing.api);
    await syncOrder(deps, 'o-1');
    deps.linnworks = linnworksWithUnpaidOrder().api;
    expect(await syncOrder(deps, 'o-1')).toMatchObject({ action: 'marked-paid' });
    expect((await deps.failures.list({ status: 'pending' })).total).toBe(0);
  });
});

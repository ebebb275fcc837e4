import type { Order } from '@commercetools/platform-sdk';

import { PermanentUpstreamError, RetryableUpstreamError } from '../../../src/errors/errors';
import {
  type CreateRequest,
  sendCreateBatch,
} from '../../../src/flows/order-sync/create-batch.send';
import type { OrderSyncDeps } from '../../../src/flows/order-sync/order-sync.deps';
import type { LinnworksApi } from '../../../src/linnworks/linnworks-api.port';
import type {
  LinnworksChannelOrder,
  LinnworksOrderDetails,
} from '../../../src/linnworks/linnworks-types';
import { captureLogger } from '../../../testing';
import { testOrderSyncSettings } from '../../../testing/builders/order-sync-settings';

interface Saved {
  id: string;
  order: LinnworksChannelOrder;
}

/**
 * Linnworks as reference §3.1 documents CreateOrders: a paid duplicate (same Source, SubSource,
 * ReferenceNumber) is skipped and omitted from the result; a batch holding an order whose
 * reference starts with `BAD` is refused whole (400), as Linnworks names no order in its errors.
 * Results come back in reverse order, to prove nothing relies on positions.
 */
function fakeLinnworks(options: { fail?: Error } = {}) {
  const saved: Saved[] = [];
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const detailsOf = (s: Saved) =>
    ({
      OrderId: s.id,
      GeneralInfo: {
        Source: s.order.Source,
        SubSource: s.order.SubSource,
        ReferenceNum: s.order.ReferenceNumber,
        SecondaryReference: s.order.SecondaryReferenceNumber,
        ExternalReferenceNum: s.order.ExternalReference,
        Status: 1,
      },
    }) as unknown as LinnworksOrderDetails;
  const api = {
    createOrders: async ({ orders }: { orders: LinnworksChannelOrder[] }) => {
      count('createOrders');
      if (options.fail) throw options.fail;
      if (orders.some((o) => o.ReferenceNumber.startsWith('BAD'))) {
        throw new PermanentUpstreamError('LINNWORKS_BAD_REQUEST', 'The request is invalid.');
      }
      const ids: string[] = [];
      for (const order of orders) {
        if (saved.some((s) => s.order.ReferenceNumber === order.ReferenceNumber)) continue;
        const id = `lw-${saved.length + 1}`;
        saved.push({ id, order });
        ids.push(id);
      }

      return ids.reverse();
    },
    getOrdersById: async ({ orderIds }: { orderIds: string[] }) => {
      count('getOrdersById');

      return saved.filter((s) => orderIds.includes(s.id)).map(detailsOf);
    },
    getOrderDetailsByReferenceId: async ({ referenceId }: { referenceId: string }) => {
      count('getOrderDetailsByReferenceId');

      return saved.filter((s) => s.order.SecondaryReferenceNumber === referenceId).map(detailsOf);
    },
  } as unknown as LinnworksApi;

  return { api, saved, calls };
}

function depsWith(linnworks: LinnworksApi): OrderSyncDeps {
  return {
    linnworks,
    settings: testOrderSyncSettings(),
    logger: captureLogger().logger,
  } as unknown as OrderSyncDeps;
}

function request(ref: string): CreateRequest {
  const id = `ct-${ref}`;

  return {
    order: { id } as Order,
    payload: {
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      ReferenceNumber: ref,
      ExternalReference: id,
      SecondaryReferenceNumber: id,
    } as LinnworksChannelOrder,
  };
}

describe('sendCreateBatch', () => {
  it('when a batch is created, then each order gets its own Linnworks order with one create and one read for the batch', async () => {
    const lw = fakeLinnworks();
    const requests = ['R-1', 'R-2', 'R-3'].map(request);

    const outcomes = await sendCreateBatch(depsWith(lw.api), 'Default', requests);

    const ids = outcomes.map((o) => (o.ok ? o.value.GeneralInfo.ReferenceNum : 'failed'));
    expect(ids).toEqual(['R-1', 'R-2', 'R-3']);
    expect(lw.calls).toEqual({ createOrders: 1, getOrdersById: 1 });
  });

  it('when one order of a batch is refused, then its batch-mates are created and only it fails', async () => {
    const lw = fakeLinnworks();
    const refs = ['R-1', 'R-2', 'BAD-3', 'R-4', 'R-5', 'R-6', 'R-7', 'R-8'];

    const outcomes = await sendCreateBatch(depsWith(lw.api), 'Default', refs.map(request));

    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, true, true, true, true]);
    const refused = outcomes[2];
    expect(refused?.ok === false && refused.error).toBeInstanceOf(PermanentUpstreamError);
    expect(lw.saved.map((s) => s.order.ReferenceNumber).sort()).toEqual(
      refs.filter((r) => r !== 'BAD-3').sort(),
    );
    // Halving: 1 + 2 + 2 + 2 calls, not one per order.
    expect(lw.calls.createOrders).toBeLessThanOrEqual(7);
  });

  it('when an order was already created (a paid duplicate, omitted from the result), then the lookup finds it and nothing is created twice', async () => {
    const lw = fakeLinnworks();
    const deps = depsWith(lw.api);
    await sendCreateBatch(deps, 'Default', [request('R-2')]);

    const outcomes = await sendCreateBatch(deps, 'Default', ['R-1', 'R-2'].map(request));

    expect(outcomes.map((o) => o.ok && o.value.OrderId)).toEqual(['lw-2', 'lw-1']);
    expect(lw.saved).toHaveLength(2);
    expect(lw.calls.getOrderDetailsByReferenceId).toBe(1);
  });

  it('when Linnworks fails retryably, then every order of the batch is to be retried', async () => {
    const busy = new RetryableUpstreamError('LINNWORKS_UNAVAILABLE', 'busy');
    const lw = fakeLinnworks({ fail: busy });

    const outcomes = await sendCreateBatch(
      depsWith(lw.api),
      'Default',
      ['R-1', 'R-2'].map(request),
    );

    expect(outcomes).toEqual([
      { ok: false, error: busy },
      { ok: false, error: busy },
    ]);
    expect(lw.calls).toEqual({ createOrders: 1 });
  });
});

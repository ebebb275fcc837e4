import type { Order } from '@commercetools/platform-sdk';
import {
  createCtApi,
  type CtApi,
  createFulfillmentSync,
  CtStateStore,
  FailureQueue,
  type FulfillmentSync,
  type FulfillmentSyncSettings,
  LinnworksClient,
  type LinnworksConfig,
  type Logger,
  ORDER_STATE_CONTAINER,
  type OrderState,
} from 'shared';
import { unlimitedRateBudget, importOrder, seedCatalogue } from 'shared/testing';

import {
  type RunningLinnworksEmulator,
  startLinnworksEmulator,
} from '../../linnworks-emulator/src';

export const SKUS = ['SKU-1', 'SKU-2'];

/** The settings the emulator worlds start from; a test or bench changes what it is about. */
export const worldSettings: FulfillmentSyncSettings = {
  source: 'COMMERCETOOLS',
  progressRules: [{ flag: 'PickListPrinted', state: 'lw-picking' }],
  shippedOrderState: 'Complete',
  lineCancelledState: 'lw-line-cancelled',
  refundPaymentState: undefined,
  returnPaymentState: 'Refunded',
  trackingUpdate: 'set-tracking',
  lateTrackingHours: 48,
  packageSplit: 'auto',
};

export interface FulfillmentWorld {
  emulator: RunningLinnworksEmulator;
  linnworks: LinnworksClient;
  ctApi: CtApi;
  settings: FulfillmentSyncSettings;
  /** The flow's face over the world's clients, as the app wires it (a clock and settings may differ). */
  flow(options?: {
    now?: () => Date;
    settings?: Partial<FulfillmentSyncSettings>;
  }): FulfillmentSync;
  failures: FailureQueue;
  shippingMethodId: string;
  close(): Promise<void>;
}

/** The emulator, a commercetools project with a catalogue, and the flow wired as the app wires it. */
export async function startFulfillmentWorld(
  ctApiUrl: string,
  settings: FulfillmentSyncSettings,
  logger: Logger,
  projectKey = `fs-${Math.random().toString(36).slice(2, 10)}`,
): Promise<FulfillmentWorld> {
  const emulator = await startLinnworksEmulator({ options: { rateLimits: false } });
  emulator.control.seedItems(SKUS.map((sku) => ({ sku, stock: { Default: 1_000_000 } })));
  emulator.control.seedPostalServices([{ name: 'Tracked 24', vendor: 'Royal Mail', code: 'RM24' }]);
  const config: LinnworksConfig = { ...emulator.credentials, authUrl: emulator.authUrl };
  const linnworks = new LinnworksClient({
    config,
    timeoutMs: 10_000,
    rateBudget: unlimitedRateBudget,
    logger,
  });
  const ctApi = createCtApi(
    {
      projectKey,
      clientId: 'c',
      clientSecret: 's',
      scopes: undefined,
      apiUrl: ctApiUrl,
      authUrl: ctApiUrl,
    },
    { timeoutMs: 20_000, maxRetries: 0 },
  );
  const { shippingMethodId } = await seedCatalogue(ctApi, SKUS);
  const flow: FulfillmentWorld['flow'] = (options = {}) =>
    createFulfillmentSync(
      { ct: ctApi, linnworks, logger, ...(options.now ? { now: options.now } : {}) },
      { ...settings, ...options.settings },
    );

  return {
    emulator,
    linnworks,
    ctApi,
    settings,
    flow,
    failures: new FailureQueue(new CtStateStore(ctApi)),
    shippingMethodId,
    close: () => emulator.close(),
  };
}

/**
 * Creates `count` orders the way order-sync leaves them: a commercetools order (with shipping
 * info), the Linnworks order (Source COMMERCETOOLS, ReferenceNumber = order number, ItemNumber =
 * line item id, postal service matched by name) and the order-state record linking both.
 */
export async function createLinkedOrders(
  world: FulfillmentWorld,
  count: number,
  lines: Array<{ sku: string; quantity: number }>,
  prefix = 'ORD',
): Promise<LinkedOrder[]> {
  const created: LinkedOrder[] = [];
  for (let start = 0; start < count; start += 20) {
    const batch: Order[] = [];
    for (let i = start; i < Math.min(count, start + 20); i++) {
      batch.push(await importOrder(world.ctApi, world.shippingMethodId, `${prefix}-${i}`, lines));
    }
    created.push(...(await linkOrders(world, batch)));
  }

  return created;
}

export interface LinkedOrder {
  ct: Order;
  lwOrderId: string;
  reference: string;
}

/** Linnworks orders and order-state records for existing commercetools orders (≤ 20). */
export async function linkOrders(world: FulfillmentWorld, batch: Order[]): Promise<LinkedOrder[]> {
  const ids = await world.linnworks.createOrders({
    location: 'Default',
    orders: batch.map((o) => ({
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      ReferenceNumber: o.orderNumber ?? o.id,
      ReceivedDate: '2026-01-01T08:00:00Z',
      DispatchBy: '2026-01-03T08:00:00Z',
      PaymentStatus: 'Paid',
      Currency: 'EUR',
      MatchPostalServiceTag: 'Tracked 24',
      PostalServiceName: 'Tracked 24',
      OrderItems: o.lineItems.map((li) => ({
        ItemNumber: li.id,
        ChannelSKU: li.variant.sku ?? '',
        ItemTitle: 'Item',
        Qty: li.quantity,
        PricePerUnit: 5,
        TaxRate: 20,
        TaxCostInclusive: true,
        UseChannelTax: true,
        LineDiscount: 0,
        IsService: false,
      })),
    })),
  });
  const linked: LinkedOrder[] = [];
  for (const [index, order] of batch.entries()) {
    const lwOrderId = ids[index] ?? '';
    const state: OrderState = {
      ctOrderId: order.id,
      orderNumber: order.orderNumber,
      linnworksOrderId: lwOrderId,
      linnworksReference: order.orderNumber ?? order.id,
      status: 'created',
      paid: true,
      lastOrderVersion: order.version,
      attempts: 1,
      updatedAt: '2026-01-01T08:00:00.000Z',
    };
    await new CtStateStore(world.ctApi).put(ORDER_STATE_CONTAINER, order.id, state);
    linked.push({ ct: order, lwOrderId, reference: order.orderNumber ?? order.id });
  }

  return linked;
}

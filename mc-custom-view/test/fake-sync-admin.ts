import { rest } from 'msw';
import { setupServer } from 'msw/node';

import type { Failure, OrderSyncSummary, ReplayItem } from '../src/sync-admin/types';

/** Where the kit's HTTP client sends forward-to calls in tests (jest preset: window.app.mcApiUrl). */
export const FORWARD_TO = 'http://localhost:8080/proxy/forward-to';
export const SYNC_ADMIN_URL = 'https://sync-admin.test';

export interface SeenCall {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | null>;
}

type Answer = {
  status: number;
  body: Record<string, unknown> | OrderSyncSummary;
  delayMs?: number;
};
type Route = (call: SeenCall) => Answer | undefined;

/**
 * The Merchant Center proxy and sync-admin as the panel sees them: every call goes to
 * `/proxy/forward-to`; the forwarded URL (X-Forward-To) picks the route. A call no route answers
 * fails the test (msw `onUnhandledRequest: 'error'` and a 599 answer).
 */
export function fakeSyncAdmin() {
  const calls: SeenCall[] = [];
  const routes: Route[] = [];
  const server = setupServer(
    rest.all(FORWARD_TO, async (req, res, ctx) => {
      const target = new URL(req.headers.get('x-forward-to') ?? 'missing:');
      const text = await req.text();
      const call: SeenCall = {
        method: req.method,
        path: target.origin === SYNC_ADMIN_URL ? target.pathname : target.href,
        body: text ? JSON.parse(text) : undefined,
        headers: {
          'accept-version': req.headers.get('accept-version'),
          'x-forward-to-claims': req.headers.get('x-forward-to-claims'),
          'x-forward-to-audience-policy': req.headers.get('x-forward-to-audience-policy'),
        },
      };
      calls.push(call);
      for (const route of routes) {
        const answer = route(call);
        if (answer) {
          return res(
            ctx.delay(answer.delayMs ?? 0),
            ctx.status(answer.status),
            ctx.json(answer.body),
          );
        }
      }

      return res(
        ctx.status(599),
        ctx.json({ error: `no fake route for ${call.method} ${call.path}` }),
      );
    }),
  );

  return {
    server,
    calls,
    on(method: string, path: string, answer: (call: SeenCall) => Answer) {
      routes.unshift((call) =>
        call.method === method && call.path === path ? answer(call) : undefined,
      );
    },
    reset() {
      calls.length = 0;
      routes.length = 0;
    },
  };
}

export function failure(over: Partial<Failure> = {}): Failure {
  return {
    id: 'order-sync.order.order-1',
    flow: 'order-sync',
    reasonCode: 'SKU_UNKNOWN',
    message: 'SKU_UNKNOWN lineItems[0].variant.sku: SKU of line item li-1 is unknown to Linnworks',
    field: 'lineItems[0].variant.sku',
    retryable: false,
    correlationId: 'corr-first-1',
    correlationIds: ['corr-first-1'],
    attempts: 1,
    firstFailedAt: '2026-11-20T10:00:00.000Z',
    lastFailedAt: '2026-11-20T10:00:00.000Z',
    status: 'pending',
    ...over,
  };
}

export function summary(over: Partial<OrderSyncSummary> = {}): OrderSyncSummary {
  return {
    ctOrderId: 'order-1',
    orderNumber: 'CT-2001',
    sync: {
      status: 'created',
      linnworksOrderId: 'lw-1',
      linnworksReference: 'CT-2001',
      paid: true,
      attempts: 1,
      lastSyncAt: '2026-11-20T10:05:00.000Z',
    },
    linnworks: {
      orderNumber: 50123,
      processed: false,
      pickListPrinted: true,
      labelPrinted: false,
      partShipped: false,
      onHoldOrCancelled: false,
    },
    fulfilment: {
      orderState: 'Open',
      shipmentState: 'Pending',
      state: 'lw-picking',
      deliveries: 0,
      parcels: 0,
      trackingIds: [],
    },
    failures: [],
    ...over,
  };
}

export function replayAnswer(item: ReplayItem, dryRun: boolean) {
  return {
    status: 200,
    body: { dryRun, requested: 1, counts: {}, items: [item], correlationId: 'c-r' },
  };
}

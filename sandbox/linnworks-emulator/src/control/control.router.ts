import express, { type NextFunction, type Request, type Response, type Router } from 'express';

import { ControlError } from '../http/lw-error';
import type { EmulatorControl } from './emulator-control';

type Body = Record<string, unknown>;

/**
 * The control API under `/_emulator`: the same operations as the in-process control object,
 * for the demo, drills and tests that run the emulator in another process. JSON in and out.
 */
export function createControlRouter(control: EmulatorControl): Router {
  const router = express.Router();
  router.use(express.json({ limit: '200mb' }));
  const post = (path: string, action: (body: Body, req: Request) => unknown) =>
    router.post(path, (req: Request, res: Response) => {
      res.json(action((req.body ?? {}) as Body, req) ?? { ok: true });
    });
  const id = (req: Request): string => String(req.params.order);

  post('/reset', () => control.reset());
  post('/options', (b) => control.setOptions(b));
  post('/locations', (b) => control.seedLocations(b.locations as never));
  post('/items', (b) => control.seedItems(b.items as never));
  post('/postal-services', (b) => control.seedPostalServices(b.services as never));
  post('/stock/adjust', (b) => control.adjustStock(b as never));
  post('/stock/allocate', (b) => control.adjustAllocation(b as never));
  router.get('/stock/:sku', (req, res) => void res.json(control.getStock(String(req.params.sku))));
  router.get('/orders', (_req, res) => void res.json(control.listOrders()));
  router.get('/orders/:order', (req, res) => void res.json(control.getOrder(id(req))));
  post('/orders/:order/flags', (b, req) => control.setPrintFlags({ ...b, order: id(req) }));
  post('/orders/:order/process', (b, req) => control.processOrder({ ...b, order: id(req) }));
  post('/orders/:order/split', (b, req) => control.splitOrder({ ...b, order: id(req) } as never));
  post('/orders/:order/ship-partial', (b, req) =>
    control.shipPartial({ ...b, order: id(req) } as never),
  );
  post('/orders/:order/tracking', (b, req) =>
    control.attachTracking({ ...(b as { trackingNumber: string }), order: id(req) }),
  );
  post('/orders/:order/cancel', (b, req) => control.cancelOrder({ ...b, order: id(req) }));
  post('/orders/:order/refunds', (b, req) => control.refundOrder({ ...b, order: id(req) }));
  post('/orders/:order/returns', (b, req) =>
    control.returnItems({ ...b, order: id(req) } as never),
  );
  post('/faults', (b) => ({ id: control.injectFault(b as never) }));
  router.delete('/faults', (_req, res) => void res.json(control.clearFaults() ?? { ok: true }));
  router.delete(
    '/faults/:id',
    (req, res) => void res.json(control.removeFault(Number(req.params.id)) ?? { ok: true }),
  );
  post('/sessions/expire', () => control.expireSessions());
  router.get('/calls', (_req, res) => void res.json(control.callCounts()));
  router.get('/calls/recent', (_req, res) => void res.json(control.recentCalls()));
  router.delete('/calls', (_req, res) => void res.json(control.resetCallCounts() ?? { ok: true }));
  post('/requests/record', (b) => control.recordRequests(b.on !== false));
  router.get('/requests', (_req, res) => void res.json(control.requests()));
  router.get('/warnings', (_req, res) => void res.json(control.warnings()));
  router.delete('/warnings', (_req, res) => void res.json(control.clearWarnings() ?? { ok: true }));

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof ControlError ? error.status : 400;
    res.status(status).json({ error: error instanceof Error ? error.message : String(error) });
  });

  return router;
}

import express, { type Express } from 'express';

import { EmulatorControl } from '../control/emulator-control';
import { createControlRouter } from '../control/control.router';
import type { EmulatorCredentials, EmulatorOptions } from '../emulator-options';
import { createApiRouter } from '../http/api-router';
import { FaultInjector } from '../http/faults';
import { EmulatorRateLimiter } from '../http/rate-limiter';
import { EmulatorStore } from '../state/emulator-store';

export const CONTROL_PREFIX = '/_emulator';

export interface EmulatorApp {
  app: Express;
  control: EmulatorControl;
}

/** The emulator as an express app: the Linnworks API under `/api`, the control API under `/_emulator`. */
export function createEmulatorApp(
  options: EmulatorOptions,
  credentials: EmulatorCredentials,
): EmulatorApp {
  const store = new EmulatorStore(() => options.now());
  const faults = new FaultInjector(() => options.random());
  const limiter = new EmulatorRateLimiter(options);
  const control = new EmulatorControl(store, options, faults, limiter);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/api', createApiRouter({ store, options, credentials, faults, limiter }));
  app.use(CONTROL_PREFIX, createControlRouter(control));
  app.use((req, res) => {
    res.status(404).json({
      Message: `No HTTP resource was found that matches the request URI '${req.originalUrl}'.`,
    });
  });

  return { app, control };
}

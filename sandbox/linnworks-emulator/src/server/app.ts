import express, { type Express, type Router } from 'express';

import { EmulatorControl } from '../control/emulator-control';
import { createControlRouter } from '../control/control.router';
import type { EmulatorCredentials, EmulatorOptions } from '../emulator-options';
import { createApiRouter, type HostRole } from '../http/api-router';
import { FaultInjector } from '../http/faults';
import { EmulatorRateLimiter } from '../http/rate-limiter';
import { EmulatorStore } from '../state/emulator-store';

export const CONTROL_PREFIX = '/_emulator';

export interface EmulatorApp {
  /** The data host (the session's `Server`): the API under `/api`, the control API under `/_emulator`. */
  app: Express;
  /** The auth host (`api.linnworks.net`): only Auth/AuthorizeByApplication. */
  authApp: Express;
  control: EmulatorControl;
  /** Tells the emulator where the data host listens (the `Server` sessions point to). */
  setDataUrl(url: string): void;
}

function withNotFound(app: Express): Express {
  app.use((req, res) => {
    res.status(404).json({
      Message: `No HTTP resource was found that matches the request URI '${req.originalUrl}'.`,
    });
  });

  return app;
}

function baseApp(api: Router): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/api', api);

  return app;
}

/**
 * The emulator as express apps. With `separateAuthHost` (default) the data app refuses auth
 * calls and the auth app refuses everything else; otherwise the data app answers both.
 */
export function createEmulatorApp(
  options: EmulatorOptions,
  credentials: EmulatorCredentials,
): EmulatorApp {
  const store = new EmulatorStore(() => options.now());
  const faults = new FaultInjector(() => options.random());
  const limiter = new EmulatorRateLimiter(options);
  const control = new EmulatorControl(store, options, faults, limiter);
  let dataUrl = 'http://localhost';
  const deps = { store, options, credentials, faults, limiter, dataUrl: () => dataUrl };
  const dataRole = (): HostRole => (options.separateAuthHost ? 'data' : 'both');
  const app = baseApp(createApiRouter(deps, dataRole));
  app.use(CONTROL_PREFIX, createControlRouter(control));
  const authApp = baseApp(createApiRouter(deps, () => 'auth'));

  return {
    app: withNotFound(app),
    authApp: withNotFound(authApp),
    control,
    setDataUrl: (url) => {
      dataUrl = url;
    },
  };
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';

import type { EmulatorControl } from './control/emulator-control';
import {
  defaultEmulatorCredentials,
  defaultEmulatorOptions,
  type EmulatorCredentials,
  type EmulatorOptions,
} from './emulator-options';
import { createEmulatorApp } from './server/app';

export interface StartLinnworksEmulatorOptions {
  /** Data host port; 0 (default) picks a free port. */
  port?: number;
  /** Auth host port (with `separateAuthHost`); 0 (default) picks a free port. */
  authPort?: number;
  host?: string;
  options?: Partial<EmulatorOptions>;
  credentials?: EmulatorCredentials;
}

export interface RunningLinnworksEmulator {
  /** The data host: the session's `Server`, and the control API under `/_emulator`. */
  url: string;
  /** The auth host, for `LINNWORKS_AUTH_URL`: a host of its own unless `separateAuthHost: false`. */
  authUrl: string;
  port: number;
  control: EmulatorControl;
  credentials: EmulatorCredentials;
  close(): Promise<void>;
}

async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.keepAliveTimeout = 5_000;

  return server;
}

function close(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Starts the emulator as real HTTP servers (127.0.0.1 by default): data host and auth host. */
export async function startLinnworksEmulator(
  opts: StartLinnworksEmulatorOptions = {},
): Promise<RunningLinnworksEmulator> {
  const options: EmulatorOptions = { ...defaultEmulatorOptions, ...opts.options };
  const credentials = opts.credentials ?? defaultEmulatorCredentials;
  const host = opts.host ?? '127.0.0.1';
  const { app, authApp, control, setDataUrl } = createEmulatorApp(options, credentials);
  const data = await listen(app, opts.port ?? 0, host);
  const port = (data.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  setDataUrl(url);
  const auth = options.separateAuthHost ? await listen(authApp, opts.authPort ?? 0, host) : data;
  const authUrl = `http://${host}:${(auth.address() as AddressInfo).port}`;

  return {
    url,
    authUrl,
    port,
    control,
    credentials,
    close: async () => {
      await close(data);
      if (auth !== data) await close(auth);
    },
  };
}

export { EmulatorControl } from './control/emulator-control';
export type {
  OrderDetailsJson,
  SeedItem,
  SeedPostalService,
  StockView,
} from './control/emulator-control';
export type { LineSelector, PackageInput, ProcessOrderInput } from './control/order-actions';
export type { CancelInput, RefundInput, ReturnInput } from './control/post-sale-actions';
export {
  defaultEmulatorCredentials,
  defaultEmulatorOptions,
  STRICT_EMULATOR_OPTIONS,
} from './emulator-options';
export type { EmulatorCredentials, EmulatorOptions } from './emulator-options';
export type { FaultKind, FaultRule } from './http/faults';
export { CONTROL_PREFIX, createEmulatorApp } from './server/app';
export { EMULATED_ENUMS } from './lw-enums';
export { ZERO_GUID } from './lw-format';
export type { EmulatorWarning, ReceivedRequest, RecordedCall } from './state/emulator-store';

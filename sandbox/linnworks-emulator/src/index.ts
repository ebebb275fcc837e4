import type { AddressInfo } from 'node:net';

import type { EmulatorControl } from './control/emulator-control';
import {
  defaultEmulatorCredentials,
  defaultEmulatorOptions,
  type EmulatorCredentials,
  type EmulatorOptions,
} from './emulator-options';
import { createEmulatorApp } from './server/app';

export interface StartLinnworksEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  options?: Partial<EmulatorOptions>;
  credentials?: EmulatorCredentials;
}

export interface RunningLinnworksEmulator {
  /** Base URL: both the auth URL and the session `Server`. */
  url: string;
  port: number;
  control: EmulatorControl;
  credentials: EmulatorCredentials;
  close(): Promise<void>;
}

/** Starts the emulator as a real HTTP server (127.0.0.1 by default). */
export async function startLinnworksEmulator(
  opts: StartLinnworksEmulatorOptions = {},
): Promise<RunningLinnworksEmulator> {
  const options: EmulatorOptions = { ...defaultEmulatorOptions, ...opts.options };
  const credentials = opts.credentials ?? defaultEmulatorCredentials;
  const host = opts.host ?? '127.0.0.1';
  const { app, control } = createEmulatorApp(options, credentials);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  server.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    control,
    credentials,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
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
export { defaultEmulatorCredentials, defaultEmulatorOptions } from './emulator-options';
export type { EmulatorCredentials, EmulatorOptions } from './emulator-options';
export type { FaultKind, FaultRule } from './http/faults';
export { CONTROL_PREFIX, createEmulatorApp } from './server/app';
export { ZERO_GUID } from './lw-format';
export type { RecordedCall } from './state/emulator-store';

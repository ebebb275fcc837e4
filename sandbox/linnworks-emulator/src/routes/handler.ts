import type { EmulatorOptions } from '../emulator-options';
import type { CallParams } from '../http/params';
import type { EmulatorStore } from '../state/emulator-store';

export interface CallContext {
  /** Canonical `Controller/Method` of the call. */
  endpoint: string;
  params: CallParams;
  store: EmulatorStore;
  options: EmulatorOptions;
  /** The data host's base URL, e.g. `http://127.0.0.1:4600` (the session's `Server`). */
  dataUrl: string;
  /** Records something a lenient setting let through (control API `warnings()`). */
  warn: (message: string) => void;
}

/** Answer with an empty 2xx body (some write endpoints do, reference §1.3). */
export const EMPTY_BODY = Symbol('empty-body');

export type Handler = (ctx: CallContext) => unknown;

/** Handlers keyed by canonical `Controller/Method` (matched case-insensitively). */
export type HandlerTable = Record<string, Handler>;

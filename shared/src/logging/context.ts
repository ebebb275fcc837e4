import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Fields stamped on every log line written while a unit of work runs. */
export interface LogContext {
  correlationId: string;
  flow?: string;
  resource?: string;
  [field: string]: string | number | undefined;
}

const storage = new AsyncLocalStorage<LogContext>();

export function newCorrelationId(): string {
  return randomUUID();
}

/** Runs `fn` with `context` visible to every logger call and outbound request inside it. */
export function runWithContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

export function getContext(): LogContext | undefined {
  return storage.getStore();
}

export function getCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Adds fields (e.g. the resource once it is known) to the current context. */
export function addContextFields(fields: Partial<LogContext>): void {
  const store = storage.getStore();
  if (!store) return;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) store[key] = value;
  }
}

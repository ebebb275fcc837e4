import type { CallCounts } from '../commercetools/call-counts';
import { VersionConflictError } from '../errors/errors';

/** One stored document: a commercetools custom object seen through the state store. */
export interface StoredObject<T> {
  container: string;
  key: string;
  version: number;
  value: T;
  lastModifiedAt: string;
}

export interface QueryOptions {
  /** A commercetools predicate on the object, e.g. `value(status="pending")`. */
  where?: string;
  limit?: number;
  offset?: number;
  sort?: string;
}

export interface QueryPage<T> {
  results: StoredObject<T>[];
  total: number;
  offset: number;
}

/**
 * What `update` does with the current value: return the next value, or `undefined` to leave
 * it unchanged. Must be pure: on a version conflict it runs again on the fresher value.
 */
export type Merge<T> = (current: T | undefined) => T | undefined;

/**
 * What `create` came to. `unsupported`: the server refused a versioned draft for an object that
 * does not exist, so "create only if absent" cannot be said to it (see `StateStore.create`).
 */
export type CreateOutcome<T> =
  | { outcome: 'created'; object: StoredObject<T> }
  | { outcome: 'exists' }
  | { outcome: 'unsupported' };

/**
 * Key-value state on commercetools custom objects. Writes are compare-and-set on `version`;
 * a write without a version creates or replaces, so callers that race on creation either
 * tolerate a replaced first value or use `create`.
 */
export interface StateStore {
  /** HTTP calls made so far (the adapter counts them); a run report reads the difference. */
  readonly calls: Readonly<CallCounts>;
  get<T>(container: string, key: string): Promise<StoredObject<T> | undefined>;
  /** Writes `value`; with `expectedVersion`, fails with a VersionConflictError if it moved. */
  put<T>(
    container: string,
    key: string,
    value: T,
    expectedVersion?: number,
  ): Promise<StoredObject<T>>;
  /**
   * Creates the object only if it does not exist: a draft with `version: 0`, which commercetools
   * answers with 409 when the object exists. Whether it accepts that draft for a missing object
   * is undocumented (commercetools-connect.md §11); if it refuses, the outcome is `unsupported`
   * and nothing was written.
   */
  create<T>(container: string, key: string, value: T): Promise<CreateOutcome<T>>;
  /** Read, merge, compare-and-set; on conflict re-read and merge again (bounded). */
  update<T>(container: string, key: string, merge: Merge<T>): Promise<StoredObject<T> | undefined>;
  query<T>(container: string, options?: QueryOptions): Promise<QueryPage<T>>;
  /** Every object in a container, paged by id so it is not bound by the 10,000 offset limit. */
  scan<T>(
    container: string,
    options?: { where?: string; pageSize?: number },
  ): AsyncGenerator<StoredObject<T>[]>;
  delete(container: string, key: string): Promise<void>;
}

/** The VersionConflictError of a custom object the state store writes by version. */
export function customObjectConflict(container: string, key: string): VersionConflictError {
  return new VersionConflictError('custom-object', `${container}/${key}`);
}

/** Custom-object keys allow `[-_~.a-zA-Z0-9]{1,256}`; anything else is replaced by `_`. */
export function toObjectKey(...parts: Array<string | number>): string {
  const key = parts.map((p) => String(p).replace(/[^-_~.a-zA-Z0-9]/g, '_')).join('.');

  return key.length <= 256 ? key : key.slice(0, 256);
}

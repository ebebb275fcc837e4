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
 * Key-value state on commercetools custom objects. Writes are compare-and-set on `version`;
 * a write without a version creates or replaces (commercetools cannot express "create only
 * if absent"), so callers that race on creation must tolerate a replaced first value.
 */
export interface StateStore {
  get<T>(container: string, key: string): Promise<StoredObject<T> | undefined>;
  /** Writes `value`; with `expectedVersion`, fails with a VersionConflictError if it moved. */
  put<T>(
    container: string,
    key: string,
    value: T,
    expectedVersion?: number,
  ): Promise<StoredObject<T>>;
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

export class VersionConflictError extends Error {
  constructor(
    readonly container: string,
    readonly key: string,
  ) {
    super(`custom object ${container}/${key} changed concurrently`);
    this.name = 'VersionConflictError';
  }
}

/** Custom-object keys allow `[-_~.a-zA-Z0-9]{1,256}`; anything else is replaced by `_`. */
export function toObjectKey(...parts: Array<string | number>): string {
  const key = parts.map((p) => String(p).replace(/[^-_~.a-zA-Z0-9]/g, '_')).join('.');

  return key.length <= 256 ? key : key.slice(0, 256);
}

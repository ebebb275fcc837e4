import type {
  CreateOutcome,
  Merge,
  QueryOptions,
  QueryPage,
  StateStore,
  StoredObject,
} from '../../state/state-store';

/** Counts every call made through the port, for the run report. */
export function countLinnworksCalls<T extends object>(api: T, counter: { calls: number }): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;

      return (...args: unknown[]): unknown => {
        counter.calls++;

        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A state store that counts its commercetools reads and writes (`update` counts both). */
export class CountingStateStore implements StateStore {
  readonly calls = { reads: 0, writes: 0 };

  constructor(private readonly inner: StateStore) {}

  get<T>(container: string, key: string): Promise<StoredObject<T> | undefined> {
    this.calls.reads++;

    return this.inner.get<T>(container, key);
  }

  put<T>(
    container: string,
    key: string,
    value: T,
    expectedVersion?: number,
  ): Promise<StoredObject<T>> {
    this.calls.writes++;

    return this.inner.put(container, key, value, expectedVersion);
  }

  create<T>(container: string, key: string, value: T): Promise<CreateOutcome<T>> {
    this.calls.writes++;

    return this.inner.create(container, key, value);
  }

  update<T>(container: string, key: string, merge: Merge<T>): Promise<StoredObject<T> | undefined> {
    this.calls.reads++;
    this.calls.writes++;

    return this.inner.update(container, key, merge);
  }

  query<T>(container: string, options?: QueryOptions): Promise<QueryPage<T>> {
    this.calls.reads++;

    return this.inner.query<T>(container, options);
  }

  async *scan<T>(
    container: string,
    options?: { where?: string; pageSize?: number },
  ): AsyncGenerator<StoredObject<T>[]> {
    this.calls.reads++;
    for await (const page of this.inner.scan<T>(container, options)) {
      yield page;
      this.calls.reads++;
    }
  }

  delete(container: string, key: string): Promise<void> {
    this.calls.writes++;

    return this.inner.delete(container, key);
  }
}

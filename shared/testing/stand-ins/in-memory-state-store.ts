import { type CallCounts, noCalls } from '../../src/commercetools/call-counts';
import {
  type CreateOutcome,
  type Merge,
  type QueryOptions,
  type QueryPage,
  type StateStore,
  type StoredObject,
  customObjectConflict,
} from '../../src/state/state-store';

/**
 * The state store's fake for unit tests: same compare-and-set rules as commercetools, with
 * `where` limited to `value(field="text")` clauses joined by `and`.
 */
export class InMemoryStateStore implements StateStore {
  /** Counted as CtStateStore counts its HTTP calls, so reports read the same in tests. */
  readonly calls: CallCounts = noCalls();
  private readonly objects = new Map<string, StoredObject<unknown>>();
  private nextId = 1;
  private readonly ids = new Map<string, string>();

  private id(container: string, key: string): string {
    return `${container}\u0000${key}`;
  }

  async get<T>(container: string, key: string): Promise<StoredObject<T> | undefined> {
    this.calls.reads++;
    const found = this.objects.get(this.id(container, key));

    return found ? (structuredClone(found) as StoredObject<T>) : undefined;
  }

  async put<T>(
    container: string,
    key: string,
    value: T,
    expectedVersion?: number,
  ): Promise<StoredObject<T>> {
    this.calls.writes++;
    const id = this.id(container, key);
    const current = this.objects.get(id);
    if (expectedVersion !== undefined && current && current.version !== expectedVersion) {
      throw customObjectConflict(container, key);
    }
    if (!this.ids.has(id)) this.ids.set(id, String(this.nextId++).padStart(12, '0'));
    const stored: StoredObject<unknown> = {
      container,
      key,
      version: (current?.version ?? 0) + 1,
      value: structuredClone(value),
      lastModifiedAt: new Date().toISOString(),
    };
    this.objects.set(id, stored);

    return structuredClone(stored) as StoredObject<T>;
  }

  async create<T>(container: string, key: string, value: T): Promise<CreateOutcome<T>> {
    if (this.objects.has(this.id(container, key))) {
      // commercetools answers 409, and the store reads the object to tell `exists`.
      this.calls.writes++;
      this.calls.reads++;

      return { outcome: 'exists' };
    }

    return { outcome: 'created', object: await this.put(container, key, value) };
  }

  async update<T>(
    container: string,
    key: string,
    merge: Merge<T>,
  ): Promise<StoredObject<T> | undefined> {
    const current = await this.get<T>(container, key);
    const next = merge(current?.value);
    if (next === undefined) return current;

    return this.put(container, key, next, current?.version);
  }

  async query<T>(container: string, options: QueryOptions = {}): Promise<QueryPage<T>> {
    this.calls.reads++;
    const all = this.inContainer<T>(container, options.where);
    const offset = options.offset ?? 0;

    return {
      results: all.slice(offset, offset + (options.limit ?? 20)),
      total: all.length,
      offset,
    };
  }

  async *scan<T>(
    container: string,
    options: { where?: string; pageSize?: number } = {},
  ): AsyncGenerator<StoredObject<T>[]> {
    const all = this.inContainer<T>(container, options.where);
    const size = options.pageSize ?? 500;
    for (let i = 0; ; i += size) {
      this.calls.reads++;
      const page = all.slice(i, i + size);
      if (page.length === 0) return;
      yield page;
      if (page.length < size) return;
    }
  }

  async delete(container: string, key: string): Promise<void> {
    this.calls.writes++;
    this.objects.delete(this.id(container, key));
  }

  private inContainer<T>(container: string, where?: string): StoredObject<T>[] {
    const clauses = [...(where ?? '').matchAll(/value\((\w+)\s*=\s*"([^"]*)"\)/g)];

    return [...this.objects.entries()]
      .filter(([, o]) => o.container === container)
      .sort(([a], [b]) => (this.ids.get(a) ?? '').localeCompare(this.ids.get(b) ?? ''))
      .map(([, o]) => structuredClone(o) as StoredObject<T>)
      .filter((o) =>
        clauses.every(
          ([, field, expected]) =>
            String((o.value as Record<string, unknown>)[field ?? '']) === expected,
        ),
      );
  }
}

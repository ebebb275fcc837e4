import type { CustomObject } from '@commercetools/platform-sdk';

import { type CallCounts, noCalls } from '../commercetools/call-counts';
import type { CtApi } from '../commercetools/client';
import { ctStatus, isCtConflict, isCtNotFound, toCtError } from '../commercetools/ct-errors';
import { RetryableUpstreamError, VersionConflictError } from '../errors/errors';
import {
  type CreateOutcome,
  type Merge,
  type QueryOptions,
  type QueryPage,
  type StateStore,
  type StoredObject,
  customObjectConflict,
} from './state-store';
import { containerName } from './connector-names';

const MAX_MERGE_ATTEMPTS = 8;
const MAX_OFFSET = 10_000;

function toStored<T>(object: CustomObject): StoredObject<T> {
  return {
    container: object.container,
    key: object.key,
    version: object.version,
    value: object.value as T,
    lastModifiedAt: object.lastModifiedAt,
  };
}

/**
 * The state store over commercetools custom objects; counts its own HTTP calls. Callers name a
 * container by its role (`CONTAINERS` in connector-names.ts); the store keeps it in this
 * deployment's namespace (`containerName` with the instance key), so nothing else has to.
 */
export class CtStateStore implements StateStore {
  readonly calls: CallCounts = noCalls();

  constructor(
    private readonly api: CtApi,
    private readonly instanceKey?: string,
  ) {}

  async get<T>(base: string, key: string): Promise<StoredObject<T> | undefined> {
    const container = containerName(base, this.instanceKey);
    this.calls.reads++;
    try {
      const response = await this.api
        .customObjects()
        .withContainerAndKey({ container, key })
        .get()
        .execute();

      return toStored<T>(response.body);
    } catch (error) {
      if (isCtNotFound(error)) return undefined;
      throw toCtError(error, `read of state ${container}/${key}`);
    }
  }

  async put<T>(
    base: string,
    key: string,
    value: T,
    expectedVersion?: number,
  ): Promise<StoredObject<T>> {
    const container = containerName(base, this.instanceKey);
    const version = expectedVersion !== undefined ? { version: expectedVersion } : {};
    const body = { container, key, value, ...version };
    this.calls.writes++;
    try {
      return toStored<T>((await this.api.customObjects().post({ body }).execute()).body);
    } catch (error) {
      if (isCtConflict(error)) throw customObjectConflict(container, key);
      throw toCtError(error, `write of state ${container}/${key}`);
    }
  }

  async create<T>(base: string, key: string, value: T): Promise<CreateOutcome<T>> {
    const container = containerName(base, this.instanceKey);
    this.calls.writes++;
    try {
      const response = await this.api
        .customObjects()
        .post({ body: { container, key, value, version: 0 } })
        .execute();

      return { outcome: 'created', object: toStored<T>(response.body) };
    } catch (error) {
      // 409: it exists. 400/404 (or 409) for a missing object: versioned creates are refused.
      if (![400, 404, 409].includes(ctStatus(error) ?? 0))
        throw toCtError(error, `create of state ${container}/${key}`);
    }

    return (await this.get(base, key)) ? { outcome: 'exists' } : { outcome: 'unsupported' };
  }

  async update<T>(
    container: string,
    key: string,
    merge: Merge<T>,
  ): Promise<StoredObject<T> | undefined> {
    for (let attempt = 1; attempt <= MAX_MERGE_ATTEMPTS; attempt++) {
      const current = await this.get<T>(container, key);
      const next = merge(current?.value);
      if (next === undefined) return current;
      try {
        return await this.put(container, key, next, current?.version);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new RetryableUpstreamError(
      'STATE_CONTENDED',
      `state ${container}/${key} kept changing; gave up after ${MAX_MERGE_ATTEMPTS} attempts`,
      { upstream: 'commercetools', status: 409 },
    );
  }

  async query<T>(container: string, options: QueryOptions = {}): Promise<QueryPage<T>> {
    const body = await this.page(`query of state ${container}`, container, {
      ...(options.where ? { where: options.where } : {}),
      limit: options.limit ?? 20,
      offset: options.offset ?? 0,
      ...(options.sort ? { sort: options.sort } : {}),
      withTotal: true,
    });

    return {
      results: body.results.map((o) => toStored<T>(o)),
      total: body.total ?? body.count,
      offset: body.offset,
    };
  }

  /** One query of a container: one counted read, failures in the error taxonomy. */
  private async page(
    what: string,
    container: string,
    queryArgs: { where?: string; sort?: string; limit: number; offset: number; withTotal: boolean },
  ) {
    const name = containerName(container, this.instanceKey);
    this.calls.reads++;
    try {
      return (
        await this.api
          .customObjects()
          .withContainer({ container: name })
          .get({ queryArgs })
          .execute()
      ).body;
    } catch (error) {
      throw toCtError(error, what);
    }
  }

  /**
   * Pages by offset (sorted by id) up to commercetools' 10,000 offset limit, then continues
   * with an `id >` cursor. The commercetools test server sorts and enforces the offset limit as
   * commercetools does (docs/testing.md), so tests cover both phases.
   */
  async *scan<T>(
    container: string,
    options: { where?: string; pageSize?: number } = {},
  ): AsyncGenerator<StoredObject<T>[]> {
    const limit = options.pageSize ?? 500;
    let offset = 0;
    let afterId: string | undefined;
    for (;;) {
      const predicates = [options.where, afterId ? `id > "${afterId}"` : undefined].filter(Boolean);
      const where = predicates.length
        ? { where: predicates.map((p) => `(${p})`).join(' and ') }
        : {};
      const { results } = await this.page(`scan of state ${container}`, container, {
        ...where,
        sort: 'id asc',
        limit,
        offset,
        withTotal: false,
      });
      if (results.length === 0) return;
      yield results.map((o) => toStored<T>(o));
      if (results.length < limit) return;
      offset += limit;
      if (offset + limit > MAX_OFFSET) {
        afterId = results.reduce((max, o) => (o.id > max ? o.id : max), afterId ?? '');
        offset = 0;
      }
    }
  }

  async delete(base: string, key: string): Promise<void> {
    const container = containerName(base, this.instanceKey);
    this.calls.writes++;
    try {
      await this.api.customObjects().withContainerAndKey({ container, key }).delete().execute();
    } catch (error) {
      if (isCtNotFound(error)) return;
      throw toCtError(error, `delete of state ${container}/${key}`);
    }
  }
}

import { ctTestApi } from 'shared/testing';

import { CtStateStore } from '../src/state/ct-state-store';
import { ConnectorError, VersionConflictError } from '../src/errors/errors';

describe('CtStateStore against the commercetools test server', () => {
  const store = new CtStateStore(ctTestApi());

  it('when a key is missing, then get returns undefined', async () => {
    await expect(store.get('c', 'missing')).resolves.toBeUndefined();
  });

  it('when written with a stale version, then the write fails with a version conflict', async () => {
    const first = await store.put('c', 'cas', { n: 1 });
    await store.put('c', 'cas', { n: 2 }, first.version);
    await expect(store.put('c', 'cas', { n: 3 }, first.version)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect((await store.get<{ n: number }>('c', 'cas'))?.value).toEqual({ n: 2 });
  });

  it('when a version conflict escapes, then it is a retryable ConnectorError naming the object', async () => {
    const first = await store.put('c', 'cas-taxonomy', { n: 1 });
    await store.put('c', 'cas-taxonomy', { n: 2 }, first.version);
    const failure = await store.put('c', 'cas-taxonomy', { n: 3 }, first.version).catch((e) => e);

    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({
      code: 'CT_VERSION_CONFLICT',
      kind: 'retryable-upstream',
      retryable: true,
      resourceType: 'custom-object',
      resourceId: 'c/cas-taxonomy',
    });
  });

  it('when updates race, then every merge is applied exactly once', async () => {
    await store.put('c', 'counter', { n: 0 });
    await Promise.all(
      Array.from({ length: 6 }, () =>
        store.update<{ n: number }>('c', 'counter', (v) => ({ n: (v?.n ?? 0) + 1 })),
      ),
    );
    expect((await store.get<{ n: number }>('c', 'counter'))?.value.n).toBe(6);
  });

  it('when a merge returns undefined, then nothing is written', async () => {
    const before = await store.put('c', 'noop', { n: 1 });
    const after = await store.update('c', 'noop', () => undefined);
    expect(after?.version).toBe(before.version);
  });

  it('when scanning, then every object of the container comes back once, in pages', async () => {
    for (let i = 0; i < 7; i++)
      await store.put('scan', `k${i}`, { i, status: i % 2 ? 'odd' : 'even' });
    const seen: number[] = [];
    for await (const page of store.scan<{ i: number }>('scan', { pageSize: 3 })) {
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((o) => o.value.i));
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const odd = await store.query<{ i: number }>('scan', {
      where: 'value(status="odd")',
      limit: 10,
    });
    expect(odd.results.map((o) => o.value.i).sort()).toEqual([1, 3, 5]);
  });

  it('when deleting, then the object is gone and a second delete is harmless', async () => {
    await store.put('c', 'del', { a: 1 });
    await store.delete('c', 'del');
    await store.delete('c', 'del');
    await expect(store.get('c', 'del')).resolves.toBeUndefined();
  });
});

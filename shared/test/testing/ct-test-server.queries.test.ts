import type { QueryParam } from '@commercetools/platform-sdk';
import { ctTestApi, ctTestConfig } from 'shared/testing';

import type { CtApi } from '../../src/commercetools/client';
import { importOrder } from '../../testing/builders/ct-seed';
import { conflict, project, rejected, update } from './ct-test-server.helpers';

// Paging, sorting and versions as commercetools applies them on the test server
// (docs/testing.md, "What the test server adds").

const freshApi = (): CtApi => ctTestApi(ctTestConfig());

async function putObjects(api: CtApi, container: string, keys: string[]) {
  for (const [index, key] of keys.entries()) {
    await api
      .customObjects()
      .post({ body: { container, key, value: { rank: keys.length - index } } })
      .execute();
  }
}

const page = (api: CtApi, container: string, queryArgs: Record<string, QueryParam>) =>
  api.customObjects().withContainer({ container }).get({ queryArgs }).execute();

describe('commercetools test server: paging limits', () => {
  it('when limit is over 500 or offset over 10,000, then custom-object, order and inventory queries are refused with InvalidInput', async () => {
    const api = freshApi();
    const tooMany = rejected(
      'InvalidInput',
      /limit: The limit parameter must be in the range of \[0\.\.500\]/,
    );
    const tooFar = rejected(
      'InvalidInput',
      /offset: The offset parameter must be in the range of \[0\.\.10000\]/,
    );

    const refusals: Array<[() => Promise<unknown>, object]> = [
      [() => page(api, 'c', { limit: 501 }), tooMany],
      [() => page(api, 'c', { offset: 10_001 }), tooFar],
      [
        () =>
          api
            .orders()
            .get({ queryArgs: { limit: 501 } })
            .execute(),
        tooMany,
      ],
      [
        () =>
          api
            .inventory()
            .get({ queryArgs: { offset: 10_001 } })
            .execute(),
        tooFar,
      ],
    ];
    for (const [query, error] of refusals) await expect(query()).rejects.toMatchObject(error);
    await expect(page(api, 'c', { limit: -1 })).rejects.toMatchObject(tooMany);
    await expect(page(api, 'c', { limit: 'ten' })).rejects.toMatchObject(tooMany);
    expect((await page(api, 'c', { limit: 500, offset: 10_000 })).body.results).toEqual([]);
  });

  it('when limit is 0, then no result comes back but the total does; withTotal=false leaves the total out', async () => {
    const api = freshApi();
    await putObjects(api, 'c', ['a', 'b']);
    const none = await page(api, 'c', { limit: 0 });
    expect(none.body).toMatchObject({ count: 0, total: 2, limit: 0, results: [] });
    const noTotal = await page(api, 'c', { withTotal: false });
    expect(noTotal.body.count).toBe(2);
    expect(noTotal.body).not.toHaveProperty('total');
  });
});

describe('commercetools test server: sort', () => {
  it('when custom objects are sorted by key, id or a value field, then each page follows that order', async () => {
    const api = freshApi();
    await putObjects(api, 'c', ['m', 'z', 'a', 'q']);
    const keys = async (sort: string | string[], extra: Record<string, QueryParam> = {}) =>
      (await page(api, 'c', { sort, ...extra })).body.results.map((o) => o.key);

    expect(await keys('key asc')).toEqual(['a', 'm', 'q', 'z']);
    expect(await keys('key desc', { limit: 2, offset: 1 })).toEqual(['q', 'm']);
    expect(await keys('value.rank asc')).toEqual(['q', 'a', 'z', 'm']);
    const byId = (await page(api, 'c', { sort: 'id asc' })).body.results.map((o) => o.id);
    expect(byId).toEqual([...byId].sort());
  });

  it('when an id cursor pages with sort=id asc, then every object comes exactly once', async () => {
    const api = freshApi();
    const keys = Array.from({ length: 7 }, (_, i) => `k${i}`);
    await putObjects(api, 'cursor', keys);
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const where = after ? `id > "${after}"` : undefined;
      const { results } = (
        await page(api, 'cursor', { sort: 'id asc', limit: 3, withTotal: false, where })
      ).body;
      seen.push(...results.map((o) => o.key));
      if (results.length < 3) break;
      after = results.at(-1)?.id ?? '';
    }
    expect(seen.sort()).toEqual(keys);
  });

  it('when a sort clause has no asc/desc direction, then the query is refused', async () => {
    const api = freshApi();
    await expect(page(api, 'c', { sort: 'key' })).rejects.toMatchObject(
      rejected('InvalidInput', /sort: 'key' is not a sort expression/),
    );
    await expect(page(api, 'c', { sort: 'key sideways' })).rejects.toMatchObject(
      rejected('InvalidInput'),
    );
  });

  it('when orders are read by a lastModifiedAt window sorted ascending without total, then the window holds the modified orders in order', async () => {
    const p = await project();
    const first = await importOrder(p.api, p.shippingMethodId, 'S-1', [{ sku: 'A', quantity: 1 }]);
    const second = await importOrder(p.api, p.shippingMethodId, 'S-2', [{ sku: 'A', quantity: 1 }]);
    const since = new Date(Date.now() - 60_000).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const touched = await update(p, first, { action: 'setCustomerEmail', email: 'a@example.com' });
    const until = new Date(Date.now() + 60_000).toISOString();
    const window = await p.api
      .orders()
      .get({
        queryArgs: {
          where: `lastModifiedAt > "${since}" and lastModifiedAt <= "${until}"`,
          sort: ['lastModifiedAt asc', 'id asc'],
          withTotal: false,
        },
      })
      .execute();
    expect(window.body.results.map((o) => o.orderNumber)).toEqual(['S-2', 'S-1']);
    expect(window.body).not.toHaveProperty('total');
    const later = await p.api
      .orders()
      .get({ queryArgs: { where: `lastModifiedAt > "${second.lastModifiedAt}"` } })
      .execute();
    expect(later.body.results.map((o) => o.id)).toEqual([touched.id]);
    const created = await p.api
      .orders()
      .get({ queryArgs: { where: `createdAt >= "${since}"`, sort: 'createdAt desc' } })
      .execute();
    expect(created.body.results.map((o) => o.orderNumber)).toEqual(['S-2', 'S-1']);
  });
});

describe('commercetools test server: versions', () => {
  it('when an update carries a stale version, then it is a 409 even if it would change nothing', async () => {
    const p = await project();
    const order = await importOrder(p.api, p.shippingMethodId, 'V-1', [{ sku: 'A', quantity: 1 }]);
    const moved = await update(p, order, { action: 'setCustomerEmail', email: 'a@example.com' });
    await expect(
      update(p, order, { action: 'setCustomerEmail', email: 'a@example.com' }),
    ).rejects.toMatchObject(conflict(moved.version));
    await expect(update(p, order)).rejects.toMatchObject(conflict(moved.version));
  });

  it('when a resource is deleted, then the version is required and must be current; for custom objects it is optional', async () => {
    const p = await project();
    const state = (
      await p.api
        .states()
        .post({ body: { key: 'gone', type: 'OrderState' } })
        .execute()
    ).body;
    const remove = (version?: number) =>
      p.api
        .states()
        .withId({ ID: state.id })
        .delete({ queryArgs: { version } as { version: number } })
        .execute();
    await expect(remove()).rejects.toMatchObject(rejected('InvalidInput', /'version'/));
    await expect(remove(state.version + 1)).rejects.toMatchObject(conflict(state.version));
    expect((await remove(state.version)).statusCode).toBe(200);

    await putObjects(p.api, 'd', ['k']);
    const object = p.api.customObjects().withContainerAndKey({ container: 'd', key: 'k' });
    await expect(object.delete({ queryArgs: { version: 9 } }).execute()).rejects.toMatchObject(
      conflict(1),
    );
    expect((await object.delete().execute()).statusCode).toBe(200);
  });
});

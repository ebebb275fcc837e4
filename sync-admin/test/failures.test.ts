import request from 'supertest';

import { testApp } from './support/test-app';

async function seeded() {
  const t = testApp();
  await t.failures.record({
    flow: 'order-sync',
    reasonCode: 'SKU_MISSING',
    message: 'lineItems[0].variant.sku: missing',
    field: 'lineItems[0].variant.sku',
    retryable: false,
    ref: { type: 'order', id: 'o-1' },
    correlationId: 'corr-1',
  });
  await t.failures.record({
    flow: 'order-sync',
    reasonCode: 'LINNWORKS_REJECTED',
    message: 'rejected',
    retryable: false,
    ref: { type: 'order', id: 'o-2' },
    correlationId: 'corr-2',
  });
  await t.failures.record({
    flow: 'stock-sync',
    reasonCode: 'SKU_MISSING',
    message: 'no variant',
    retryable: false,
    ref: { type: 'skus', id: 'p-1' },
    correlationId: 'corr-3',
  });

  return t;
}

describe('GET /service/failures', () => {
  it('when filtered by flow and reason, then only matching failures come back with their correlation IDs', async () => {
    const t = await seeded();
    const res = await request(t.app).get(
      '/service/failures?flow=order-sync&reasonCode=SKU_MISSING',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      flow: 'order-sync',
      reasonCode: 'SKU_MISSING',
      correlationId: 'corr-1',
      attempts: 1,
      status: 'pending',
    });
  });

  it('when paged with limit, then nextOffset points at the rest', async () => {
    const t = await seeded();
    const first = await request(t.app).get('/service/failures?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextOffset).toBe(2);
    const second = await request(t.app).get('/service/failures?limit=2&offset=2');
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextOffset).toBeUndefined();
  });

  it('when a filter is malformed, then 400 names the field', async () => {
    const t = await seeded();
    for (const [query, field] of [
      ['status=broken', 'status'],
      ['limit=9999', 'limit'],
      ['since=yesterday', 'since'],
      ['flow=a%22b', 'flow'],
      ['unknown=1', 'query'],
    ]) {
      const res = await request(t.app).get(`/service/failures?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    }
  });
});

describe('GET /service/failures/:id', () => {
  it('when the id exists, then the whole record is returned; when not, 404', async () => {
    const t = await seeded();
    const list = await request(t.app).get('/service/failures?flow=stock-sync');
    const id = list.body.items[0].id as string;
    const found = await request(t.app).get(`/service/failures/${id}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id, flow: 'stock-sync', correlationIds: ['corr-3'] });
    expect((await request(t.app).get('/service/failures/nope')).status).toBe(404);
  });
});

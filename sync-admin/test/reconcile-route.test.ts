import request from 'supertest';

import type { ReconcileReport, ReconcileRequest } from 'shared';
import { testApp } from './support/test-app';

const report: ReconcileReport = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  orders: {
    window: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
    checked: 2,
    total: 3,
    nextOffset: 2,
    discrepancies: [
      {
        kind: 'total-differs',
        reference: '=ORD-1',
        ctOrderId: 'o1',
        lwOrderIds: ['l1'],
        commercetools: 1999,
        linnworks: 2000,
      },
    ],
  },
  stock: {
    checkedSkus: 1,
    discrepancies: [
      {
        kind: 'quantity-differs',
        sku: 'SKU-1',
        channelKey: 'wh',
        ctQuantity: 3,
        expectedQuantity: 5,
        difference: -2,
      },
    ],
  },
};

function app() {
  const seen: ReconcileRequest[] = [];
  const t = testApp({ reconcile: async (r) => (seen.push(r), report) });

  return { app: t.app, seen };
}

describe('POST /service/reconcile', () => {
  it('when asked for JSON, then the report comes back with defaults applied to the request', async () => {
    const { app: a, seen } = app();
    const res = await request(a)
      .post('/service/reconcile')
      .send({ orders: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } });
    expect(res.status).toBe(200);
    expect(res.body.orders.nextOffset).toBe(2);
    expect(seen[0]).toEqual({
      orders: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', limit: 50, offset: 0 },
    });
  });

  it('when asked for CSV (query or Accept), then one row per discrepancy with formula cells defused', async () => {
    const { app: a } = app();
    for (const req of [
      request(a).post('/service/reconcile?format=csv').send({ stock: {} }),
      request(a).post('/service/reconcile').set('Accept', 'text/csv').send({ stock: {} }),
    ]) {
      const res = await req;
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.text.split('\r\n')).toEqual([
        'section,kind,reference,ctOrderId,lwOrderIds,sku,channelKey,commercetools,linnworks,difference',
        "orders,total-differs,'=ORD-1,o1,l1,,,1999,2000,",
        'stock,quantity-differs,,,,SKU-1,wh,3,5,-2',
        '',
      ]);
    }
  });

  it('when the request is invalid, then 400 names the field and nothing is reconciled', async () => {
    const { app: a, seen } = app();
    const cases: Array<[object, string, string?]> = [
      [{}, 'orders'],
      [{ orders: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'orders.from'],
      [{ orders: { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 'orders.to'],
      [{ orders: { from: 'yesterday', to: '2026-01-01T00:00:00Z' } }, 'orders.from'],
      [{ stock: { skus: [] } }, 'stock.skus'],
      [{ stock: { limit: 201 } }, 'stock.limit'],
      [{ stock: {} }, 'format', 'xml'],
    ];
    for (const [body, field, format] of cases) {
      const res = await request(a)
        .post(`/service/reconcile${format ? `?format=${format}` : ''}`)
        .send(body);
      expect({ body, status: res.status, field: res.body.field }).toEqual({
        body,
        status: 400,
        field,
      });
    }
    expect(seen).toHaveLength(0);
  });
});

import type { FailureRecord, FlowReplayer } from 'shared';
import request from 'supertest';

import { testApp } from './support/test-app';

const failure = (
  t: ReturnType<typeof testApp>,
  flow: string,
  id: string,
  reasonCode = 'SKU_MISSING',
) =>
  t.failures.record({
    flow,
    reasonCode,
    message: 'bad',
    retryable: false,
    ref: { type: 'order', id },
    correlationId: `orig-${id}`,
  });

describe('POST /service/replay', () => {
  it('when replayed by ids, then each item gets its outcome and resolved failures are closed', async () => {
    const seen: Array<{ id: string; dryRun: boolean }> = [];
    const replayer: FlowReplayer = async (f: FailureRecord, { dryRun }) => {
      seen.push({ id: f.ref.id, dryRun });

      return f.ref.id === 'ok'
        ? { outcome: 'resolved' }
        : { outcome: 'still-failing', reasonCode: 'SKU_MISSING', message: 'still no sku' };
    };
    const t = testApp({ replayers: { 'order-sync': replayer } });
    const ok = await failure(t, 'order-sync', 'ok');
    const bad = await failure(t, 'order-sync', 'bad');
    const res = await request(t.app)
      .post('/service/replay')
      .send({ ids: [ok.id, bad.id, 'missing'] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string; outcome: string }) => [i.id, i.outcome])).toEqual([
      [ok.id, 'resolved'],
      [bad.id, 'still-failing'],
      ['missing', 'not-found'],
    ]);
    expect(res.body.items[0].originalCorrelationId).toBe('orig-ok');
    expect(res.body.items[0].correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([
      { id: 'ok', dryRun: false },
      { id: 'bad', dryRun: false },
    ]);
    expect((await t.failures.get(ok.id))?.status).toBe('resolved');
    const again = await t.failures.get(bad.id);
    expect(again).toMatchObject({ status: 'pending', attempts: 2, correlationId: 'orig-bad' });
    expect(again?.correlationIds).toEqual(['orig-bad', res.body.items[1].correlationId]);
  });

  it('when dry-run, then the replayer is told so and no failure changes', async () => {
    const replayer: FlowReplayer = async () => ({ outcome: 'resolved' });
    const t = testApp({ replayers: { 'order-sync': replayer } });
    const f = await failure(t, 'order-sync', 'o-1');
    const res = await request(t.app).post('/service/replay').send({ all: true, dryRun: true });
    expect(res.body).toMatchObject({ dryRun: true, counts: { 'would-replay': 1 } });
    expect(await t.failures.get(f.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('when a dry run finds the failure still failing, then the item names the reason code and nothing is recorded', async () => {
    const replayer: FlowReplayer = async () => ({
      outcome: 'still-failing',
      reasonCode: 'ADDRESS_POSTCODE_MISSING',
      message: 'dry run: postcode missing',
    });
    const t = testApp({ replayers: { 'order-sync': replayer } });
    const f = await failure(t, 'order-sync', 'o-1');
    const res = await request(t.app)
      .post('/service/replay')
      .send({ ids: [f.id], dryRun: true });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        outcome: 'still-failing',
        reasonCode: 'ADDRESS_POSTCODE_MISSING',
        message: 'dry run: postcode missing',
      }),
    ]);
    expect(await t.failures.get(f.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('when replayed by flow and reason, then only those pending failures are replayed', async () => {
    const calls: string[] = [];
    const replayer: FlowReplayer = async (f) => {
      calls.push(f.ref.id);

      return { outcome: 'resolved' };
    };
    const t = testApp({ replayers: { 'order-sync': replayer, 'stock-sync': replayer } });
    await failure(t, 'order-sync', 'a', 'SKU_MISSING');
    await failure(t, 'order-sync', 'b', 'OTHER');
    await failure(t, 'stock-sync', 'c', 'SKU_MISSING');
    const res = await request(t.app)
      .post('/service/replay')
      .send({ flow: 'order-sync', reasonCode: 'SKU_MISSING' });
    expect(res.body.requested).toBe(1);
    expect(calls).toEqual(['a']);
  });

  it('when a flow has no replayer or the replayer throws, then that item says so and the others still run', async () => {
    const t = testApp({
      replayers: {
        'stock-sync': async () => {
          throw new Error('boom');
        },
        'fulfillment-sync': async () => ({ outcome: 'resolved' }),
      },
    });
    const a = await failure(t, 'order-sync', 'a');
    const b = await failure(t, 'stock-sync', 'b');
    const c = await failure(t, 'fulfillment-sync', 'c');
    const res = await request(t.app)
      .post('/service/replay')
      .send({ ids: [a.id, b.id, c.id] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { outcome: string }) => i.outcome)).toEqual([
      'no-replayer',
      'error',
      'resolved',
    ]);
    expect(res.body.items[1]).toMatchObject({ reasonCode: 'UNEXPECTED' });
    expect((await t.failures.get(b.id))?.status).toBe('pending');
  });

  it('when a failure is no longer pending, then it is not replayed again', async () => {
    let calls = 0;
    const t = testApp({
      replayers: { 'order-sync': async () => ((calls += 1), { outcome: 'resolved' }) },
    });
    const f = await failure(t, 'order-sync', 'a');
    await request(t.app)
      .post('/service/replay')
      .send({ ids: [f.id] });
    const res = await request(t.app)
      .post('/service/replay')
      .send({ ids: [f.id] });
    expect(res.body.items[0].outcome).toBe('not-pending');
    expect(calls).toBe(1);
  });

  it('when the body is invalid, then 400 names the field', async () => {
    const t = testApp();
    const cases: Array<[unknown, string]> = [
      [{}, 'ids'],
      [{ ids: [], all: true }, 'ids'],
      [{ ids: ['a b'] }, 'ids.0'],
      [{ all: true, dryRun: 'yes' }, 'dryRun'],
      [{ reasonCode: 'X', all: true }, 'reasonCode'],
      [{ all: true, extra: 1 }, 'body'],
      [{ all: true, limit: 1000 }, 'limit'],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app)
        .post('/service/replay')
        .send(body as object);
      expect({ body, status: res.status, field: res.body.field }).toEqual({
        body,
        status: 400,
        field,
      });
    }
  });

  it('when the body is larger than the limit or not JSON, then it is refused before any replay', async () => {
    const t = testApp();
    const big = await request(t.app)
      .post('/service/replay')
      .send({ ids: ['x'.repeat(40_000)] });
    expect(big.status).toBe(413);
    const broken = await request(t.app)
      .post('/service/replay')
      .set('Content-Type', 'application/json')
      .send('{"all":');
    expect(broken.status).toBe(400);
  });
});

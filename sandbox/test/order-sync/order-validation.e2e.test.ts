import { failureId } from 'shared';
import request from 'supertest';

import {
  importOrder,
  linnworksOrdersFor,
  orderMessage,
  type OrderSyncWorld,
  seedSkus,
  startWorld,
} from './order-sync.harness';

describe('validation that helps (test server + emulator)', () => {
  let world: OrderSyncWorld;
  beforeAll(async () => {
    // The stock-sync normaliser: trim and upper-case, as the merchant's Linnworks SKUs are.
    world = await startWorld({ skuMatching: { trim: true, case: 'upper' } });
    await seedSkus(world, ['lamp-9'], ['LAMP-9']);
  }, 30_000);
  afterAll(() => world.close());

  it('when an order SKU differs from the Linnworks SKU only by case, then it is sent as Linnworks spells it and links', async () => {
    const order = await importOrder(world, {
      lines: [{ sku: 'lamp-9', quantity: 1, unitCents: 3000 }],
    });
    const res = await request(world.app).post('/event').send(orderMessage(order));
    expect(res.status).toBe(200);
    const [lw] = linnworksOrdersFor(world, order.id) as unknown as Array<{
      Items: Array<{ ChannelSKU: string; SKU: string; IsUnlinked: boolean }>;
    }>;
    expect(lw?.Items[0]).toMatchObject({ ChannelSKU: 'LAMP-9', SKU: 'LAMP-9', IsUnlinked: false });
  });

  it.each([
    ['UK', '51147', 'ADDRESS_COUNTRY_INVALID', 'shippingAddress.country'],
    ['DE', '5114', 'ADDRESS_POSTCODE_INVALID', 'shippingAddress.postalCode'],
  ])(
    'when the country is %s and the postcode %s, then the order waits in the failure queue with %s',
    async (country, postalCode, code, field) => {
      const order = await importOrder(world, {
        lines: [{ sku: 'lamp-9', quantity: 1, unitCents: 3000 }],
        address: { country, postalCode },
      });
      const res = await request(world.app).post('/event').send(orderMessage(order));
      expect(res.status).toBe(202);
      expect(linnworksOrdersFor(world, order.id)).toHaveLength(0);
      const failure = await world.failures.get(
        failureId('order-sync', { type: 'order', id: order.id }),
      );
      expect(failure).toMatchObject({ reasonCode: code, field });
      expect(failure!.message).not.toContain(postalCode);
    },
  );
});

import { ctTestApi, ctTestConfig } from 'shared/testing';

import { startLinnworksEmulator } from '../../linnworks-emulator/src';
import { ALL_VARIANTS, WAREHOUSES } from '../../src/seed/catalog';
import { seedCommercetools } from '../../src/seed/ct-seed';
import { seedLinnworks } from '../../src/seed/linnworks-seed';

describe('sandbox seed', () => {
  it('when both systems are seeded, then every Linnworks item matches a commercetools variant by SKU and EAN, and every location a supply channel', async () => {
    const api = ctTestApi(ctTestConfig());
    const emulator = await startLinnworksEmulator({ options: { rateLimits: false } });
    try {
      const ct = await seedCommercetools(api);
      const lw = seedLinnworks(emulator.control);

      const products = (
        await api
          .productProjections()
          .get({ queryArgs: { staged: true, limit: 100 } })
          .execute()
      ).body.results;
      const variants = products.flatMap((p) => [p.masterVariant, ...p.variants]);
      for (const v of ALL_VARIANTS) {
        const ctVariant = variants.find((x) => x.sku === v.sku);
        expect(ctVariant?.attributes?.find((a) => a.name === 'ean')?.value).toBe(v.ean);
        const levels = emulator.control.getStock(v.sku);
        for (const wh of WAREHOUSES) {
          expect(levels.find((l) => l.locationName === wh.location)?.stockLevel).toBe(
            v.stock[wh.location],
          );
        }
      }
      for (const wh of WAREHOUSES) {
        const channel = (await api.channels().withKey({ key: wh.channel }).get().execute()).body;
        expect(channel.roles).toContain('InventorySupply');
      }
      const rates = (await api.taxCategories().withKey({ key: 'standard' }).get().execute()).body
        .rates;
      expect(rates.map((r) => r.includedInPrice).sort()).toEqual([false, true]);
      expect(ct).toMatchObject({ stores: 2, channels: 3, shippingMethods: 2, discountCodes: 1 });
      expect(lw).toEqual({ locations: 3, items: ALL_VARIANTS.length, postalServices: 2 });
    } finally {
      await emulator.close();
    }
  }, 60_000);
});

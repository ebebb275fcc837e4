import { VersionConflictError } from '../../../src/errors/errors';
import { CtStockSyncAdapter } from '../../../src/flows/stock-sync/ct-stock-sync.adapter';
import { InventoryMissingError } from '../../../src/flows/stock-sync/ct-stock-sync.port';
import { ctTestApi } from '../../../testing';

describe('CtStockSyncAdapter against the commercetools test server', () => {
  const api = ctTestApi();
  const gateway = new CtStockSyncAdapter(api);
  let channelId: string;

  beforeAll(async () => {
    channelId = (
      await api
        .channels()
        .post({ body: { key: 'wh-gw', roles: ['InventorySupply'] } })
        .execute()
    ).body.id;
    const type = await api
      .productTypes()
      .post({
        body: {
          name: 'gw',
          description: 'gw',
          attributes: [
            {
              name: 'ean',
              type: { name: 'text' },
              label: { en: 'EAN' },
              isRequired: false,
              isSearchable: true,
            },
          ],
        },
      })
      .execute();
    await api
      .products()
      .post({
        body: {
          productType: { typeId: 'product-type', id: type.body.id },
          name: { en: 'Mug' },
          slug: { en: 'mug' },
          masterVariant: { sku: 'MUG-1', attributes: [{ name: 'ean', value: '4006381333931' }] },
          variants: [{ sku: 'MUG-2', attributes: [{ name: 'ean', value: '4006381333948' }] }],
        },
      })
      .execute();
  });

  it('when the project has no inventory, then hasInventory says so', async () => {
    expect(await gateway.hasInventory()).toBe(false);
  });

  it('when channels are asked by key, then only existing keys come back with their ids', async () => {
    const ids = await gateway.channelIdsByKey(['wh-gw', 'wh-none']);

    expect([...ids]).toEqual([['wh-gw', channelId]]);
  });

  it('when SKUs are checked, then only those of a master or other variant exist', async () => {
    expect(await gateway.existingVariantSkus(['MUG-1', 'MUG-2', 'MUG-3'])).toEqual(
      new Set(['MUG-1', 'MUG-2']),
    );
  });

  it('when barcodes are looked up through the attribute, then each finds its variant SKU', async () => {
    const found = await gateway.skusByAttribute('ean', ['4006381333948', '0000000000000']);

    expect([...found]).toEqual([['4006381333948', 'MUG-2']]);
  });

  it('when an entry is created, found and updated with a stale version, then the 409 and 404 are typed', async () => {
    const created = await gateway.createEntry({
      key: 'lw-stock-test',
      sku: 'MUG-1',
      channelId,
      quantity: 3,
    });
    const found = await gateway.findEntries(['MUG-1']);
    expect(found).toEqual([
      expect.objectContaining({ id: created.id, channelId, quantityOnStock: 3 }),
    ]);

    const updated = await gateway.changeQuantity(created, 5);
    expect(updated).toMatchObject({ quantityOnStock: 5, version: created.version + 1 });
    await expect(gateway.changeQuantity(created, 6)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(
      gateway.changeQuantity({ id: '00000000-0000-4000-8000-000000000000', version: 1 }, 1),
    ).rejects.toBeInstanceOf(InventoryMissingError);
    expect(await gateway.hasInventory()).toBe(true);
  });
});

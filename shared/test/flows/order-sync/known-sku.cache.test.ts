import { KnownSkuCache } from '../../../src/flows/order-sync/known-sku.cache';
import type { LinnworksOrderSyncPort } from '../../../src/flows/order-sync/linnworks-order-sync.port';

/** A Linnworks that knows `have` and answers each lookup when the test releases it. */
function slowLinnworks(have: string[]) {
  const calls: string[][] = [];
  const release: Array<() => void> = [];
  const linnworks = {
    getStockItemIdsBySku: async ({ skus }: { skus: string[] }) => {
      calls.push(skus);
      await new Promise<void>((resolve) => release.push(resolve));
      if (skus.includes('BOOM')) throw new Error('lookup failed');

      return skus.filter((s) => have.includes(s)).map((s) => ({ SKU: s, StockItemId: `id-${s}` }));
    },
  } as unknown as LinnworksOrderSyncPort;

  return { linnworks, calls, releaseAll: () => release.splice(0).forEach((r) => r()) };
}

describe('KnownSkuCache', () => {
  it('when orders are checked at the same time, then they share the lookup in flight for a SKU', async () => {
    const lw = slowLinnworks(['LAMP-1']);
    const cache = new KnownSkuCache();
    const checks = [
      cache.unknown(lw.linnworks, ['LAMP-1']),
      cache.unknown(lw.linnworks, ['LAMP-1', 'GHOST-1']),
      cache.unknown(lw.linnworks, ['GHOST-1']),
    ];
    lw.releaseAll();
    await Promise.resolve();
    lw.releaseAll();
    expect(await Promise.all(checks)).toEqual([[], ['GHOST-1'], ['GHOST-1']]);
    expect(lw.calls).toEqual([['LAMP-1'], ['GHOST-1']]);
    // Known now: no call; a SKU still unknown is asked again (it may have been added since).
    const later = cache.unknown(lw.linnworks, ['LAMP-1', 'GHOST-1']);
    await Promise.resolve();
    lw.releaseAll();
    expect(await later).toEqual(['GHOST-1']);
    expect(lw.calls).toEqual([['LAMP-1'], ['GHOST-1'], ['GHOST-1']]);
  });

  it('when the shared lookup fails, then every order waiting on it gets the failure and the next check asks again', async () => {
    const lw = slowLinnworks(['BOOM']);
    const cache = new KnownSkuCache();
    const first = cache.unknown(lw.linnworks, ['BOOM']);
    const second = cache.unknown(lw.linnworks, ['BOOM']);
    lw.releaseAll();
    await expect(first).rejects.toThrow('lookup failed');
    await expect(second).rejects.toThrow('lookup failed');
    expect(lw.calls).toHaveLength(1);
    const third = cache.unknown(lw.linnworks, ['BOOM']);
    await Promise.resolve();
    expect(lw.calls).toHaveLength(2);
    lw.releaseAll();
    await expect(third).rejects.toThrow('lookup failed');
  });
});

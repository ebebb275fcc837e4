import type { LinnworksChannelOrder } from 'shared';

import { channelOrder, type Harness, startHarness } from './emulator-harness';

/**
 * CreateOrders with several orders per call, as order-sync batches them (issue #19). Reference
 * §3.1 / §10.4: uniqueness is (Source, SubSource, ReferenceNumber); an unpaid existing order is
 * updated and its id returned; a paid one skips the incoming order, which is omitted from the
 * result ("ids that were saved") or, in the other reading [?], answered with the existing id.
 */
function order(ref: string, overrides: Record<string, unknown> = {}): LinnworksChannelOrder {
  return channelOrder({
    ReferenceNumber: ref,
    ExternalReference: `ct-${ref}`,
    ...overrides,
  }) as LinnworksChannelOrder;
}

describe('Linnworks CreateOrders batches: dedupe and result per order', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
    h.emulator.control.seedItems([{ sku: 'SKU-1', title: 'Blue mug', stock: { Default: 100 } }]);
    h.emulator.control.seedPostalServices([
      { name: 'Royal Mail 24', vendor: 'Royal Mail', code: 'RM24' },
    ]);
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  async function refsOf(ids: string[]): Promise<string[]> {
    const details = await h.client.getOrdersById({ orderIds: ids });

    return ids.map((id) => details.find((d) => d.OrderId === id)?.GeneralInfo.ReferenceNum ?? '?');
  }

  it('when a batch holds the duplicate of a paid order between new ones, then the new ones are saved and only their ids come back', async () => {
    const [existing] = await h.client.createOrders({ orders: [order('B-2')], location: 'Default' });

    const ids = await h.client.createOrders({
      orders: [order('B-1'), order('B-2'), order('B-3')],
      location: 'Default',
    });

    // Omitted: the result is shorter than the batch, so positions cannot be trusted.
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(existing);
    expect(await refsOf(ids)).toEqual(['B-1', 'B-3']);
    await expect(
      h.client.getOrderDetailsByReferenceId({ referenceId: 'B-2' }),
    ).resolves.toHaveLength(1);
  });

  it('when Linnworks echoes existing ids for paid duplicates, then the batch answers one id per order', async () => {
    h.emulator.control.setOptions({ paidDuplicateResult: 'existing-id' });
    const [existing] = await h.client.createOrders({ orders: [order('E-2')], location: 'Default' });

    const ids = await h.client.createOrders({
      orders: [order('E-1'), order('E-2'), order('E-3')],
      location: 'Default',
    });

    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(existing);
    expect(await refsOf(ids)).toEqual(['E-1', 'E-2', 'E-3']);
  });

  it('when a batch holds the duplicate of an unpaid order, then that order is updated, not duplicated, and its id comes back', async () => {
    const [existing] = await h.client.createOrders({
      orders: [order('U-1', { PaymentStatus: 'Unpaid' })],
      location: 'Default',
    });

    const ids = await h.client.createOrders({
      orders: [order('U-0'), order('U-1', { PaymentStatus: 'Unpaid' })],
      location: 'Default',
    });

    expect(ids).toHaveLength(2);
    expect(ids).toContain(existing);
    await expect(
      h.client.getOrderDetailsByReferenceId({ referenceId: 'U-1' }),
    ).resolves.toHaveLength(1);
  });

  it('when one batch holds the same paid order twice, then one order is saved and the second is skipped', async () => {
    const ids = await h.client.createOrders({
      orders: [order('D-1'), order('D-1')],
      location: 'Default',
    });

    expect(ids).toHaveLength(1);
    await expect(
      h.client.getOrderDetailsByReferenceId({ referenceId: 'D-1' }),
    ).resolves.toHaveLength(1);
  });

  it('when the same reference comes from another SubSource in the same batch, then both are saved', async () => {
    const ids = await h.client.createOrders({
      orders: [order('S-1'), order('S-1', { SubSource: 'ct-store-de' })],
      location: 'Default',
    });

    expect(ids).toHaveLength(2);
  });
});

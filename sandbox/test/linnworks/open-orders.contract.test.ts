import { type LinnworksChannelOrder, type LinnworksOpenOrder, ValidationError } from 'shared';

import { ZERO_GUID } from '../../linnworks-emulator/src';
import { channelOrder, type Harness, startHarness } from './emulator-harness';

/**
 * Orders/GetOpenOrders by received date (#14): one location per call, every channel, and pages
 * that shift when orders leave the book between two calls.
 */
describe('Linnworks open orders received since a time', () => {
  let h: Harness;
  let leedsId: string;

  async function start(options: Parameters<typeof startHarness>[0] = {}) {
    h = await startHarness(options);
    leedsId = h.emulator.control.seedLocations([{ name: 'Leeds' }])[0]!.id;
    h.emulator.control.seedItems([{ sku: 'SKU-1', stock: { Default: 50, Leeds: 50 } }]);
    const at = (ref: string, minute: number, source = 'COMMERCETOOLS') =>
      channelOrder({
        ReferenceNumber: ref,
        Source: source,
        ReceivedDate: `2025-06-01T10:${String(minute).padStart(2, '0')}:00Z`,
      }) as LinnworksChannelOrder;
    await h.client.createOrders({
      orders: [at('A', 1), at('B', 2, 'EBAY'), at('C', 3, 'AMAZON'), at('OLD', 0)],
      location: 'Default',
    });
    await h.client.createOrders({ orders: [at('L', 2)], location: 'Leeds' });
  }

  const window = { receivedFrom: '2025-06-01T10:01:00Z', receivedTo: '2025-06-01T11:00:00Z' };
  const refs = (rows: LinnworksOpenOrder[]) => rows.map((o) => o.GeneralInfo.ReferenceNum);
  const page = (pageNumber: number, entriesPerPage: number, fulfilmentCenter = ZERO_GUID) =>
    h.client.getOpenOrders({ ...window, fulfilmentCenter, pageNumber, entriesPerPage });

  afterEach(async () => {
    await h.emulator.close();
  });

  it('when open orders are listed for a location, then those received in the window come oldest first from every channel', async () => {
    await start();

    expect(refs((await page(1, 50)).Data)).toEqual(['A', 'B', 'C']);
    expect(refs((await page(1, 50, leedsId)).Data)).toEqual(['L']);
  });

  it('when no location is sent, then only the Default location is listed; with openOrdersWithoutLocation all, every one', async () => {
    await start();
    const body = {
      entriesPerPage: 50,
      pageNumber: 1,
      filters: {
        DateFields: [
          { FieldCode: 'GENERAL_INFO_DATE', Type: 'Range', DateFrom: window.receivedFrom },
        ],
      },
    };
    const rows = async () =>
      ((await h.api('Orders/GetOpenOrders', body)).json as { Data: LinnworksOpenOrder[] }).Data;

    expect(refs(await rows()).sort()).toEqual(['A', 'B', 'C']);
    h.emulator.control.setOptions({ openOrdersWithoutLocation: 'all' });
    expect(refs(await rows()).sort()).toEqual(['A', 'B', 'C', 'L']);
  });

  it('when an order is processed between two pages, then the next page shifts and skips one; paging by received date does not', async () => {
    await start();
    const first = await page(1, 1);
    h.emulator.control.processOrder({ order: 'A', trackingNumber: 'T' });
    const second = await page(2, 1);

    expect(refs(first.Data)).toEqual(['A']);
    expect(refs(second.Data)).toEqual(['C']);
    const next = await h.client.getOpenOrders({
      ...window,
      receivedFrom: first.Data[0]!.GeneralInfo.ReceivedDate!,
      fulfilmentCenter: ZERO_GUID,
      pageNumber: 1,
      entriesPerPage: 50,
    });
    expect(refs(next.Data)).toEqual(['B', 'C']);
  });

  it('when a page holds more than 500 orders, then the client refuses it and the emulator answers 400', async () => {
    await start();

    await expect(page(1, 501)).rejects.toBeInstanceOf(ValidationError);
    const res = await h.api('Orders/GetOpenOrders', { entriesPerPage: 501, pageNumber: 1 });
    expect(res).toEqual({ status: 400, json: { Message: 'Number must be between 1 and 500' } });
  });
});

import type {
  LinnworksFulfillmentSyncPort,
  LinnworksOrderDetails,
  LinnworksProcessedOrder,
} from 'shared';
import { detailsFrom, FakeLinnworks, processedRow } from 'shared/testing';

import { channelOrder, type Harness, startHarness } from './emulator-harness';

// The in-memory stand-in fulfillment-sync's unit tests use (FakeLinnworks) holds to the same
// contract as the Linnworks emulator, which holds to the reference: the same orders, shipped and
// cancelled alike, give the same answers through the port. Where they disagree, the emulator is
// right.

const PROCESSED_ON = '2026-01-01T10:00:00.000Z';
const WINDOW = { from: '2026-01-01T09:00:00.000Z', to: '2026-01-01T11:00:00.000Z' };

interface OrderSpec {
  reference: string;
  source: string;
  sku: string;
  quantity: number;
}

/** One way to put orders in Linnworks and read them back through the port. */
interface FulfillmentWorld {
  port: LinnworksFulfillmentSyncPort;
  /** An order shipped in one box with this tracking number; returns its id. */
  ship(order: OrderSpec, trackingNumber: string): Promise<string>;
  /** An open order (created, not shipped); returns its id. */
  open(order: OrderSpec): Promise<string>;
  close(): Promise<void>;
}

async function emulatorWorld(): Promise<FulfillmentWorld> {
  const h: Harness = await startHarness({ rateLimits: false });
  h.emulator.control.seedItems(['SKU-1', 'SKU-2'].map((sku) => ({ sku, stock: { Default: 10 } })));
  h.emulator.control.seedPostalServices([{ name: 'Royal Mail 24', vendor: 'Royal Mail' }]);
  const create = async (o: OrderSpec) => {
    const item = { ...channelOrder().OrderItems[0]!, ItemNumber: 'line-1', ChannelSKU: o.sku };
    const [id] = await h.client.createOrders({
      orders: [
        channelOrder({
          Source: o.source,
          ReferenceNumber: o.reference,
          OrderItems: [{ ...item, Qty: o.quantity }],
        }) as Parameters<typeof h.client.createOrders>[0]['orders'][number],
      ],
      location: 'Default',
    });

    return id!;
  };

  return {
    port: h.client,
    open: create,
    ship: async (o, trackingNumber) => {
      const id = await create(o);
      h.emulator.control.processOrder({ order: id, trackingNumber, processedOn: PROCESSED_ON });

      return id;
    },
    close: () => h.emulator.close(),
  };
}

async function fakeWorld(): Promise<FulfillmentWorld> {
  const fake = new FakeLinnworks();
  let next = 1;
  const add = (o: OrderSpec, processed: Partial<LinnworksProcessedOrder>) => {
    const id = `00000000-0000-0000-0000-${String(next++).padStart(12, '0')}`;
    const row = processedRow({
      pkOrderID: id,
      ReferenceNum: o.reference,
      Source: o.source,
      Vendor: 'Royal Mail',
      PostalServiceName: 'Royal Mail 24',
      ...processed,
    });
    const item = { ItemNumber: 'line-1', SKU: o.sku, Quantity: o.quantity };
    fake.details.set(id, detailsFrom(row, [item as LinnworksOrderDetails['Items'][number]]));
    if (row.dProcessedOn) fake.processed.push(row);

    return id;
  };

  return {
    port: fake,
    open: async (o) => add(o, { dProcessedOn: null, PostalTrackingNumber: '' }),
    ship: async (o, trackingNumber) =>
      add(o, { dProcessedOn: PROCESSED_ON, PostalTrackingNumber: trackingNumber }),
    close: async () => undefined,
  };
}

/** What fulfillment-sync reads of an order's details. */
function detailsView(d: LinnworksOrderDetails) {
  return {
    reference: d.GeneralInfo.ReferenceNum,
    source: d.GeneralInfo.Source,
    processed: d.Processed,
    tracking: d.ShippingInfo.TrackingNumber,
    vendor: d.ShippingInfo.Vendor,
    service: d.ShippingInfo.PostalServiceName,
    items: d.Items.map((i) => ({ line: i.ItemNumber, sku: i.SKU, quantity: i.Quantity })),
  };
}

/** The scenario both worlds run; returns what the port answered, in comparable form. */
async function scenario(world: FulfillmentWorld) {
  const shipped = await world.ship(
    { reference: 'R-1', source: 'COMMERCETOOLS', sku: 'SKU-1', quantity: 2 },
    'TRK-1',
  );
  await world.ship({ reference: 'R-2', source: 'EBAY', sku: 'SKU-2', quantity: 1 }, 'TRK-2');
  const open = await world.open({
    reference: 'R-3',
    source: 'COMMERCETOOLS',
    sku: 'SKU-2',
    quantity: 1,
  });
  const page = await world.port.searchProcessedOrders({
    dateField: 'processed',
    ...WINDOW,
    filters: [{ SearchField: 'Source', SearchTerm: 'COMMERCETOOLS' }],
    pageNumber: 1,
    resultsPerPage: 20,
  });
  const details = await world.port.getOrdersById({ orderIds: [shipped, open] });
  const flags = await world.port.getOrderPrintFlags({ orderIds: [open] });

  return {
    page: {
      total: page.TotalEntries,
      rows: page.Data.map((r) => ({
        reference: r.ReferenceNum,
        source: r.Source,
        tracking: r.PostalTrackingNumber,
        processedOn: r.dProcessedOn,
        cancelled: r.HoldOrCancel,
      })),
    },
    details: details.map(detailsView),
    flags: flags.map((f) => ({ processed: f.Processed, holdOrCancel: f.HoldOrCancel })),
    // No return rows were made: both answer none, for the open order as for the shipped one.
    returns: [
      (await world.port.getReturnsExchanges({ orderId: shipped })).length,
      (await world.port.getReturnsExchanges({ orderId: open })).length,
    ],
    split: (await world.port.getPackageSplit({ orderId: shipped })).map((p) => ({
      bin: p.BinIndex,
      box: p.PackageTitle,
      sku: p.SKU,
      quantity: p.Quantity,
      tracking: p.TrackingNumber,
    })),
  };
}

describe('the in-memory Linnworks fulfilment stand-in against the emulator (same contract)', () => {
  let emulator: Awaited<ReturnType<typeof scenario>>;
  let fake: Awaited<ReturnType<typeof scenario>>;

  beforeAll(async () => {
    const worlds = [await emulatorWorld(), await fakeWorld()];
    try {
      [emulator, fake] = [await scenario(worlds[0]!), await scenario(worlds[1]!)];
    } finally {
      await Promise.all(worlds.map((w) => w.close()));
    }
  });

  it('when both hold the same orders, then the stand-in answers every call as the emulator does', () => {
    expect(fake).toEqual(emulator);
  });

  it('when processed orders are searched by date and Source, then only the connector’s shipped order is found, with its tracking', () => {
    expect(emulator.page).toEqual({
      total: 1,
      rows: [
        {
          reference: 'R-1',
          source: 'COMMERCETOOLS',
          tracking: 'TRK-1',
          processedOn: PROCESSED_ON,
          cancelled: false,
        },
      ],
    });
    expect(emulator.split).toEqual([
      { bin: 1, box: 'Box 1', sku: 'SKU-1', quantity: 2, tracking: 'TRK-1' },
    ]);
    expect(emulator.details.map((d) => [d.reference, d.processed])).toEqual([
      ['R-1', true],
      ['R-3', false],
    ]);
  });
});

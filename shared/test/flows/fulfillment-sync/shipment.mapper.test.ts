import type { Order } from '@commercetools/platform-sdk';

import { type LwShipment } from '../../../src/flows/fulfillment-sync/fulfillment.types';
import { planShipment } from '../../../src/flows/fulfillment-sync/shipment.mapper';
import { ctOrder } from './order.fixture';

const shipment = (over: Partial<LwShipment> = {}): LwShipment => ({
  lwOrderId: 'lw-1',
  numOrderId: 100001,
  reference: 'ORD-1',
  secondaryReference: '',
  externalReference: '',
  source: 'COMMERCETOOLS',
  subSource: 'default',
  processedOn: '2026-01-01T10:00:00.000Z',
  trackingNumber: 'TRK1',
  vendor: 'Royal Mail',
  postalServiceName: 'Tracked 24',
  ...over,
});

const settings = { shippedOrderState: 'Complete' as const };

describe('planShipment', () => {
  it('when a one-box order is processed, then one keyed delivery with all open items and a tracked parcel is added and the order is shipped and complete', () => {
    const order = ctOrder([
      { id: 'li-a', sku: 'A', quantity: 2 },
      { id: 'li-b', sku: 'B', quantity: 1 },
    ]);
    const plan = planShipment(order, shipment(), settings);
    expect(plan).toEqual({
      kind: 'ship',
      complete: true,
      untrackedParcelKeys: [],
      actions: [
        {
          action: 'addDelivery',
          deliveryKey: 'lw-lw-1',
          items: [
            { id: 'li-a', quantity: 2 },
            { id: 'li-b', quantity: 1 },
          ],
          parcels: [
            {
              key: 'lw-lw-1-1',
              items: [
                { id: 'li-a', quantity: 2 },
                { id: 'li-b', quantity: 1 },
              ],
              trackingData: { trackingId: 'TRK1', carrier: 'Royal Mail', provider: 'Tracked 24' },
            },
          ],
        },
        { action: 'changeShipmentState', shipmentState: 'Shipped' },
        { action: 'changeOrderState', orderState: 'Complete' },
      ],
    });
  });

  it('when the order is in Multiple shipping mode, then no delivery is planned and the reason names the shipping mode', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 1 }], {
      shippingMode: 'Multiple',
      shippingInfo: undefined,
    });
    expect(planShipment(order, shipment(), settings)).toEqual({
      kind: 'problem',
      problem: expect.objectContaining({
        reasonCode: 'SHIPPING_MODE_MULTIPLE',
        field: 'shippingMode',
        retryable: false,
      }),
    });
  });

  it('when the delivery key of the Linnworks order is already on the order, then nothing is added again', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 1 }], {
      shippingInfo: { deliveries: [{ key: 'lw-lw-1', items: [], parcels: [] }] },
    } as unknown as Partial<Order>);
    expect(planShipment(order, shipment(), settings)).toEqual({ kind: 'already-applied' });
  });

  it('when boxes hold part of the order, then one parcel per box is matched by line reference else SKU and the shipment is partial', () => {
    const order = ctOrder([
      { id: 'li-a', sku: 'A', quantity: 3 },
      { id: 'li-b', sku: 'B', quantity: 2 },
    ]);
    const plan = planShipment(
      order,
      shipment({
        trackingNumber: '',
        packages: [
          {
            binId: 'bin1',
            trackingNumber: 'T1',
            lines: [{ rowId: 'r1', sku: 'X', lineItemRef: 'li-a', quantity: 2 }],
          },
          { binId: 'bin2', trackingNumber: '', lines: [{ rowId: 'r2', sku: 'B', quantity: 2 }] },
        ],
      }),
      settings,
    );
    expect(plan.kind).toBe('ship');
    if (plan.kind !== 'ship') return;
    expect(plan.complete).toBe(false);
    expect(plan.untrackedParcelKeys).toEqual(['lw-bin2']);
    expect(plan.actions[0]).toMatchObject({
      action: 'addDelivery',
      items: [
        { id: 'li-a', quantity: 2 },
        { id: 'li-b', quantity: 2 },
      ],
      parcels: [
        {
          key: 'lw-bin1',
          items: [{ id: 'li-a', quantity: 2 }],
          trackingData: { trackingId: 'T1' },
        },
        { key: 'lw-bin2', items: [{ id: 'li-b', quantity: 2 }] },
      ],
    });
    expect(plan.actions).toContainEqual({
      action: 'changeShipmentState',
      shipmentState: 'Partial',
    });
    expect(plan.actions.some((a) => a.action === 'changeOrderState')).toBe(false);
  });

  it('when a box holds a SKU the order does not have, then the shipment is rejected naming the line', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 1 }]);
    const plan = planShipment(
      order,
      shipment({
        packages: [
          { binId: 'b1', trackingNumber: 'T', lines: [{ rowId: 'r1', sku: 'A', quantity: 1 }] },
          { binId: 'b2', trackingNumber: 'T', lines: [{ rowId: 'r2', sku: 'ZZZ', quantity: 1 }] },
        ],
      }),
      settings,
    );
    expect(plan).toMatchObject({
      kind: 'problem',
      problem: { reasonCode: 'LINE_UNMATCHED', field: 'packages[1].lines[0].sku' },
    });
  });

  it('when an earlier delivery shipped part of the order, then only the rest ships and the order becomes shipped', () => {
    const order = ctOrder([{ id: 'li-a', sku: 'A', quantity: 3 }], {
      shipmentState: 'Partial',
      shippingInfo: {
        deliveries: [{ key: 'lw-other', items: [{ id: 'li-a', quantity: 1 }], parcels: [] }],
      },
    } as unknown as Partial<Order>);
    const plan = planShipment(order, shipment({ trackingNumber: '' }), settings);
    expect(plan).toMatchObject({
      kind: 'ship',
      complete: true,
      untrackedParcelKeys: ['lw-lw-1-1'],
    });
    if (plan.kind !== 'ship') return;
    expect(plan.actions[0]).toMatchObject({ items: [{ id: 'li-a', quantity: 2 }] });
    expect(plan.actions).toContainEqual({
      action: 'changeShipmentState',
      shipmentState: 'Shipped',
    });
  });
});

import type {
  LinnworksChannelOrder,
  LinnworksOrderDetails,
} from '../../../src/linnworks/linnworks-types';
import { planOrderEdits } from '../../../src/flows/order-sync/order-edits.mapper';

const address = {
  FullName: 'Jane Smith',
  Company: '',
  Address1: '1 High St',
  Address2: '',
  Address3: '',
  Town: 'Leeds',
  Region: '',
  PostCode: 'LS1 1AA',
  PhoneNumber: '',
  EmailAddress: 'jane@example.com',
};
const item = (ItemNumber: string, Qty: number) => ({
  ItemNumber,
  ChannelSKU: `SKU-${ItemNumber}`,
  ItemTitle: ItemNumber,
  Qty,
  PricePerUnit: 10,
  TaxRate: 20,
  TaxCostInclusive: true,
  UseChannelTax: true,
  LineDiscount: 0,
  IsService: false,
});

function wanted(patch: Partial<LinnworksChannelOrder> = {}): LinnworksChannelOrder {
  return {
    ChannelBuyerName: 'Jane Smith',
    DeliveryAddress: { ...address, Country: 'GB', MatchCountryCode: 'GB' },
    BillingAddress: { ...address, Country: 'GB', MatchCountryCode: 'GB' },
    PostalServiceName: 'Royal Mail 24',
    PostalServiceCost: 3.99,
    OrderItems: [item('a', 1), item('b', 2)],
    ...patch,
  } as LinnworksChannelOrder;
}

function read(rows: Array<{ ItemNumber: string; Quantity: number; RowId: string }>) {
  return {
    OrderId: 'lw-1',
    CustomerInfo: {
      ChannelBuyerName: 'Jane Smith',
      Address: { ...address, Country: 'United Kingdom', CountryId: 'c-gb' },
      BillingAddress: { ...address, Country: 'United Kingdom', CountryId: 'c-gb' },
    },
    ShippingInfo: { PostalServiceName: 'Royal Mail 24', PostageCost: 3.99, PostalServiceId: 's-1' },
    Items: rows.map((r) => ({ ...r, PricePerUnit: 10, TaxRate: 20 })),
  } as unknown as LinnworksOrderDetails;
}

const both = read([
  { ItemNumber: 'a', Quantity: 1, RowId: 'r-a' },
  { ItemNumber: 'b', Quantity: 2, RowId: 'r-b' },
]);

describe('planOrderEdits (pure)', () => {
  it('when nothing changed (the country read back as its name), then there is nothing to do', () => {
    expect(planOrderEdits(wanted(), both)).toEqual({ parts: [], lines: [] });
  });

  it('when the country changes, then the delivery address is sent with the new name and no CountryId, the rest as read', () => {
    const moved = { ...address, Country: 'IE', MatchCountryCode: 'IE', PostCode: 'D02 X285' };
    const plan = planOrderEdits(wanted({ DeliveryAddress: moved }), both);
    expect(plan.parts).toEqual(['shippingAddress']);
    expect(plan.customer?.Address).toMatchObject({
      Country: 'Ireland',
      CountryId: null,
      PostCode: 'D02 X285',
    });
    expect(plan.customer?.BillingAddress).toMatchObject({
      Country: 'United Kingdom',
      CountryId: 'c-gb',
    });
  });

  it('when the email or the shipping method changes, then each is named and the service goes by name', () => {
    const plan = planOrderEdits(
      wanted({
        DeliveryAddress: { ...address, EmailAddress: 'new@example.com', MatchCountryCode: 'GB' },
        PostalServiceName: 'DPD Next Day',
        PostalServiceCost: 6.5,
      }),
      both,
    );
    expect(plan.parts).toEqual(['customerEmail', 'shippingMethod']);
    expect(plan.shipping).toEqual({
      postalServiceName: 'DPD Next Day',
      serviceChanged: true,
      cost: 6.5,
    });
  });

  it('when lines are added, changed and removed, then each gets its call; a line added earlier is found by its row', () => {
    const plan = planOrderEdits(wanted({ OrderItems: [item('a', 3), item('c', 1)] }), both);
    expect(plan.lines.map((l) => l.kind)).toEqual(['update', 'add', 'remove']);
    expect(plan.lines[0]).toMatchObject({ kind: 'update', changes: { Quantity: 3 } });
    expect(plan.lines[2]).toMatchObject({ kind: 'remove', item: { RowId: 'r-b' } });

    const afterAdd = read([
      { ItemNumber: 'a', Quantity: 3, RowId: 'r-a' },
      { ItemNumber: '', Quantity: 1, RowId: 'r-c' },
      { ItemNumber: '', Quantity: 5, RowId: 'r-theirs' },
    ]);
    const again = planOrderEdits(wanted({ OrderItems: [item('a', 3), item('c', 1)] }), afterAdd, {
      c: 'r-c',
    });
    expect(again).toEqual({ parts: [], lines: [] });
  });
});

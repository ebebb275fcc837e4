import {
  extendedPropertyOf,
  EXTENDED_PROPERTY_CT_ORDER_ID,
} from '../../src/flows/order-sync/linnworks-order.contract';
import {
  lwExtendedPropertySchema,
  lwOrderDetailsSchema,
  lwOrderGeneralInfoSchema,
} from '../../src/linnworks/linnworks-schemas';

/**
 * Property names from shared/reference/linnworks-sdk-models.json: `ExtendedProperty`
 * (RowId, Name, Value, Type) and `OrderGeneralInfo` (…, ExternalReferenceNum, …).
 */
const SDK_EXTENDED_PROPERTY = ['RowId', 'Name', 'Value', 'Type'];

/** An OrderDetails body as Linnworks sends it (trimmed), with fields the schema does not read. */
function orderDetails(extendedProperties: unknown) {
  return {
    OrderId: '5a1e0b3c-0f4f-4b7e-9d0c-0d8e1e2f3a4b',
    NumOrderId: 100234,
    Processed: false,
    ProcessedDateTime: null,
    FulfilmentLocationId: '00000000-0000-0000-0000-000000000000',
    GeneralInfo: {
      Status: 1,
      ReferenceNum: 'CT-1001',
      SecondaryReference: 'ct-order-id-1',
      ExternalReferenceNum: 'ct-order-id-1',
      Source: 'COMMERCETOOLS',
      SubSource: 'web',
      ReceivedDate: '2026-05-01T10:15:00.0000000+00:00',
      HoldOrCancel: false,
      Marker: 0,
    },
    CustomerInfo: { ChannelBuyerName: 'not read by the connector' },
    TotalsInfo: { TotalCharge: 38.97, Currency: 'EUR' },
    Items: [],
    Notes: null,
    FolderName: [],
    ...(extendedProperties === undefined ? {} : { ExtendedProperties: extendedProperties }),
  };
}

describe('lwOrderDetailsSchema: ExtendedProperties and ExternalReferenceNum', () => {
  it('when an order carries extended properties, then each name/value pair is parsed with its SDK names', () => {
    const parsed = lwOrderDetailsSchema.parse(
      orderDetails([
        {
          RowId: '0b7f4f0e-1111-4c4c-8888-9a9a9a9a9a9a',
          Name: 'ct_order_id',
          Value: 'ct-order-id-1',
          Type: 'Info',
        },
        { RowId: null, Name: 'ct_order_number', Value: null, Type: null },
      ]),
    );
    expect(parsed.ExtendedProperties).toEqual([
      {
        RowId: '0b7f4f0e-1111-4c4c-8888-9a9a9a9a9a9a',
        Name: 'ct_order_id',
        Value: 'ct-order-id-1',
        Type: 'Info',
      },
      { RowId: null, Name: 'ct_order_number', Value: '', Type: '' },
    ]);
    expect(extendedPropertyOf(parsed, EXTENDED_PROPERTY_CT_ORDER_ID)).toBe('ct-order-id-1');
  });

  it('when Linnworks sends ExtendedProperties as null, then it parses as none; when it omits them, then they stay undefined (not loaded)', () => {
    expect(lwOrderDetailsSchema.parse(orderDetails(null)).ExtendedProperties).toEqual([]);
    const omitted = lwOrderDetailsSchema.parse(orderDetails(undefined));
    expect(omitted.ExtendedProperties).toBeUndefined();
    expect(extendedPropertyOf(omitted, EXTENDED_PROPERTY_CT_ORDER_ID)).toBeUndefined();
  });

  it('when an extended property is not a name/value object, then parsing fails naming the path', () => {
    const result = lwOrderDetailsSchema.safeParse(orderDetails([{ Name: 7, Value: 'x' }]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['ExtendedProperties', 0, 'Name']);
  });

  it('when GeneralInfo carries ExternalReferenceNum, then it is parsed; null becomes empty text', () => {
    const parsed = lwOrderDetailsSchema.parse(orderDetails([]));
    expect(parsed.GeneralInfo.ExternalReferenceNum).toBe('ct-order-id-1');
    expect(
      lwOrderGeneralInfoSchema.parse({ ExternalReferenceNum: null }).ExternalReferenceNum,
    ).toBe('');
  });

  it('when the schema names extended-property fields, then each is an SDK ExtendedProperty property', () => {
    expect(Object.keys(lwExtendedPropertySchema.shape).sort()).toEqual(
      [...SDK_EXTENDED_PROPERTY].sort(),
    );
  });
});

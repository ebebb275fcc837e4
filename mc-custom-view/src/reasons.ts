import { defineMessages, type MessageDescriptor } from 'react-intl';

/**
 * Plain-language explanations of the connector's reason codes (docs/operations.md lists them):
 * what went wrong and what usually fixes it, for someone who does not read the code.
 */
export const reasonCatalogue = defineMessages({
  SKU_MISSING: {
    id: 'Reason.SKU_MISSING',
    defaultMessage: 'A line of this order has no SKU, so Linnworks cannot know which item to pick.',
  },
  SKU_UNKNOWN: {
    id: 'Reason.SKU_UNKNOWN',
    defaultMessage:
      'Linnworks does not know one of the SKUs of this order. Add the item in Linnworks (or fix the SKU), then replay.',
  },
  STORE_UNMAPPED: {
    id: 'Reason.STORE_UNMAPPED',
    defaultMessage:
      'The store of this order is not mapped to a Linnworks sub-source (ORDER_STORE_MAPPING).',
  },
  SHIPPING_METHOD_UNMAPPED: {
    id: 'Reason.SHIPPING_METHOD_UNMAPPED',
    defaultMessage:
      'The shipping method of this order has no Linnworks postal service (ORDER_SHIPPING_METHOD_MAPPING).',
  },
  CURRENCY_UNSUPPORTED: {
    id: 'Reason.CURRENCY_UNSUPPORTED',
    defaultMessage: 'The currency of this order is not one the connector sends to Linnworks.',
  },
  ADDRESS_MISSING: {
    id: 'Reason.ADDRESS_MISSING',
    defaultMessage: 'The order has no shipping address. Add one to the order, then replay.',
  },
  ADDRESS_NAME_MISSING: {
    id: 'Reason.ADDRESS_NAME_MISSING',
    defaultMessage: 'The shipping address has no recipient name. Correct it, then replay.',
  },
  ADDRESS_STREET_MISSING: {
    id: 'Reason.ADDRESS_STREET_MISSING',
    defaultMessage: 'The shipping address has no street. Correct it, then replay.',
  },
  ADDRESS_POSTCODE_MISSING: {
    id: 'Reason.ADDRESS_POSTCODE_MISSING',
    defaultMessage: 'The shipping address has no postcode. Correct it, then replay.',
  },
  ADDRESS_COUNTRY_MISSING: {
    id: 'Reason.ADDRESS_COUNTRY_MISSING',
    defaultMessage: 'The shipping address has no country. Correct it, then replay.',
  },
  MULTIPLE_SHIPPING_ADDRESSES: {
    id: 'Reason.MULTIPLE_SHIPPING_ADDRESSES',
    defaultMessage: 'The order ships to several addresses, which a Linnworks order cannot hold.',
  },
  NO_LINES: {
    id: 'Reason.NO_LINES',
    defaultMessage: 'The order has no line to send to Linnworks.',
  },
  TOTALS_UNRECONCILED: {
    id: 'Reason.TOTALS_UNRECONCILED',
    defaultMessage:
      'The order’s totals would not match to the cent in Linnworks, so it was not sent.',
  },
  LINNWORKS_REJECTED: {
    id: 'Reason.LINNWORKS_REJECTED',
    defaultMessage: 'Linnworks refused the order. The details below say why.',
  },
  CANCEL_CONFLICT_SHIPPED: {
    id: 'Reason.CANCEL_CONFLICT_SHIPPED',
    defaultMessage:
      'The order was cancelled here after Linnworks shipped it. Settle it by hand (return or refund), then discard this failure.',
  },
  CANCEL_REJECTED: {
    id: 'Reason.CANCEL_REJECTED',
    defaultMessage: 'Linnworks refused to cancel the order.',
  },
  CT_ORDER_UNKNOWN: {
    id: 'Reason.CT_ORDER_UNKNOWN',
    defaultMessage: 'A Linnworks update could not be matched to this order.',
  },
  CT_ORDER_CONFLICT: {
    id: 'Reason.CT_ORDER_CONFLICT',
    defaultMessage: 'The order changed while a Linnworks update was applied; replay to try again.',
  },
  LINE_UNMATCHED: {
    id: 'Reason.LINE_UNMATCHED',
    defaultMessage: 'A line shipped or cancelled in Linnworks matches no line of this order.',
  },
  LINE_STATE_QUANTITY: {
    id: 'Reason.LINE_STATE_QUANTITY',
    defaultMessage: 'Linnworks cancelled more of a line than this order has left to cancel.',
  },
  LINNWORKS_ORDER_UNKNOWN: {
    id: 'Reason.LINNWORKS_ORDER_UNKNOWN',
    defaultMessage: 'Linnworks no longer knows the order this update was for.',
  },
  unknown: {
    id: 'Reason.unknown',
    defaultMessage: 'The connector could not sync this order. The details below say why.',
  },
});

export function reasonMessage(reasonCode: string): MessageDescriptor {
  return (
    (reasonCatalogue as Record<string, MessageDescriptor>)[reasonCode] ?? reasonCatalogue.unknown
  );
}

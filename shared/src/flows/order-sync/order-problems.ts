/** Why an order cannot be sent to Linnworks. Codes are stable: sync-admin filters on them. */
export type OrderRejectionCode =
  | 'SKU_MISSING'
  | 'SKU_UNKNOWN'
  | 'SHIPPING_METHOD_UNMAPPED'
  | 'STORE_UNMAPPED'
  | 'ADDRESS_MISSING'
  | 'ADDRESS_COUNTRY_MISSING'
  | 'ADDRESS_COUNTRY_INVALID'
  | 'ADDRESS_POSTCODE_MISSING'
  | 'ADDRESS_POSTCODE_INVALID'
  | 'ADDRESS_STREET_MISSING'
  | 'ADDRESS_NAME_MISSING'
  | 'CURRENCY_UNSUPPORTED'
  | 'MULTIPLE_SHIPPING_ADDRESSES'
  | 'NO_LINES'
  | 'TOTALS_UNRECONCILED'
  | 'LINNWORKS_REJECTED'
  | 'CANCEL_CONFLICT_SHIPPED'
  | 'CANCEL_REJECTED';

/** One problem: a reason code, the field it is about, and a message without personal data. */
export interface OrderProblem {
  code: OrderRejectionCode;
  field: string;
  message: string;
}

export function problem(code: OrderRejectionCode, field: string, message: string): OrderProblem {
  return { code, field, message };
}

import type { Order } from '@commercetools/platform-sdk';

import { linnworksTaxRate, toMajor } from './linnworks-money';
import type { MoneySums } from './order-lines.mapper';

/** Shipping of a commercetools order as ChannelOrder fields: postal service and postage. */

export function shippingMethodKeyOf(order: Order): string | undefined {
  const info = order.shippingInfo;
  if (!info) return undefined;

  return info.shippingMethod?.obj?.key ?? info.shippingMethodName;
}

export function shippingFields(order: Order, fractionDigits: number, sums: MoneySums) {
  const info = order.shippingInfo;
  if (!info) return { fields: {}, sums };
  const gross =
    info.taxedPrice?.totalGross.centAmount ??
    (info.discountedPrice?.value ?? info.price).centAmount;
  const net = info.taxedPrice?.totalNet.centAmount ?? gross;
  const tax = gross - net;
  const rate = linnworksTaxRate(
    { unitCents: gross, quantity: 1 },
    tax,
    fractionDigits,
    (info.taxRate?.amount ?? 0) * 100,
    true,
  );

  return {
    fields: {
      PostalServiceCost: toMajor(gross, fractionDigits),
      PostalServiceTaxRate: rate,
      PostalServiceDiscount: 0,
    },
    sums: { net: sums.net + net, tax: sums.tax + tax, gross: sums.gross + gross },
  };
}

/**
 * The SDK describes `MatchPostalServiceTag` as "match postal service method by name" and
 * `PostalServiceName` as the name used when saving a new service: the mapped name goes in both
 * and nothing is saved. `tag` overrides the match value only (docs/order-sync.md).
 */
export function postalServiceFields(postal: { postalService: string; tag?: string }) {
  return {
    MatchPostalServiceTag: postal.tag ?? postal.postalService,
    PostalServiceName: postal.postalService,
    SavePostalServiceIfNotExist: false,
  };
}

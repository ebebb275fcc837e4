import type { Order } from '@commercetools/platform-sdk';
import { paymentOf, type PaymentSettings } from './order-payment.mapper';
import { normaliseSku } from '../stock-sync/sku-matching.contract';

import type {
  LinnworksChannelOrder,
  LinnworksChannelOrderExtendedProperty,
} from '../../linnworks/linnworks-types';
import {
  EXTENDED_PROPERTY_CT_DISCOUNT,
  EXTENDED_PROPERTY_CT_ORDER_ID,
  EXTENDED_PROPERTY_CT_ORDER_NUMBER,
  EXTENDED_PROPERTY_CT_STORE,
  EXTENDED_PROPERTY_TYPE,
} from './linnworks-order.contract';
import { toMajor } from './linnworks-money';
import { addressProblems, toChannelAddress } from './order-address.mapper';
import { mapOrderLines } from './order-lines.mapper';
import { postalServiceFields, shippingFields, shippingMethodKeyOf } from './order-shipping.mapper';
import type { OrderSyncSettings } from './order-sync.settings';
import { type OrderProblem, problem } from './order-problems';

/** Key of the store mapping used for orders that belong to no store. */
export const NO_STORE_KEY = '_none';
/** Key of the shipping-method mapping used for orders without a shipping method. */
export const NO_SHIPPING_METHOD_KEY = '_none';

export interface MappedOrder {
  order: LinnworksChannelOrder;
  /** Linnworks stock location name: the CreateOrders `location` argument. */
  location: string;
  /** Every SKU of the order's (non-service) lines, for the unknown-SKU check. */
  skus: string[];
}

export type MapResult = { ok: true; mapped: MappedOrder } | { ok: false; problems: OrderProblem[] };

/** The deterministic ReferenceNumber: the order number, falling back to the order id. */
export function linnworksReferenceFor(order: Pick<Order, 'id' | 'orderNumber'>): string {
  return order.orderNumber?.trim() || order.id;
}

/** Whether the order counts as paid under `ORDER_PAID_WHEN` (order-payment.mapper.ts). */
export function isOrderPaid(order: Order, settings: PaymentSettings): boolean {
  return paymentOf(order, settings).paid;
}

function extendedProperties(order: Order, discountCents: number, fractionDigits: number) {
  const props: LinnworksChannelOrderExtendedProperty[] = [
    { Name: EXTENDED_PROPERTY_CT_ORDER_ID, Value: order.id, Type: EXTENDED_PROPERTY_TYPE },
  ];
  const add = (name: string, value: string | undefined) => {
    if (value) props.push({ Name: name, Value: value, Type: EXTENDED_PROPERTY_TYPE });
  };
  add(EXTENDED_PROPERTY_CT_ORDER_NUMBER, order.orderNumber);
  add(EXTENDED_PROPERTY_CT_STORE, order.store?.key);
  if (discountCents > 0)
    add(
      EXTENDED_PROPERTY_CT_DISCOUNT,
      toMajor(discountCents, fractionDigits).toFixed(fractionDigits),
    );

  return props;
}

function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** Everything wrong with an order before a mapping is attempted (names fields, no values). */
function structuralProblems(order: Order, settings: OrderSyncSettings): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const { currencyCode, fractionDigits } = order.totalPrice;
  if (!settings.supportedCurrencies.includes(currencyCode) || fractionDigits > 2) {
    problems.push(
      problem(
        'CURRENCY_UNSUPPORTED',
        'totalPrice.currencyCode',
        `currency ${currencyCode} is not supported (supported currencies of the store or ORDER_SUPPORTED_CURRENCIES; at most 2 fraction digits)`,
      ),
    );
  }
  if (order.shippingMode === 'Multiple') {
    problems.push(
      problem(
        'MULTIPLE_SHIPPING_ADDRESSES',
        'shippingMode',
        'orders with several shipping addresses (shippingMode Multiple) are not supported',
      ),
    );
  }
  const storeKey = order.store?.key ?? NO_STORE_KEY;
  if (!settings.storeMapping[storeKey]) {
    problems.push(
      problem('STORE_UNMAPPED', 'store', `store ${storeKey} has no entry in ORDER_STORE_MAPPING`),
    );
  }
  const methodKey = shippingMethodKeyOf(order);
  if (methodKey && !settings.shippingMethodMapping[methodKey]) {
    problems.push(
      problem(
        'SHIPPING_METHOD_UNMAPPED',
        'shippingInfo.shippingMethod',
        `shipping method ${methodKey} has no entry in the store's shippingMethodMapping or ORDER_SHIPPING_METHOD_MAPPING`,
      ),
    );
  }
  const lines = order.lineItems.filter((l) => l.quantity > 0);
  lines.forEach((line) => {
    if (!line.variant.sku?.trim()) {
      const index = order.lineItems.indexOf(line);
      problems.push(
        problem(
          'SKU_MISSING',
          `lineItems[${index}].variant.sku`,
          `line item ${line.id} has no SKU`,
        ),
      );
    }
  });
  if (lines.length + (order.customLineItems ?? []).filter((l) => l.quantity > 0).length === 0) {
    problems.push(problem('NO_LINES', 'lineItems', 'the order has no lines to send'));
  }
  problems.push(
    ...addressProblems(order.shippingAddress, 'shippingAddress', settings.postcodeCountries),
  );

  return problems;
}

/** A problem when lines and shipping do not add up to what commercetools says the order costs. */
function totalsProblem(
  order: Order,
  sums: { net: number; gross: number },
): OrderProblem | undefined {
  const expected = order.taxedPrice
    ? { net: order.taxedPrice.totalNet.centAmount, gross: order.taxedPrice.totalGross.centAmount }
    : { net: order.totalPrice.centAmount, gross: order.totalPrice.centAmount };
  if (sums.net === expected.net && sums.gross === expected.gross) return undefined;

  return problem(
    'TOTALS_UNRECONCILED',
    'taxedPrice',
    'the lines and shipping do not add up to the order taxedPrice (e.g. a discount on the total price)',
  );
}

interface ChannelOrderParts {
  order: Order & { shippingAddress: NonNullable<Order['shippingAddress']> };
  settings: OrderSyncSettings;
  reference: string;
  lines: ReturnType<typeof mapOrderLines>;
  shipping: ReturnType<typeof shippingFields>;
  subSource: string;
}

/** The ChannelOrder itself, from an order that passed every check. */
function channelOrder(parts: ChannelOrderParts): LinnworksChannelOrder {
  const { order, settings, lines, shipping } = parts;
  const postal =
    settings.shippingMethodMapping[shippingMethodKeyOf(order) ?? NO_SHIPPING_METHOD_KEY];
  const { paid, paidOn, method: payment } = paymentOf(order, settings);
  const email = order.customerEmail;
  const delivery = toChannelAddress(order.shippingAddress, email);
  const billing = toChannelAddress(order.billingAddress ?? order.shippingAddress, email);

  return {
    Source: settings.source,
    SubSource: parts.subSource,
    ReferenceNumber: parts.reference,
    ExternalReference: order.id,
    SecondaryReferenceNumber: order.id,
    ReceivedDate: order.createdAt,
    DispatchBy: addHours(order.createdAt, settings.dispatchWithinHours),
    ...(paid && paidOn ? { PaidOn: paidOn } : {}),
    UpdatedDate: order.lastModifiedAt,
    // No ConversionRate: Linnworks sets it at save from the order's Currency (docs/order-sync.md).
    Currency: order.totalPrice.currencyCode,
    PaymentStatus: paid ? 'Paid' : 'Unpaid',
    OrderState: 'None',
    ...(payment
      ? {
          MatchPaymentMethodTag: payment,
          PaymentMethodName: payment,
          SavePaymentMethodIfNotExist: false,
        }
      : {}),
    ...(postal ? postalServiceFields(postal) : {}),
    ...shipping.fields,
    Discount: 0,
    DiscountType: 'AllEvenly',
    DiscountTaxType: 'DeductAfterTax',
    UseChannelTax: true,
    AutomaticallyLinkBySKU: true,
    ChannelBuyerName: delivery.FullName || billing.FullName || '',
    DeliveryAddress: delivery,
    BillingAddress: billing,
    ExtendedProperties: extendedProperties(
      order,
      lines.discountCents,
      order.totalPrice.fractionDigits,
    ),
    OrderItems: lines.items,
  };
}

/**
 * commercetools Order → Linnworks ChannelOrder. Pure: the same order and settings always give
 * the same payload, so redeliveries send the same ReferenceNumber. `settings` are the order's
 * effective ones, its store's rules resolved (`rulesForStore`).
 */
export function mapOrderToLinnworks(
  order: Order,
  settings: OrderSyncSettings,
  reference: string = linnworksReferenceFor(order),
): MapResult {
  const problems = structuralProblems(order, settings);
  const address = order.shippingAddress;
  if (problems.length > 0 || !address) return { ok: false, problems };
  const lines = mapOrderLines(order, {
    locale: settings.titleLocale,
    skuMatching: settings.skuMatching,
  });
  const shipping = shippingFields(order, order.totalPrice.fractionDigits, lines.sums);
  const unreconciled = totalsProblem(order, shipping.sums);
  if (unreconciled) return { ok: false, problems: [unreconciled] };
  const store = settings.storeMapping[order.store?.key ?? NO_STORE_KEY];
  const skus = order.lineItems.flatMap((l) =>
    l.quantity > 0 && l.variant.sku ? [normaliseSku(l.variant.sku, settings.skuMatching)] : [],
  );

  return {
    ok: true,
    mapped: {
      location: settings.countryLocations[address.country] ?? store?.location ?? 'Default',
      skus: [...new Set(skus)],
      order: channelOrder({
        order: { ...order, shippingAddress: address },
        settings,
        reference,
        lines,
        shipping,
        subSource: store?.subSource ?? NO_STORE_KEY,
      }),
    },
  };
}

import { z } from '../../config/env';
import { instanceEnvShape, orderSourceFor } from '../../state/connector-names';
import type { LinnworksOrderDetails, LinnworksOrderItem } from '../../linnworks/linnworks-types';

/**
 * How a commercetools order is recognisable in Linnworks: shared contract with
 * fulfillment-sync and sync-admin (docs/order-sync.md, "Contract").
 */

/** Default `Source` of every order the connector creates (config `LINNWORKS_ORDER_SOURCE`). */
export const DEFAULT_LINNWORKS_ORDER_SOURCE = 'COMMERCETOOLS';

/**
 * The setting that names that `Source`: order-sync creates orders with it, fulfillment-sync
 * searches Linnworks for them by it. Both flows' settings include it.
 */
export const orderSourceEnvShape = {
  LINNWORKS_ORDER_SOURCE: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[-_A-Za-z0-9 ]+$/, 'must be letters, digits, spaces, - or _')
    .default(DEFAULT_LINNWORKS_ORDER_SOURCE),
  /** The deployment's instance key: it namespaces the default Source (connector-names.ts). */
  ...instanceEnvShape,
};

/** The Source this deployment's orders carry: the setting, the default one namespaced. */
export function orderSourceOf(env: {
  LINNWORKS_ORDER_SOURCE: string;
  CONNECTOR_INSTANCE_KEY?: string | undefined;
}): string {
  return orderSourceFor(
    env.LINNWORKS_ORDER_SOURCE,
    DEFAULT_LINNWORKS_ORDER_SOURCE,
    env.CONNECTOR_INSTANCE_KEY,
  );
}

/** ExtendedProperties names on every order the connector creates. */
export const EXTENDED_PROPERTY_CT_ORDER_ID = 'ct_order_id';
export const EXTENDED_PROPERTY_CT_ORDER_NUMBER = 'ct_order_number';
export const EXTENDED_PROPERTY_CT_STORE = 'ct_store';
/** Total the commercetools discounts took off the lines (information only; prices are net of it). */
export const EXTENDED_PROPERTY_CT_DISCOUNT = 'ct_discount';
/** ExtendedProperty `Type` used for them. */
export const EXTENDED_PROPERTY_TYPE = 'Info';

/**
 * The ChannelOrderItem property that carries the commercetools line item (or custom line item)
 * id. `ItemNumber` is chosen because Linnworks returns it on `OrderItem` (open and processed
 * orders); `ChannelReferenceId` carries the bare id but is not part of `OrderItem`. The SDK calls
 * `ItemNumber` a "unique line number", so a line split into two Linnworks items (see
 * docs/order-sync.md) gives its second item the id plus a part suffix (`<id>#2`): sum quantities
 * per id.
 */
export const LINE_REFERENCE_FIELD = 'ItemNumber' as const;

/** Between the commercetools line id and the part number of a split line's later items. */
export const LINE_PART_SEPARATOR = '#';

/** The ItemNumber of part `part` (1-based) of a commercetools line: `<id>`, then `<id>#2`. */
export function itemNumberFor(lineId: string, part: number): string {
  return part <= 1 ? lineId : `${lineId}${LINE_PART_SEPARATOR}${part}`;
}

/** The commercetools line item id a Linnworks order item was created from (part suffix removed). */
export function ctLineItemIdOf(item: Pick<LinnworksOrderItem, 'ItemNumber'>): string | undefined {
  const number = item.ItemNumber;
  if (!number) return undefined;
  const cut = number.indexOf(LINE_PART_SEPARATOR);

  return cut === -1 ? number : number.slice(0, cut) || undefined;
}

/** Whether a Linnworks order was created by this connector (Source match, case-insensitive). */
export function isConnectorOrder(
  order: { GeneralInfo?: Partial<Pick<LinnworksOrderDetails['GeneralInfo'], 'Source'>> | null },
  source: string = DEFAULT_LINNWORKS_ORDER_SOURCE,
): boolean {
  const orderSource = order.GeneralInfo?.Source ?? '';

  return orderSource.toLowerCase() === source.toLowerCase();
}

/** Reads one of the connector's ExtendedProperties (e.g. the commercetools order id). */
export function extendedPropertyOf(
  order: { ExtendedProperties?: Array<{ Name?: string | null; Value?: string | null }> | null },
  name: string,
): string | undefined {
  return order.ExtendedProperties?.find((p) => p.Name === name)?.Value ?? undefined;
}

import type { StateStore, StoredObject } from '../../state/state-store';
import { toObjectKey } from '../../state/state-store';
import { CONTAINERS } from '../../state/connector-names';

/** Custom-object container of the per-order sync state (one object per commercetools order). */
export const ORDER_STATE_CONTAINER = CONTAINERS.orderState;

/**
 * Where the order stands. order-sync writes `pending`, `created`, `rejected` and `cancelled` (it
 * cancelled the order in Linnworks); fulfillment-sync moves a record on as Linnworks settles the
 * order: `created → shipped | cancelled → closed` (docs/order-state.md). Only `created` records
 * are open in Linnworks, so the progress feed reads those alone.
 */
export type OrderSyncStatus =
  'pending' | 'created' | 'rejected' | 'cancelled' | 'shipped' | 'closed';

/** Who started a cancellation: decides which side must not echo it back. */
export type CancellationSource = 'commercetools' | 'linnworks';

/**
 * What the connector knows about one commercetools order in Linnworks. Shared contract:
 * fulfillment-sync and sync-admin read and update it through `OrderStateRepo`.
 */
export interface OrderState {
  ctOrderId: string;
  orderNumber?: string;
  /** Linnworks pkOrderId once created. */
  linnworksOrderId?: string;
  /** The deterministic ReferenceNumber sent to Linnworks (see `linnworksReferenceFor`). */
  linnworksReference: string;
  /** Linnworks' FulfilmentLocationId of the order, needed to cancel it. */
  fulfilmentLocationId?: string;
  status: OrderSyncStatus;
  /** Whether the Linnworks order was last sent as paid. */
  paid: boolean;
  /** The commercetools order version the state was last computed from. */
  lastOrderVersion: number;
  attempts: number;
  updatedAt: string;
  cancellation?: { source: CancellationSource; at: string };
  /** How and when the order left Linnworks' open orders (kept when the record is closed). */
  settled?: { as: 'shipped' | 'cancelled'; at: string };
  /** When the record was closed: nothing but refunds, replays and reconciliation read it since. */
  closedAt?: string;
  /** When a closed record was compacted to what reconciliation, replay and echo suppression need. */
  compactedAt?: string;
  /** The commercetools order version whose edits were last applied to (or refused by) Linnworks. */
  editedVersion?: number;
  /**
   * Lines added to the Linnworks order after it was created (Orders/AddOrderItem gives them no
   * ItemNumber): ItemNumber (the commercetools line item id) → Linnworks RowId.
   */
  addedRows?: Record<string, string>;
  /**
   * Why an order that passed the gate has no Linnworks order: every unit sat in a cancelled
   * line-item state before its first export (`all-units-cancelled`), as of that order version.
   * Status stays `pending`; cleared once the order is created.
   */
  notSent?: { reason: 'all-units-cancelled'; orderVersion: number; at: string };
}

export function orderStateKey(ctOrderId: string): string {
  return toObjectKey(ctOrderId);
}

/** Read and write access to the order-state records, over the connector's state store. */
export class OrderStateRepo {
  constructor(private readonly store: StateStore) {}

  async get(ctOrderId: string): Promise<StoredObject<OrderState> | undefined> {
    return this.store.get<OrderState>(ORDER_STATE_CONTAINER, orderStateKey(ctOrderId));
  }

  /** Writes the whole record; with `expectedVersion`, fails with VersionConflictError if it moved. */
  async put(state: OrderState, expectedVersion?: number): Promise<StoredObject<OrderState>> {
    return this.store.put(
      ORDER_STATE_CONTAINER,
      orderStateKey(state.ctOrderId),
      state,
      expectedVersion,
    );
  }

  /** Compare-and-set merge, retried on conflict; `merge` returns undefined to leave it alone. */
  async update(
    ctOrderId: string,
    merge: (current: OrderState | undefined) => OrderState | undefined,
  ): Promise<StoredObject<OrderState> | undefined> {
    return this.store.update<OrderState>(ORDER_STATE_CONTAINER, orderStateKey(ctOrderId), merge);
  }

  /** The state of the order created in Linnworks as `linnworksOrderId`, if any. */
  async findByLinnworksOrderId(linnworksOrderId: string): Promise<OrderState | undefined> {
    const page = await this.store.query<OrderState>(ORDER_STATE_CONTAINER, {
      where: `value(linnworksOrderId="${linnworksOrderId.replace(/"/g, '')}")`,
      limit: 1,
    });

    return page.results[0]?.value;
  }

  /**
   * Marks a cancellation's origin before it is written to the other side, so the flow that
   * sees it arrive there does not send it back (echo prevention).
   */
  async markCancellation(
    ctOrderId: string,
    source: CancellationSource,
    at: Date = new Date(),
  ): Promise<OrderState | undefined> {
    const stored = await this.update(ctOrderId, (current) =>
      current
        ? {
            ...current,
            cancellation: { source, at: at.toISOString() },
            updatedAt: at.toISOString(),
          }
        : undefined,
    );

    return stored?.value;
  }
}

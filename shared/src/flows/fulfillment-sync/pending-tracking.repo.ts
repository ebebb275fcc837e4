import type { StateStore } from '../../state/state-store';
import { toObjectKey } from '../../state/state-store';
import { CONTAINERS } from '../../state/connector-names';

export const PENDING_TRACKING_CONTAINER = CONTAINERS.pendingTracking;

/** A parcel written without tracking; re-checked until tracking appears or `until` passes. */
export interface PendingTracking {
  lwOrderId: string;
  numOrderId: number;
  ctOrderId: string;
  deliveryKey: string;
  parcelKeys: string[];
  until: string;
}

export class PendingTrackingRepo {
  constructor(private readonly store: StateStore) {}

  async add(entry: PendingTracking): Promise<void> {
    await this.store.put(PENDING_TRACKING_CONTAINER, toObjectKey(entry.lwOrderId), entry);
  }

  async remove(lwOrderId: string): Promise<void> {
    await this.store.delete(PENDING_TRACKING_CONTAINER, toObjectKey(lwOrderId));
  }

  async get(lwOrderId: string): Promise<PendingTracking | undefined> {
    return (
      await this.store.get<PendingTracking>(PENDING_TRACKING_CONTAINER, toObjectKey(lwOrderId))
    )?.value;
  }

  scan(pageSize = 100): AsyncGenerator<{ value: PendingTracking }[]> {
    return this.store.scan<PendingTracking>(PENDING_TRACKING_CONTAINER, { pageSize });
  }
}

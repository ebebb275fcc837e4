import type { CtApi, LinnworksApi } from 'shared';

import {
  type OrderReconcileResult,
  type OrderReferenceOf,
  reconcileOrders,
} from './order-reconcile';
import type { ReconcileRequest } from './reconcile.schema';
import { type DesiredSlots, reconcileStock, type StockReconcileResult } from './stock-reconcile';

export interface Unavailable {
  unavailable: string;
}

export interface ReconcileReport {
  generatedAt: string;
  orders?: OrderReconcileResult | Unavailable;
  stock?: StockReconcileResult | Unavailable;
}

export interface ReconcileDeps {
  ct: CtApi;
  linnworks: LinnworksApi;
  /** order-sync's reference derivation; without it the order section reports it is unavailable. */
  referenceOf?: OrderReferenceOf;
  /** stock-sync's desired quantities for the configured mapping; likewise optional. */
  desiredSlots?: () => Promise<DesiredSlots>;
  /** Units a stock difference may reach before it is reported. */
  stockTolerance: number;
  now?: () => Date;
}

export type ReconcileService = (request: ReconcileRequest) => Promise<ReconcileReport>;

export function createReconcileService(deps: ReconcileDeps): ReconcileService {
  return async (request) => {
    const report: ReconcileReport = {
      generatedAt: (deps.now ?? (() => new Date()))().toISOString(),
    };
    if (request.orders) {
      report.orders = deps.referenceOf
        ? await reconcileOrders(
            { ct: deps.ct, linnworks: deps.linnworks, referenceOf: deps.referenceOf },
            request.orders,
          )
        : {
            unavailable:
              'order reference derivation of order-sync is not wired into sync-admin yet',
          };
    }
    if (request.stock) {
      report.stock = deps.desiredSlots
        ? await reconcileStock(
            {
              ct: deps.ct,
              linnworks: deps.linnworks,
              desiredSlots: await deps.desiredSlots(),
              tolerance: deps.stockTolerance,
            },
            request.stock,
          )
        : { unavailable: 'stock mapping of stock-sync is not wired into sync-admin yet' };
    }

    return report;
  };
}

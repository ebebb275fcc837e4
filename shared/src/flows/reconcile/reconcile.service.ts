import type { CtApi } from '../../commercetools/client';
import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import type { OrderSyncReconciler } from '../order-sync/order-sync.flow';
import type { StockSyncReconciler } from '../stock-sync/stock-sync.flow';

import { type OrderReconcileResult, reconcileOrders } from './order-reconcile';
import type { ReconcileRequest } from './reconcile.schema';
import { reconcileStock, type StockReconcileResult } from './stock-reconcile';

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
  /** order-sync's half: how orders are linked; without it the order section is unavailable. */
  orderSync?: OrderSyncReconciler;
  /** stock-sync's half: the quantities it would write; likewise optional (no mapping). */
  stockSync?: StockSyncReconciler;
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
      report.orders = deps.orderSync
        ? await reconcileOrders(
            { ct: deps.ct, linnworks: deps.linnworks, orderSync: deps.orderSync },
            request.orders,
          )
        : {
            unavailable:
              'order reference derivation of order-sync is not wired into sync-admin yet',
          };
    }
    if (request.stock) {
      report.stock = deps.stockSync
        ? await reconcileStock(
            {
              ct: deps.ct,
              linnworks: deps.linnworks,
              desiredSlots: await deps.stockSync.desiredSlots(),
              tolerance: deps.stockTolerance,
            },
            request.stock,
          )
        : { unavailable: 'stock mapping of stock-sync is not wired into sync-admin yet' };
    }

    return report;
  };
}

import { useCallback, useEffect, useState } from 'react';

import type { SyncAdminApi } from './client';
import type { OrderSyncSummary } from './types';

export type SummaryState =
  | { kind: 'loading' }
  | { kind: 'loaded'; summary: OrderSyncSummary }
  | { kind: 'unknown-order' }
  | { kind: 'error'; error: unknown };

/** Loads one order's sync summary; `reload` fetches it again (after Replay or Discard). */
export function useOrderSummary(api: SyncAdminApi, ctOrderId: string) {
  const [state, setState] = useState<SummaryState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .orderSummary(ctOrderId)
      .then((summary) => current && setState({ kind: 'loaded', summary }))
      .catch((error: unknown) => {
        if (!current) return;
        const status = (error as { status?: number }).status;
        setState(status === 404 ? { kind: 'unknown-order' } : { kind: 'error', error });
      });

    return () => {
      current = false;
    };
  }, [api, ctOrderId, generation]);

  // The current summary stays on screen until the fresh one arrives.
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { state, reload };
}

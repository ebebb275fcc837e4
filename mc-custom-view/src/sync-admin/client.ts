import {
  buildApiUrl,
  executeHttpClientRequest,
} from '@commercetools-frontend/application-shell-connectors';

import type { Failure, OrderSyncSummary, ReplayResponse } from './types';

/** A sync-admin answer other than 2xx (401 is retried by the kit with a fresh session first). */
export class SyncAdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string; correlationId?: string },
  ) {
    super(body.message ?? body.error ?? `sync-admin answered ${status}`);
    this.name = 'SyncAdminError';
  }
}

/** sync-admin answers JSON; anything else (a proxy's error page) is kept as the message. */
function parseJson(text: string) {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/**
 * Calls sync-admin through the Merchant Center's `/proxy/forward-to`: the MC API checks the
 * user's session and forwards the call with a short-lived JWT naming this project and the user's
 * permissions (`includeUserPermissions`), which sync-admin verifies.
 */
async function callSyncAdmin<T>(
  syncAdminUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const uri = `${syncAdminUrl.replace(/\/+$/, '')}/service${path}`;

  return executeHttpClientRequest<T>(
    async (options) => {
      const res = await fetch(buildApiUrl('/proxy/forward-to'), {
        ...options,
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const data = parseJson(text);
      if (!res.ok && res.status !== 401) throw new SyncAdminError(res.status, data);

      return { data, statusCode: res.status, getHeader: (name) => res.headers.get(name) };
    },
    {
      headers: { 'Content-Type': 'application/json' },
      forwardToConfig: { uri, includeUserPermissions: true },
    },
  );
}

export interface SyncAdminApi {
  orderSummary(ctOrderId: string): Promise<OrderSyncSummary>;
  replay(failureId: string, dryRun: boolean): Promise<ReplayResponse>;
  discard(failureId: string, reason: string): Promise<Failure>;
}

export function syncAdminApi(syncAdminUrl: string): SyncAdminApi {
  return {
    orderSummary: (id) =>
      callSyncAdmin(syncAdminUrl, 'GET', `/orders/by-id/${encodeURIComponent(id)}`),
    replay: (id, dryRun) => callSyncAdmin(syncAdminUrl, 'POST', '/replay', { ids: [id], dryRun }),
    discard: (id, reason) =>
      callSyncAdmin(syncAdminUrl, 'POST', `/failures/${encodeURIComponent(id)}/discard`, {
        reason,
      }),
  };
}

import { describeError, isRetryable } from '../../errors/errors';
import type { FailureQueue, FailureRef } from '../../state/failure-queue';

export const STOCK_SYNC_FLOW = 'stock-sync';
/** A sweep page Linnworks would not give us. */
export const STOCK_PAGE_REF = 'stock-page';
/** Items of a sweep page whose commercetools writes failed; `skus` holds their Linnworks SKUs. */
export const STOCK_SKUS_REF = 'stock-skus';
const SKU_SEPARATOR = '\n';

type FailureCause = unknown | { reasonCode: string; message: string; retryable: boolean };

function describeCause(cause: FailureCause): {
  reasonCode: string;
  message: string;
  retryable: boolean;
} {
  if (
    typeof cause === 'object' &&
    cause !== null &&
    'reasonCode' in cause &&
    'message' in cause &&
    'retryable' in cause
  ) {
    const c = cause as { reasonCode: string; message: string; retryable: boolean };

    return { reasonCode: c.reasonCode, message: c.message, retryable: c.retryable };
  }
  const described = describeError(cause);

  return { reasonCode: described.code, message: described.message, retryable: isRetryable(cause) };
}

/** Records one failed chunk (a sweep page) in the failure queue, flow `stock-sync`. */
export async function recordPageFailure(
  failures: FailureQueue,
  input: {
    page: number;
    skus: string[];
    error: FailureCause;
    source: 'linnworks' | 'commercetools';
  },
): Promise<void> {
  const cause = describeCause(input.error);
  const ref: FailureRef =
    input.source === 'linnworks'
      ? { type: STOCK_PAGE_REF, id: `page-${input.page}`, page: input.page }
      : {
          type: STOCK_SKUS_REF,
          id: `page-${input.page}`,
          page: input.page,
          skus: input.skus.join(SKU_SEPARATOR),
        };
  await failures.record({
    flow: STOCK_SYNC_FLOW,
    reasonCode: cause.reasonCode,
    message: cause.message,
    retryable: cause.retryable,
    ref,
    skus: input.skus,
  });
}

export function skusOfFailure(ref: FailureRef): string[] {
  const skus = ref.skus;

  return typeof skus === 'string' && skus !== '' ? skus.split(SKU_SEPARATOR) : [];
}

/**
 * A sweep that went through every page without a failure has re-synced everything the
 * failures recorded before it named, so they are resolved.
 */
export async function resolveSweepFailures(
  failures: FailureQueue,
  sweepStartedAt: string,
): Promise<number> {
  let resolved = 0;
  for (let round = 0; round < 100; round++) {
    const page = await failures.list({
      flow: STOCK_SYNC_FLOW,
      status: 'pending',
      until: sweepStartedAt,
      limit: 100,
    });
    if (page.items.length === 0) break;
    for (const failure of page.items) {
      await failures.resolve(failure.id, 'a later full sweep synced every item without failure');
      resolved++;
    }
  }

  return resolved;
}

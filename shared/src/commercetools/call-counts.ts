/**
 * HTTP calls an adapter has made to commercetools, counted by the adapter itself. Counters only
 * grow; a use case that reports the calls of one run reads them before and after.
 */
export interface CallCounts {
  reads: number;
  writes: number;
}

export function noCalls(): CallCounts {
  return { reads: 0, writes: 0 };
}

/** The calls made between two readings of the same counters. */
export function callsSince(before: CallCounts, now: CallCounts): CallCounts {
  return { reads: now.reads - before.reads, writes: now.writes - before.writes };
}

import type { FailureRecord } from './failure-queue';

/** What replaying one failure came to. */
export type ReplayResult =
  | { outcome: 'resolved'; message?: string }
  | { outcome: 'still-failing'; reasonCode: string; message: string }
  | { outcome: 'skipped'; message: string };

/**
 * Replays one recorded failure of a flow by running the flow's own use case again, in-process.
 * Must be idempotent: replaying something already synced changes nothing. With `dryRun`, it
 * reports what it would do and writes nothing. The caller resolves the failure record.
 */
export type FlowReplayer = (
  failure: FailureRecord,
  options: { dryRun: boolean },
) => Promise<ReplayResult>;

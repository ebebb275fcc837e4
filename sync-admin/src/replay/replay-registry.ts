import type { FlowReplayer } from 'shared';

/** The flows whose failures sync-admin can replay, each with the replayer its flow exports. */
export type ReplayRegistry = ReadonlyMap<string, FlowReplayer>;

/** Builds the registry; a flow given `undefined` (its replayer is not wired) is left out. */
export function createReplayRegistry(
  replayers: Record<string, FlowReplayer | undefined>,
): ReplayRegistry {
  const registry = new Map<string, FlowReplayer>();
  for (const [flow, replayer] of Object.entries(replayers)) {
    if (replayer) registry.set(flow, replayer);
  }

  return registry;
}

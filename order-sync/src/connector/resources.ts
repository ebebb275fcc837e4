import {
  type CtApi,
  ensureLinnworksChannel,
  LINNWORKS_CHANNEL_KEY,
  linnworksChannelKey,
} from 'shared';

export { LINNWORKS_CHANNEL_KEY };

/**
 * The commercetools resources order-sync needs besides the subscription. The order flow also
 * creates the channel lazily if it is missing when it first records a Linnworks order id.
 */
export async function ensureConnectorResources(
  api: CtApi,
  instanceKey?: string,
): Promise<Record<string, string>> {
  const key = linnworksChannelKey(instanceKey);

  return { [`channel:${key}`]: await ensureLinnworksChannel(api, key) };
}

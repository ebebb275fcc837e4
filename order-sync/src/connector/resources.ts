import { type CtApi, ensureChannel } from 'shared';

/** Key of the channel whose sync info records the Linnworks order id on each order. */
export const LINNWORKS_CHANNEL_KEY = 'linnworks';

/** The commercetools resources order-sync needs besides the subscription. */
export async function ensureConnectorResources(api: CtApi): Promise<Record<string, string>> {
  return {
    [`channel:${LINNWORKS_CHANNEL_KEY}`]: await ensureChannel(api, {
      key: LINNWORKS_CHANNEL_KEY,
      roles: ['OrderExport'],
      name: 'Linnworks',
    }),
  };
}

/** The push body Connect's Pub/Sub would send: used by the sandbox's event pump and tests. */
export interface PubSubPush {
  message: {
    data: string;
    messageId: string;
    publishTime: string;
    attributes: Record<string, string>;
  };
  subscription: string;
}

export function toPubSubPush(payload: unknown, messageId: string): PubSubPush {
  return {
    message: {
      data: Buffer.from(JSON.stringify(payload)).toString('base64'),
      messageId,
      publishTime: new Date().toISOString(),
      attributes: {},
    },
    subscription: 'projects/local/subscriptions/order-sync',
  };
}

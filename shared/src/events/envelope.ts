import { z } from 'zod';

import { ValidationError } from '../errors/errors';

/** Google Cloud Pub/Sub push body, as Connect delivers it to an event app. */
const pubSubPushSchema = z.object({
  message: z.object({
    data: z.string().min(1),
    messageId: z.string().optional(),
    message_id: z.string().optional(),
    publishTime: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  subscription: z.string().optional(),
});

/** The commercetools payload inside it: only what routing needs; the rest is passed through. */
const ctPayloadSchema = z.looseObject({
  notificationType: z.string(),
  projectKey: z.string().optional(),
  id: z.string().optional(),
  type: z.string().optional(),
  resource: z.looseObject({ typeId: z.string(), id: z.string() }),
  resourceVersion: z.number().int().optional(),
  sequenceNumber: z.number().int().optional(),
  version: z.number().int().optional(),
});

export type CtNotification = z.infer<typeof ctPayloadSchema>;

export interface Delivery {
  notification: CtNotification;
  /** Pub/Sub's id for this delivery (the same on a redelivery), if the envelope had one. */
  messageId: string | undefined;
}

/**
 * Accepts a Pub/Sub push envelope (`message.data` = base64 JSON) or, for SNS deployments and
 * local runs, the raw commercetools payload. Anything else is a ValidationError naming the field.
 */
export function parseDelivery(body: unknown): Delivery {
  const push = pubSubPushSchema.safeParse(body);
  let raw: unknown = body;
  let messageId: string | undefined;
  if (push.success) {
    messageId = push.data.message.messageId ?? push.data.message.message_id;
    try {
      raw = JSON.parse(Buffer.from(push.data.message.data, 'base64').toString('utf8').trim());
    } catch {
      throw new ValidationError('ENVELOPE_INVALID', 'message.data is not base64-encoded JSON', {
        field: 'message.data',
      });
    }
  } else if (typeof body === 'object' && body !== null && 'message' in body) {
    const issue = push.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : 'message';
    throw new ValidationError('ENVELOPE_INVALID', `${field}: ${issue?.message ?? 'invalid'}`, {
      field,
    });
  }
  const payload = ctPayloadSchema.safeParse(raw);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') || 'payload' : 'payload';
    throw new ValidationError('PAYLOAD_INVALID', `${field}: ${issue?.message ?? 'invalid'}`, {
      field,
    });
  }

  return { notification: payload.data, messageId };
}

/** Builds the push body Connect would send: used by the sandbox's event pump and tests. */
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

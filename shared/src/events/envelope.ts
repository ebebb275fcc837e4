import { z } from 'zod';

import { ValidationError } from '../errors/errors';
import { scanDelivery, type ScanResult } from './order-id-scan';

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

/** A body that can never become a delivery: why, and what of it could still be read. */
export interface UnreadableDelivery extends ScanResult {
  reason: 'BODY_TOO_LARGE' | 'BODY_NOT_JSON' | 'ENVELOPE_INVALID' | 'PAYLOAD_INVALID';
  /** Safe to log and to answer: names the field, never quotes the body. */
  message: string;
  field?: string;
}

/**
 * Reads a delivery from the raw request body. A body that is not JSON, not an envelope or not a
 * commercetools payload comes back as `unreadable` (never thrown), with the order id and
 * message id if the body still shows them, so the order can get a failure record.
 */
export function readDelivery(
  body: Buffer,
): { delivery: Delivery } | { unreadable: UnreadableDelivery } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    // The parser's message quotes the body, which may hold personal data: not passed on.
    return {
      unreadable: {
        reason: 'BODY_NOT_JSON',
        message: 'the body is not JSON',
        ...scanDelivery(body),
      },
    };
  }
  try {
    return { delivery: parseDelivery(json) };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const reason = error.code === 'PAYLOAD_INVALID' ? 'PAYLOAD_INVALID' : 'ENVELOPE_INVALID';
    const field = typeof error.details.field === 'string' ? error.details.field : undefined;

    return {
      unreadable: {
        reason,
        message: error.message,
        ...(field ? { field } : {}),
        ...scanDelivery(body),
      },
    };
  }
}

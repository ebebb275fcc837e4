import { z } from 'shared';

export const MAX_REPLAY_ITEMS = 200;
const failureId = z.string().regex(/^[-_~.a-zA-Z0-9]{1,256}$/, 'must be a failure id');
const name = z.string().regex(/^[-_a-zA-Z0-9]{1,64}$/, 'must be a name of letters, digits, - or _');

/**
 * What to replay: `ids`, or every pending failure of a `flow` (optionally one `reasonCode`), or
 * `all` pending failures. Exactly one selector; `limit` bounds the items of one call.
 */
export const replayRequestSchema = z
  .strictObject({
    ids: z.array(failureId).min(1).max(MAX_REPLAY_ITEMS).optional(),
    flow: name.optional(),
    reasonCode: name.optional(),
    all: z.literal(true).optional(),
    dryRun: z.boolean().default(false),
    limit: z.number().int().min(1).max(MAX_REPLAY_ITEMS).default(50),
  })
  .superRefine((body, ctx) => {
    const selectors = [body.ids, body.flow, body.all].filter((s) => s !== undefined).length;
    if (selectors !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'give exactly one of ids, flow or all',
      });
    }
    if (body.reasonCode !== undefined && body.flow === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'needs flow' });
    }
  });

export type ReplayRequest = z.output<typeof replayRequestSchema>;

import { z } from '../../config/env';
import { refersTo } from '../../config/setting-refs';

/** Which Linnworks quantity feeds `quantityOnStock`: what can be sold, or what is on the shelf. */
export const stockQuantityRuleSchema = z.enum(['available', 'onHand']);
export type StockQuantityRule = z.infer<typeof stockQuantityRuleSchema>;

const channelKey = refersTo(
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,256}$/, 'must be a commercetools channel key ([A-Za-z0-9_-], 2..256)'),
  { kind: 'ct-channel', role: 'InventorySupply' },
);

/** One Linnworks location and where its stock goes. */
export const stockLocationEntrySchema = z.strictObject({
  /** Linnworks location id (GUID) or name (case-insensitive). */
  location: refersTo(z.string().trim().min(1, 'must name a Linnworks location (id or name)'), {
    kind: 'lw-location',
    match: 'id-or-name',
  }),
  /** Supply channel key in commercetools; without it the location only feeds the aggregate. */
  channel: channelKey.optional(),
  quantity: stockQuantityRuleSchema.default('available'),
  /** Units held back at this location; the quantity written never goes below 0. */
  safetyBuffer: z.number().int().min(0).default(0),
  /** `false`: the location is known but takes no part (no warning about it either). */
  enabled: z.boolean().default(true),
});

export const stockLocationMappingSchema = z
  .strictObject({
    locations: z.array(stockLocationEntrySchema).min(1, 'must map at least one location'),
    /** An inventory entry without supply channel holding the sum of the mapped locations. */
    aggregate: z
      .strictObject({
        enabled: z.boolean().default(true),
        safetyBuffer: z.number().int().min(0).default(0),
      })
      .optional(),
  })
  .superRefine((mapping, ctx) => {
    const seenChannels = new Set<string>();
    const seenLocations = new Set<string>();
    mapping.locations.forEach((entry, index) => {
      const location = entry.location.toLowerCase();
      if (seenLocations.has(location)) {
        ctx.addIssue({
          code: 'custom',
          path: ['locations', index, 'location'],
          message: `location "${entry.location}" is mapped twice`,
        });
      }
      seenLocations.add(location);
      if (entry.channel && entry.enabled) {
        if (seenChannels.has(entry.channel)) {
          ctx.addIssue({
            code: 'custom',
            path: ['locations', index, 'channel'],
            message: `channel "${entry.channel}" receives two locations; map each channel once`,
          });
        }
        seenChannels.add(entry.channel);
      }
    });
    const aggregateOn = mapping.aggregate?.enabled === true;
    const writesSomething = mapping.locations.some((e) => e.enabled && (e.channel || aggregateOn));
    if (!writesSomething) {
      ctx.addIssue({
        code: 'custom',
        path: ['locations'],
        message: 'no enabled location has a channel and the aggregate is off: nothing would sync',
      });
    }
  });

export type StockLocationMapping = z.infer<typeof stockLocationMappingSchema>;

// How a Linnworks item finds its commercetools variant: shared with order-sync (one normaliser).
export { defaultSkuMatching, type SkuMatching, skuMatchingSchema } from './sku-matching.contract';

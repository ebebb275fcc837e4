import { jsonString, z } from '../../config/env';

/**
 * How a SKU is normalised (`STOCK_SKU_MATCHING`), shared by stock-sync (a Linnworks item finds
 * its commercetools variant) and order-sync (an order's SKU is sent as Linnworks spells it): one
 * normaliser, so an order SKU that differs from a Linnworks SKU only by case or surrounding
 * whitespace links to it exactly as stock does.
 */
export const skuMatchingSchema = z.strictObject({
  trim: z.boolean().default(false),
  case: z.enum(['preserve', 'upper', 'lower']).default('preserve'),
  /** Variant attribute holding an EAN/UPC; items whose SKU matches nothing try their barcode. */
  barcodeAttribute: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be an attribute name')
    .optional(),
});

export type SkuMatching = z.infer<typeof skuMatchingSchema>;

export const defaultSkuMatching: SkuMatching = { trim: false, case: 'preserve' };

/** The configuration key, declared once for both flows. */
export const skuMatchingEnvShape = {
  STOCK_SKU_MATCHING: jsonString(skuMatchingSchema).optional(),
};

/** A SKU in its normalised form (trimmed and cased as `STOCK_SKU_MATCHING` says). */
export function normaliseSku(sku: string, matching: SkuMatching): string {
  const trimmed = matching.trim ? sku.trim() : sku;
  if (matching.case === 'upper') return trimmed.toUpperCase();
  if (matching.case === 'lower') return trimmed.toLowerCase();

  return trimmed;
}

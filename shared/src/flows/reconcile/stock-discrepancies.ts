/** One SKU in one inventory slot (a mapped supply channel, or the aggregate): what commercetools holds and what Linnworks says. */
export interface StockPair {
  sku: string;
  /** Supply channel key of the inventory entry, or `*` for the entry without a channel (aggregate). */
  channelKey: string;
  /** `quantityOnStock` of the inventory entry; undefined when commercetools has none. */
  ctQuantity?: number;
  /** The quantity the stock-sync flow would write for the Linnworks level; undefined when Linnworks has none. */
  expectedQuantity?: number;
}

export type StockDiscrepancyKind =
  'missing-in-commercetools' | 'missing-in-linnworks' | 'quantity-differs';

export interface StockDiscrepancy extends StockPair {
  kind: StockDiscrepancyKind;
  difference?: number;
}

/**
 * Compares stock per SKU and location. A quantity difference counts only when it is larger
 * than `tolerance` (units), so in-flight changes within the buffer are not reported.
 */
export function compareStock(pairs: StockPair[], tolerance = 0): StockDiscrepancy[] {
  const findings: StockDiscrepancy[] = [];
  for (const pair of pairs) {
    if (pair.ctQuantity === undefined && pair.expectedQuantity === undefined) continue;
    if (pair.ctQuantity === undefined) {
      findings.push({ kind: 'missing-in-commercetools', ...pair });
    } else if (pair.expectedQuantity === undefined) {
      findings.push({ kind: 'missing-in-linnworks', ...pair });
    } else {
      const difference = pair.ctQuantity - pair.expectedQuantity;
      if (Math.abs(difference) > tolerance)
        findings.push({ kind: 'quantity-differs', ...pair, difference });
    }
  }

  return findings;
}

import { compareStock, type StockPair } from '../../../src/flows/reconcile/stock-discrepancies';

const pair = (over: Partial<StockPair>): StockPair => ({
  sku: 'SKU-1',
  channelKey: 'wh-1',
  ...over,
});

describe('compareStock', () => {
  it('when the difference is within the tolerance, then it is not reported; beyond it, it is', () => {
    const findings = compareStock(
      [
        pair({ ctQuantity: 10, expectedQuantity: 12 }),
        pair({ sku: 'SKU-2', ctQuantity: 10, expectedQuantity: 13 }),
      ],
      2,
    );
    expect(findings).toEqual([
      {
        kind: 'quantity-differs',
        ...pair({ sku: 'SKU-2', ctQuantity: 10, expectedQuantity: 13 }),
        difference: -3,
      },
    ]);
  });

  it('when one side has no record, then the missing side is named', () => {
    expect(
      compareStock([
        pair({ expectedQuantity: 4 }),
        pair({ sku: 'SKU-2', ctQuantity: 1 }),
        pair({ sku: 'SKU-3' }),
      ]).map((f) => [f.kind, f.sku]),
    ).toEqual([
      ['missing-in-commercetools', 'SKU-1'],
      ['missing-in-linnworks', 'SKU-2'],
    ]);
  });
});

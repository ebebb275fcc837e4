import { linnworksLineFigures } from '../../src/linnworks/linnworks-line-figures';

describe('linnworksLineFigures', () => {
  it('when prices include tax, then the tax is taken out of the line total (help 7000005442)', () => {
    expect(
      linnworksLineFigures({
        PricePerUnit: 12,
        Quantity: 2,
        Discount: 0,
        TaxRate: 20,
        TaxCostInclusive: true,
      }),
    ).toEqual({ Cost: 20, CostIncTax: 24, Tax: 4 });
  });

  it('when prices exclude tax and a discount percent applies, then tax is added to the discounted total', () => {
    expect(
      linnworksLineFigures({
        PricePerUnit: 10,
        Quantity: 3,
        Discount: 10,
        TaxRate: 20,
        TaxCostInclusive: false,
      }),
    ).toEqual({ Cost: 27, CostIncTax: 32.4, Tax: 5.4 });
  });

  it.each([
    [3.99, 0.66],
    [4.05, 0.68],
  ])(
    'when the tax of %p including 20 %% falls on half a cent, then it rounds to the even cent (%p)',
    (price, tax) => {
      const figures = linnworksLineFigures({
        PricePerUnit: price,
        Quantity: 1,
        Discount: 0,
        TaxRate: 20,
        TaxCostInclusive: true,
      });
      expect(figures.Tax).toBe(tax);
    },
  );
});

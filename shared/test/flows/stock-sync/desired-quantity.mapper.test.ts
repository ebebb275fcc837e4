import {
  AGGREGATE_SLOT,
  desiredQuantities,
  desiredQuantityFor,
  locationQuantity,
  normaliseSku,
  type ResolvedStockMapping,
} from '../../../src/flows/stock-sync/desired-quantity.mapper';

const level = (location: string, stockLevel: number, inOrders = 0) => ({
  Location: { StockLocationId: location },
  StockLevel: stockLevel,
  InOrders: inOrders,
  Available: stockLevel - inOrders,
});

function mapping(over: Partial<ResolvedStockMapping> = {}): ResolvedStockMapping {
  return {
    locations: new Map([
      [
        'loc-a',
        {
          locationId: 'loc-a',
          locationName: 'A',
          channelKey: 'wh-a',
          quantity: 'available',
          safetyBuffer: 0,
        },
      ],
      [
        'loc-b',
        {
          locationId: 'loc-b',
          locationName: 'B',
          channelKey: 'wh-b',
          quantity: 'onHand',
          safetyBuffer: 2,
        },
      ],
    ]),
    disabledLocationIds: new Set(['loc-off']),
    aggregate: undefined,
    ...over,
  };
}

describe('locationQuantity', () => {
  it.each([
    ['available', 0, { StockLevel: 10, Available: 7 }, 7],
    ['onHand', 0, { StockLevel: 10, Available: 7 }, 10],
    ['available', 3, { StockLevel: 10, Available: 7 }, 4],
    ['available', 10, { StockLevel: 10, Available: 7 }, 0],
    ['available', 0, { StockLevel: 2, Available: -5 }, 0],
    ['onHand', 1, undefined, 0],
  ] as const)(
    'when the rule is %s with buffer %d and the level is %j, then the quantity is %d',
    (quantity, safetyBuffer, lvl, expected) => {
      expect(locationQuantity(lvl, { quantity, safetyBuffer })).toBe(expected);
    },
  );
});

describe('desiredQuantities', () => {
  it('when levels cover every mapped location, then each channel gets its rule minus its buffer', () => {
    const result = desiredQuantities([level('LOC-A', 10, 3), level('loc-b', 8, 5)], mapping());
    expect(result.slots).toEqual([
      ['wh-a', 7],
      ['wh-b', 6],
    ]);
    expect(result.unmappedLocationIds).toEqual([]);
  });

  it('when a mapped location has no level row, then its channel gets 0', () => {
    expect(desiredQuantities([level('loc-a', 4)], mapping()).slots).toEqual([
      ['wh-a', 4],
      ['wh-b', 0],
    ]);
  });

  it('when a level belongs to an unmapped location, then it is reported and a disabled one is not', () => {
    const result = desiredQuantities(
      [level('loc-a', 1), level('loc-x', 9), level('loc-off', 9)],
      mapping(),
    );
    expect(result.unmappedLocationIds).toEqual(['loc-x']);
    expect(result.slots).toEqual([
      ['wh-a', 1],
      ['wh-b', 0],
    ]);
  });

  it('when the aggregate is on, then it sums the locations after their buffers minus its own buffer', () => {
    const withAggregate = mapping({ aggregate: { safetyBuffer: 1 } });
    const result = desiredQuantities([level('loc-a', 10, 3), level('loc-b', 8, 5)], withAggregate);
    expect(result.slots).toContainEqual([AGGREGATE_SLOT, 7 + 6 - 1]);
  });

  it('when a location only feeds the aggregate, then it adds to the sum but has no channel slot', () => {
    const aggregateOnly = mapping({
      locations: new Map([
        [
          'loc-a',
          {
            locationId: 'loc-a',
            locationName: 'A',
            channelKey: undefined,
            quantity: 'available',
            safetyBuffer: 0,
          },
        ],
      ]),
      aggregate: { safetyBuffer: 0 },
    });
    expect(desiredQuantities([level('loc-a', 5)], aggregateOnly).slots).toEqual([
      [AGGREGATE_SLOT, 5],
    ]);
  });

  it('when asked for one slot, then desiredQuantityFor answers it, and undefined for a slot not written', () => {
    const levels = [level('loc-a', 10, 3), level('loc-b', 8)];
    expect(desiredQuantityFor(levels, mapping(), 'wh-b')).toBe(6);
    expect(desiredQuantityFor(levels, mapping(), 'elsewhere')).toBeUndefined();
  });
});

describe('normaliseSku', () => {
  it.each([
    [{ trim: false, case: 'preserve' }, ' Ab-1 ', ' Ab-1 '],
    [{ trim: true, case: 'preserve' }, ' Ab-1 ', 'Ab-1'],
    [{ trim: true, case: 'upper' }, ' Ab-1 ', 'AB-1'],
    [{ trim: false, case: 'lower' }, 'Ab-1', 'ab-1'],
  ] as const)('when matching is %j, then %j becomes %j', (matching, sku, expected) => {
    expect(normaliseSku(sku, matching)).toBe(expected);
  });
});

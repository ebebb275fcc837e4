import { ConfigError } from '../../../src/errors/errors';
import { parseEnv } from '../../../src/config/env';
import { stockSyncEnvShape } from '../../../src/flows/stock-sync/stock-sync.settings';
import { resolveStockMapping } from '../../../src/flows/stock-sync/stock-location.resolver';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseEnv(stockSyncEnvShape, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }

  return [];
}

describe('STOCK_LOCATION_MAPPING', () => {
  it('when the mapping is minimal, then the defaults fill in available, buffer 0 and enabled', () => {
    const env = parseEnv(stockSyncEnvShape, {
      STOCK_LOCATION_MAPPING: '{"locations":[{"location":"Default","channel":"lw-default"}]}',
    });
    expect(env.STOCK_LOCATION_MAPPING?.locations[0]).toEqual({
      location: 'Default',
      channel: 'lw-default',
      quantity: 'available',
      safetyBuffer: 0,
      enabled: true,
    });
  });

  it('when a buffer is negative and a rule unknown, then both problems name their JSON path', () => {
    const problems = problemsOf({
      STOCK_LOCATION_MAPPING:
        '{"locations":[{"location":"A","channel":"wh-a","safetyBuffer":-1,"quantity":"all"}]}',
    });
    expect(problems.join('\n')).toMatch(/STOCK_LOCATION_MAPPING: .*locations\.0\.safetyBuffer/);
    expect(problems.join('\n')).toMatch(/locations\.0\.quantity/);
  });

  it('when two locations feed one channel, then the mapping is refused naming the channel', () => {
    const problems = problemsOf({
      STOCK_LOCATION_MAPPING:
        '{"locations":[{"location":"A","channel":"wh"},{"location":"B","channel":"wh"}]}',
    });
    expect(problems.join('\n')).toContain('channel "wh" receives two locations');
  });

  it('when no location has a channel and there is no aggregate, then the mapping is refused', () => {
    const problems = problemsOf({ STOCK_LOCATION_MAPPING: '{"locations":[{"location":"A"}]}' });
    expect(problems.join('\n')).toContain('nothing would sync');
  });

  it('when the value is not JSON, then the problem says so without echoing it', () => {
    const problems = problemsOf({ STOCK_LOCATION_MAPPING: '{locations' });
    expect(problems).toEqual(['STOCK_LOCATION_MAPPING: must be valid JSON']);
  });

  it('when the SKU matching names an attribute, then it is read with trim and case defaults', () => {
    const env = parseEnv(stockSyncEnvShape, { STOCK_SKU_MATCHING: '{"barcodeAttribute":"ean"}' });
    expect(env.STOCK_SKU_MATCHING).toEqual({
      trim: false,
      case: 'preserve',
      barcodeAttribute: 'ean',
    });
  });
});

describe('resolveStockMapping', () => {
  const locations = [
    { StockLocationId: '00000000-0000-0000-0000-000000000000', LocationName: 'Default' },
    { StockLocationId: 'AB5E0000-0000-0000-0000-000000000001', LocationName: 'East Warehouse' },
  ];

  it('when entries name locations by id or by name in any case, then both resolve to lower-case ids', () => {
    const { mapping, problems } = resolveStockMapping(
      {
        locations: [
          {
            location: 'east warehouse',
            channel: 'wh-east',
            quantity: 'onHand',
            safetyBuffer: 1,
            enabled: true,
          },
          {
            location: '00000000-0000-0000-0000-000000000000',
            channel: 'wh-main',
            quantity: 'available',
            safetyBuffer: 0,
            enabled: true,
          },
        ],
      },
      locations,
    );
    expect(problems).toEqual([]);
    expect([...mapping.locations.keys()]).toEqual([
      'ab5e0000-0000-0000-0000-000000000001',
      '00000000-0000-0000-0000-000000000000',
    ]);
  });

  it('when an entry names no Linnworks location, then the problem names the entry and value', () => {
    const { problems } = resolveStockMapping(
      {
        locations: [
          {
            location: 'Nowhere',
            channel: 'x1',
            quantity: 'available',
            safetyBuffer: 0,
            enabled: true,
          },
        ],
      },
      locations,
    );
    expect(problems).toEqual([
      'STOCK_LOCATION_MAPPING: locations.0.location "Nowhere" is neither the id nor the name of a Linnworks location',
    ]);
  });

  it('when an entry is disabled, then its location is known but not synced', () => {
    const { mapping } = resolveStockMapping(
      {
        locations: [
          { location: 'Default', quantity: 'available', safetyBuffer: 0, enabled: false },
        ],
        aggregate: { enabled: true, safetyBuffer: 0 },
      },
      locations,
    );
    expect(mapping.locations.size).toBe(0);
    expect(mapping.disabledLocationIds.has('00000000-0000-0000-0000-000000000000')).toBe(true);
  });
});

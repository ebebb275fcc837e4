import { jsonString, parseEnvPartly, z } from '../../src/config/env';
import { collectSettingRefs, refersTo } from '../../src/config/setting-refs';
import { connectorEnvShape } from '../../src/flows/connector-env';

const refs = (shape: Record<string, z.ZodType>, env: Record<string, string>) =>
  collectSettingRefs(shape, parseEnvPartly(shape, env).values).map(
    (r) => `${r.kind} ${r.value} @ ${r.where}`,
  );

describe('what the settings name in commercetools and Linnworks is found by walking their schemas', () => {
  it('when the connector’s settings map stores, methods, locations, channels and states, then each value is found with its path', () => {
    expect(
      refs(connectorEnvShape, {
        ORDER_STORE_MAPPING:
          '{"uk":{"subSource":"uk","location":"Leeds"},"_none":{"subSource":"web"}}',
        ORDER_SHIPPING_METHOD_MAPPING:
          '{"standard":{"postalService":"Royal Mail 24"},"_none":{"postalService":"Collect"}}',
        ORDER_COUNTRY_LOCATIONS: '{"US":"Newark"}',
        ORDER_SYNC_STORES: 'uk',
        STOCK_LOCATION_MAPPING: '{"locations":[{"location":"Leeds","channel":"leeds"}]}',
        FULFILLMENT_PROGRESS_RULES: '[{"flag":"PickListPrinted","state":"picking"}]',
      }),
    ).toEqual([
      'ct-store uk @ `ORDER_STORE_MAPPING: uk`',
      'lw-location Leeds @ `ORDER_STORE_MAPPING: uk.location`',
      // `_none` names no store, but its location (the default, here) is a location.
      'lw-location Default @ `ORDER_STORE_MAPPING: _none.location`',
      'ct-shipping-method standard @ `ORDER_SHIPPING_METHOD_MAPPING: standard`',
      'lw-postal-service Royal Mail 24 @ `ORDER_SHIPPING_METHOD_MAPPING: standard.postalService`',
      'lw-postal-service Collect @ `ORDER_SHIPPING_METHOD_MAPPING: _none.postalService`',
      'lw-location Newark @ `ORDER_COUNTRY_LOCATIONS: US`',
      'ct-store uk @ `ORDER_SYNC_STORES: 0`',
      'ct-state lw-line-cancelled @ FULFILLMENT_LINE_CANCELLED_STATE',
      'lw-location Leeds @ `STOCK_LOCATION_MAPPING: locations.0.location`',
      'ct-channel leeds @ `STOCK_LOCATION_MAPPING: locations.0.channel`',
      'ct-state picking @ `FULFILLMENT_PROGRESS_RULES: 0.state`',
    ]);
  });

  it('when a new setting nests a marked schema (a per-store override), then its values are found with no other code', () => {
    const location = refersTo(z.string().min(1), { kind: 'lw-location', match: 'name' });
    const shape = {
      STORES: jsonString(
        z.record(
          z.string(),
          z.strictObject({ countryLocations: z.record(z.string(), location).optional() }),
        ),
      )
        .superRefine(() => undefined)
        .optional()
        .transform((v) => v ?? {}),
    };

    expect(refs(shape, { STORES: '{"de":{"countryLocations":{"AT":"Vienna"}},"fr":{}}' })).toEqual([
      'lw-location Vienna @ `STORES: de.countryLocations.AT`',
    ]);
  });

  it('when a key does not parse, then what it names is not looked up (its problem is reported instead)', () => {
    const { values, problems } = parseEnvPartly(connectorEnvShape, {
      ORDER_STORE_MAPPING: '{"uk":{"subSource":"uk","locaton":"Leeds"}}',
    });

    expect(problems).toContain(
      '`ORDER_STORE_MAPPING: uk.locaton`: unknown field; did you mean `location`?',
    );
    const named = collectSettingRefs(connectorEnvShape, values).map((r) => r.where);
    expect(named.filter((where) => where.includes('ORDER_STORE_MAPPING'))).toEqual([]);
    expect(named).toContain('FULFILLMENT_LINE_CANCELLED_STATE');
  });
});

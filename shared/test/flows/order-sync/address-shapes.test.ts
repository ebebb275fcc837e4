import type { BaseAddress } from '@commercetools/platform-sdk';

import { isIso3166Alpha2, postcodeFits } from '../../../src/flows/order-sync/address-shapes';
import { addressProblems } from '../../../src/flows/order-sync/order-address.mapper';

const address = (country: string, postalCode?: string): BaseAddress => ({
  country,
  ...(postalCode === undefined ? {} : { postalCode }),
  streetName: 'High Street',
  lastName: 'Smith',
});

describe('address validation beyond "present"', () => {
  it('when a country code is not an assigned ISO 3166-1 alpha-2 code, then it is named invalid', () => {
    for (const code of ['GB', 'DE', 'US', 'ZA', 'AQ']) expect(isIso3166Alpha2(code)).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'XX', 'ZZ', 'gb', 'GBR', ''])
      expect(isIso3166Alpha2(code)).toBe(false);
    expect(addressProblems(address('UK', 'SW1A 1AA'), 'shippingAddress')).toEqual([
      expect.objectContaining({
        code: 'ADDRESS_COUNTRY_INVALID',
        field: 'shippingAddress.country',
      }),
    ]);
  });

  it('when a listed country has a misshapen postcode, then ADDRESS_POSTCODE_INVALID names the field but not the value', () => {
    expect(postcodeFits('GB', 'sw1a 1aa')).toBe(true);
    expect(postcodeFits('GB', 'SW1A1AA')).toBe(true);
    expect(postcodeFits('NL', '1012 AB')).toBe(true);
    expect(postcodeFits('US', '12345-6789')).toBe(true);
    expect(postcodeFits('DE', '5114')).toBe(false);
    const problems = addressProblems(address('DE', '5114'), 'shippingAddress', ['DE', 'GB']);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'ADDRESS_POSTCODE_INVALID',
        field: 'shippingAddress.postalCode',
      }),
    ]);
    expect(problems[0]!.message).not.toContain('5114');
    // Not listed: only presence is checked.
    expect(addressProblems(address('DE', '5114'), 'shippingAddress', ['GB'])).toEqual([]);
  });
});

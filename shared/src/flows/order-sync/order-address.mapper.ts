import type { BaseAddress } from '@commercetools/platform-sdk';

import type { LinnworksChannelAddress } from '../../linnworks/linnworks-types';
import { isIso3166Alpha2, postcodeFits } from './address-shapes';

/** Countries whose addresses have no postcode, so a missing one is not a rejection. */
const NO_POSTCODE_COUNTRIES = new Set(
  (
    'AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GD GH GM GQ GY HK IE JM KI ' +
    'KM KN KP LC LY ML MO MR MW NR NU QA RW SB SC SL SO SR ST SY TF TG TK TL TO TT TV UG VU YE ZW'
  ).split(' '),
);

/** Countries that write the house number before the street name. */
const NUMBER_FIRST_COUNTRIES = new Set(['AU', 'CA', 'FR', 'GB', 'IE', 'NZ', 'US']);

export interface AddressProblem {
  code:
    | 'ADDRESS_MISSING'
    | 'ADDRESS_COUNTRY_MISSING'
    | 'ADDRESS_COUNTRY_INVALID'
    | 'ADDRESS_POSTCODE_MISSING'
    | 'ADDRESS_POSTCODE_INVALID'
    | 'ADDRESS_STREET_MISSING'
    | 'ADDRESS_NAME_MISSING';
  field: string;
  message: string;
}

/** What is missing from an address for Linnworks to ship to it (names fields, never values). */
export function addressProblems(
  address: BaseAddress | undefined,
  field: string,
  postcodeCountries: readonly string[] = [],
): AddressProblem[] {
  if (!address) {
    return [{ code: 'ADDRESS_MISSING', field, message: `${field} is missing` }];
  }
  const problems: AddressProblem[] = [];
  const country = address.country?.trim() ?? '';
  if (!country) {
    problems.push({
      code: 'ADDRESS_COUNTRY_MISSING',
      field: `${field}.country`,
      message: `${field}.country is missing`,
    });
  }
  if (country && !isIso3166Alpha2(country)) {
    problems.push({
      code: 'ADDRESS_COUNTRY_INVALID',
      field: `${field}.country`,
      message: `${field}.country ${country} is not an ISO 3166-1 alpha-2 country code`,
    });
  }
  problems.push(...postcodeProblems(address, field, postcodeCountries));
  if (!address.streetName?.trim()) {
    problems.push({
      code: 'ADDRESS_STREET_MISSING',
      field: `${field}.streetName`,
      message: `${field}.streetName is missing`,
    });
  }
  if (!fullName(address) && !address.company?.trim()) {
    problems.push({
      code: 'ADDRESS_NAME_MISSING',
      field: `${field}.lastName`,
      message: `${field} has neither firstName/lastName nor company`,
    });
  }

  return problems;
}

function postcodeProblems(
  address: BaseAddress,
  field: string,
  postcodeCountries: readonly string[],
): AddressProblem[] {
  const country = address.country?.trim() ?? '';
  const postcode = address.postalCode?.trim() ?? '';
  if (country && !postcode && !NO_POSTCODE_COUNTRIES.has(country)) {
    const message = `${field}.postalCode is missing and required for country ${country}`;

    return [{ code: 'ADDRESS_POSTCODE_MISSING', field: `${field}.postalCode`, message }];
  }
  if (postcode && postcodeCountries.includes(country) && !postcodeFits(country, postcode)) {
    const message = `${field}.postalCode does not have the shape of a ${country} postcode`;

    return [{ code: 'ADDRESS_POSTCODE_INVALID', field: `${field}.postalCode`, message }];
  }

  return [];
}

function fullName(address: BaseAddress): string {
  return [address.firstName, address.lastName]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ');
}

function streetLine(address: BaseAddress): string {
  const name = address.streetName?.trim() ?? '';
  const number = address.streetNumber?.trim() ?? '';
  if (!number) return name;

  return NUMBER_FIRST_COUNTRIES.has(address.country) ? `${number} ${name}` : `${name} ${number}`;
}

/** commercetools address → Linnworks ChannelAddress (country as ISO code in MatchCountryCode). */
export function toChannelAddress(
  address: BaseAddress,
  fallbackEmail: string | undefined,
): LinnworksChannelAddress {
  const second = [address.building, address.apartment, address.additionalStreetInfo]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(', ');

  return {
    FullName: fullName(address) || (address.company ?? ''),
    Company: address.company ?? '',
    Address1: streetLine(address),
    Address2: second,
    Address3: address.department ?? '',
    Town: address.city ?? '',
    Region: address.region ?? address.state ?? '',
    PostCode: address.postalCode ?? '',
    Country: address.country,
    MatchCountryCode: address.country,
    PhoneNumber: address.phone ?? address.mobile ?? '',
    EmailAddress: address.email ?? fallbackEmail ?? '',
  };
}

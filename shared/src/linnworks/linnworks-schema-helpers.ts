import { z } from 'zod';

import {
  LINNWORKS_RESPONSE_ENUMS,
  linnworksEnumMember,
  type LinnworksResponseEnum,
} from './linnworks-enums';

/**
 * Building blocks for Linnworks response schemas. Linnworks (.NET) sends `null` for absent
 * strings and lists, `0001-01-01T00:00:00` for an unset non-nullable date, and dates with up
 * to 7 fractional digits and sometimes no offset (treated as UTC, reference §1.3).
 */

const DOTNET_MIN_DATE_YEAR = 1;

/** Normalises a Linnworks date string to an ISO-8601 UTC string, or null when unset. */
export function normaliseLinnworksDate(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const millis = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(millis)) return null;
  const date = new Date(millis);

  return date.getUTCFullYear() <= DOTNET_MIN_DATE_YEAR ? null : date.toISOString();
}

/** `schema`, with `fallback` in our model where Linnworks sent null or nothing. */
function orWhenNull<T extends z.ZodType, F>(schema: T, fallback: F) {
  return schema.nullish().transform((v): z.output<T> | F => v ?? fallback);
}

export const lwString = orWhenNull(z.string(), null);

/** A string that is never null in our model ('' when Linnworks sent null). */
export const lwText = orWhenNull(z.string(), '');

export const lwNumber = orWhenNull(z.number(), 0);

export const lwBoolean = orWhenNull(z.boolean(), false);

export const lwDate = z
  .string()
  .nullish()
  .transform((v) => normaliseLinnworksDate(v));

/** A list that Linnworks may send as null. */
export function lwList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
}

/** A nested object Linnworks may send as null: parsed as if it were `{}`. */
export function nullAsEmpty<T extends z.ZodType>(shape: T) {
  return z.preprocess((v) => v ?? {}, shape);
}

/** SDK `GenericPagedResult<T>`. */
export function lwPaged<T extends z.ZodType>(item: T) {
  return z.object({
    PageNumber: lwNumber,
    EntriesPerPage: lwNumber,
    TotalEntries: lwNumber,
    TotalPages: lwNumber,
    Data: lwList(item),
  });
}

/**
 * An SDK enum in a response: its name or its integer (SDK member order), normalised to the
 * name; null or absent → null. Any other value fails the parse with an issue naming the enum
 * and the value, which the client reports as LINNWORKS_UNEXPECTED_RESPONSE at the field's path.
 */
export function lwEnum<E extends LinnworksResponseEnum>(enumName: E) {
  const members = LINNWORKS_RESPONSE_ENUMS[enumName];

  return z
    .unknown()
    .optional()
    .transform((value, ctx): (typeof members)[number] | null => {
      if (value === null || value === undefined || value === '') return null;
      const member = linnworksEnumMember(members, value);
      if (member !== undefined) return member;
      ctx.addIssue({
        code: 'custom',
        message: `unknown ${enumName} value ${JSON.stringify(value)} (expected a name or 0..${members.length - 1})`,
      });

      return z.NEVER;
    });
}

/**
 * What a valid address looks like beyond "present": ISO 3166-1 alpha-2 country codes, and the
 * postcode shape of the countries a merchant asks to check (`ORDER_POSTCODE_COUNTRIES`).
 */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Codes that Node's region names (CLDR) know but ISO 3166-1 does not assign: exceptionally
 * reserved (AC CP DG EA IC TA), transitionally or otherwise reserved (EU EZ UK UN), and the
 * user-assigned range (QO XA XB XK ZZ).
 */
const NOT_ASSIGNED = new Set('AC CP DG EA IC TA EU EZ UK UN QO XA XB XK ZZ'.split(' '));

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code (e.g. `GB`, not `UK` or `XX`). */
export function isIso3166Alpha2(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_ASSIGNED.has(code) && regionNames.of(code) !== undefined;
}

/**
 * Postcode shapes per country (upper case, spaces as written by the post office; a single space
 * may be left out where the post office writes one). Sources: the national post offices' formats
 * as collected in the UPU's "Postal addressing systems" pages [?: shapes, not lists of codes].
 */
export const POSTCODE_SHAPES: Record<string, RegExp> = {
  AT: /^\d{4}$/,
  AU: /^\d{4}$/,
  BE: /^\d{4}$/,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
  CH: /^\d{4}$/,
  DE: /^\d{5}$/,
  DK: /^\d{4}$/,
  ES: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/,
  FI: /^\d{5}$/,
  FR: /^\d{5}$/,
  GB: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/,
  IT: /^\d{5}$/,
  NL: /^[1-9]\d{3} ?[A-Z]{2}$/,
  NO: /^\d{4}$/,
  NZ: /^\d{4}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  SE: /^\d{3} ?\d{2}$/,
  US: /^\d{5}(-\d{4})?$/,
};

/** Whether the postcode has its country's shape; true for a country without a listed shape. */
export function postcodeFits(country: string, postcode: string): boolean {
  const shape = POSTCODE_SHAPES[country];

  return !shape || shape.test(postcode.trim().toUpperCase());
}

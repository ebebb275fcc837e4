import { randomUUID } from 'node:crypto';

/** The Default stock location id (reference §1.3). */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** .NET's default DateTime, which Linnworks sends for an unset non-nullable date. */
export const DOTNET_MIN_DATE = '0001-01-01T00:00:00';

export function newGuid(): string {
  return randomUUID();
}

/** A date the way Linnworks writes it: ISO-8601, 7 fractional digits, `+00:00` (DOC samples). */
export function lwDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}

/** A non-nullable SDK date that may be unset. */
export function lwDateOrMin(date: Date | null | undefined): string {
  return date ? lwDate(date) : DOTNET_MIN_DATE;
}

export function lwDateOrNull(date: Date | null | undefined): string | null {
  return date ? lwDate(date) : null;
}

/** GUIDs compare case-insensitively and with or without dashes. */
export function normaliseGuid(value: string): string {
  return value.replace(/[{}-]/g, '').toLowerCase();
}

import sdk from '../sdk/linnworks-sdk-models.json';
import type { EmulatorOptions } from './emulator-options';

/**
 * The SDK enums the emulator writes in responses, straight from the SDK models it is built from
 * (`sdk/linnworks-sdk-models.json`, a copy of shared/reference): a member's integer is its index.
 */
const WRITTEN = [
  'CannotRefundReasonType',
  'FulfillmentState',
  'LocalityType',
  'PostSaleStatusType',
  'RefundUnitType',
  'RefundValidationErrorType',
  'ReturnType',
  'StateType',
  'StockAllocationType',
] as const;

type EnumName = (typeof WRITTEN)[number];

export const EMULATED_ENUMS = Object.fromEntries(
  WRITTEN.map((name) => [name, sdk.enums[name]]),
) as unknown as Readonly<Record<EnumName, readonly string[]>>;

/**
 * An enum value as the emulator writes it: the member's integer (the official samples' form,
 * default) or its name (`responseEnums: 'name'`).
 */
export function enumOut(
  options: Pick<EmulatorOptions, 'responseEnums'>,
  enumName: EnumName,
  member: string,
): string | number {
  const index = EMULATED_ENUMS[enumName].indexOf(member);
  if (index < 0) throw new Error(`${member} is not a ${enumName} member`);

  return options.responseEnums === 'name' ? member : index;
}

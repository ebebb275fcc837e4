import type { CallParams } from '../http/params';
import { newGuid, ZERO_GUID } from '../lw-format';
import type { EmulatorStore } from '../state/emulator-store';
import type { PostalServiceRecord } from '../state/records';

/** The service an order gets when nothing matches: the tenant's default postal service. */
export const DEFAULT_POSTAL_SERVICE: PostalServiceRecord = {
  id: ZERO_GUID,
  name: 'Default',
  code: '',
  tag: '',
  vendor: 'Default',
  trackingNumberRequired: false,
};

/**
 * The postal service of a ChannelOrder, matched the way the SDK describes the fields:
 * `MatchPostalServiceTag` is "match postal service method by name", so it is compared with the
 * service names (exactly: the stricter reading); `PostalServiceName` is only "used for saving
 * new postal services", i.e. when `SavePostalServiceIfNotExist` is true and nothing matched.
 * Neither a service's tag nor `PostalServiceName` is ever matched. No match: the default service.
 */
export function matchPostalService(store: EmulatorStore, order: CallParams): PostalServiceRecord {
  const match = order.string('MatchPostalServiceTag') ?? '';
  const found = match
    ? [...store.postalServices.values()].find((s) => s.name === match)
    : undefined;
  if (found) return found;
  const newName = order.string('PostalServiceName') ?? '';
  if (!(order.boolean('SavePostalServiceIfNotExist') ?? false) || !newName) {
    return DEFAULT_POSTAL_SERVICE;
  }
  const existing = [...store.postalServices.values()].find((s) => s.name === newName);
  if (existing) return existing;
  const created: PostalServiceRecord = {
    id: newGuid(),
    name: newName,
    code: '',
    tag: '',
    vendor: '',
    trackingNumberRequired: false,
  };
  store.postalServices.set(created.id, created);

  return created;
}

import type { LinnworksApi } from '../../linnworks/linnworks-api.port';
import { nearestName } from '../nearest-name';
import { listOf, refsOf, type SettingRefCheck } from './setting-ref-check';

/**
 * The Linnworks postal services the shipping mapping names exist (one GetPostalServices call).
 * CreateOrders matches `MatchPostalServiceTag` with the service names exactly, and an order whose
 * service matches none gets the tenant's default service, silently (emulator, postal-service.rule).
 */
export const checkPostalServices: SettingRefCheck<Pick<LinnworksApi, 'getPostalServices'>> = async (
  linnworks,
  refs,
) => {
  const wanted = refsOf(refs, 'lw-postal-service');
  if (wanted.length === 0) return [];
  const names = (await linnworks.getPostalServices()).map((s) => s.PostalServiceName);

  return wanted.flatMap((ref) => {
    if (names.includes(ref.value)) return [];
    const nearest = nearestName(ref.value, names);
    const hint = nearest
      ? `did you mean \`${nearest}\`? (names must match exactly)`
      : `known: ${listOf(names)}`;

    return [`${ref.where}: no Linnworks postal service named \`${ref.value}\`; ${hint}`];
  });
};

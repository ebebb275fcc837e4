import type { Channel } from '@commercetools/platform-sdk';

import type { CtApi } from '../../commercetools/client';
import { ctFind } from '../../commercetools/ct-errors';
import { lookUpEach, refsOf, type SettingRefCheck } from './setting-ref-check';

/** The supply channels stock goes to exist, with the role inventory entries need. */
export const checkChannels: SettingRefCheck<CtApi> = async (api, refs) => {
  const channels = refsOf(refs, 'ct-channel');
  const found = await lookUpEach<Channel>(channels, (key) =>
    ctFind(`read of channel ${key}`, () => api.channels().withKey({ key }).get().execute()),
  );

  return channels.flatMap((ref) => {
    const channel = found.get(ref.value);
    if (!channel) return [`${ref.where}: no channel with key \`${ref.value}\` in commercetools`];
    if (ref.role && !channel.roles.includes(ref.role)) {
      return [
        `${ref.where}: channel \`${ref.value}\` lacks the ${ref.role} role (it has ${channel.roles.join(', ') || 'none'})`,
      ];
    }

    return [];
  });
};

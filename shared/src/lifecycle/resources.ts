import type { ChannelRoleEnum } from '@commercetools/platform-sdk';

import type { CtApi } from '../commercetools/client';
import { isCtNotFound, toCtError } from '../commercetools/ct-errors';

/** Creates a channel by key if it is missing (e.g. the Linnworks channel used for sync info). */
export async function ensureChannel(
  api: CtApi,
  input: { key: string; roles: ChannelRoleEnum[]; name: string },
): Promise<'created' | 'exists'> {
  try {
    await api.channels().withKey({ key: input.key }).get().execute();

    return 'exists';
  } catch (error) {
    if (!isCtNotFound(error)) throw toCtError(error, `read of channel ${input.key}`);
  }
  try {
    await api
      .channels()
      .post({ body: { key: input.key, roles: input.roles, name: { en: input.name } } })
      .execute();

    return 'created';
  } catch (error) {
    throw toCtError(error, `create of channel ${input.key}`);
  }
}

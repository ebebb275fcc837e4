import type { Order, OrderUpdateAction, State, StateDraft } from '@commercetools/platform-sdk';
import { ctTestApi, ctTestConfig } from 'shared/testing';

import type { CtApi } from '../../src/commercetools/client';
import { seedCatalogue } from '../flows/fulfillment-sync/ct-seed';

// What the commercetools test server's own tests share: a project of their own, order updates,
// and the shape of a commercetools error to expect.

export interface Project {
  api: CtApi;
  config: ReturnType<typeof ctTestConfig>;
  shippingMethodId: string;
}

export async function project(): Promise<Project> {
  const config = ctTestConfig();
  const api = ctTestApi(config);
  const { shippingMethodId } = await seedCatalogue(api, ['A', 'B']);

  return { api, config, shippingMethodId };
}

export const createState = async (p: Project, draft: StateDraft): Promise<State> =>
  (await p.api.states().post({ body: draft }).execute()).body;

export const stateByKey = async (p: Project, key: string): Promise<State> =>
  (await p.api.states().withKey({ key }).get().execute()).body;

export async function update(
  p: Project,
  order: Order,
  ...actions: OrderUpdateAction[]
): Promise<Order> {
  return (
    await p.api
      .orders()
      .withId({ ID: order.id })
      .post({ body: { version: order.version, actions } })
      .execute()
  ).body;
}

/** A commercetools error response with this status and code (and message, if given). */
export const rejected = (code: string, message?: RegExp, statusCode = 400) => ({
  statusCode,
  body: {
    errors: [
      expect.objectContaining({
        code,
        ...(message ? { message: expect.stringMatching(message) } : {}),
      }),
    ],
  },
});

/** A 400 InvalidJsonInput whose detailed message matches `detail`. */
export const badJson = (detail: RegExp) => ({
  statusCode: 400,
  body: {
    errors: [
      expect.objectContaining({
        code: 'InvalidJsonInput',
        detailedErrorMessage: expect.stringMatching(detail),
      }),
    ],
  },
});

/** A 409 ConcurrentModification naming the current version. */
export const conflict = (currentVersion: number) => ({
  statusCode: 409,
  body: { errors: [expect.objectContaining({ code: 'ConcurrentModification', currentVersion })] },
});

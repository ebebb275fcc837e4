import type { Order, OrderUpdateAction, State, StateDraft } from '@commercetools/platform-sdk';
import { ctTestApi, ctTestConfig } from 'shared/testing';

import type { CtApi } from '../../src/commercetools/client';
import { seedCatalogue } from '../../testing/builders/ct-seed';

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

interface Creatable<D, R> {
  post(args: { body: D }): { execute(): Promise<{ body: R }> };
}
interface Updatable<R, A> {
  withId(args: { ID: string }): {
    post(args: { body: { version: number; actions: A[] } }): { execute(): Promise<{ body: R }> };
  };
}

/** Creates a resource through an SDK endpoint (`api.payments()`, …) and answers it. */
export const createVia = async <D, R>(endpoint: Creatable<D, R>, body: D): Promise<R> =>
  (await endpoint.post({ body }).execute()).body;

/** Updates a resource at its own version through an SDK endpoint and answers the result. */
export const updateVia = async <R extends { id: string; version: number }, A>(
  endpoint: Updatable<R, A>,
  resource: R,
  actions: A[],
): Promise<R> =>
  (
    await endpoint
      .withId({ ID: resource.id })
      .post({ body: { version: resource.version, actions } })
      .execute()
  ).body;

export const createState = (p: Project, draft: StateDraft): Promise<State> =>
  createVia(p.api.states(), draft);

export const stateByKey = async (p: Project, key: string): Promise<State> =>
  (await p.api.states().withKey({ key }).get().execute()).body;

export const update = (
  p: { api: CtApi },
  order: Order,
  ...actions: OrderUpdateAction[]
): Promise<Order> => updateVia(p.api.orders(), order, actions);

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

// A route commercetools does not have, for tests and the sandbox only: POST /_seed/<project>/<typeId>
// stores the body as given (the mock's own `unsafeAdd`), for resources the test server cannot
// compute itself: orders with cart discounts, orders in Multiple ShippingMode. An order is stored
// as commercetools would hold it: line items without a State get their quantity in `Initial`.
import { withInitialItemStates } from './line-item-states.mjs';

export function registerSeedRoute(ctx, ctMock) {
  ctx.app.post('/_seed/:projectKey/:typeId', async (request, reply) => {
    const { projectKey, typeId } = request.params;
    const resource =
      typeId === 'order'
        ? await withInitialItemStates(ctx, projectKey, request.body)
        : request.body;
    await ctMock.project(projectKey).unsafeAdd(typeId, resource);
    const stored = await ctMock.project(projectKey).get(typeId, resource.id);

    return reply.status(201).send(stored);
  });
}

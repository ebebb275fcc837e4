// Queries of one custom-object container (GET /{projectKey}/custom-objects/{container}?where=…)
// look only at that container's objects, as commercetools scopes them (custom-objects.raml: the
// container is part of the resource path). The mock appended `container="…"` AFTER the caller's
// predicate and evaluated it over every custom object of the project, so a predicate on a field
// only one container's objects have (e.g. `value(correlationIds contains any ("…"))`) failed with
// 400 "The field … does not support this expression" as soon as another container held an object
// without that field. Putting the container clause first keeps the other containers out.

export function registerCustomObjectQueryRule(ctMock) {
  const repository = ctMock._repositories?.['key-value-document'];
  if (!repository?.queryWithContainer) {
    throw new Error('strict test server: custom-object repository not found');
  }
  const original = repository.queryWithContainer.bind(repository);
  repository.queryWithContainer = (context, container, params = {}) =>
    original(context, container, {
      ...params,
      where: [`container="${container}"`, ...[params.where ?? []].flat()],
    });
}

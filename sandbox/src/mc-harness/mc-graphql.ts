/**
 * The Merchant Center API's GraphQL answers for the few queries the custom-view shell makes
 * (`@commercetools-frontend/application-shell` 27.10.0): is the user logged in, who is it, and
 * the project with the user's permissions for this view. Any other operation is unexpected:
 * the harness records it and the browser test fails, so a kit upgrade cannot go unnoticed.
 */
export interface HarnessUser {
  id: string;
  firstName: string;
  lastName: string;
  /** Applied permissions of the custom view, e.g. `canView`, `canManage`. */
  permissions: string[];
}

const none = { __typename: 'AllPermissionsForAllApplications' };

function project(projectKey: string, user: HarnessUser) {
  const applied = (names: string[]) =>
    names.map((name) => ({ __typename: 'AppliedPermission', name, value: true }));

  return {
    __typename: 'Project',
    key: projectKey,
    version: 1,
    name: 'Sandbox shop',
    countries: ['GB', 'DE'],
    currencies: ['GBP', 'EUR'],
    languages: ['en'],
    initialized: true,
    expiry: { __typename: 'ProjectExpiry', isActive: false, daysLeft: null },
    suspension: { __typename: 'ProjectSuspension', isActive: false, reason: null },
    isProductionProject: false,
    allAppliedPermissions: applied(user.permissions),
    allAppliedActionRights: [],
    allAppliedDataFences: [],
    allPermissionsForAllApplications: {
      ...none,
      allAppliedPermissions: applied(user.permissions),
      allAppliedActionRights: [],
      allAppliedDataFences: [],
    },
    owner: { __typename: 'Organization', id: 'org-local', name: 'Local harness' },
    sampleDataImportDataset: null,
    isUserAdminOfCurrentProject: false,
    productCatalogModel: null,
  };
}

function me(projectKey: string, user: HarnessUser) {
  return {
    __typename: 'User',
    id: user.id,
    email: 'operator@example.invalid',
    createdAt: '2026-01-01T00:00:00.000Z',
    gravatarHash: '',
    firstName: user.firstName,
    lastName: user.lastName,
    language: 'en',
    numberFormat: 'en',
    timeZone: 'Europe/London',
    launchdarklyTrackingId: null,
    launchdarklyTrackingGroup: null,
    launchdarklyTrackingSubgroup: null,
    launchdarklyTrackingTeam: null,
    launchdarklyTrackingCloudEnvironment: null,
    defaultProjectKey: projectKey,
    businessRole: null,
    projects: {
      __typename: 'ProjectQueryResult',
      total: 1,
      results: [
        {
          __typename: 'Project',
          name: 'Sandbox shop',
          key: projectKey,
          suspension: { __typename: 'ProjectSuspension', isActive: false },
          expiry: { __typename: 'ProjectExpiry', isActive: false },
          isProductionProject: false,
        },
      ],
    },
    idTokenUserInfo: null,
  };
}

/** The answer to one shell query, or undefined when the harness does not expect it. */
export function answerShellQuery(
  operationName: string,
  projectKey: string,
  user: HarnessUser,
): { data: Record<string, unknown> } | undefined {
  switch (operationName) {
    case 'AmILoggedIn':
      return { data: { amILoggedIn: true } };
    case 'FetchLoggedInUser':
      return { data: { user: me(projectKey, user) } };
    case 'FetchProject':
      return { data: { project: project(projectKey, user) } };
    default:
      return undefined;
  }
}

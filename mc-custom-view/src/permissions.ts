import { entryPointUriPathToPermissionKeys } from '@commercetools-frontend/application-config/ssr';
import { CUSTOM_VIEW_HOST_ENTRY_POINT_URI_PATH } from '@commercetools-frontend/constants';
import { useIsAuthorized } from '@commercetools-frontend/permissions';

/** The custom view's own permissions: `View` to open it (the shell checks), `Manage` to act. */
export const PERMISSIONS = entryPointUriPathToPermissionKeys(CUSTOM_VIEW_HOST_ENTRY_POINT_URI_PATH);

/** Whether the user may Replay and Discard; sync-admin checks the same permission again. */
export function useCanManage(): boolean {
  return useIsAuthorized({ demandedPermissions: [PERMISSIONS.Manage] });
}

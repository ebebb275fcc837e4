// What sync-admin offers to code outside its folder: the sandbox's end-to-end tests import
// `sync-admin` (this file), never a path inside src/.
export { createApp, type SyncAdminDeps } from './app';
export { adminAuthMiddleware } from './auth/admin-auth.middleware';
export { envShape, loadConfig, type SyncAdminConfig } from './config';
export { ctScopeSource } from './status/ct-token-source';
export { ctScopesCheck } from './status/status-checks';
export { wireSyncAdmin } from './wiring';

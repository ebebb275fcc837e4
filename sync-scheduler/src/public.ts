// What sync-scheduler offers to code outside its folder: the sandbox's end-to-end tests import
// `sync-scheduler` (this file), never a path inside src/.
export { createApp, type SyncSchedulerAppDeps } from './app';
export { envShape, loadConfig, type SyncSchedulerConfig } from './config';
export { scheduledTasks, schedulerRun } from './tasks';

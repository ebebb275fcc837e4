// What fulfillment-sync offers to code outside its folder: the sandbox's end-to-end tests and
// benchmarks import `fulfillment-sync` (this file), never a path inside src/.
export { createApp, type FulfillmentSyncAppDeps } from './app';
export { envShape, type FulfillmentSyncConfig, loadConfig } from './config';

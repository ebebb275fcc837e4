// What order-sync offers to code outside its folder: the sandbox's end-to-end tests, benchmarks
// and drills import `order-sync` (this file), never a path inside src/.
export { createApp, type MessageOutcome, type OrderSyncAppDeps } from './app';
export { envShape, loadConfig, type OrderSyncConfig } from './config';
export { ensureConnectorResources } from './connector/resources';
export { orderSyncClientOptions, wireOrderSync } from './order-sync.wiring';

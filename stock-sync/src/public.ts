// What stock-sync offers to code outside its folder: the sandbox's end-to-end tests and
// benchmarks import `stock-sync` (this file), never a path inside src/.
export { createApp, type StockSyncAppDeps } from './app';
export { configSpec, envShape, loadConfig, type StockSyncConfig } from './config';

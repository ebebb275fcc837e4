export * from './linnworks-order-contract';
export * from './order-state';
export * from './order-sync.env';

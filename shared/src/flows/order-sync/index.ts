export * from './ct-order.mapper';
export * from './linnworks-money';
export * from './linnworks-order-contract';
export * from './order-address.mapper';
export * from './order-lines.mapper';
export * from './order-problems';
export * from './order-state';
export * from './order-sync.env';

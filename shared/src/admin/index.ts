export * from './csv';
export * from './money';
export * from './order-reconciliation';
export * from './stock-reconciliation';

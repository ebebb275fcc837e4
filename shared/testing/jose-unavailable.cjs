// Jest's CommonJS runtime cannot load `jose` 6 (ESM only), which connect-payments-sdk pulls in
// through jwks-rsa for its JWT hook. sync-admin does not use that hook, so tests resolve that
// one import to this module (jest-resolver.cjs); Node 20.19+ loads the real package at run time.
const unavailable = () => {
  throw new Error('jose is not available in sync-admin tests');
};
module.exports = new Proxy({}, { get: () => unavailable });

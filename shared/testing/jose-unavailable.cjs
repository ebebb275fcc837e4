// Jest's CommonJS runtime cannot load `jose` (ESM only), which connect-payments-sdk pulls in
// through jwks-rsa for its JWT hook. sync-admin does not use JWT authentication, so tests map
// `jose` to this module; Node 20.19+ loads the real package at run time (require of ESM).
const unavailable = () => {
  throw new Error('jose is not available in sync-admin tests');
};
module.exports = new Proxy({}, { get: () => unavailable });

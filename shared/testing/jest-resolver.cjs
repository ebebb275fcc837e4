// Jest's CommonJS runtime cannot load jose 6 (ESM only), which connect-payments-sdk pulls in
// through jwks-rsa for a JWT hook sync-admin does not use: that one import gets the stub in
// jose-unavailable.cjs. Every other `jose` (jose 5 of @commercetools-backend/express, which
// verifies Merchant Center tokens) resolves as usual. Node loads both at run time.
const path = require('node:path');

const stub = path.join(__dirname, 'jose-unavailable.cjs');

module.exports = (request, options) => {
  if (request === 'jose' && options.basedir.split(path.sep).includes('jwks-rsa')) return stub;

  return options.defaultResolver(request, options);
};

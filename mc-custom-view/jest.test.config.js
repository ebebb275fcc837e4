process.env.ENABLE_NEW_JSX_TRANSFORM = 'true';

/** Component tests: the kit's preset (jsdom, babel), tests in test/. */
module.exports = {
  preset: '@commercetools-frontend/jest-preset-mc-app/typescript',
  testRegex: undefined,
  testMatch: ['<rootDir>/test/**/*.spec.tsx'],
};

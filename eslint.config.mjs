// One lint configuration for every workspace.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const APPS = ['order-sync', 'stock-sync', 'fulfillment-sync', 'sync-admin', 'sync-scheduler'];
const FLOWS = ['order-sync', 'stock-sync', 'fulfillment-sync'];
const KERNEL =
  'config,errors,logging,http,state,commercetools,linnworks,events,lifecycle,clients,alerts,scheduler';
const appSrc = `./{${APPS.join(',')}}/src/**`;

/**
 * The layering, as docs/architecture.md draws it: apps → faces → flow internals → kernel.
 * Paths are the resolved files, so a relative path cannot get around it.
 */
const layers = [
  {
    target: `./shared/src/{${KERNEL}}/**`,
    from: ['./shared/src/flows/**', './shared/src/index.[t]s'],
    message:
      'The kernel imports no flow and not the barrel: a flow depends on the kernel, never the reverse.',
  },
  ...FLOWS.map((flow) => ({
    target: `./shared/src/flows/${flow}/**`,
    from: [
      `./shared/src/flows/!(${flow})/!(*.contract).ts`,
      './shared/src/flows/*/*.flow.ts',
      './shared/src/flows/connector-env.[t]s',
      './shared/src/index.[t]s',
    ],
    message: `${flow} reads another flow's data only through its *.contract.ts modules, and imports no face and not the barrel.`,
  })),
  {
    target: ['./shared/src/**', appSrc],
    from: ['./shared/testing/**', './shared/test/**', './*/test/**', './sandbox/**'],
    message: 'Production code never imports test support, tests or the sandbox.',
  },
  {
    target: [appSrc, `./{${APPS.join(',')}}/test/**`],
    from: ['./shared/src/**', './shared/test/**', './sandbox/**'],
    message:
      "An app imports shared only as 'shared' (the faces and the kernel) and 'shared/testing' in tests.",
  },
  ...APPS.map((app) => ({
    target: [`./{${APPS.filter((a) => a !== app).join(',')}}/**`, './shared/**'],
    from: `./${app}/**`,
    message: `Nothing but the sandbox reaches into ${app}.`,
  })),
  {
    target: './sandbox/**',
    from: [
      './shared/src/**',
      `./{shared,${APPS.join(',')}}/test/**`,
      `./{${APPS.join(',')}}/src/**/!(public).ts`,
    ],
    message:
      "The sandbox reaches shared as 'shared' / 'shared/testing' and an app only through its public entry ('order-sync' = order-sync/src/public.ts).",
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/coverage/**',
      '**/*.cjs',
      '**/*.mjs',
      // The custom view is checked by its own tools (tsc, the kit's jest preset) after its install.
      'mc-custom-view/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.cjs'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // Packages are imported by their public names only, never a path inside one.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(shared/(?!testing$)|(${APPS.join('|')})/)`,
              message:
                "Import 'shared', 'shared/testing' or an app's public entry, never a path inside a package.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);

import { runConfigCheckCli } from 'shared';

import { configSpec } from '../config';

/** `npm run config:check [-- --env-file <file>] [--offline]`: every problem of order-sync's configuration. */
runConfigCheckCli(configSpec);

import { runConfigCheckCli } from 'shared';

import { configSpec } from '../config';

/** `npm run config:check [-- --env-file <file>] [--offline]`: every problem of sync-scheduler's configuration. */
runConfigCheckCli(configSpec);

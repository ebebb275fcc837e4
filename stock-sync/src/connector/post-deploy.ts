import { runPostDeploy } from 'shared';

import { configSpec, loadConfig } from '../config';

/**
 * Connect runs this after each deploy: checks stock-sync's whole configuration, offline and online,
 * and fails the deployment with the complete list of problems (docs/configuration.md).
 */
runPostDeploy({ ...configSpec, name: 'stock-sync post-deploy', loadConfig });

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_ROOT } from '../stack/app-process';

/** The custom view's folder; `npm run custom-view:build` leaves its production build in public/. */
export const VIEW_DIR = path.join(REPO_ROOT, 'mc-custom-view');
const TEMPLATE = path.join(VIEW_DIR, 'public', 'index.html.template');

export function viewIsBuilt(): boolean {
  return existsSync(TEMPLATE);
}

export interface ViewHtmlOptions {
  /** The deployment's configuration, as Connect passes it to the build. */
  env: {
    CUSTOM_VIEW_ID: string;
    CLOUD_IDENTIFIER: string;
    APPLICATION_URL: string;
    SYNC_ADMIN_URL: string;
  };
  /** The harness's own Merchant Center API origin. */
  mcApiUrl: string;
}

interface KitConfig {
  env: Record<string, unknown> & { mcApiUrl: string };
  headers: { csp?: Record<string, string[]> };
}
type ProcessConfig = (options: {
  disableCache: boolean;
  applicationPath: string;
  processEnv: Record<string, string>;
}) => Promise<KitConfig>;
type HtmlTemplate = {
  processHeaders(config: KitConfig): Record<string, string>;
  replaceHtmlPlaceholders(
    template: string,
    options: { env: KitConfig['env']; headers: Record<string, string> },
  ): string;
};

/**
 * The production build's index.html, compiled for this harness with the kit's own functions
 * (what `mc-scripts compile-html` does). Two differences from a real Merchant Center, both of
 * the host and not of the view: the MC API is this harness (in `mcApiUrl` and CSP connect-src),
 * and the page is served over plain http, so `upgrade-insecure-requests` is left out.
 */
export async function compileViewHtml(options: ViewHtmlOptions): Promise<string> {
  const load = createRequire(path.join(VIEW_DIR, 'package.json'));
  const { processConfig } = load('@commercetools-frontend/application-config') as {
    processConfig: ProcessConfig;
  };
  const template = load('@commercetools-frontend/mc-html-template') as HtmlTemplate;
  const config = await processConfig({
    disableCache: true,
    applicationPath: VIEW_DIR,
    processEnv: { NODE_ENV: 'production', ...options.env },
  });
  const csp = config.headers.csp ?? {};
  const forHarness: KitConfig = {
    env: { ...config.env, mcApiUrl: options.mcApiUrl },
    headers: {
      ...config.headers,
      csp: { ...csp, 'connect-src': [...(csp['connect-src'] ?? []), options.mcApiUrl] },
    },
  };
  const headers = template.processHeaders(forHarness);
  const policy = (headers['Content-Security-Policy'] ?? '')
    .split(';')
    .filter((d) => d.trim() !== 'upgrade-insecure-requests')
    .join(';');

  return template.replaceHtmlPlaceholders(readFileSync(TEMPLATE, 'utf8'), {
    env: forHarness.env,
    headers: { ...headers, 'Content-Security-Policy': policy },
  });
}

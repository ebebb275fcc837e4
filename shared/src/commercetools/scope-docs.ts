import {
  APP_CT_CALLS,
  APP_SCOPES,
  CONNECTOR_APPS,
  CONNECTOR_SCOPES,
  CT_CALLS,
  type CtCall,
  manageScopeOf,
} from './scopes';

/** The calls a granted scope covers: its own, and those of the view scope it implies. */
function callsCoveredBy(scope: string): CtCall[] {
  return (Object.keys(CT_CALLS) as CtCall[]).filter((call) => {
    const needed = CT_CALLS[call].scope;

    return needed === scope || manageScopeOf(needed) === scope;
  });
}

/**
 * The scope list of docs/configuration.md, generated from `CT_CALLS` and `APP_CT_CALLS`: one row
 * per scope of the connector's API client (what for, which apps), then each app's own minimum.
 */
export function scopeDocsMarkdown(): string {
  const rows = CONNECTOR_SCOPES.map((scope) => {
    const calls = callsCoveredBy(scope);
    const apps = CONNECTOR_APPS.filter((app) => APP_CT_CALLS[app].some((c) => calls.includes(c)));
    const why = [...new Set(calls.map((c) => CT_CALLS[c].why))].join('; ');

    return `| \`${scope}\` | ${apps.join(', ')} | ${why} |`;
  });
  const perApp = CONNECTOR_APPS.map(
    (app) => `| ${app} | ${APP_SCOPES[app].map((s) => `\`${s}\``).join(' ')} |`,
  );

  return [
    '| scope | apps | what for |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Each app on its own (what `/service/status` checks per app; a `manage_` scope also grants',
    'the `view_` scope of the same resource, and `manage_project` grants all):',
    '',
    '| app | scopes |',
    '| --- | --- |',
    ...perApp,
  ].join('\n');
}

import fs from 'node:fs';
import path from 'node:path';

import { APP_SCOPES, CONNECTOR_APPS, CONNECTOR_SCOPES, scopeDocsMarkdown } from 'shared';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Markdown with table padding (Prettier's) and blank lines taken out, so only content counts. */
function normalised(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-{3,}$/, '---'))
            .join('|')
        : line,
    );
}

describe('the scope list in the docs comes from the code', () => {
  it('when docs/configuration.md lists the scopes, then the list is exactly what scopes.ts generates', () => {
    const doc = read('docs/configuration.md');
    const block = /<!-- scopes:start[^>]*-->([\s\S]*?)<!-- scopes:end -->/.exec(doc)?.[1];
    expect(block).toBeDefined();
    // On a mismatch, paste the output of `scopeDocsMarkdown()` between the markers.
    expect(normalised(block ?? '')).toEqual(normalised(scopeDocsMarkdown()));
  });

  it('when docs/local-stack.md shows a CTP_SCOPE for a real project, then it holds exactly the documented scopes', () => {
    const line = /^CTP_SCOPE=(.*)$/m.exec(read('docs/local-stack.md'))?.[1] ?? '';
    expect(line.split(' ').sort()).toEqual(CONNECTOR_SCOPES.map((s) => `${s}:my-shop`).sort());
  });

  it('when docs/operations.md shows a scope check in a status example, then its required list is the app’s', () => {
    const json = /```json\n([\s\S]*?)```/.exec(read('docs/operations.md'))?.[1] ?? '{}';
    const example = JSON.parse(json) as {
      checks: Array<{ name: string; details?: { required?: string[] } }>;
    };
    const scopeChecks = example.checks.filter((c) => c.name.startsWith('commercetools scopes: '));
    expect(scopeChecks.length).toBeGreaterThan(0);
    for (const check of scopeChecks) {
      const app = check.name.replace(
        'commercetools scopes: ',
        '',
      ) as (typeof CONNECTOR_APPS)[number];
      expect(CONNECTOR_APPS).toContain(app);
      expect(check.details?.required).toEqual(APP_SCOPES[app]);
    }
  });
});

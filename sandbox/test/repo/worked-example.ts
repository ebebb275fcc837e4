import fs from 'node:fs';
import path from 'node:path';

import { docExamples } from './config-examples';

const DOC = path.join(__dirname, '..', '..', '..', 'docs', 'configuration.md');
const SECTION = '## Worked example: two stores, two warehouses';

export interface WorkedExample {
  /** The one-deployment setup: every key the section sets before "Two deployments". */
  setup: Record<string, string>;
  /** What each of the two deployments changes, by instance key. */
  deployments: Record<string, Record<string, string>>;
}

/**
 * The worked example at the top of docs/configuration.md, as environment values: the setup, and
 * each deployment of the two-deployment variant (one `sh` block each, after the heading "Two
 * deployments in one project"). Tests parse it with the real schemas and run it end to end.
 */
export function workedExample(): WorkedExample {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const start = markdown.indexOf(SECTION);
  if (start < 0) throw new Error(`docs/configuration.md has no "${SECTION}"`);
  const end = markdown.indexOf('\n## ', start + SECTION.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const split = section.indexOf('### Two deployments in one project');
  const asEnv = (text: string) =>
    Object.fromEntries(docExamples(text, 'worked example').examples.map((e) => [e.key, e.value]));
  const blocks = section
    .slice(split)
    .split('```sh')
    .slice(1)
    .map((block) => asEnv(`\`\`\`sh${block.slice(0, block.indexOf('```') + 3)}`));
  const deployments = Object.fromEntries(
    blocks.map((env) => [env.CONNECTOR_INSTANCE_KEY ?? '', env] as const),
  );

  return { setup: asEnv(section.slice(0, split)), deployments };
}

import { personalDataValues } from '../seed/catalog';
import type { Stack } from '../stack/stack';
import { secretValues } from '../stack/stack-env';
import { check, type Story } from './story';

/**
 * Scans every line the apps and post-deploy scripts printed for the connector's secret values
 * and the seeded customers' emails, phones, street names and full names.
 */
export async function logHygieneStep(
  stack: Stack,
  story: Story,
  extraSecrets: string[] = [],
): Promise<void> {
  await story.step(
    'Log hygiene: no secret, no customer email, phone or street in any log line',
    async () => {
      const secrets = [...secretValues(stack.env), ...extraSecrets];
      const personal = personalDataValues();
      const appLines = stack.logs
        .all()
        .filter((l) => !['event-pump', 'cron', 'sandbox'].includes(l.source));
      const hits = stack.logs
        .scan([...secrets, ...personal])
        .filter((h) => appLines.includes(h.line));
      const described = hits
        .slice(0, 5)
        .map(
          (h) =>
            `[${h.line.source}] contains ${secrets.includes(h.needle) ? 'a secret' : `"${h.needle}"`}`,
        );
      check(hits.length === 0, `${hits.length} lines leak: ${described.join('; ')}`);

      return `${appLines.length} app log lines scanned for ${secrets.length} secrets and ${personal.length} personal values: none found`;
    },
  );
}

import type { AlertFormat } from './alert.settings';
import type { Alert } from './alert.types';

const STATUS_WORD: Record<Alert['status'], string> = {
  firing: 'FIRING',
  reminder: 'STILL FIRING',
  resolved: 'RESOLVED',
};

/** The facts every format shows, as label/value pairs. */
function facts(alert: Alert): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Deployment', alert.deployment],
    ['Flow', alert.flow],
    ['Reason', alert.reasonCode],
    ['Count', String(alert.count)],
    ['Since', alert.firstSeenAt],
    ['Correlation IDs', alert.correlationIds.join(', ') || undefined],
    ['More', alert.link.url ?? alert.link.route],
  ];

  return rows.filter((r): r is [string, string] => r[1] !== undefined);
}

function headline(alert: Alert): string {
  return `[${STATUS_WORD[alert.status]}] ${alert.title}`;
}

/** Slack incoming webhook: `text` for notifications, blocks for the message. */
function slackBody(alert: Alert) {
  return {
    text: headline(alert),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: headline(alert).slice(0, 150) } },
      {
        type: 'section',
        fields: facts(alert).map(([label, value]) => ({
          type: 'mrkdwn',
          text: `*${label}*\n${value}`,
        })),
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `condition \`${alert.condition}\`` }] },
    ],
  };
}

/** Teams (Workflows webhook): a message with one Adaptive Card. */
function teamsBody(alert: Alert) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: headline(alert), weight: 'Bolder', wrap: true },
            {
              type: 'FactSet',
              facts: facts(alert).map(([title, value]) => ({ title, value })),
            },
          ],
          ...(alert.link.url
            ? { actions: [{ type: 'Action.OpenUrl', title: 'Open', url: alert.link.url }] }
            : {}),
        },
      },
    ],
  };
}

/** The webhook body of an alert in the configured format. */
export function formatAlert(alert: Alert, format: AlertFormat): unknown {
  if (format === 'slack') return slackBody(alert);
  if (format === 'teams') return teamsBody(alert);

  return alert;
}

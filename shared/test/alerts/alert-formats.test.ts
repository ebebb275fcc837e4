import { type Alert, formatAlert } from '../../src/index';

const alert: Alert = {
  schema: 'ct-linnworks-connector.alert/1',
  id: 'failure-reason.order-sync.SKU_UNKNOWN@2026-11-30T08:00:00.000Z',
  condition: 'failure-reason.order-sync.SKU_UNKNOWN',
  kind: 'failure-reason',
  status: 'resolved',
  deployment: 'shop-prod',
  flow: 'order-sync',
  reasonCode: 'SKU_UNKNOWN',
  title: 'New failure reason SKU_UNKNOWN in order-sync',
  count: 0,
  correlationIds: ['corr-1'],
  link: {
    route: '/service/failures?reasonCode=SKU_UNKNOWN',
    url: 'https://admin.test/service/failures?reasonCode=SKU_UNKNOWN',
  },
  firstSeenAt: '2026-11-30T08:00:00.000Z',
  sentAt: '2026-11-30T09:00:00.000Z',
};

describe('alert formats', () => {
  it('when the format is json, then the body is the alert itself', () => {
    expect(formatAlert(alert, 'json')).toBe(alert);
  });

  it('when the format is slack, then the message has a notification text and blocks with the facts and the link', () => {
    const body = formatAlert(alert, 'slack') as {
      text: string;
      blocks: Array<{ type: string; fields?: Array<{ text: string }> }>;
    };
    expect(body.text).toBe('[RESOLVED] New failure reason SKU_UNKNOWN in order-sync');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    const fields = body.blocks[1]!.fields!.map((f) => f.text);
    expect(fields).toContain('*Deployment*\nshop-prod');
    expect(fields).toContain('*Reason*\nSKU_UNKNOWN');
    expect(fields).toContain('*More*\nhttps://admin.test/service/failures?reasonCode=SKU_UNKNOWN');
  });

  it('when the format is teams, then the message carries one Adaptive Card with the facts and an Open action', () => {
    const body = formatAlert(alert, 'teams') as {
      type: string;
      attachments: Array<{
        contentType: string;
        content: { type: string; body: unknown[]; actions?: Array<{ url: string }> };
      }>;
    };
    expect(body.type).toBe('message');
    const [card] = body.attachments;
    expect(card!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card!.content.type).toBe('AdaptiveCard');
    expect(JSON.stringify(card!.content.body)).toContain('"title":"Flow","value":"order-sync"');
    expect(card!.content.actions).toEqual([expect.objectContaining({ url: alert.link.url })]);
  });
});

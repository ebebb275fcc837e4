/** Calls sync-admin like an operator: a commercetools token from the auth host, then Bearer. */
export class AdminClient {
  constructor(
    private readonly serviceUrl: string,
    private readonly authUrl: string,
  ) {}

  /** A client-credentials token for `scope` (e.g. `manage_orders:<project>`). */
  async token(
    scope: string,
    client = { id: 'sandbox-operator', secret: 'operator-secret' },
  ): Promise<string> {
    const res = await fetch(
      `${this.authUrl}/oauth/token?grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
        },
      },
    );
    const body = (await res.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token for scope ${scope}: ${res.status}`);

    return body.access_token;
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    route: string,
    authorization: string | undefined,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.serviceUrl}/service${route}`, {
      method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { text };
    }

    return { status: res.status, body: parsed as T };
  }
}

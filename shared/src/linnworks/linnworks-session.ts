/** What an authorisation yields: the raw session token and the host for data calls. */
export interface LinnworksSessionInfo {
  token: string;
  server: string;
}

export interface LinnworksSessionOptions {
  /** Exchanges the installation token for a session (Auth/AuthorizeByApplication). */
  authorize: () => Promise<LinnworksSessionInfo>;
  /**
   * Re-authorise proactively after this long without a call. Linnworks expires a session after
   * 20 minutes of inactivity (reference §1.2); the default of 15 leaves a margin.
   */
  idleRefreshMs?: number;
  now?: () => number;
}

const DEFAULT_IDLE_REFRESH_MS = 15 * 60_000;

/**
 * One cached Linnworks session per tenant. Concurrent callers that need a (new) session share
 * one authorisation in flight, so a burst of 401s causes exactly one re-authorisation.
 */
export class LinnworksSession {
  private current: (LinnworksSessionInfo & { lastUsedAt: number }) | undefined;
  private inFlight: Promise<LinnworksSessionInfo> | undefined;
  private readonly now: () => number;
  private readonly idleRefreshMs: number;

  constructor(private readonly options: LinnworksSessionOptions) {
    this.now = options.now ?? Date.now;
    this.idleRefreshMs = options.idleRefreshMs ?? DEFAULT_IDLE_REFRESH_MS;
  }

  /** The session to use for the next call; authorises first if there is none or it went idle. */
  async get(): Promise<LinnworksSessionInfo> {
    const current = this.current;
    const now = this.now();
    if (current && now - current.lastUsedAt < this.idleRefreshMs) {
      current.lastUsedAt = now;

      return { token: current.token, server: current.server };
    }

    return this.refresh();
  }

  /**
   * Called after a 401 with the token that was refused. If another caller has already replaced
   * that token, the newer session is returned without authorising again.
   */
  async reauthorize(refusedToken: string): Promise<LinnworksSessionInfo> {
    const current = this.current;
    if (current && current.token !== refusedToken) {
      current.lastUsedAt = this.now();

      return { token: current.token, server: current.server };
    }
    if (current?.token === refusedToken) this.current = undefined;

    return this.refresh();
  }

  private refresh(): Promise<LinnworksSessionInfo> {
    if (!this.inFlight) {
      this.inFlight = this.options
        .authorize()
        .then((session) => {
          this.current = { ...session, lastUsedAt: this.now() };

          return session;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }

    return this.inFlight;
  }
}

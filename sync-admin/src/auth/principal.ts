import type { Response } from 'express';

/** Who made an admin request, as its token says: recorded on actions for audit. */
export type Principal =
  | { kind: 'api-client'; clientId: string }
  | { kind: 'merchant-center-user'; userId: string; canManage: boolean };

const KEY = 'principal';

export function setPrincipal(res: Response, principal: Principal): void {
  res.locals[KEY] = principal;
}

/** The authenticated caller; the auth middleware always sets it before any route runs. */
export function principalOf(res: Response): Principal {
  const principal = res.locals[KEY] as Principal | undefined;
  if (!principal) throw new Error('no authenticated principal on this request');

  return principal;
}

/** One line naming the caller, for audit fields: `client:<id>` or `mc-user:<id>`. */
export function describePrincipal(principal: Principal): string {
  return principal.kind === 'api-client'
    ? `client:${principal.clientId}`
    : `mc-user:${principal.userId}`;
}

import type { EmulatorCredentials } from '../emulator-options';
import { LinnworksHttpError } from '../http/lw-error';
import { enumOut } from '../lw-enums';
import { newGuid, normaliseGuid } from '../lw-format';
import type { CallContext } from './handler';

const AUTH_FAILED = 'Authorization failed. Invalid ApplicationId, ApplicationSecret or Token.';
const IDENTITY = { userId: newGuid(), entityId: newGuid(), id: newGuid() };

/**
 * Auth/AuthorizeByApplication (reference §1.1, §10.1): form (`request=` or flat fields) or
 * JSON; the triple must match; the session's `Server` is this emulator.
 */
export function authorizeByApplication(
  ctx: CallContext,
  credentials: EmulatorCredentials,
): unknown {
  const request = ctx.params.request(false);
  const given = [
    request.string('ApplicationId'),
    request.string('ApplicationSecret'),
    request.string('Token'),
  ];
  const expected = [
    credentials.applicationId,
    credentials.applicationSecret,
    credentials.installationToken,
  ];
  const matches = given.every(
    (value, i) => value !== undefined && normaliseGuid(value) === normaliseGuid(expected[i] ?? ''),
  );
  if (!matches) throw new LinnworksHttpError(401, AUTH_FAILED);
  const token = newGuid();
  ctx.store.sessions.set(token, ctx.store.now().getTime());

  return {
    Id: IDENTITY.id,
    EntityId: IDENTITY.entityId,
    UserName: 'dev',
    Locality: enumOut(ctx.options, 'LocalityType', 'EU'),
    SuperAdmin: true,
    TTL: ctx.options.sessionTtl,
    Token: token,
    AccessToken: null,
    Status: { State: enumOut(ctx.options, 'StateType', 'AVAILABLE'), Reason: '', Parameters: {} },
    UserId: IDENTITY.userId,
    Properties: {},
    Email: 'dev@example.com',
    Server: ctx.dataUrl,
    PushServer: ctx.dataUrl,
  };
}

import extras from '../../linnworks-emulator/sdk/linnworks-sdk-extras.json';
import models from '../../linnworks-emulator/sdk/linnworks-sdk-models.json';

/**
 * Checks JSON against the official SDK models (a copy of shared/reference/linnworks-sdk-models.json
 * and its extras, in sandbox/linnworks-emulator/sdk): every property
 * name must exist on the model (Linnworks' SDK would drop any other), enums are the member's
 * integer (SDK member order, as the official samples write them) or its name, as asked; dates
 * are ISO-8601 and GUIDs lowercase and hyphenated.
 */
export type EnumForm = 'integer' | 'name';

/** The SDK's members of an enum, in order (index = integer value). */
export function sdkEnum(name: string): string[] {
  const members = sdk.enums[name];
  if (!members) throw new Error(`No SDK enum ${name}`);

  return members;
}
type Models = {
  classes: Record<string, { properties: Record<string, string> }>;
  enums: Record<string, string[]>;
  endpoints: Record<string, { returns: string; params: { name: string; type: string }[] }>;
};
const file = models as unknown as Models;
/** What the models file lacks for Orders/GetOpenOrders and ChangeOrderTag, from the same SDK. */
const extra = extras as unknown as Models;
const sdk: Models = {
  endpoints: { ...file.endpoints, ...extra.endpoints },
  classes: { ...file.classes, ...extra.classes },
  enums: { ...file.enums, ...extra.enums },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LW_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(\+00:00|Z)?$/;
const COLLECTION = /^(?:List|ISet|HashSet|IEnumerable)<(.+)>$/;

export function endpointReturnType(endpoint: string): string {
  const entry = sdk.endpoints[endpoint];
  if (!entry) throw new Error(`No SDK endpoint ${endpoint}`);

  return entry.returns;
}

export function checkAgainstModel(
  type: string,
  value: unknown,
  enums: EnumForm = 'name',
  path = '$',
): string[] {
  const problems: string[] = [];
  check(type.replace(/\?$/, ''), value, path, { problems, enums });

  return problems;
}

interface Checking {
  problems: string[];
  enums: EnumForm;
}

function checkEnum(type: string, value: unknown, path: string, c: Checking): void {
  const members = sdk.enums[type] ?? [];
  const ok =
    c.enums === 'integer'
      ? typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < members.length
      : typeof value === 'string' && members.includes(value);
  if (!ok) c.problems.push(`${path}: ${JSON.stringify(value)} is not a ${type} ${c.enums}`);
}

function check(type: string, value: unknown, path: string, c: Checking): void {
  const problems = c.problems;
  if (value === null || value === undefined) return;
  const collection = COLLECTION.exec(type) ?? /^(.+)\[\]$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list of ${collection[1]}`);
    else
      value.forEach((v, i) =>
        check((collection[1] ?? '').replace(/\?$/, ''), v, `${path}[${i}]`, c),
      );

    return;
  }
  const paged = /^GenericPagedResult<(.+)>$/.exec(type);
  if (paged) {
    checkObject('GenericPagedResult', value, path, c, { T: paged[1] ?? '' });

    return;
  }
  if (type.startsWith('Dictionary<')) return;
  if (sdk.enums[type]) {
    checkEnum(type, value, path, c);

    return;
  }
  if (type === 'Guid' && (typeof value !== 'string' || !GUID.test(value)))
    problems.push(`${path}: ${JSON.stringify(value)} is not a lowercase GUID`);
  if (type === 'DateTime' && (typeof value !== 'string' || !LW_DATE.test(value)))
    problems.push(`${path}: ${JSON.stringify(value)} is not a Linnworks date`);
  if (sdk.classes[type]) checkObject(type, value, path, c, {});
}

function checkObject(
  type: string,
  value: unknown,
  path: string,
  c: Checking,
  generics: Record<string, string>,
): void {
  const problems = c.problems;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: expected a ${type} object`);

    return;
  }
  const properties = sdk.classes[type]?.properties ?? {};
  for (const [key, child] of Object.entries(value)) {
    const declared = properties[key];
    if (declared === undefined) {
      problems.push(`${path}.${key}: not a property of ${type}`);
      continue;
    }
    const resolved = declared.replace(/<T>/, `<${generics.T ?? 'T'}>`);
    check(resolved.replace(/\?$/, ''), child, `${path}.${key}`, c);
  }
}

/**
 * Methods sent with their request object's properties at the top level: where Linnworks was seen
 * to ignore a `request` wrapper (reference §1.3 [obs]), and the auth call (JSON form, §1.1),
 * whose installation token is 32 hex digits with or without dashes, so not checked as a GUID.
 */
const UNWRAPPED: Record<string, string> = { 'OpenOrders/SearchOrders': 'SearchOrdersRequest' };
const AUTH = 'Auth/AuthorizeByApplication';

/**
 * Checks a request the client sent: every top-level key is a parameter of the SDK method (names
 * bind case-insensitively), and each value uses only SDK property names, enums as names,
 * Linnworks dates and lowercase GUIDs.
 */
export function checkRequestAgainstSdk(endpoint: string, body: unknown): string[] {
  const unwrapped = UNWRAPPED[endpoint];
  if (unwrapped) return checkAgainstModel(unwrapped, body, 'name', endpoint);
  if (endpoint === AUTH) {
    const names = Object.keys(sdk.classes.AuthorizeByApplicationRequest?.properties ?? {});
    return Object.keys(body ?? {})
      .filter((key) => !names.includes(key))
      .map((key) => `${AUTH}.${key}: not a property of AuthorizeByApplicationRequest`);
  }
  const entry = sdk.endpoints[endpoint];
  if (!entry) return [`${endpoint}: not an SDK endpoint`];
  if (typeof body !== 'object' || body === null) return [`${endpoint}: body is not an object`];

  return Object.entries(body).flatMap(([key, value]) => {
    const param = entry.params.find((p) => p.name.toLowerCase() === key.toLowerCase());
    if (!param) return [`${endpoint}.${key}: not a parameter of ${endpoint}`];

    return checkAgainstModel(param.type, value, 'name', `${endpoint}.${key}`);
  });
}

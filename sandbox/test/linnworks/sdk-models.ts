import models from './fixtures/linnworks-sdk-models.json';

/**
 * Checks JSON against the official SDK models (copied from shared/reference): every property
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
  endpoints: Record<string, { returns: string }>;
};
const sdk = models as unknown as Models;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LW_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(\+00:00|Z)?$/;
const COLLECTION = /^(?:List|ISet|HashSet|IEnumerable)<(.+)>$/;

/**
 * Endpoints the emulator serves that the models file does not list, with the return type of the
 * SDK's `Controllers/Orders.cs` (LinnSystems/LinnworksNetSDK) and the API spec.
 */
const EXTRA_ENDPOINTS: Record<string, string> = { 'Orders/ChangeOrderTag': 'List<Guid>' };

export function endpointReturnType(endpoint: string): string {
  if (EXTRA_ENDPOINTS[endpoint]) return EXTRA_ENDPOINTS[endpoint];
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

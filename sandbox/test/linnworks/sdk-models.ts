import models from './fixtures/linnworks-sdk-models.json';

/**
 * Checks JSON against the official SDK models (copied from shared/reference): every property
 * name must exist on the model (Linnworks' SDK would drop any other), enums are strings of the
 * enum, dates are ISO-8601 and GUIDs lowercase and hyphenated.
 */
type Models = {
  classes: Record<string, { properties: Record<string, string> }>;
  enums: Record<string, string[]>;
  endpoints: Record<string, { returns: string }>;
};
const sdk = models as unknown as Models;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const LW_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?(\+00:00|Z)?$/;
const COLLECTION = /^(?:List|ISet|HashSet|IEnumerable)<(.+)>$/;

export function endpointReturnType(endpoint: string): string {
  const entry = sdk.endpoints[endpoint];
  if (!entry) throw new Error(`No SDK endpoint ${endpoint}`);

  return entry.returns;
}

export function checkAgainstModel(type: string, value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  check(type.replace(/\?$/, ''), value, path, problems);

  return problems;
}

function check(type: string, value: unknown, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  const collection = COLLECTION.exec(type) ?? /^(.+)\[\]$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list of ${collection[1]}`);
    else
      value.forEach((v, i) =>
        check((collection[1] ?? '').replace(/\?$/, ''), v, `${path}[${i}]`, problems),
      );

    return;
  }
  const paged = /^GenericPagedResult<(.+)>$/.exec(type);
  if (paged) {
    checkObject('GenericPagedResult', value, path, problems, { T: paged[1] ?? '' });

    return;
  }
  if (type.startsWith('Dictionary<')) return;
  if (sdk.enums[type]) {
    if (typeof value !== 'string' || !sdk.enums[type]?.includes(value))
      problems.push(`${path}: ${JSON.stringify(value)} is not a ${type} name`);

    return;
  }
  if (type === 'Guid' && (typeof value !== 'string' || !GUID.test(value)))
    problems.push(`${path}: ${JSON.stringify(value)} is not a lowercase GUID`);
  if (type === 'DateTime' && (typeof value !== 'string' || !LW_DATE.test(value)))
    problems.push(`${path}: ${JSON.stringify(value)} is not a Linnworks date`);
  if (sdk.classes[type]) checkObject(type, value, path, problems, {});
}

function checkObject(
  type: string,
  value: unknown,
  path: string,
  problems: string[],
  generics: Record<string, string>,
): void {
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
    check(resolved.replace(/\?$/, ''), child, `${path}.${key}`, problems);
  }
}

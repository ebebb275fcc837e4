import { badRequest } from './lw-error';

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Form fields carry objects and lists as JSON strings (reference §1.3). */
function decodeFormValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      throw badRequest();
    }
  }

  return value;
}

function lookup(bag: Bag, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(bag)) {
    if (key.toLowerCase() === wanted) return decodeFormValue(value);
  }

  return undefined;
}

/**
 * The parameters of one API call, from the query string, a form body or a JSON body, with
 * case-insensitive names (reference §1.3, §10.2).
 */
export class CallParams {
  constructor(private readonly bag: Bag) {}

  static from(query: Bag, body: unknown): CallParams {
    return new CallParams({ ...query, ...(isBag(body) ? body : {}) });
  }

  has(name: string): boolean {
    return lookup(this.bag, name) !== undefined;
  }

  raw(name: string): unknown {
    return lookup(this.bag, name);
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value == null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw badRequest();
  }

  number(name: string): number | undefined {
    const value = this.raw(name);
    if (value == null || value === '') return undefined;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw badRequest();

    return n;
  }

  boolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value == null || value === '') return undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value))
      return value.toLowerCase() === 'true';
    throw badRequest();
  }

  list(name: string): unknown[] | undefined {
    const value = this.raw(name);
    if (value == null) return undefined;
    if (!Array.isArray(value)) throw badRequest();

    return value;
  }

  /**
   * The `request` object of a single-parameter method. With `wrapperRequired`, an unwrapped
   * body is refused the way the real API does ("'request' parameter is missing").
   */
  request(wrapperRequired: boolean): CallParams {
    const wrapped = this.raw('request');
    if (isBag(wrapped)) return new CallParams(wrapped);
    if (wrapped !== undefined) throw badRequest();
    if (wrapperRequired) throw badRequest("'request' parameter is missing");

    return this;
  }

  /** A nested object (e.g. a SearchSorting) as params. */
  object(name: string): CallParams | undefined {
    const value = this.raw(name);
    if (value == null) return undefined;
    if (!isBag(value)) throw badRequest();

    return new CallParams(value);
  }

  isEmpty(): boolean {
    return Object.keys(this.bag).length === 0;
  }
}

export function asParamsList(values: unknown[] | undefined): CallParams[] {
  return (values ?? []).map((value) => {
    if (!isBag(value)) throw badRequest();

    return new CallParams(value);
  });
}

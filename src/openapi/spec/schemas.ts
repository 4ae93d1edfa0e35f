import { HttpMatcherUsageError } from '../../errors.js';
import { escapePointer, isJsonObject, type Documents, type Json, type JsonObject, type Located } from './documents.js';
import type { SpecVersion } from './problems.js';

// The spec's schemas as ajv compiles them (decisions/0007): per direction, a copy of each schema an assertion reaches
// (through its $refs, across files), in which 3.0's and 2.0's dialect is rewritten to draft-07's, and readOnly
// (requests) or writeOnly (responses) properties are forbidden. ajv is given those copies alone, each under its own key,
// never the whole document. Every schema object of a copy remembers where it is in the spec, so an error can say
// `#/components/schemas/Pet/…`.

export type Direction = 'response' | 'request';

/** One schema error, as the message shows it. */
export interface SchemaIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly data: unknown;
  /** Where the failing keyword is in the spec, when known. */
  readonly location: string | undefined;
  /** The property is readOnly (in a request) or writeOnly (in a response), so it must be absent. */
  readonly forbidden?: 'readOnly' | 'writeOnly' | undefined;
  /** For oneOf/anyOf: where each alternative is, to tell whose errors are whose. */
  readonly branches?: readonly (string | undefined)[] | undefined;
  readonly message: string;
}

export type Check = (value: unknown) => readonly SchemaIssue[];

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: unknown;
}
interface AjvValidate {
  (value: unknown): boolean;
  errors?: AjvError[] | null;
}
export interface AjvInstance {
  compile(schema: object): AjvValidate;
  addSchema(schema: object, key: string): unknown;
  getSchema(key: string): AjvValidate | undefined;
  addFormat(name: string, format: true): unknown;
  readonly formats: Record<string, unknown>;
}
export interface Peers {
  /** `new Ajv(options)` for 3.0 and 2.0 (draft-07), `new Ajv2020(options)` for 3.1 and 3.2. */
  readonly makeAjv: (options: object) => AjvInstance;
  readonly makeAjv2020: (options: object) => AjvInstance;
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = [
  'additionalProperties',
  'items',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];

class Prepared {
  readonly locations = new WeakMap<object, string>();
  readonly forbidden = new WeakMap<object, 'readOnly' | 'writeOnly'>();
  readonly formats = new Set<string>();
  /** The rewritten copy of every schema reached so far, by the key ajv knows it by. */
  readonly reached = new Map<string, Json>();
  /** Keys reached since the last `take()`, for ajv to be given. */
  #fresh: string[] = [];
  readonly #keys = new Map<string, string>();
  readonly #visited = new WeakSet<object>();

  constructor(
    readonly source: Documents,
    readonly version: SpecVersion,
    readonly direction: Direction,
  ) {}

  /**
   * The key of the schema at `at`, copied and rewritten the first time with every schema it reaches: ajv is given
   * only those, never the whole document, so a large spec costs the schemas an assertion uses (decisions/0007).
   */
  reach(at: Located): string {
    const place = `${at.url}#${at.pointer}`;
    let key = this.#keys.get(place);
    if (key !== undefined) return key;
    // A URL without a fragment, so ajv looks it up as a schema of its own (recursion included).
    key = `https://schemas.expect-http.invalid/${this.direction}/${this.#keys.size}`;
    this.#keys.set(place, key);
    const copy = structuredClone(at.value);
    this.reached.set(key, copy);
    this.#fresh.push(key);
    this.schema(copy, at.url, at.pointer);
    return key;
  }

  /** The keys reached since the last call. */
  take(): string[] {
    const fresh = this.#fresh;
    this.#fresh = [];
    return fresh;
  }

  schema(value: Json, url: string, pointer: string): void {
    // Visited once: YAML aliases can make one object appear twice, or inside itself.
    if (!isJsonObject(value) || this.#visited.has(value)) return;
    this.#visited.add(value);
    this.locations.set(value, this.source.label(url, pointer));
    if (typeof value.$ref === 'string') {
      // Every $ref resolves: specProblems rejects a spec with one that does not.
      const target = this.source.resolve(value.$ref, url);
      if (target) value.$ref = this.reach(target);
    }
    this.#dialect(value);
    if (typeof value.format === 'string') this.formats.add(value.format);
    for (const key of SUBSCHEMAS) if (key in value) this.schema(value[key] as Json, url, `${pointer}/${key}`);
    for (const key of SUBSCHEMA_LISTS) {
      const list = value[key];
      if (Array.isArray(list)) list.forEach((s, i) => this.schema(s, url, `${pointer}/${key}/${i}`));
    }
    if (Array.isArray(value.items)) value.items.forEach((s, i) => this.schema(s, url, `${pointer}/items/${i}`));
    for (const key of SUBSCHEMA_MAPS) {
      const map = value[key];
      if (!isJsonObject(map)) continue;
      for (const [name, s] of Object.entries(map)) this.schema(s, url, `${pointer}/${key}/${escapePointer(name)}`);
    }
    if (isJsonObject(value.properties)) this.#forbid(value, value.properties, `${url}#${pointer}`);
  }

  /** 3.0 and 2.0 keywords in draft-07's terms; 3.1 and 3.2 are 2020-12 already. */
  #dialect(s: JsonObject): void {
    if (this.version === '3.1' || this.version === '3.2') {
      delete s.nullable; // not a keyword since 3.1: a type array says it
      if (typeof s.$schema === 'string') delete s.$schema;
      // Our $refs are resolved against the documents already; an $id would move ajv's base away from them.
      if (typeof s.$id === 'string') delete s.$id;
      return;
    }
    if (this.version === '2.0' && s['x-nullable'] === true) s.nullable = true;
    if (s.nullable === true && s.type === undefined) delete s.nullable; // no type: null passes anyway
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (s[flag] === true && typeof s[bound] === 'number') {
        s[flag] = s[bound];
        delete s[bound];
      } else if (typeof s[flag] === 'boolean') delete s[flag];
    }
  }

  /** A readOnly property in a request, or a writeOnly one in a response: not required, and must be absent. */
  #forbid(s: JsonObject, properties: JsonObject, where: string): void {
    const flag = this.direction === 'response' ? 'writeOnly' : 'readOnly';
    for (const [name, prop] of Object.entries(properties)) {
      if (!isJsonObject(prop) || prop[flag] !== true) continue;
      const marker: JsonObject = { not: {} };
      this.forbidden.set(marker, flag);
      this.locations.set(marker, this.locations.get(prop) ?? where);
      properties[name] = marker;
      if (Array.isArray(s.required)) s.required = s.required.filter((r) => r !== name);
    }
  }
}

/** Compiles the spec's schemas on first use, per direction, and keeps the compiled checks. */
export class SchemaChecks {
  readonly #prepared = new Map<
    Direction,
    { prepared: Prepared; ajv: AjvInstance; plain?: AjvInstance; unknown?: readonly string[] | undefined }
  >();
  readonly #checks = new Map<string, Check>();

  constructor(
    readonly docs: Documents,
    readonly version: SpecVersion,
    readonly peers: Peers,
  ) {}

  /** Formats the spec uses that ajv-formats does not know: accepted unchecked, named in messages. */
  unknownFormats(direction: Direction): readonly string[] {
    const entry = this.#instance(direction);
    return (entry.unknown ??= [...entry.prepared.formats].filter((f) => entry.ajv.formats[f] === true));
  }

  #instance(direction: Direction) {
    let entry = this.#prepared.get(direction);
    if (entry) return entry;
    const prepared = new Prepared(this.docs, this.version, direction);
    entry = { prepared, ajv: this.#ajv(prepared, true) };
    this.#prepared.set(direction, entry);
    return entry;
  }

  #ajv(prepared: Prepared, discriminator: boolean): AjvInstance {
    const make = this.version === '3.1' || this.version === '3.2' ? this.peers.makeAjv2020 : this.peers.makeAjv;
    const ajv = make({
      strict: false,
      allErrors: true,
      verbose: true,
      discriminator,
      validateSchema: false,
      logger: false,
    });
    for (const format of prepared.formats) if (!(format in ajv.formats)) ajv.addFormat(format, true);
    for (const [key, schema] of prepared.reached) ajv.addSchema(schema as object, key);
    return ajv;
  }

  /** The check for the schema at `at` (a place in the spec), compiled once. */
  check(at: Located, direction: Direction, caller: string): Check {
    const place = `${direction} ${at.url}#${at.pointer}`;
    const cached = this.#checks.get(place);
    if (cached) return cached;
    const entry = this.#instance(direction);
    const key = entry.prepared.reach(at);
    for (const format of entry.prepared.formats) {
      if (format in entry.ajv.formats) continue;
      entry.ajv.addFormat(format, true);
      entry.plain?.addFormat(format, true);
      entry.unknown = undefined;
    }
    for (const fresh of entry.prepared.take()) {
      const schema = entry.prepared.reached.get(fresh) as object;
      entry.ajv.addSchema(schema, fresh);
      entry.plain?.addSchema(schema, fresh);
    }
    let validate: AjvValidate;
    try {
      validate = compiled(entry.ajv, key);
    } catch (error) {
      // ajv's discriminator wants the tag required in every branch; OpenAPI 3.0 does not: check it as a plain oneOf.
      if (!/discriminator/.test(String(error))) throw invalidSchema(this.docs, at, error, caller);
      entry.plain ??= this.#ajv(entry.prepared, false);
      validate = compiled(entry.plain, key);
    }
    const check: Check = (value) =>
      validate(value) ? [] : (validate.errors ?? []).map((e) => issue(entry.prepared, e));
    this.#checks.set(place, check);
    return check;
  }
}

function compiled(ajv: AjvInstance, key: string): AjvValidate {
  const validate = ajv.getSchema(key);
  if (validate === undefined) throw new Error(`no schema ${key}`); // cannot happen: the key was just added
  return validate;
}

function invalidSchema(docs: Documents, at: Located, error: unknown, caller: string): HttpMatcherUsageError {
  return new HttpMatcherUsageError(
    caller,
    `the schema at ${docs.label(at.url, at.pointer)} in the spec is not a valid schema: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function issue(prepared: Prepared, e: AjvError): SchemaIssue {
  const parent = isJsonObject(e.parentSchema as Json) ? (e.parentSchema as JsonObject) : undefined;
  const base = parent ? prepared.locations.get(parent) : undefined;
  const forbidden = parent ? prepared.forbidden.get(parent) : undefined;
  const branchList = parent && (e.keyword === 'oneOf' || e.keyword === 'anyOf') ? parent[e.keyword] : undefined;
  return {
    instancePath: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    data: e.data,
    message: e.message ?? e.keyword,
    // A forbidden readOnly/writeOnly property is the property itself, not the `not` we put in its place.
    location: base === undefined || forbidden ? base : `${base}/${e.keyword}`,
    forbidden,
    branches: Array.isArray(branchList)
      ? branchList.map((b) => {
          if (!isJsonObject(b)) return undefined;
          const own = prepared.locations.get(b);
          if (typeof b.$ref !== 'string' || own === undefined) return own;
          return refTarget(prepared, b.$ref, own);
        })
      : undefined,
  };
}

/** Where a branch's `$ref` leads, as a location label, so errors inside the referenced schema count as that branch's. */
function refTarget(prepared: Prepared, ref: string, own: string): string | undefined {
  const hash = own.indexOf('#');
  const file = own.slice(0, hash);
  const url = file === '' ? prepared.source.rootUrl : new URL(file, prepared.source.rootUrl).href;
  const found = prepared.source.resolve(ref, url);
  return found ? prepared.source.label(found.url, found.pointer) : undefined;
}

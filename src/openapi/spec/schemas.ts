import { HttpMatcherUsageError } from '../../errors.js';
import { escapePointer, isJsonObject, type Documents, type Json, type JsonObject, type Located } from './documents.js';
import type { SpecVersion } from './problems.js';

// The spec's schemas as ajv compiles them (decisions/0007): one copy of the documents per direction, in which 3.0's and
// 2.0's dialect is rewritten to draft-07's, and readOnly (requests) or writeOnly (responses) properties are forbidden.
// Every schema object of the copy remembers where it is in the spec, so an error can say `#/components/schemas/Pet/…`.

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
  readonly docs = new Map<string, Json>();
  readonly #visited = new WeakSet<object>();

  constructor(
    readonly source: Documents,
    readonly version: SpecVersion,
    readonly direction: Direction,
  ) {
    for (const [url, doc] of source.entries()) this.docs.set(url, structuredClone(doc));
  }

  /**
   * Rewrites the schema at `at` and every schema it reaches, once: only what an assertion compiles is rewritten, so
   * loading a large spec costs no walk over all of it.
   */
  reach(at: Located): void {
    const copy = new DocumentsView(this.docs).at(at.url, at.pointer);
    if (copy !== undefined) this.schema(copy, at.url, at.pointer);
  }

  schema(value: Json, url: string, pointer: string): void {
    if (!isJsonObject(value) || this.#visited.has(value)) return;
    this.#visited.add(value);
    this.locations.set(value, this.source.label(url, pointer));
    if (typeof value.$ref === 'string') {
      const target = this.#resolve(value.$ref, url);
      if (target) this.schema(target.value, target.url, target.pointer);
      // Absolute, so that ajv resolves it the same wherever it inlines the schema that holds it.
      if (target) value.$ref = `${target.url}#${fragment(target.pointer)}`;
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

  #resolve(ref: string, base: string): Located | undefined {
    const found = this.source.resolve(ref, base);
    if (!found) return undefined;
    // The same place in this direction's copy.
    const copy = new DocumentsView(this.docs).at(found.url, found.pointer);
    return copy === undefined ? undefined : { ...found, value: copy };
  }

  /** 3.0 and 2.0 keywords in draft-07's terms; 3.1 and 3.2 are 2020-12 already. */
  #dialect(s: JsonObject): void {
    if (this.version === '3.1' || this.version === '3.2') {
      delete s.nullable; // not a keyword since 3.1: a type array says it
      if (typeof s.$schema === 'string') delete s.$schema;
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

class DocumentsView {
  constructor(readonly docs: Map<string, Json>) {}
  at(url: string, pointer: string): Json | undefined {
    let value: Json | undefined = this.docs.get(url);
    for (const token of pointer === '' ? [] : pointer.slice(1).split('/')) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(value)) value = value[Number(key)];
      else if (isJsonObject(value)) value = value[key];
      else return undefined;
    }
    return value;
  }
}

const fragment = (pointer: string): string => pointer.split('/').map(encodeURIComponent).join('/');

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
    for (const [url, doc] of prepared.docs) ajv.addSchema(doc as object, url);
    return ajv;
  }

  /** The check for the schema at `at` (a place in the spec), compiled once. */
  check(at: Located, direction: Direction, caller: string): Check {
    const key = `${direction} ${at.url}#${at.pointer}`;
    const cached = this.#checks.get(key);
    if (cached) return cached;
    const entry = this.#instance(direction);
    entry.prepared.reach(at);
    for (const format of entry.prepared.formats) {
      if (format in entry.ajv.formats) continue;
      entry.ajv.addFormat(format, true);
      entry.plain?.addFormat(format, true);
      entry.unknown = undefined;
    }
    const ref = { $ref: `${at.url}#${fragment(at.pointer)}` };
    let validate: AjvValidate;
    try {
      validate = entry.ajv.compile(ref);
    } catch (error) {
      // ajv's discriminator wants the tag required in every branch; OpenAPI 3.0 does not: check it as a plain oneOf.
      if (!/discriminator/.test(String(error))) throw invalidSchema(this.docs, at, error, caller);
      entry.plain ??= this.#ajv(entry.prepared, false);
      validate = entry.plain.compile(ref);
    }
    const check: Check = (value) =>
      validate(value) ? [] : (validate.errors ?? []).map((e) => issue(entry.prepared, e));
    this.#checks.set(key, check);
    return check;
  }
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

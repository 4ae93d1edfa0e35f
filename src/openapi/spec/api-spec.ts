import { HttpMatcherUsageError } from '../../errors.js';
import { peer } from '../peers.js';
import { child, isJsonObject, type Documents, type Located } from './documents.js';
import { loadDocuments } from './load.js';
import { basePaths, listOperations, type Operation } from './operations.js';
import { specProblems, specVersion, type SpecVersion } from './problems.js';
import { SchemaChecks, type AjvInstance, type Peers } from './schemas.js';

/** A loaded, checked spec: what `loadApiSpec` resolves to, and what `{ spec }` options take. */
export class ApiSpec {
  /** `'2.0'`, `'3.0'`, `'3.1'` or `'3.2'`. */
  readonly version: SpecVersion;
  /** `info.title`, or the file name, for messages. */
  readonly title: string;
  /** @internal */ readonly docs: Documents;
  /** @internal */ readonly operations: readonly Operation[];
  /** @internal */ readonly basePaths: readonly string[];
  /** @internal */ readonly schemas: SchemaChecks;

  /** @internal Use `loadApiSpec`. */
  constructor(docs: Documents, version: SpecVersion, peers: Peers) {
    this.docs = docs;
    this.version = version;
    const info = isJsonObject(docs.root.value) ? docs.root.value.info : undefined;
    const name = docs.rootUrl.slice(docs.rootUrl.lastIndexOf('/') + 1);
    this.title = isJsonObject(info) && typeof info.title === 'string' ? info.title : name;
    this.operations = listOperations(docs);
    this.basePaths = basePaths(docs, version);
    this.schemas = new SchemaChecks(docs, version, peers);
  }

  /** @internal The named schema: `components.schemas[name]` (3.x), `definitions[name]` (2.0). */
  namedSchema(name: string): Located | undefined {
    const home = this.version === '2.0' ? child(this.docs.root, 'definitions') : child(this.docs.root, 'components');
    const map = this.version === '2.0' ? home : home && child(home, 'schemas');
    return map && child(map, name);
  }

  /** @internal The names `namedSchema` knows, for "did you mean". */
  schemaNames(): string[] {
    const home = this.version === '2.0' ? child(this.docs.root, 'definitions') : child(this.docs.root, 'components');
    const map = this.version === '2.0' ? home : home && child(home, 'schemas');
    return map && isJsonObject(map.value) ? Object.keys(map.value) : [];
  }
}

async function loadPeers(caller: string): Promise<Peers> {
  type AjvClass = new (options: object) => AjvInstance;
  const [Ajv, Ajv2020, addFormats] = await Promise.all([
    peer<AjvClass>('ajv', caller, () => import('ajv')),
    peer<AjvClass>('ajv', caller, () => import('ajv/dist/2020.js')),
    peer<(ajv: AjvInstance) => AjvInstance>('ajv-formats', caller, () => import('ajv-formats')),
  ]);
  return {
    makeAjv: (options) => addFormats(new Ajv(options)),
    makeAjv2020: (options) => addFormats(new Ajv2020(options)),
  };
}

function describeSource(source: unknown): string {
  if (typeof source === 'string') return JSON.stringify(source);
  if (source === null) return 'null';
  return Array.isArray(source) ? 'an array' : typeof source;
}

/**
 * Loads an OpenAPI 3.0, 3.1 or 3.2 or Swagger 2.0 document, from a file path (YAML or JSON) or an already-parsed
 * object, with every file its `$ref`s name. Rejects once, with every place the document is unusable, if it is.
 * @example
 * const petstore = await loadApiSpec('./openapi.yaml');
 * await expect(res).toSatisfyApiSpec({ spec: petstore, operation: 'getPet' });
 */
export async function loadApiSpec(source: string | object): Promise<ApiSpec> {
  return load(source, 'loadApiSpec');
}

async function load(source: unknown, caller: string): Promise<ApiSpec> {
  if (typeof source !== 'string' && (!isJsonObject(source as never) || source === null))
    throw new HttpMatcherUsageError(
      caller,
      `source must be a file path (YAML or JSON) or an already-parsed OpenAPI document (an object); got ${describeSource(source)}.`,
    );
  const peers = await loadPeers(caller);
  const docs = await loadDocuments(source as string | object, caller);
  const version = specVersion(docs.root.value);
  const where = typeof source === 'string' ? source : 'the document';
  if (version !== '2.0' && version !== '3.0' && version !== '3.1' && version !== '3.2')
    throw new HttpMatcherUsageError(caller, `${where} is not an OpenAPI document: ${version}.`);
  const problems = specProblems(docs, version);
  if (problems.length > 0)
    throw new HttpMatcherUsageError(
      caller,
      `${where} is not a usable ${version === '2.0' ? 'Swagger' : 'OpenAPI'} ${version} document (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return new ApiSpec(docs, version, peers);
}

// The default spec: set by useApiSpec, read by the matchers when no `spec` option is given.
let current: { ready?: ApiSpec; pending?: Promise<ApiSpec>; failed?: unknown } = {};

/**
 * Sets the spec the matchers use when no `spec` option is given, for every test after it (call it in a setup file).
 * @example
 * await useApiSpec('./openapi.yaml');
 */
export async function useApiSpec(sourceOrSpec: string | object): Promise<ApiSpec> {
  if (sourceOrSpec instanceof ApiSpec) {
    current = { ready: sourceOrSpec };
    return sourceOrSpec;
  }
  const pending = load(sourceOrSpec, 'useApiSpec');
  current = { pending };
  try {
    const spec = await pending;
    if (current.pending === pending) current = { ready: spec };
    return spec;
  } catch (error) {
    if (current.pending === pending) current = { failed: error };
    throw error;
  }
}

/** The spec a matcher uses: its `spec` option, else the default; a usage error when there is none yet. */
export function specFor(
  option: unknown,
  matcher: string,
  caller: (...args: never[]) => unknown,
): ApiSpec | Promise<ApiSpec> {
  if (option !== undefined) {
    if (option instanceof ApiSpec) return option;
    throw new HttpMatcherUsageError(
      matcher,
      `the spec option must be what loadApiSpec() resolves to (did you forget to await it?); got ${describeSource(option)}.`,
      caller,
    );
  }
  if (current.ready) return current.ready;
  if (current.pending) return current.pending;
  const why =
    current.failed instanceof Error ? ` The last useApiSpec() failed: ${current.failed.message.split('\n')[0]}` : '';
  throw new HttpMatcherUsageError(
    matcher,
    `no spec to check against. Load one in a setup file with \`await useApiSpec('./openapi.yaml')\`, or pass { spec: await loadApiSpec(...) }.${why}`,
    caller,
  );
}

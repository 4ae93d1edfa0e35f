import { Documents, VALUE_KEYS, child, escapePointer, isJsonObject, type Json, type Located } from './documents.js';

// What makes a document unusable as a contract, found once when it is loaded, each with where it is: the version,
// the shape of paths, operations and responses, and every `$ref` that points nowhere.

export type SpecVersion = '2.0' | '3.0' | '3.1' | '3.2';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
const RESPONSE_KEY = /^(?:[1-5]\d\d|[1-5]XX|default|x-.*)$/i;
const MAX_PROBLEMS = 20;

export function specVersion(root: Json): SpecVersion | string {
  if (!isJsonObject(root)) return `not an object but ${Array.isArray(root) ? 'an array' : JSON.stringify(root)}`;
  if (root.swagger !== undefined)
    return String(root.swagger) === '2.0' ? '2.0' : `swagger ${JSON.stringify(root.swagger)}: only 2.0 is supported`;
  if (typeof root.openapi !== 'string')
    return 'neither an "openapi" field (OpenAPI 3.x) nor a "swagger" field (Swagger 2.0) at the top';
  const m = /^3\.([012])\.\d+(?:-.*)?$/.exec(root.openapi);
  if (!m) return `openapi ${JSON.stringify(root.openapi)}: only 3.0.x, 3.1.x, 3.2.x (and swagger 2.0) are supported`;
  return `3.${m[1]}` as SpecVersion;
}

export function specProblems(docs: Documents, version: SpecVersion): string[] {
  const problems: string[] = [];
  const add = (at: Located, text: string) => problems.push(`${docs.label(at.url, at.pointer)}: ${text}`);
  const root = docs.root;
  const paths = child(root, 'paths');
  if (paths === undefined) {
    if (version === '2.0' || version === '3.0') add(root, 'no "paths" (required in this version)');
  } else if (!isJsonObject(paths.value)) add(paths, '"paths" must be an object');
  else {
    for (const path of Object.keys(paths.value)) {
      const item = docs.follow(child(paths, path) as Located);
      if (!path.startsWith('/') && !path.startsWith('x-'))
        add(child(paths, path) as Located, `a path must start with "/" (got ${JSON.stringify(path)})`);
      if (item === undefined || path.startsWith('x-')) continue;
      for (const method of METHODS) {
        const operation = child(item, method);
        if (operation !== undefined) operationProblems(docs, operation, version, add);
      }
    }
  }
  brokenRefs(docs, add);
  return problems.length > MAX_PROBLEMS
    ? [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more`]
    : problems;
}

function operationProblems(
  docs: Documents,
  operation: Located,
  version: SpecVersion,
  add: (at: Located, text: string) => void,
): void {
  if (!isJsonObject(operation.value)) return add(operation, 'an operation must be an object');
  const responses = child(operation, 'responses');
  if (responses === undefined) {
    if (version === '2.0' || version === '3.0') add(operation, 'no "responses" (required in this version)');
    return;
  }
  if (!isJsonObject(responses.value)) return add(responses, '"responses" must be an object');
  for (const key of Object.keys(responses.value)) {
    const response = child(responses, key) as Located;
    if (!RESPONSE_KEY.test(key))
      add(response, `${JSON.stringify(key)} is not a status code, a range such as 2XX, or "default"`);
    const target = docs.follow(response);
    if (target !== undefined && !isJsonObject(target.value)) add(target, 'a response must be an object');
    const content = target && child(target, 'content');
    if (content !== undefined && !isJsonObject(content.value))
      add(content, '"content" must be an object of media types');
  }
}

function brokenRefs(docs: Documents, add: (at: Located, text: string) => void): void {
  const broken = docs.refs.filter(({ holder, url }) => docs.resolve(holder.$ref as string, url) === undefined);
  if (broken.length === 0) return;
  for (const [url, doc] of docs.entries()) {
    const here = broken.filter((b) => b.url === url);
    if (here.length === 0) continue;
    const pointers = pointersTo(doc, new Set(here.map((b) => b.holder)));
    for (const { holder } of here)
      add(
        { value: holder, url, pointer: `${pointers.get(holder) ?? ''}/$ref` },
        `$ref ${JSON.stringify(holder.$ref)} points nowhere`,
      );
  }
}

/** The JSON pointer of each of `wanted` in `doc`: walked only when a $ref is broken (a 5 MB spec has a million nodes). */
function pointersTo(doc: Json, wanted: Set<object>): Map<object, string> {
  const found = new Map<object, string>();
  const path: string[] = [];
  const visit = (value: Json): void => {
    if (typeof value !== 'object' || value === null) return;
    if (wanted.has(value)) found.set(value, path.length === 0 ? '' : `/${path.map(escapePointer).join('/')}`);
    for (const key in value) {
      if (!Array.isArray(value) && VALUE_KEYS.has(key)) continue;
      path.push(key);
      visit((value as Record<string, Json>)[key] as Json);
      path.pop();
    }
  };
  visit(doc);
  return found;
}

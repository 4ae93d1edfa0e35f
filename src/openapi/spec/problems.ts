import { Documents, child, escapePointer, isJsonObject, type Json, type Located } from './documents.js';

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
  for (const [url, doc] of docs.entries()) brokenRefs(docs, { value: doc, url, pointer: '' }, add);
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

function brokenRefs(docs: Documents, at: Located, add: (at: Located, text: string) => void): void {
  // Keys only, no pointer per node: a pointer is built for a broken $ref alone (a 5 MB spec has a million nodes).
  const path: string[] = [];
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        path.push(String(i));
        visit(item);
        path.pop();
      });
    } else if (isJsonObject(value)) {
      if (typeof value.$ref === 'string' && docs.resolve(value.$ref, at.url) === undefined) {
        const pointer = [...path, '$ref'].map(escapePointer).join('/');
        add({ value, url: at.url, pointer: `/${pointer}` }, `$ref ${JSON.stringify(value.$ref)} points nowhere`);
      }
      for (const key in value) {
        if (SKIP.has(key)) continue;
        path.push(key);
        visit(value[key] as Json);
        path.pop();
      }
    }
  };
  visit(at.value);
}

// Values, not schemas or references: a `$ref` inside an example is data.
const SKIP = new Set(['example', 'examples', 'const', 'enum', 'default']);

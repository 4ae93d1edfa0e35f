import { child, isJsonObject, type Documents, type Located } from './documents.js';
import { METHODS, type SpecVersion } from './problems.js';

// The operations of a spec, and which one a request was: its method and URL path against the path templates, after
// any base path of the spec's servers (3.x) or its basePath (2.0).

export interface Operation {
  /** `GET` */
  readonly method: string;
  /** `/pets/{petId}` */
  readonly path: string;
  readonly operationId: string | undefined;
  /** The operation object (its `$ref`-free place in the documents). */
  readonly at: Located;
  /** The path item, for parameters declared on it. */
  readonly item: Located;
  readonly pattern: RegExp;
  /** How many `{…}` the template has: a concrete path wins over a templated one (OpenAPI "Path Templating"). */
  readonly templated: number;
}

export const operationLabel = (op: Operation): string => `${op.method} ${op.path}`;

function templatePattern(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

export function listOperations(docs: Documents): Operation[] {
  const paths = child(docs.root, 'paths');
  const out: Operation[] = [];
  if (paths === undefined || !isJsonObject(paths.value)) return out;
  for (const path of Object.keys(paths.value)) {
    if (!path.startsWith('/')) continue;
    const item = docs.follow(child(paths, path) as Located);
    if (item === undefined || !isJsonObject(item.value)) continue;
    for (const method of METHODS) {
      const at = child(item, method);
      if (at === undefined || !isJsonObject(at.value)) continue;
      const id = at.value.operationId;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: typeof id === 'string' ? id : undefined,
        at,
        item,
        pattern: templatePattern(path),
        templated: (path.match(/\{/g) ?? []).length,
      });
    }
  }
  return out.sort((a, b) => a.templated - b.templated);
}

/** The path prefixes a request URL may carry before the templates: `servers[].url` paths, or Swagger's `basePath`. */
export function basePaths(docs: Documents, version: SpecVersion): string[] {
  const root = docs.root.value;
  if (!isJsonObject(root)) return [''];
  const bases = new Set<string>();
  if (version === '2.0' && typeof root.basePath === 'string') bases.add(root.basePath.replace(/\/+$/, ''));
  for (const server of Array.isArray(root.servers) ? root.servers : []) {
    if (!isJsonObject(server) || typeof server.url !== 'string') continue;
    // Server variables take their defaults: `https://{region}.example.com/v{major}` → /v1.
    const vars = isJsonObject(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const v = vars[name];
      return isJsonObject(v) && typeof v.default === 'string' ? v.default : 'x';
    });
    try {
      bases.add(new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, ''));
    } catch {
      // An unparsable server URL contributes no base path.
    }
  }
  bases.add('');
  return [...bases];
}

/** The URL's path, percent-decoded segment by segment, or undefined when it is not a URL. */
export function requestPath(url: string): string | undefined {
  try {
    return new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** The operations whose template matches `pathname` under one of the base paths, best first. */
export function operationsFor(ops: readonly Operation[], bases: readonly string[], pathname: string): Operation[] {
  const found: Operation[] = [];
  for (const base of bases) {
    if (base !== '' && pathname !== base && !pathname.startsWith(`${base}/`)) continue;
    const rest = pathname.slice(base.length) || '/';
    for (const op of ops) if (op.pattern.test(rest) && !found.includes(op)) found.push(op);
  }
  return found;
}

import { HttpMatcherUsageError } from '../../errors.js';
import { peer } from '../peers.js';
import { Documents, isJsonObject, VALUE_KEYS, withoutHash, type Json } from './documents.js';

// Reading a spec: the root document from a file or an object, then every file its `$ref`s name, relative to the
// document that names it. Only local files are read: a spec's tests should not depend on the network.

const MAX_FILES = 500;

type Parse = (text: string) => unknown;

// Node's modules, typed by hand: the sources compile without @types/node, and only this file (on Node) needs them.
interface NodeUrl {
  pathToFileURL(path: string): URL;
  fileURLToPath(url: string): string;
}
const nodeUrl = () => import('node:url' as string) as Promise<NodeUrl>;
const nodePath = () => import('node:path' as string) as Promise<{ resolve(...paths: string[]): string }>;
const nodeFs = () =>
  import('node:fs/promises' as string) as Promise<{ readFile(path: string, encoding: 'utf8'): Promise<string> }>;

/** A file path or `file:` URL as a URL; a relative path is taken from the current directory. */
async function fileUrl(path: string): Promise<string> {
  if (path.startsWith('file:')) return new URL(path).href;
  const [{ pathToFileURL }, { resolve }] = await Promise.all([nodeUrl(), nodePath()]);
  return pathToFileURL(resolve(path)).href;
}

async function readDocument(url: string, caller: string, from?: string): Promise<Json> {
  const [{ readFile }, { fileURLToPath }] = await Promise.all([nodeFs(), nodeUrl()]);
  let text: string;
  try {
    text = await readFile(fileURLToPath(url), 'utf8');
  } catch (error) {
    const why = (error as { code?: string }).code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new HttpMatcherUsageError(
      caller,
      `cannot read ${fileURLToPath(url)}${from ? ` (named by a $ref in ${from})` : ''}: ${why}.`,
    );
  }
  const isJsonFile = /\.json$/i.test(url) || /^\s*[{[]/.test(text);
  const parse: Parse = isJsonFile
    ? JSON.parse
    : (await peer<{ parse: Parse }>('yaml', caller, () => import('yaml'))).parse;
  try {
    return parse(text) as Json;
  } catch (error) {
    throw new HttpMatcherUsageError(
      caller,
      `${fileURLToPath(url)} is not valid ${isJsonFile ? 'JSON' : 'YAML'}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Records every `$ref` of the document at `url` in `docs.refs`; returns the other documents they name, as URLs. */
function collectRefs(docs: Documents, url: string): Set<string> {
  const external = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (isJsonObject(value)) {
      const ref = value.$ref;
      if (typeof ref === 'string') {
        docs.refs.push({ holder: value, url });
        if (!ref.startsWith('#')) external.add(withoutHash(new URL(ref, url).href));
      }
      for (const key in value) if (!VALUE_KEYS.has(key)) visit(value[key] as Json);
    }
  };
  visit(docs.resolve('', url)?.value ?? null);
  return external;
}

let objectSpecs = 0;

/** The root document and the files it references, from a path or an already-parsed object. */
export async function loadDocuments(source: string | object, caller: string): Promise<Documents> {
  let docs: Documents;
  if (typeof source === 'string') {
    docs = new Documents(await fileUrl(source));
    docs.set(docs.rootUrl, await readDocument(docs.rootUrl, caller));
  } else {
    // A parsed object's relative $refs are read from the current directory; it is copied so later edits cannot reach it.
    docs = new Documents(await fileUrl(`expect-http-spec-${++objectSpecs}.json`));
    docs.set(docs.rootUrl, structuredClone(source) as Json);
  }
  const pending = [docs.rootUrl];
  while (pending.length > 0) {
    const url = pending.pop() as string;
    for (const target of collectRefs(docs, url)) {
      if (docs.has(target)) continue;
      if (!target.startsWith('file:'))
        throw new HttpMatcherUsageError(
          caller,
          `a $ref in ${docs.fileName(url)} names ${target}: only local files are read. Save it next to the spec and refer to it by a relative path.`,
        );
      if (docs.size > MAX_FILES)
        throw new HttpMatcherUsageError(caller, `the spec's $refs reach more than ${MAX_FILES} files.`);
      docs.set(target, await readDocument(target, caller, docs.fileName(url)));
      pending.push(target);
    }
  }
  return docs;
}

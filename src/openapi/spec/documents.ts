// The documents of one spec: the root and every file its `$ref`s reach, by URL, and how a `$ref` is followed.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A value found in one of the documents, and where: the document's URL and a JSON pointer (`/components/schemas/Pet`). */
export interface Located<T = Json> {
  readonly value: T;
  readonly url: string;
  readonly pointer: string;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

// Values, not schemas or references: a `$ref` inside an example is data.
export const VALUE_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default']);

export class Documents {
  readonly #docs = new Map<string, Json>();
  /** Every `$ref` of the documents (outside values) and the URL of the document holding it: found once, by the loader. */
  readonly refs: { readonly holder: JsonObject; readonly url: string }[] = [];

  constructor(readonly rootUrl: string) {}

  set(url: string, doc: Json): void {
    this.#docs.set(url, doc);
  }
  has(url: string): boolean {
    return this.#docs.has(url);
  }
  get root(): Located {
    return { value: this.#docs.get(this.rootUrl) ?? null, url: this.rootUrl, pointer: '' };
  }
  get size(): number {
    return this.#docs.size;
  }
  entries(): IterableIterator<[string, Json]> {
    return this.#docs.entries();
  }

  /** The target of `ref` written in the document at `base`, or undefined when it points nowhere. */
  resolve(ref: string, base: string): Located | undefined {
    const hash = ref.indexOf('#');
    const file = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
    const url = file === '' ? base : withoutHash(new URL(file, base).href);
    let value = this.#docs.get(url);
    if (value === undefined) return undefined;
    if (pointer !== '' && !pointer.startsWith('/')) return undefined; // a plain-name fragment: an $anchor, not followed here
    for (const token of pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer)) {
      if (Array.isArray(value) && /^\d+$/.test(token)) value = value[Number(token)];
      else if (isJsonObject(value) && Object.hasOwn(value, token)) value = value[token];
      else return undefined;
      if (value === undefined) return undefined;
    }
    return { value, url, pointer };
  }

  /** The value itself when it is no `$ref`; else what its chain of `$ref`s ends at (undefined if broken or circular). */
  follow(at: Located): Located | undefined {
    let here: Located | undefined = at;
    for (let hops = 0; here && isJsonObject(here.value) && typeof here.value.$ref === 'string'; hops++) {
      if (hops > 50) return undefined;
      here = this.resolve(here.value.$ref, here.url);
    }
    return here;
  }

  /** The file a URL names, as messages show it: relative to the root document's folder. */
  fileName(url: string): string {
    const rootDir = this.rootUrl.slice(0, this.rootUrl.lastIndexOf('/') + 1);
    return url.startsWith(rootDir) ? url.slice(rootDir.length) : url;
  }

  /** `#/components/schemas/Pet` in the root document, `schemas/pet.yaml#/Pet` in another. */
  label(url: string, pointer: string): string {
    return url === this.rootUrl ? `#${pointer}` : `${this.fileName(url)}#${pointer}`;
  }
}

export function child(at: Located, key: string | number): Located | undefined {
  const { value } = at;
  let next: Json | undefined;
  if (Array.isArray(value) && typeof key === 'number') next = value[key];
  else if (isJsonObject(value) && Object.hasOwn(value, key)) next = value[key];
  return next === undefined
    ? undefined
    : { value: next, url: at.url, pointer: `${at.pointer}/${escapePointer(String(key))}` };
}

export function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Response headers as one case-insensitive, multi-value list, whatever shape the client gave them in:
 * a WHATWG `Headers`, a Node-style object (`set-cookie` as an array), an array of pairs, or
 * Playwright's `{ name, value }` list. Values that are not strings or numbers are dropped, not thrown on.
 */
export class HeaderList {
  readonly #map = new Map<string, string[]>();

  /** Adds a value; names are lowercased. */
  append(name: string, value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const key = name.toLowerCase();
    const values = this.#map.get(key);
    if (values) values.push(String(value));
    else this.#map.set(key, [String(value)]);
  }

  /** The value as one string (repeated headers joined with `, `), or `undefined` when absent. */
  get(name: string): string | undefined {
    return this.#map.get(name.toLowerCase())?.join(', ');
  }

  /** Every value of a header, e.g. each `set-cookie` line. */
  getAll(name: string): readonly string[] {
    return this.#map.get(name.toLowerCase()) ?? [];
  }

  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }

  get size(): number {
    return this.#map.size;
  }

  /** `[name, values]` in the order the headers arrived. */
  entries(): IterableIterator<[string, readonly string[]]> {
    return this.#map.entries();
  }

  static from(source: unknown): HeaderList {
    const list = new HeaderList();
    if (typeof source !== 'object' || source === null) return list;
    const headers = source as Record<string, unknown> & Iterable<unknown>;
    if (typeof headers.get === 'function' && typeof headers.forEach === 'function') {
      // WHATWG Headers: forEach joins repeated values, except set-cookie which getSetCookie keeps apart.
      const setCookie =
        typeof headers.getSetCookie === 'function' ? (headers.getSetCookie as () => unknown)() : undefined;
      (headers.forEach as (fn: (value: unknown, name: string) => void) => void)((value, name) => {
        if (Array.isArray(setCookie) && name.toLowerCase() === 'set-cookie') return;
        list.append(name, value);
      });
      if (Array.isArray(setCookie)) for (const line of setCookie) list.append('set-cookie', line);
      return list;
    }
    if (Array.isArray(headers)) {
      for (const item of headers as unknown[]) {
        if (Array.isArray(item) && typeof item[0] === 'string') list.append(item[0], item[1]);
        else if (item !== null && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') {
          list.append((item as { name: string }).name, (item as { value?: unknown }).value);
        }
      }
      return list;
    }
    for (const name of Object.keys(headers)) {
      const value = headers[name];
      if (Array.isArray(value)) for (const v of value as unknown[]) list.append(name, v);
      else list.append(name, value);
    }
    return list;
  }
}

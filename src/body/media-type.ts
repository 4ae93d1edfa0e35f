// The one media-type parser: Content-Type as the matchers, the body reader and the messages read it.

export interface MediaType {
  /** Lower case: `application`. */
  readonly type: string;
  /** Lower case: `problem+json`. */
  readonly subtype: string;
  /** Parameter names in lower case, values unquoted; the first occurrence of a name wins. */
  readonly params: ReadonlyMap<string, string>;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~\\dA-Za-z]+";
const TYPE_AND_SUBTYPE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);

/** `text/html; charset="UTF-8"` → `{ type: 'text', subtype: 'html', params: { charset: 'UTF-8' } }`; undefined if malformed. */
export function parseMediaType(raw: string | undefined): MediaType | undefined {
  if (raw === undefined) return undefined;
  const semi = raw.indexOf(';');
  const m = TYPE_AND_SUBTYPE.exec((semi === -1 ? raw : raw.slice(0, semi)).trim().toLowerCase());
  if (!m) return undefined;
  const params = new Map<string, string>();
  if (semi !== -1) {
    for (const p of raw.slice(semi).matchAll(/;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
      const name = (p[1] ?? '').toLowerCase();
      const value = (p[2] ?? '').trim();
      // The first occurrence wins (WHATWG MIME sniffing, parse a MIME type).
      if (!params.has(name))
        params.set(name, /^".*"$/s.test(value) ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);
    }
  }
  return { type: m[1] ?? '', subtype: m[2] ?? '', params };
}

/** `type/subtype` alone, lower-cased, as a user writes one (`image/*` too: `*` is a token character); undefined if malformed. */
export function typeAndSubtype(text: string): readonly [type: string, subtype: string] | undefined {
  const m = TYPE_AND_SUBTYPE.exec(text.trim().toLowerCase());
  return m ? [m[1] ?? '', m[2] ?? ''] : undefined;
}

/** application/json or any `+json` type (problem+json, vnd.api+json); also the older text/json and x-json. */
export function isJson(media: MediaType | undefined): boolean {
  return (
    media !== undefined && (media.subtype === 'json' || media.subtype === 'x-json' || media.subtype.endsWith('+json'))
  );
}

/** text/html or application/xhtml+xml. */
export function isHtml(media: MediaType | undefined): boolean {
  return media !== undefined && ((media.type === 'text' && media.subtype === 'html') || media.subtype === 'xhtml+xml');
}

const TEXTUAL_SUBTYPES = new Set(['json', 'xml', 'javascript', 'x-www-form-urlencoded', 'graphql', 'yaml', 'x-ndjson']);

/** A type whose body is text to show, not bytes to summarise. */
export function isTextual(media: MediaType | undefined): boolean {
  if (media === undefined) return false;
  if (media.type === 'text' || media.subtype.endsWith('+json') || media.subtype.endsWith('+xml')) return true;
  return media.type === 'application' && TEXTUAL_SUBTYPES.has(media.subtype);
}

/** The charset parameter, if the type names one. */
export function charsetOf(raw: string | undefined): string | undefined {
  return parseMediaType(raw)?.params.get('charset');
}

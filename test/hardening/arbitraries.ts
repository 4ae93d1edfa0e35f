import fc from 'fast-check';
import { expect } from 'vitest';
import { ArgumentTrap } from './outcome.js';

/**
 * A received value the fuzzer builds afresh for every call (a fetch body can be read once), with a
 * short description for fast-check's counterexample report.
 */
export class Received {
  constructor(
    readonly description: string,
    // Boxed: awaiting a bare Proxy would call its throwing `then` trap in the test, not in the matcher.
    private readonly build: () => Box | Promise<Box>,
  ) {}
  async make(): Promise<Box> {
    return this.build();
  }
  [fc.toStringMethod](): string {
    return this.description;
  }
}

export interface Box {
  readonly value: unknown;
}

/** Thrown by getters and Proxy traps of received values: it must never reach the user unexplained. */
export class ReceivedTrap extends Error {}

const show = (value: unknown): string => fc.stringify(value).slice(0, 200);

// ---- strings and headers -------------------------------------------------------------------------

const CONTROL = fc.constantFrom(
  '\x00',
  '\x07',
  '\x08',
  '\x1b',
  '\x1b[2J',
  '\x1b[31m',
  '\x1b]8;;https://evil.test\x07link\x1b]8;;\x07',
  '\r',
  '\n',
  '\t',
  '\x7f',
  '\x9b',
  '\u202e',
  '\u2066',
  '\ud83d',
  '\ude00',
);

/** Text with control characters, ANSI sequences, lone surrogates and emoji mixed in. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      CONTROL,
      fc.constantFrom('😀', 'é', '𝄞', '"', '\\', ';', '=', ','),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const HEADER_NAMES = [
  'content-type',
  'location',
  'set-cookie',
  'www-authenticate',
  'proxy-authenticate',
  'retry-after',
  'allow',
  'upgrade',
  'content-range',
  'etag',
  'last-modified',
  'ratelimit-remaining',
  'x-ratelimit-limit',
  'authorization',
  'x-api-key',
  'cookie',
  'content-length',
  'x-request-id',
  'cache-control',
  'vary',
  'link',
];

export const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.mixedCase(fc.constantFrom(...HEADER_NAMES)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/) },
  { weight: 1, arbitrary: hostileText },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  'text/plain',
  'text/html; charset=utf-8',
  'application/octet-stream',
  'image/png',
  'application/vnd.api+json',
  'application/xml',
  'multipart/form-data; boundary=x',
  'json',
  ';',
  '',
];

export const headerValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...CONTENT_TYPES,
      '/login',
      'https://example.test/next?token=abc',
      '//evil.test',
      'session=abc; HttpOnly; Path=/',
      'a=1; Max-Age=x; SameSite=Lax; Secure',
      'Bearer realm="api"',
      '120',
      'GET, HEAD',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'v'.repeat(n)) },
);

export const headerPairs = fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 });

type Pairs = ReadonlyArray<readonly [string, string]>;

function headersObject(pairs: Pairs): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** `new Headers(pairs)`, or undefined where Headers rejects a name or value (the plain object keeps those). */
function realHeaders(pairs: Pairs): Headers | undefined {
  try {
    return new Headers(pairs.map(([n, v]) => [n, v] as [string, string]));
  } catch {
    return undefined;
  }
}

const headerContainer = fc.oneof(
  headerPairs.map((pairs) => ({ label: `headers object ${show(pairs)}`, make: () => headersObject(pairs) })),
  headerPairs.map((pairs) => ({ label: `header pairs ${show(pairs)}`, make: () => pairs.map(([n, v]) => [n, v]) })),
  headerPairs.map((pairs) => ({
    label: `Headers ${show(pairs)}`,
    make: () => realHeaders(pairs) ?? headersObject(pairs),
  })),
  fc.anything({ maxDepth: 2 }).map((junk) => ({ label: `headers ${show(junk)}`, make: () => junk })),
);

// ---- bodies ---------------------------------------------------------------------------------------

export const jsonValue = fc.jsonValue({ maxDepth: 4 });

const bodyText = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  hostileText,
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '{"type":"about:blank","title":"Not Found","status":404}',
    '\ufeff{"a":1}',
    '{"password":"hunter2","token":"abc123"}',
  ),
  fc.integer({ min: 2000, max: 200_000 }).map((n) => `{"data":"${'x'.repeat(n)}"}`),
);

const bodyInit = fc.oneof(
  bodyText.map((text) => ({ label: `text ${show(text)}`, make: (): BodyInit | null => text })),
  fc
    .uint8Array({ maxLength: 300 })
    .map((bytes) => ({ label: `bytes(${bytes.length})`, make: (): BodyInit | null => bytes.slice() })),
  fc.constant({ label: 'no body', make: (): BodyInit | null => null }),
);

const heldBody = fc.oneof(
  bodyText,
  jsonValue,
  fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b)),
  fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withTypedArray: true }),
  fc.constant(undefined),
);

// ---- received values --------------------------------------------------------------------------------

const statusCode = fc.integer({ min: 100, max: 599 });
const oddStatus = fc.oneof(
  fc.constantFrom<unknown>(
    99,
    600,
    '200',
    200.5,
    0,
    -0,
    -1,
    NaN,
    Infinity,
    -Infinity,
    1e21,
    Number.MAX_VALUE,
    2 ** 53 + 1,
    null,
    undefined,
    200n,
    true,
  ),
  fc.double(),
  fc.anything({ maxDepth: 1 }),
);
const anyStatus = fc.oneof({ weight: 3, arbitrary: statusCode }, { weight: 1, arbitrary: oddStatus });

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A real `new Response(...)`, falling back to a plain object where the constructor rejects the input. */
const fetchResponse = fc
  .record({
    status: fc.integer({ min: 200, max: 599 }),
    statusText: fc.oneof(fc.constant(''), fc.constantFrom('OK', 'Not Found', 'Weird Reason'), hostileText),
    headers: headerPairs,
    body: bodyInit,
    consume: fc.constantFrom('no', 'no', 'no', 'read', 'lock'),
  })
  .map(({ status, statusText, headers, body, consume }) => {
    const description = `new Response(${body.label}, { status: ${status}, statusText: ${show(statusText)}, headers: ${show(headers)} })${consume === 'no' ? '' : ` (body ${consume === 'read' ? 'already read' : 'locked by a reader'})`}`;
    return new Received(description, async () => {
      const init = NULL_BODY.has(status) ? null : body.make();
      // Headers or a status text the constructor rejects still reach matchers from other clients: a plain object carries them.
      const asPlain = (): Box => ({
        value: {
          status,
          statusText,
          headers: headersObject(headers),
          body: typeof init === 'string' ? init : undefined,
        },
      });
      const real = realHeaders(headers);
      if (real === undefined) return asPlain();
      let res: Response;
      try {
        res = new Response(init, { status, statusText, headers: real });
      } catch {
        return asPlain();
      }
      if (consume === 'read') await res.arrayBuffer();
      if (consume === 'lock') res.body?.getReader();
      return { value: res };
    });
  });

/**
 * A real `new Request(...)` (what an msw handler receives): the header and body matchers accept it, every other
 * matcher must refuse it with a usage error. Where the constructor rejects the input, a plain object stands in.
 */
const fetchRequest = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH'),
    headers: headerPairs,
    body: bodyInit,
    consume: fc.constantFrom('no', 'no', 'no', 'read', 'lock'),
  })
  .map(({ method, headers, body, consume }) => {
    const description = `new Request('http://app.test/x', { method: ${method}, body: ${body.label}, headers: ${show(headers)} })${consume === 'no' ? '' : ` (body ${consume === 'read' ? 'already read' : 'locked by a reader'})`}`;
    return new Received(description, async () => {
      const real = realHeaders(headers);
      let req: Request;
      try {
        if (real === undefined) throw new TypeError('headers the constructor rejects');
        req = new Request('http://app.test/x', {
          method,
          headers: real,
          body: method === 'GET' ? null : body.make(),
          ...({ duplex: 'half' } as object),
        });
      } catch {
        return { value: { method, url: 'http://app.test/x', headers: headersObject(headers) } };
      }
      if (consume === 'read') await req.arrayBuffer();
      if (consume === 'lock') req.body?.getReader();
      return { value: req };
    });
  });

/** `{ status | statusCode, headers, body, url, ... }` with every field of any type. */
const plainResponse = fc
  .record(
    {
      status: anyStatus,
      statusCode: anyStatus,
      statusText: fc.oneof(fc.string(), hostileText, fc.anything({ maxDepth: 1 })),
      headers: headerContainer,
      body: heldBody,
      url: fc.oneof(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        hostileText,
        fc.anything({ maxDepth: 1 }),
      ),
      method: fc.oneof(fc.constantFrom('GET', 'post', ''), fc.anything({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  )
  .map((fields) => {
    const { headers, ...rest } = fields;
    return new Received(`plain ${show(rest)}${headers ? ` with ${headers.label}` : ''}`, () => ({
      value: { ...rest, ...(headers ? { headers: headers.make() } : {}) },
    }));
  });

// Every key an adapter looks at, so wrong-typed objects reach each adapter's detect/status/details.
const ADAPTER_KEYS = [
  'status',
  'statusCode',
  'statusText',
  'statusMessage',
  'headers',
  'header',
  'rawHeaders',
  'body',
  'text',
  'data',
  'url',
  'config',
  'request',
  'req',
  'res',
  'clone',
  'bodyUsed',
  'redirected',
  'type',
  'redirectUrls',
  'requestUrl',
  'on',
  'trailers',
  'opaque',
  'isAxiosError',
  'response',
  'headersArray',
  '_data',
  'payload',
  'ok',
  'json',
  'arrayBuffer',
  'getReader',
  'pipe',
];

const fieldValue = fc.oneof(
  anyStatus,
  heldBody,
  headerContainer.map((h) => h.make()),
  fc.constantFrom<unknown>(
    () => 200,
    () => undefined,
    () => ({}),
    () => [['a', 'b']],
    () => {
      throw new ReceivedTrap('method');
    },
    function status() {
      return 'x';
    },
  ),
);

const shapedLike = fc
  .dictionary(fc.constantFrom(...ADAPTER_KEYS), fieldValue, { maxKeys: 10 })
  .map((record) => new Received(`object with ${show(Object.keys(record))}`, () => ({ value: { ...record } })));

/** A response-like object whose chosen keys are getters that throw. */
const throwingGetters = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...ADAPTER_KEYS), fieldValue, { maxKeys: 6 }),
    fc.subarray(ADAPTER_KEYS, { minLength: 1, maxLength: 6 }),
    statusCode,
  )
  .map(
    ([record, throwing, status]) =>
      new Received(`object whose getters ${show(throwing)} throw`, () => {
        const target: Record<string, unknown> = { status, headers: {}, ...record };
        for (const key of throwing) {
          Object.defineProperty(target, key, {
            enumerable: true,
            get: () => {
              throw new ReceivedTrap(`getter ${key}`);
            },
          });
        }
        return { value: target };
      }),
  );

const TRAPS = ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'apply'] as const;

/** A Proxy over a response-like object whose chosen traps throw (for some or all keys). */
const hostileProxy = fc
  .tuple(
    fc.oneof(fetchResponse, plainResponse, shapedLike),
    fc.subarray([...TRAPS], { minLength: 1 }),
    fc.option(fc.constantFrom(...ADAPTER_KEYS)),
  )
  .map(
    ([inner, traps, onlyKey]) =>
      new Received(
        `Proxy(${inner.description}) whose ${traps.join(', ')} trap(s) throw${onlyKey ? ` for ${onlyKey}` : ''}`,
        async () => {
          const { value: target } = await inner.make();
          if (typeof target !== 'object' || target === null) return { value: target };
          const handler: ProxyHandler<object> = {};
          const boom = (what: string) => {
            throw new ReceivedTrap(`trap ${what}`);
          };
          for (const trap of traps) {
            (handler as Record<string, unknown>)[trap] = (...args: unknown[]) => {
              const key = args[1];
              if (
                onlyKey !== null &&
                (trap === 'get' || trap === 'has' || trap === 'getOwnPropertyDescriptor') &&
                key !== onlyKey
              ) {
                return (Reflect[trap] as (...a: unknown[]) => unknown)(...args);
              }
              return boom(trap);
            };
          }
          return { value: new Proxy(target, handler) };
        },
      ),
  );

const frozen = fc.oneof(plainResponse, shapedLike).map(
  (inner) =>
    new Received(`frozen ${inner.description}`, async () => {
      const { value } = await inner.make();
      if (typeof value === 'object' && value !== null) {
        for (const v of Object.values(value))
          if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) Object.freeze(v);
        Object.freeze(value);
      }
      return { value };
    }),
);

const primitive = fc
  .oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom<unknown>(
      NaN,
      Infinity,
      -Infinity,
      -0,
      Number.MAX_SAFE_INTEGER,
      1e308,
      200,
      404,
      99,
      600,
      200.5,
      null,
      undefined,
      true,
      Symbol('received'),
      10n ** 30n,
    ),
    fc.bigInt(),
    fc.string(),
    hostileText,
    fc.anything({
      withBigInt: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withDate: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withSparseArray: true,
    }),
  )
  .map((value) => new Received(`value ${show(value)}`, () => ({ value })));

/** Every kind of received value the fuzzer tries, weighted towards values that reach the verdict. */
export const received = fc.oneof(
  { weight: 5, arbitrary: fetchResponse },
  { weight: 2, arbitrary: fetchRequest },
  { weight: 3, arbitrary: plainResponse },
  { weight: 2, arbitrary: shapedLike },
  { weight: 1, arbitrary: throwingGetters },
  { weight: 1, arbitrary: hostileProxy },
  { weight: 1, arbitrary: frozen },
  { weight: 2, arbitrary: primitive },
);

// ---- arguments ---------------------------------------------------------------------------------------

const PATTERNS = ['.', '^/', 'json', 'a+', '^$', '\\d{3}', 'login', 'x', '^application\\/', 'session', '.*', '(?:)'];

/** RegExps with any flags, including the stateful g and y, sometimes with lastIndex already moved. */
export const regexp = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...PATTERNS),
      fc.string({ maxLength: 10 }).map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
    ),
    fc.subarray(['d', 'g', 'i', 'm', 's', 'u', 'y']),
    fc.nat({ max: 50 }),
  )
  .map(([source, flags, lastIndex]) => {
    const re = new RegExp(source, flags.join(''));
    re.lastIndex = lastIndex;
    return re;
  });

export const statefulRegexp = fc
  .tuple(
    fc.constantFrom(...PATTERNS),
    fc.subarray(['i', 'm', 's']),
    fc.constantFrom('g', 'y', 'gy'),
    fc.nat({ max: 50 }),
  )
  .map(([source, flags, stateful, lastIndex]) => {
    const re = new RegExp(source, flags.join('') + stateful);
    re.lastIndex = lastIndex;
    return re;
  });

export const asymmetric = fc.oneof(
  fc.constantFrom<unknown>(
    expect.anything(),
    expect.any(Number),
    expect.any(String),
    expect.stringContaining('json'),
    expect.stringMatching(/^\//),
    expect.objectContaining({}),
    expect.arrayContaining([]),
  ),
  fc.constant({
    asymmetricMatch: () => {
      throw new ArgumentTrap('asymmetricMatch');
    },
    toString: () => 'Boom',
  }),
  fc.constant({ asymmetricMatch: 'not a function' }),
  fc.constant({
    asymmetricMatch: () => true,
    toString: () => {
      throw new ArgumentTrap('toString');
    },
  }),
);

const hostileArgument = fc.constantFrom<unknown>(
  // String keys only: fast-check reads symbol keys to print a counterexample.
  new Proxy(
    {},
    {
      get: (_, key) => {
        if (typeof key === 'string') throw new ArgumentTrap('get');
        return undefined;
      },
    },
  ),
  Object.defineProperty({}, 'status', {
    enumerable: true,
    get: () => {
      throw new ArgumentTrap('status getter');
    },
  }),
  Object.freeze({ status: 303 }),
  Object.create(null),
  {
    toString: () => {
      throw new ArgumentTrap('toString');
    },
  },
  {
    [Symbol.toPrimitive]: () => {
      throw new ArgumentTrap('toPrimitive');
    },
  },
  () => 200,
  Symbol('arg'),
  10n,
);

/** Any single argument, of any type. */
export const anyArgument = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withMap: true,
      withTypedArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      NaN,
      Infinity,
      -0,
      '',
      ' ',
      'a'.repeat(100_000),
      null,
      undefined,
      0,
      200,
      '200',
      200.5,
      [],
      [200],
      true,
    ),
  },
  { weight: 1, arbitrary: hostileText },
  { weight: 2, arbitrary: regexp },
  { weight: 1, arbitrary: asymmetric },
  { weight: 1, arbitrary: hostileArgument },
);

/** Any argument list: wrong types, wrong counts. */
export const anyArguments = fc.array(anyArgument, { maxLength: 3 });

/** A text expectation as matchers take them: string, RegExp or asymmetric matcher. */
export const textArgument = fc.oneof(
  fc.constantFrom('', '/login', 'http://example.test/login', 'application/json', 'session', 'x'.repeat(5000)),
  fc.string({ maxLength: 20 }),
  hostileText,
  regexp,
  asymmetric,
);

/** Responses whose Location, Content-Type, Set-Cookie and body the RegExp patterns above often match. */
export const matchableResponses = fc
  .record({
    status: fc.constantFrom(200, 201, 301, 302, 303, 307, 308, 404),
    location: fc.constantFrom('/login', 'http://example.test/login?next=1', 'x', '/'),
    contentType: fc.constantFrom('application/json', 'text/plain', 'text/html; charset=utf-8', 'x'),
    cookie: fc.constantFrom('session=login123; Path=/', 'session=x', 'session=; Max-Age=0'),
    body: fc.constantFrom('login', '{"a":"login"}', 'xx', '', '/x'),
    real: fc.boolean(),
  })
  .map(({ status, location, contentType, cookie, body, real }) => {
    const headers: Array<[string, string]> = [
      ['location', location],
      ['content-type', contentType],
      ['set-cookie', cookie],
    ];
    const description = `${real ? 'new Response' : 'plain'} ${status} ${show({ headers, body })}`;
    return new Received(description, () => ({
      value: real
        ? new Response(body, { status, headers })
        : { status, headers: Object.fromEntries(headers), body, url: 'http://example.test/start' },
    }));
  });

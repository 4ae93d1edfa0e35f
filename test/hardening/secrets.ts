import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { stripVTControlCharacters } from 'node:util';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { outcomeOf } from './outcome.js';

// The engine of the secrets suite: a server whose responses are full of secrets, every client, and the check
// that a failure message shows none of them. Each matcher's test file hands its failing calls to `secrets`
// (through harden()); test/hardening/secrets.test.ts holds what is about redaction across matchers.

// ---- the secrets -------------------------------------------------------------------------------------
// Each is unique and long enough (≥ 4 characters) to be searched for in a message.

export const BEARER = 'eyJhbGciOiJIUzI1NiJ9.bearer-s3cret-A1';
export const BASIC_USER = 'alice';
export const BASIC_PASSWORD = 'basic-s3cret-B2';
export const BASIC = Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString('base64');
export const PROXY = 'proxy-s3cret-C3';
export const REQUEST_COOKIE = 'reqcookie-s3cret-D4';
export const REQUEST_API_KEY = 'reqapikey-s3cret-E5';
export const REQUEST_AUTH_TOKEN = 'reqauthtoken-s3cret-F6';

/** Request headers whose names mark them secret, sent by every client. */
export const REQUEST_HEADERS: Record<string, string> = {
  'proxy-authorization': `Basic ${PROXY}`,
  cookie: `sid=${REQUEST_COOKIE}; theme=dark`,
  'x-api-key': REQUEST_API_KEY,
  'x-auth-token': REQUEST_AUTH_TOKEN,
};

/** Response headers whose names contain token / secret / key / auth / password / session. */
export const RESPONSE_SECRET_HEADERS: Record<string, string> = {
  'x-api-key': 'respapikey-s3cret-G7',
  'x-auth-token': 'respauthtoken-s3cret-H8',
  'x-refresh-token': 'refresh-s3cret-I9',
  'x-client-secret': 'clientsecret-s3cret-J10',
  'x-signing-key': 'signingkey-s3cret-K11',
  'x-custom-auth': 'customauth-s3cret-L12',
  'x-db-password': 'dbpassword-s3cret-M13',
  'x-session-id': 'sessionid-s3cret-N14',
};
export const SET_COOKIE_SESSION = 'setcookie-s3cret-O15';
export const SET_COOKIE_CSRF = 'csrf-s3cret-P16';

/** URL query parameters that carry secrets (`code` is an OAuth authorization code). */
export const QUERY_SECRETS: Record<string, string> = {
  token: 'qtoken-s3cret-Q17',
  access_token: 'qaccess-s3cret-R18',
  api_key: 'qapikey-s3cret-S19',
  key: 'qkey-s3cret-T20',
  sig: 'qsig-s3cret-U21',
  signature: 'qsignature-s3cret-V22',
  password: 'qpassword-s3cret-W23',
  code: 'qcode-s3cret-X24',
  secret: 'qsecret-s3cret-Y25',
};
export const QUERY = `?${new URLSearchParams({ ...QUERY_SECRETS, page: '2' })}`;

/** JSON body fields named like secrets. */
export const BODY_SECRETS: Record<string, string> = {
  access_token: 'baccess-s3cret-Z26',
  refresh_token: 'brefresh-s3cret-a27',
  password: 'bpassword-s3cret-b28',
  api_key: 'bapikey-s3cret-c29',
  apiKey: 'bapikeycamel-s3cret-d30',
  client_secret: 'bclientsecret-s3cret-e31',
  sessionId: 'bsession-s3cret-f32',
  signature: 'bsignature-s3cret-g33',
};
export const LOCATION_TOKEN = 'loctoken-s3cret-h34';
export const LOCATION_PASSWORD = 'locpassword-s3cret-i35';
export const TENANT = 'tenant-s3cret-j36';

export const SECRETS = [
  BEARER,
  BASIC,
  BASIC_PASSWORD,
  PROXY,
  REQUEST_COOKIE,
  REQUEST_API_KEY,
  REQUEST_AUTH_TOKEN,
  SET_COOKIE_SESSION,
  SET_COOKIE_CSRF,
  LOCATION_TOKEN,
  LOCATION_PASSWORD,
  ...Object.values(RESPONSE_SECRET_HEADERS),
  ...Object.values(QUERY_SECRETS),
  ...Object.values(BODY_SECRETS),
];

/** The secrets found in a message (the test fails listing them). */
export function leaked(message: string): string[] {
  return SECRETS.filter((secret) => message.includes(secret));
}

// ---- the server ----------------------------------------------------------------------------------------

/**
 * `/secrets/<status>[/problem]?…` answers <status> with every kind of secret a response carries:
 * secret-named headers, two Set-Cookie lines, a Location with a token and userinfo (3xx), and a JSON
 * body with secret-named fields and the request's Authorization echoed three ways.
 */
export function secretRoutes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/cut') {
    // The raw credentials after `pad` characters: the excerpt's cut at 1024 can fall inside them.
    const pad = 'x'.repeat(Number(url.searchParams.get('pad')));
    const credentials = (req.headers.authorization ?? '').replace(/^\S+\s+/, '');
    const json = url.searchParams.has('json');
    res.writeHead(500, { 'content-type': json ? 'application/json' : 'text/plain' });
    res.end(json ? JSON.stringify({ pad, seen: credentials }) : `${pad} seen ${credentials} end`);
    return;
  }
  const match = /^\/secrets\/(\d{3})(\/problem)?$/.exec(url.pathname);
  if (!match) {
    res.writeHead(404).end();
    return;
  }
  const status = Number(match[1]);
  const problem = match[2] !== undefined;
  const authorization = req.headers.authorization ?? '';
  const headers: Array<[string, string]> = [
    ['content-type', problem ? 'application/problem+json' : 'application/json'],
    ['set-cookie', `session=${SET_COOKIE_SESSION}; HttpOnly; Path=/`],
    ['set-cookie', `csrf=${SET_COOKIE_CSRF}; Path=/`],
    ['www-authenticate', 'Bearer realm="api", error="invalid_token"'],
    // Some servers and proxies echo the credentials back as a header.
    ['authorization', authorization],
    ['x-tenant', TENANT],
    ...Object.entries(RESPONSE_SECRET_HEADERS),
  ];
  if (status >= 300 && status < 400) {
    const port = (req.socket.localPort ?? 0).toString();
    headers.push([
      'location',
      `http://bob:${LOCATION_PASSWORD}@127.0.0.1:${port}/next?token=${LOCATION_TOKEN}&state=ok`,
    ]);
  }
  const body = {
    // The echo first: a message excerpt shows the start of a body.
    echo: {
      authorization,
      'proxy-authorization': req.headers['proxy-authorization'],
      cookie: req.headers.cookie,
      'x-api-key': req.headers['x-api-key'],
    },
    message: `invalid credentials: ${authorization}`,
    // The raw credentials under names that say nothing: only the sweep of known secret values finds these.
    seen: authorization.replace(/^\S+\s+/, ''),
    detail: authorization.startsWith('Basic ')
      ? `wrong password ${Buffer.from(authorization.slice(6), 'base64').toString().split(':')[1] ?? ''} for alice`
      : 'no password',
    ...(problem ? { type: 'https://example.test/probs/expired', title: 'Token expired', status } : {}),
    code: 'E_TOKEN_EXPIRED',
    'x-tenant': TENANT,
    ...BODY_SECRETS,
  };
  res.writeHead(status, headers.flat());
  res.end(JSON.stringify(body));
}

/** Where the secret server is: set by `useSecretServer` before its tests run. */
export const secretServer = { url: '' };

/** Starts the secret server for the tests of the current describe block, and cleans up clients' bodies after each. */
export function useSecretServer(): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(secretRoutes);
    secretServer.url = server.url;
  });
  afterAll(() => server.close());
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(async (fn) => fn()));
  });
}

// ---- the clients ---------------------------------------------------------------------------------------

export type Scheme = 'Bearer' | 'Basic';
const authorizationFor = (scheme: Scheme): string => (scheme === 'Bearer' ? `Bearer ${BEARER}` : `Basic ${BASIC}`);

const cleanups: Array<() => unknown> = [];

export interface Client {
  name: string;
  get(path: string, scheme: Scheme): Promise<unknown>;
}

export const CLIENTS: Client[] = [
  {
    name: 'fetch',
    async get(path, scheme) {
      const res = await fetch(`${secretServer.url}${path}`, {
        redirect: 'manual',
        headers: { ...REQUEST_HEADERS, authorization: authorizationFor(scheme) },
      });
      cleanups.push(() => res.body?.cancel());
      return res;
    },
  },
  {
    name: 'undici.request',
    async get(path, scheme) {
      const res = await undiciRequest(`${secretServer.url}${path}`, {
        headers: { ...REQUEST_HEADERS, authorization: authorizationFor(scheme) },
      });
      cleanups.push(() => res.body.dump());
      return res;
    },
  },
  {
    name: 'http.get',
    get: (path, scheme) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        httpGet(
          `${secretServer.url}${path}`,
          { headers: { ...REQUEST_HEADERS, authorization: authorizationFor(scheme) } },
          (res) => {
            cleanups.push(() => res.resume());
            resolve(res);
          },
        ).on('error', reject);
      }),
  },
  {
    name: 'supertest',
    get: async (path, scheme) => {
      let request = supertest(secretServer.url).get(path).set('Authorization', authorizationFor(scheme));
      for (const [name, value] of Object.entries(REQUEST_HEADERS)) request = request.set(name, value);
      return await request.redirects(0);
    },
  },
  {
    name: 'axios',
    get: (path, scheme) =>
      axios.get(`${secretServer.url}${path}`, {
        headers: { ...REQUEST_HEADERS, Authorization: authorizationFor(scheme) },
        validateStatus: () => true,
        maxRedirects: 0,
      }),
  },
  {
    name: 'AxiosError',
    get: (path, scheme) =>
      axios
        .get(`${secretServer.url}${path}`, {
          headers: { ...REQUEST_HEADERS, Authorization: authorizationFor(scheme) },
          validateStatus: () => false,
          maxRedirects: 0,
        })
        .then(
          () => {
            throw new Error('axios was expected to reject');
          },
          (error: unknown) => error,
        ),
  },
  {
    name: 'got',
    get: (path, scheme) =>
      got(`${secretServer.url}${path}`, {
        headers: { ...REQUEST_HEADERS, authorization: authorizationFor(scheme) },
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
      }),
  },
];

// ---- a failing call of every matcher ---------------------------------------------------------------------

export interface FailingCall {
  /** The route: status, and whether the body is problem details. */
  path: string;
  not: boolean;
  args: unknown[];
}

export const on = (status: number, not: boolean, ...args: unknown[]): FailingCall => ({
  path: `/secrets/${status}${QUERY}`,
  not,
  args,
});
export const onProblem = (status: number, not: boolean, ...args: unknown[]): FailingCall => ({
  path: `/secrets/${status}/problem${QUERY}`,
  not,
  args,
});

/** Registers, for every client, each failing call of one matcher: its message must show no secret, only names. */
export function secrets(name: string, calls: readonly FailingCall[]): void {
  describe('secrets never reach a failure message', () => {
    useSecretServer();
    const cases = calls.map((call) => ({
      label: `${call.not ? '.not.' : ''}${name}(${call.args.map(showArgument).join(', ')}) on ${call.path.replace(/\?.*/, '')}`,
      call,
    }));

    describe.each(CLIENTS)('$name', (client) => {
      it.each(cases)('$label', async ({ call }) => {
        for (const scheme of ['Bearer', 'Basic'] as const) {
          const res = await client.get(call.path, scheme);
          const outcome = await outcomeOf(name, res, call.args, call.not);
          if (outcome.kind !== 'fail')
            throw new Error(
              `expected ${name} to fail with a message, got ${outcome.kind}: ${'message' in outcome ? outcome.message : ''}`,
            );
          expect(leaked(outcome.message), outcome.message).toEqual([]);
          expectNamesShown(outcome.message, scheme);
        }
      });
    });
  });
}

/** A schema (it has `~standard`) is shown as `schema`, anything else as JSON. */
function showArgument(arg: unknown): string {
  if (typeof arg === 'object' && arg !== null && '~standard' in arg) return 'schema';
  return JSON.stringify(arg) ?? String(arg);
}

/** Wherever a message shows a place that held a secret, the name is still there and only the value is gone. */
export function expectNamesShown(message: string, scheme: Scheme): void {
  const text = stripVTControlCharacters(message);
  const urlLine = /^(?:Request: GET |URL: )(.*)$/m.exec(text)?.[1];
  if (urlLine !== undefined) {
    for (const name of Object.keys(QUERY_SECRETS)) expect(urlLine).toContain(`${name}=[redacted]`);
    expect(urlLine).toContain('page=2');
  }
  if (/^Body \(.*JSON\):$/m.test(text)) {
    for (const name of Object.keys(BODY_SECRETS)) expect(text).toContain(`"${name}": "[redacted]"`);
    expect(text).toContain(`"authorization": "[redacted]"`);
    expect(text).toContain(`"message": "invalid credentials: ${scheme} [redacted]"`);
    expect(text).toContain(`"seen": "[redacted]"`);
    // `code` holds error codes in error bodies, so it stays visible (see SECURITY.md).
    expect(text).toContain('"code": "E_TOKEN_EXPIRED"');
  }
  for (const line of text.split('\n').filter((l) => /^\s*set-cookie: /.test(l)))
    expect(line).toMatch(/set-cookie: (session|csrf)=\[redacted\]; /);
  for (const name of Object.keys(RESPONSE_SECRET_HEADERS)) {
    if (text.includes(`header: ${name}:`)) expect(text).toContain(`header: ${name}: [redacted]`);
  }
  if (text.includes('header: authorization:')) expect(text).toContain(`header: authorization: ${scheme} [redacted]`);
}

import { readFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetConfig } from '../../src/config.js';
import { configure, matchers } from '../../src/index.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { outcomeOf } from './outcome.js';

// Every matcher is made to fail on responses full of secrets, so all of them are registered.
expect.extend(matchers);

// ---- the secrets -------------------------------------------------------------------------------------
// Each is unique and long enough (≥ 4 characters) to be searched for in a message.

const BEARER = 'eyJhbGciOiJIUzI1NiJ9.bearer-s3cret-A1';
const BASIC_USER = 'alice';
const BASIC_PASSWORD = 'basic-s3cret-B2';
const BASIC = Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString('base64');
const PROXY = 'proxy-s3cret-C3';
const REQUEST_COOKIE = 'reqcookie-s3cret-D4';
const REQUEST_API_KEY = 'reqapikey-s3cret-E5';
const REQUEST_AUTH_TOKEN = 'reqauthtoken-s3cret-F6';

/** Request headers whose names mark them secret, sent by every client. */
const REQUEST_HEADERS: Record<string, string> = {
  'proxy-authorization': `Basic ${PROXY}`,
  cookie: `sid=${REQUEST_COOKIE}; theme=dark`,
  'x-api-key': REQUEST_API_KEY,
  'x-auth-token': REQUEST_AUTH_TOKEN,
};

/** Response headers whose names contain token / secret / key / auth / password / session. */
const RESPONSE_SECRET_HEADERS: Record<string, string> = {
  'x-api-key': 'respapikey-s3cret-G7',
  'x-auth-token': 'respauthtoken-s3cret-H8',
  'x-refresh-token': 'refresh-s3cret-I9',
  'x-client-secret': 'clientsecret-s3cret-J10',
  'x-signing-key': 'signingkey-s3cret-K11',
  'x-custom-auth': 'customauth-s3cret-L12',
  'x-db-password': 'dbpassword-s3cret-M13',
  'x-session-id': 'sessionid-s3cret-N14',
};
const SET_COOKIE_SESSION = 'setcookie-s3cret-O15';
const SET_COOKIE_CSRF = 'csrf-s3cret-P16';

/** URL query parameters that carry secrets (`code` is an OAuth authorization code). */
const QUERY_SECRETS: Record<string, string> = {
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
const QUERY = `?${new URLSearchParams({ ...QUERY_SECRETS, page: '2' })}`;

/** JSON body fields named like secrets. */
const BODY_SECRETS: Record<string, string> = {
  access_token: 'baccess-s3cret-Z26',
  refresh_token: 'brefresh-s3cret-a27',
  password: 'bpassword-s3cret-b28',
  api_key: 'bapikey-s3cret-c29',
  apiKey: 'bapikeycamel-s3cret-d30',
  client_secret: 'bclientsecret-s3cret-e31',
  sessionId: 'bsession-s3cret-f32',
  signature: 'bsignature-s3cret-g33',
};
const LOCATION_TOKEN = 'loctoken-s3cret-h34';
const LOCATION_PASSWORD = 'locpassword-s3cret-i35';
const TENANT = 'tenant-s3cret-j36';

const SECRETS = [
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
function leaked(message: string): string[] {
  return SECRETS.filter((secret) => message.includes(secret));
}

// ---- the server ----------------------------------------------------------------------------------------

/**
 * `/secrets/<status>[/problem]?…` answers <status> with every kind of secret a response carries:
 * secret-named headers, two Set-Cookie lines, a Location with a token and userinfo (3xx), and a JSON
 * body with secret-named fields and the request's Authorization echoed three ways.
 */
function secretRoutes(req: IncomingMessage, res: ServerResponse): void {
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

let server: TestServer;
beforeAll(async () => {
  server = await startServer(secretRoutes);
});
afterAll(() => server.close());

// ---- the clients ---------------------------------------------------------------------------------------

type Scheme = 'Bearer' | 'Basic';
const authorizationFor = (scheme: Scheme): string => (scheme === 'Bearer' ? `Bearer ${BEARER}` : `Basic ${BASIC}`);

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(async (fn) => fn()));
});

interface Client {
  name: string;
  get(path: string, scheme: Scheme): Promise<unknown>;
}

const CLIENTS: Client[] = [
  {
    name: 'fetch',
    async get(path, scheme) {
      const res = await fetch(`${server.url}${path}`, {
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
      const res = await undiciRequest(`${server.url}${path}`, {
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
          `${server.url}${path}`,
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
      let request = supertest(server.url).get(path).set('Authorization', authorizationFor(scheme));
      for (const [name, value] of Object.entries(REQUEST_HEADERS)) request = request.set(name, value);
      return await request.redirects(0);
    },
  },
  {
    name: 'axios',
    get: (path, scheme) =>
      axios.get(`${server.url}${path}`, {
        headers: { ...REQUEST_HEADERS, Authorization: authorizationFor(scheme) },
        validateStatus: () => true,
        maxRedirects: 0,
      }),
  },
  {
    name: 'AxiosError',
    get: (path, scheme) =>
      axios
        .get(`${server.url}${path}`, {
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
      got(`${server.url}${path}`, {
        headers: { ...REQUEST_HEADERS, authorization: authorizationFor(scheme) },
        throwHttpErrors: false,
        followRedirect: false,
        retry: { limit: 0 },
      }),
  },
];

// ---- a failing call of every matcher ---------------------------------------------------------------------

interface FailingCall {
  /** The route: status, and whether the body is problem details. */
  path: string;
  not: boolean;
  args: unknown[];
}

const on = (status: number, not: boolean, ...args: unknown[]): FailingCall => ({
  path: `/secrets/${status}${QUERY}`,
  not,
  args,
});
const onProblem = (status: number, not: boolean, ...args: unknown[]): FailingCall => ({
  path: `/secrets/${status}/problem${QUERY}`,
  not,
  args,
});

/**
 * For every matcher, calls that fail on a secret-laden response, with .not where .not can fail.
 * A matcher without an entry fails the suite.
 */
const FAILING: Record<string, FailingCall[]> = {
  toHaveStatus: [on(401, false, 200), on(401, true, 401)],
  toHaveStatusClass: [on(401, false, '2xx'), on(401, true, '4xx')],
  // A final 1xx response cannot be produced over HTTP/1.1, so .not cannot fail here.
  toBeInformational: [on(401, false)],
  toBeSuccessful: [on(401, false), on(200, true)],
  toBeRedirect: [on(401, false), on(302, true)],
  toBeClientError: [on(200, false), on(401, true)],
  toBeServerError: [on(401, false), on(500, true)],
  toBeRedirectWithLocation: [on(302, false, '/elsewhere'), on(302, true), on(401, false)],
  toHaveHeader: [
    ...Object.keys(RESPONSE_SECRET_HEADERS).flatMap((name) => [on(401, false, name, 'wrong'), on(401, true, name)]),
    on(401, false, 'authorization', /^Basic nope/),
    on(401, true, 'set-cookie'),
    on(401, false, 'x-missing'),
  ],
  toHaveContentType: [on(401, false, 'html'), on(401, true, 'json')],
  toHaveCookie: [
    on(401, false, 'session', { value: 'wrong' }),
    on(401, true, 'session'),
    on(401, false, 'csrf', { httpOnly: true }),
    on(401, false, 'missing'),
  ],
  toHaveJsonBody: [on(401, false, { error: 'other' }), on(401, true)],
  toMatchJsonBody: [on(401, false, { missing: true }), on(401, true, { code: 'E_TOKEN_EXPIRED' })],
  toHaveTextBody: [on(401, false, 'nope'), on(401, true, /EXPIRED/)],
  toMatchSchema: [on(401, false, z.object({ id: z.number() })), on(401, true, z.object({ code: z.string() }))],
  toBeProblemDetails: [on(401, false), onProblem(401, true), onProblem(401, false, { title: 'Other' })],
};

const names = Object.keys(matchers);

describe('secrets never reach a failure message', () => {
  it('has failing calls for every exported matcher', () => {
    expect(
      names.filter((n) => !(n in FAILING)),
      'matchers without failing calls',
    ).toEqual([]);
  });

  const cases = names.flatMap((name) =>
    (FAILING[name] ?? []).map((call) => ({
      label: `${call.not ? '.not.' : ''}${name}(${call.args.map((a) => (a instanceof z.ZodType ? 'schema' : (JSON.stringify(a) ?? String(a)))).join(', ')}) on ${call.path.replace(/\?.*/, '')}`,
      name,
      call,
    })),
  );

  describe.each(CLIENTS)('$name', (client) => {
    it.each(cases)('$label', async ({ name, call }) => {
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

/** Wherever a message shows a place that held a secret, the name is still there and only the value is gone. */
function expectNamesShown(message: string, scheme: Scheme): void {
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

describe('each place a secret appears, shown by name', () => {
  it('Authorization shows its scheme, Set-Cookie and Cookie their cookie names', async () => {
    const res = await CLIENTS[0]!.get(`/secrets/401${QUERY}`, 'Bearer');
    expect(failureOf(() => expect(res).toHaveHeader('authorization', 'Bearer other'))).toContain(
      'Received header: authorization: Bearer [redacted]',
    );
    const basic = await CLIENTS[0]!.get(`/secrets/401${QUERY}`, 'Basic');
    expect(failureOf(() => expect(basic).toHaveHeader('authorization', 'Basic other'))).toContain(
      'Received header: authorization: Basic [redacted]',
    );
    const cookies = failureOf(() => expect(res).not.toHaveHeader('set-cookie'));
    expect(cookies).toContain('session=[redacted]; HttpOnly; Path=/');
    expect(cookies).toContain('csrf=[redacted]; Path=/');
  });

  it('the request headers the client sent stay out, echoed back or not (supertest .set, axios and got headers)', async () => {
    for (const client of CLIENTS.filter((c) => ['supertest', 'axios', 'got', 'http.get'].includes(c.name))) {
      const res = await client.get(`/secrets/401${QUERY}`, 'Basic');
      const message = failureOf(() => expect(res).toHaveStatus(200));
      expect(leaked(message), `${client.name}\n${message}`).toEqual([]);
    }
  });

  it('userinfo in a URL: the request URL, the final URL and a Location header', async () => {
    const port = new URL(server.url).port;
    // got keeps the URL it was given, credentials included.
    const viaGot = await got(`http://bob:${LOCATION_PASSWORD}@127.0.0.1:${port}/secrets/302${QUERY}`, {
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
    });
    const gotMessage = failureOf(() => expect(viaGot).toHaveStatus(200));
    expect(gotMessage).toContain('Request: GET http://[redacted]@127.0.0.1:PORT/secrets/302?token=[redacted]');
    expect(leaked(gotMessage)).toEqual([]);
    // A client that is not supported, described by hand.
    const plain = {
      status: 401,
      url: `https://alice:${BASIC_PASSWORD}@api.example.test/v1/me?access_token=${QUERY_SECRETS.access_token ?? ''}`,
    };
    const plainMessage = failureOf(() => expect(plain).toHaveStatus(200));
    expect(plainMessage).toContain('https://[redacted]@api.example.test/v1/me?access_token=[redacted]');
    expect(leaked(plainMessage)).toEqual([]);
    // A redirect's Location: userinfo and token, as received and as resolved.
    const redirect = await CLIENTS[0]!.get(`/secrets/302${QUERY}`, 'Bearer');
    const location = failureOf(() => expect(redirect).toBeRedirectWithLocation('/elsewhere'));
    expect(location).toContain('Received location: http://[redacted]@127.0.0.1:PORT/next?token=[redacted]&state=ok');
    expect(leaked(location)).toEqual([]);
  });

  it('a JSON field named `code` stays visible, and SECURITY.md says why', async () => {
    const res = await CLIENTS.find((c) => c.name === 'supertest')!.get(`/secrets/401${QUERY}`, 'Bearer');
    expect(failureOf(() => expect(res).toHaveStatus(200))).toContain('"code": "E_TOKEN_EXPIRED"');
    const security = readFileSync(fileURLToPath(new URL('../../SECURITY.md', import.meta.url)), 'utf8');
    expect(security).toMatch(/`code`[^\n]*error code/i);
  });
});

describe('a secret the excerpt cut would halve', () => {
  it.each(['text', 'json'])('is swept whole before the cut, so no part of it shows (%s body)', async (kind) => {
    const client = CLIENTS.find((c) => c.name === 'supertest')!;
    for (let pad = 960; pad <= 1030; pad += 3) {
      const res = await client.get(`/cut?pad=${pad}${kind === 'json' ? '&json' : ''}`, 'Bearer');
      const message = failureOf(() => expect(res).toHaveStatus(200));
      for (let start = 0; start + 8 <= BEARER.length; start++)
        expect(message, `pad ${pad}`).not.toContain(BEARER.slice(start, start + 8));
    }
  });
});

describe('configure({ redact }) adds names', () => {
  afterEach(() => resetConfig());

  it('redacts an extra header, JSON field and query parameter, and stops when reset', async () => {
    const path = `/secrets/401?x-tenant=${TENANT}&page=2`;
    const supertestClient = CLIENTS.find((c) => c.name === 'supertest')!;
    let res = await supertestClient.get(path, 'Bearer');
    expect(failureOf(() => expect(res).toHaveHeader('x-tenant', 'other'))).toContain(`x-tenant: ${TENANT}`);

    configure({ redact: ['x-tenant'] });
    res = await supertestClient.get(path, 'Bearer');
    const message = failureOf(() => expect(res).toHaveHeader('x-tenant', 'other'));
    expect(message).toContain('Received header: x-tenant: [redacted]');
    expect(message).toContain('"x-tenant": "[redacted]"');
    expect(message).toContain('x-tenant=[redacted]&page=2');
    expect(message).not.toContain(TENANT);

    // A /g rule keeps no state between names: every message is redacted, not every other one.
    configure({ redact: [/^x-ten/gi] });
    for (let i = 0; i < 3; i++) expect(failureOf(() => expect(res).toHaveStatus(200))).not.toContain(TENANT);

    resetConfig();
    expect(failureOf(() => expect(res).toHaveStatus(200))).toContain(TENANT);
  });
});

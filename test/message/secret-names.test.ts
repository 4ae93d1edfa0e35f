import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../src/index.js';
import { resetConfig } from '../../src/config.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { isSecretName } from '../../src/message/secret-names.js';
import { realClients } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveStatus });
afterEach(() => resetConfig());

// prettier-ignore
const SECRET = [
  // headers
  'X-CSRFToken', 'X-CSRF-Token', 'X-XSRF-TOKEN', 'X-Api-Key', 'X-API-KEY', 'x-auth-token', 'X-Amz-Security-Token',
  'X-Amz-Signature', 'X-Amz-Credential', 'Authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie',
  'X-Hub-Signature-256', 'X-Shopify-Hmac-Sha256', 'X-Goog-Api-Key', 'Ocp-Apim-Subscription-Key', 'X-Session-Id',
  'X-Refresh-Token', 'X-Client-Secret', 'X-Otp',
  // camelCase and PascalCase, acronyms first
  'accessToken', 'refreshToken', 'idToken', 'apiKey', 'apiKeys', 'clientSecret', 'privateKey', 'sessionId',
  'sessionToken', 'csrfToken', 'authToken', 'webhookSecret', 'signingKey', 'newPassword', 'passwordHash', 'otpCode',
  'awsSecretAccessKey', 'personalAccessToken', 'oauth2Token', 'IDToken', 'SASToken', 'CSRFToken', 'XSRFToken',
  'APIKey', 'JWTToken', 'OAuthToken', 'ClientSecret', 'SessionID', 'PrivateKeys',
  // snake_case, SCREAMING_SNAKE, plurals and digit suffixes
  'access_token', 'refresh_token', 'id_token', 'api_key', 'client_secret', 'private_key', 'session_id', 'password',
  'passwd', 'pwd', 'db_pass', 'secret', 'secrets', 'tokens', 'passwords', 'credentials', 'api_keys', 'access_tokens',
  'token2', 'api_key_2', 'secret_1', 'input_token', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'SLACK_BOT_TOKEN',
  'STRIPE_SECRET_KEY', 'DATABASE_PASSWORD', 'JWT_SECRET', 'remember_me', 'otp', 'totp', 'pin', 'sig', 'sas',
  // kebab-case and dotted
  'access-token', 'api-key', 'client-secret', 'session-id', 'remember-me', 'connect.sid', 'auth.token',
  'spring.datasource.password', 'oauth.client.secret', 'app.secret.key',
  // lowercase and uppercase compounds
  'accesstoken', 'refreshtoken', 'idtoken', 'apikey', 'apikeys', 'clientsecret', 'privatekey', 'sessionid',
  'sessiontoken', 'csrftoken', 'xsrftoken', 'authtoken', 'csrfmiddlewaretoken', 'jsessionid', 'phpsessid',
  'sessionkey', 'secretkey', 'accesskey', 'passkey', 'passcode', 'userpass', 'dbpassword', 'oauthtoken', 'bottoken',
  'masterkey', 'webhooksecret', 'sastoken', 'accesstokens', 'apikey2', 'JSESSIONID', 'PHPSESSID', 'ACCESSTOKEN',
  'APIKEY', 'CSRFTOKEN', 'ASPSESSIONIDQQGGQHDA', 'cftoken',
  // cookie names of common frameworks
  'ASP.NET_SessionId', '_gh_sess', 'laravel_session', '__Host-session', '__Secure-next-auth.session-token',
  'remember_token', '_myapp_session', 'SAMLResponse',
];

// prettier-ignore
const NOT_SECRET = [
  'author', 'authors', 'authority', 'authorized', 'authenticated', 'www-authenticate', 'Proxy-Authenticate',
  'Authentication-Info', 'keyboard', 'keyboardLayout', 'keynote', 'keystone', 'keyword', 'keywords', 'monkey',
  'monkeys', 'turkey', 'hockey', 'donkey', 'jockey', 'whiskey', 'tokenizer', 'tokenizer_version', 'tokenize',
  'tokenization', 'betoken', 'secretary', 'secretion', 'passage', 'passenger', 'passport', 'passive', 'compass',
  'bypass', 'passwordless', 'sidebar', 'inside', 'consider', 'cookbook', 'obsession', 'possession',
  'sessions_count_total', 'signal', 'design', 'assign', 'signup', 'pinnacle', 'spinner', 'opinion', 'pincode',
  'hashtag', 'OAuth', 'oauth_provider', 'content-type', 'x-request-id', 'location', 'etag', 'user_id', 'clientId',
  'username', 'email', 'ssn', 'date_of_birth', 'max_tokens', 'prompt_tokens', 'completion_tokens', 'total_tokens',
  'x-ratelimit-remaining-tokens', 'anthropic-ratelimit-tokens-remaining',
];

describe('isSecretName', () => {
  it('has a table of at least 100 secret names and 50 others, each listed once', () => {
    expect(SECRET.length).toBeGreaterThanOrEqual(100);
    expect(NOT_SECRET.length).toBeGreaterThanOrEqual(50);
    expect(new Set([...SECRET, ...NOT_SECRET]).size).toBe(SECRET.length + NOT_SECRET.length);
  });

  it.each(SECRET)('%s is secret in every place', (name) => {
    for (const place of ['field', 'header', 'query', 'cookie'] as const) expect(isSecretName(name, place)).toBe(true);
  });

  it.each(NOT_SECRET)('%s is not secret: a word that only contains a secret word, or personal data', (name) => {
    for (const place of ['field', 'header', 'query', 'cookie'] as const) expect(isSecretName(name, place)).toBe(false);
  });

  it('takes `code` as an OAuth code in a query only, and a nameless cookie as all value', () => {
    expect([isSecretName('code', 'query'), isSecretName('code'), isSecretName('code', 'header')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      isSecretName('', 'cookie'),
      isSecretName(' ', 'cookie'),
      isSecretName(''),
      isSecretName('', 'query'),
    ]).toEqual([true, true, false, false]);
  });

  it('adds the names of configure({ redact }) in every place', () => {
    configure({ redact: ['X-Tenant', /^ssn$/i] });
    for (const place of ['field', 'header', 'query', 'cookie'] as const) {
      expect(isSecretName('x-tenant', place)).toBe(true);
      expect(isSecretName('SSN', place)).toBe(true);
    }
  });

  it('decides a name of 100,000 characters, whatever its letters (no backtracking blow-up)', () => {
    expect(isSecretName('A'.repeat(100_000))).toBe(false);
    expect(isSecretName(`${'apikey'.repeat(20_000)}_token`)).toBe(true);
    expect(isSecretName(`${'aB'.repeat(50_000)}Token`)).toBe(true);
  });
});

const MODIFIERS = ['access', 'refresh', 'api', 'client', 'private', 'session', 'csrf', 'xsrf', 'auth', 'app', 'user'];
const MORE_MODIFIERS = ['db', 'master', 'signing', 'shared', 'bot', 'device', 'oauth', 'id', 'webhook', 'service'];
const HEADS = ['token', 'secret', 'password', 'passwd', 'passphrase', 'key', 'apikey', 'sessionid', 'credential'];
const MORE_HEADS = ['signature', 'jwt', 'otp', 'sid', 'sig', 'pin', 'cookie', 'passcode', 'hmac'];
const PLURAL_HEADS = new Set(['token', 'secret', 'password', 'key', 'apikey', 'credential', 'signature', 'cookie']);

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const STYLES: Record<string, (words: string[]) => string> = {
  camel: ([first = '', ...rest]) => first + rest.map(capital).join(''),
  pascal: (words) => words.map(capital).join(''),
  acronym: ([first = '', ...rest]) => first.toUpperCase() + rest.map(capital).join(''),
  snake: (words) => words.join('_'),
  screaming: (words) => words.join('_').toUpperCase(),
  kebab: (words) => words.join('-'),
  header: (words) => ['x', ...words].map(capital).join('-'),
  dotted: (words) => words.join('.'),
  joined: (words) => words.join(''),
  joinedUpper: (words) => words.join('').toUpperCase(),
};

describe('isSecretName over generated names', () => {
  it('a secret word after known modifiers, in any naming style, plural or numbered, is secret', () => {
    const name = fc
      .record({
        modifiers: fc.array(fc.constantFrom(...MODIFIERS, ...MORE_MODIFIERS), { maxLength: 3 }),
        head: fc.constantFrom(...HEADS, ...MORE_HEADS),
        plural: fc.boolean(),
        number: fc.option(fc.nat(99), { nil: undefined }),
        style: fc.constantFrom(...Object.keys(STYLES)),
      })
      .map(({ modifiers, head, plural, number, style }) => {
        const last = head + (plural && PLURAL_HEADS.has(head) ? 's' : '');
        return STYLES[style]!([...modifiers, last]) + (number ?? '');
      });
    fc.assert(
      fc.property(name, (n) => isSecretName(n)),
      { numRuns: 2000 },
    );
  });

  // prettier-ignore
  const INNOCUOUS = [
    'author', 'authority', 'authentic', 'authenticate', 'keyboard', 'keynote', 'keystone', 'keyword', 'keyframe',
    'monkey', 'turkey', 'donkey', 'hockey', 'jockey', 'whiskey', 'lackey', 'tokenizer', 'tokenize', 'secretary',
    'secretion', 'secretive', 'passage', 'passenger', 'passport', 'passive', 'compass', 'bypass', 'trespass',
    'sidebar', 'inside', 'consider', 'sidekick', 'cookbook', 'obsession', 'possession', 'procession', 'signal',
    'design', 'assign', 'signup', 'pinnacle', 'spinner', 'opinion', 'pineapple', 'arkansas', 'footprint', 'hashtag',
  ];
  const NEUTRAL = ['name', 'version', 'layout', 'count', 'type', 'list', 'url', 'size', 'mode', 'title', 'date'];

  it('common words that contain a secret word, alone or with ordinary words, in any style, are not secret', () => {
    const name = fc
      .record({
        words: fc.array(fc.constantFrom(...INNOCUOUS, ...NEUTRAL), { minLength: 1, maxLength: 3 }),
        style: fc.constantFrom(...Object.keys(STYLES).filter((s) => s !== 'header')),
      })
      .map(({ words, style }) => STYLES[style]!(words));
    fc.assert(
      fc.property(name, (n) => !isSecretName(n)),
      { numRuns: 2000 },
    );
  });
});

describe('what a failure message shows of names the old word list missed', () => {
  const ACCESS = 'at-5f2c9e1d7b';
  const API_KEY = 'ak-93e1c7d2f0';
  const CSRF = 'csrf-7d1e9f3a2b';
  const JSESSION = 'JS4C1F9E2A7D';
  const PHPSESS = 'php8e2f1a9c3d';
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      const body = {
        accesstoken: ACCESS,
        apiKeys: [API_KEY],
        'X-CSRFToken': CSRF,
        tokenizer_version: 'v2-tokenizer-8841',
        author: 'Ann Example',
        max_tokens: 4096,
      };
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  afterAll(() => server.close());
  const { clients, release } = realClients(() => server.url);
  afterEach(release);

  // The clients that hold the body when the response arrives, so a synchronous matcher shows an excerpt.
  it.each(clients.filter((c) => ['supertest', 'axios', 'got'].includes(c.name)))(
    'hides compound, plural and acronym names in the body and URL over $name, and keeps the look-alikes',
    async ({ get }) => {
      const res = await get(`/cart;jsessionid=${JSESSION}`);
      const message = failureOf(() => expect(res).toHaveStatus(200));
      expect(message).toContain('/cart;jsessionid=[redacted]\n');
      const inQuery = await get(`/cart?PHPSESSID=${PHPSESS}&page=2`);
      const query = failureOf(() => expect(inQuery).toHaveStatus(200));
      expect(query).toContain('/cart?PHPSESSID=[redacted]&page=2\n');
      for (const secret of [ACCESS, API_KEY, CSRF, JSESSION, PHPSESS]) expect(message + query).not.toContain(secret);
      for (const shown of ['v2-tokenizer-8841', 'Ann Example', '4096']) expect(message).toContain(shown);
    },
  );
});

import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configure, toHttpResponse } from '../../src/index.js';
import { resetConfig } from '../../src/config.js';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import {
  knownSecrets,
  isSecretName,
  redactHeader,
  redactText,
  redactUrl,
  sweepSecrets,
} from '../../src/message/redact.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveStatus });

afterEach(() => resetConfig());

describe('isSecretName', () => {
  it.each([
    'x-api-key',
    'accessToken',
    'access_token',
    'session_id',
    'set-cookie',
    'cookie',
    'proxy-authorization',
    'authorization',
    'x-auth-token',
    'client_secret',
    'password',
    'apiKey',
    'X-Amz-Signature',
    'jwt',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
    expect(isSecretName(name, 'header')).toBe(true);
  });

  it.each([
    'author',
    'www-authenticate',
    'content-type',
    'x-request-id',
    'keyboard',
    'monkey',
    'tokenizer',
    'authority',
    'sessions_count_total',
    'location',
  ])('%s is not secret: names are split into words, not searched for substrings', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('counts `code` as secret only as a query parameter (an OAuth authorization code), not as a JSON field or header', () => {
    expect(isSecretName('code', 'query')).toBe(true);
    expect(isSecretName('code', 'field')).toBe(false);
    expect(isSecretName('code', 'header')).toBe(false);
  });

  it('takes extra names from configure({ redact }): strings match the whole name in any case, RegExps are tested', () => {
    expect(isSecretName('X-Tenant')).toBe(false);
    configure({ redact: ['x-tenant', /^x-internal-/i] });
    expect(isSecretName('X-Tenant')).toBe(true);
    expect(isSecretName('x-tenant-name')).toBe(false);
    expect(isSecretName('X-Internal-Route')).toBe(true);
    expect(redactHeader('X-Tenant', 'acme')).toBe('[redacted]');
    expect(redactUrl('http://h/?x-tenant=acme&page=2')).toBe('http://h/?x-tenant=[redacted]&page=2');
  });
});

describe('redactHeader', () => {
  it('keeps the auth scheme and hides the credentials', () => {
    expect(redactHeader('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe('Bearer [redacted]');
    expect(redactHeader('authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic [redacted]');
    expect(redactHeader('Proxy-Authorization', 'Digest username="u", response="abc"')).toBe('Digest [redacted]');
    expect(redactHeader('Authorization', 'opaque-value-without-scheme')).toBe('[redacted]');
    expect(redactHeader('X-API-Key', 'k_live_123')).toBe('[redacted]');
  });

  it('keeps cookie names and attributes, hides their values', () => {
    expect(redactHeader('Set-Cookie', 'sid=abc123; Path=/; HttpOnly; Secure')).toBe(
      'sid=[redacted]; Path=/; HttpOnly; Secure',
    );
    expect(redactHeader('Cookie', 'sid=abc123; theme=dark')).toBe('sid=[redacted]; theme=[redacted]');
  });

  it('leaves other headers as they are, WWW-Authenticate included (it is evidence, not a secret)', () => {
    expect(redactHeader('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"')).toBe(
      'Bearer realm="api", error="invalid_token"',
    );
    expect(redactHeader('Content-Type', 'application/json')).toBe('application/json');
  });
});

describe('redactUrl', () => {
  it('hides userinfo', () => {
    expect(redactUrl('https://alice:s3cret@db.example.test:5432/x?y=1')).toBe(
      'https://[redacted]@db.example.test:5432/x?y=1',
    );
    expect(redactUrl('https://token@example.test/')).toBe('https://[redacted]@example.test/');
  });

  it('hides secret query values, percent-encoded names included, and leaves the rest alone', () => {
    expect(redactUrl('https://h/cb?code=abc&state=xyz&page=2')).toBe('https://h/cb?code=[redacted]&state=xyz&page=2');
    expect(redactUrl('https://h/?access%5Ftoken=abc&q=a%20b')).toBe('https://h/?access%5Ftoken=[redacted]&q=a%20b');
    expect(redactUrl('/relative?api_key=k1')).toBe('/relative?api_key=[redacted]');
  });

  it('hides secrets in the fragment, where the OAuth implicit flow puts the access token', () => {
    expect(redactUrl('https://app.test/callback#access_token=abc.def&token_type=bearer&expires_in=3600')).toBe(
      'https://app.test/callback#access_token=[redacted]&token_type=[redacted]&expires_in=3600',
    );
  });

  it('changes nothing else: no normalisation of the URL', () => {
    const url = 'HTTP://Example.test:80/a/../b?x=1&y';
    expect(redactUrl(url)).toBe(url);
  });
});

describe('redactText and sweepSecrets', () => {
  it('hides JSON members, form fields and bearer tokens in free text, and records their values', () => {
    const hidden = new Set<string>();
    expect(redactText('{"user": "bob", "password": "hunter22", "apiKey": 12345}', hidden)).toBe(
      '{"user": "bob", "password": "[redacted]", "apiKey": "[redacted]"}',
    );
    expect(redactText('grant_type=password&client_secret=shh-1234&user=bob', hidden)).toBe(
      'grant_type=password&client_secret=[redacted]&user=bob',
    );
    expect(redactText('sent Authorization: Bearer abcd.efgh', hidden)).toBe('sent Authorization: Bearer [redacted]');
    expect([...hidden].sort()).toEqual(['12345', 'abcd.efgh', 'hunter22', 'shh-1234']);
  });

  it('sweeps every known secret out of a finished text, longest first', () => {
    expect(sweepSecrets('token abc123 and abc123-long, abc', ['abc123', 'abc123-long'])).toBe(
      'token [redacted] and [redacted], abc',
    );
  });
});

describe('redaction in failure messages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('never shows a secret, wherever the response echoes it', async () => {
    const token = 's3cr3t-token-42';
    const body = JSON.stringify({ error: 'expired', token, echo: `you sent ${token}` });
    const res = await supertest(server.url)
      .get(
        `/status/401?sig=${token}&type=application/json&body=${encodeURIComponent(body)}&h.set-cookie=sid%3Dcookie-value-9%3B%20Path%3D%2F`,
      )
      .set('Authorization', `Bearer ${token}`);
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).not.toContain(token);
    expect(message).not.toContain('cookie-value-9');
    expect(message).toContain('"token": "[redacted]"');
    expect(message).toContain('"echo": "you sent [redacted]"');
    expect(message).toContain('?sig=[redacted]&');
  });

  it('hides secrets in a redirect Location: the shown header and anywhere else the value appears', async () => {
    const location = 'https://app.example.test/callback#access_token=tok-in-fragment-1&state=ok';
    const res = await supertest(server.url).get(
      `/status/302?h.location=${encodeURIComponent(location)}&body=${encodeURIComponent('redirecting with tok-in-fragment-1')}`,
    );
    expect(knownSecrets(toHttpResponse(res))).toContain('tok-in-fragment-1');
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain('location: https://app.example.test/callback#access_token=[redacted]&state=ok');
    expect(message).toContain('redirecting with [redacted]');
    expect(message).not.toContain('tok-in-fragment-1');
  });
});

describe('a short credential is swept as a whole value, never from inside other words (0.1.0 turned /admin/users into /admin/[redacted]s)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: 'boom',
          by: req.headers['x-api-key'],
          path: req.url,
          users: 3,
          note: 'username user.name',
        }),
      );
    });
  });
  afterAll(() => server.close());

  it('X-Api-Key: user hides the echoed value and keeps /admin/users, users, username and user.name', async () => {
    const res = await supertest(server.url).get('/admin/users').set('X-Api-Key', 'user');
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain('Request: GET http://127.0.0.1:PORT/admin/users');
    expect(message).toContain('"by": "[redacted]"');
    expect(message).toContain('"path": "/admin/users"');
    expect(message).toContain('"users": 3');
    expect(message).toContain('"note": "username user.name"');
    expect(message).not.toMatch(/\buser\b(?![./\w])/);
  });

  it('a secret query value at the end of a JSON string keeps the closing quote and comma (the excerpt stays JSON)', () => {
    expect(redactText('  "next": "/x?token=abc123",\n  "z": 1')).toBe('  "next": "/x?token=[redacted]",\n  "z": 1');
    expect(redactText("href='/x?token=abc123'>")).toBe("href='/x?token=[redacted]'>");
  });

  it('sweepSecrets: whole values only, in any surrounding punctuation, and inside percent-encoded values', () => {
    const swept = sweepSecrets('user; "user"; users; username; /admin/user/1; x=user&y=2; a%22user%22b; user.', [
      'user',
    ]);
    expect(swept).toBe(
      '[redacted]; "[redacted]"; users; username; /admin/user/1; x=[redacted]&y=2; a%22[redacted]%22b; [redacted].',
    );
  });
});

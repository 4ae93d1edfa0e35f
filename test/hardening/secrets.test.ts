import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { got } from 'got';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, matchers } from '../../src/index.js';
import { failureOf } from '../helpers/message.js';
import {
  BASIC_PASSWORD,
  BEARER,
  CLIENTS,
  LOCATION_PASSWORD,
  QUERY,
  QUERY_SECRETS,
  TENANT,
  leaked,
  secretServer,
  useSecretServer,
} from './secrets.js';

// Redaction across matchers and places. Each matcher's own failing calls on secret-laden responses are in its
// test file (test/matchers/<name>.test.ts), run by secrets() in ./secrets.ts through harden().
expect.extend(matchers);
useSecretServer();

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
    const port = new URL(secretServer.url).port;
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

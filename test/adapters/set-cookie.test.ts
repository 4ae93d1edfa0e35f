import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setCookiePair } from '../../src/adapters/set-cookie.js';
import { toHaveCookie } from '../../src/matchers/to-have-cookie.js';
import { toHaveHeader } from '../../src/matchers/to-have-header.js';
import { isSecretName } from '../../src/message/secret-names.js';
import { realClients } from '../helpers/clients.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveCookie, toHaveHeader });

const NAMELESS = 'abcdef123secret';
const AFTER_EQUALS = 's3cr3t-after-equals';
const LINES = [`${NAMELESS}; Path=/; HttpOnly`, `=${AFTER_EQUALS}`, 'theme=dark; Path=/'];

// The cookies are written by the handler, not taken from the URL: a secret in the URL would be swept from the
// message on its own and hide what this file checks.
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, ['content-type', 'text/plain', ...LINES.flatMap((line) => ['set-cookie', line])]);
    res.end('ok');
  });
});
afterAll(() => server.close());

const { clients: CLIENTS, release } = realClients(() => server.url);
afterEach(release);

describe('a Set-Cookie line without "=" (a nameless cookie, RFC 6265bis §5.6)', () => {
  it('is split as a browser splits it: no name, and the pair up to ";" is the value', async () => {
    const res = await fetch(server.url);
    await res.text();
    const pairs = res.headers.getSetCookie().map(setCookiePair);
    expect(pairs).toEqual([
      { name: '', value: NAMELESS },
      { name: '', value: AFTER_EQUALS },
      { name: 'theme', value: 'dark' },
    ]);
    expect(pairs.map((pair) => isSecretName(pair.name, 'cookie'))).toEqual([true, true, false]);
  });

  describe.each(CLIENTS)('over $name', ({ get }) => {
    it('its value is not taken for a cookie name, and the named cookie beside it is still found', async () => {
      const res = await get('/');
      expect(res).not.toHaveCookie(NAMELESS);
      expect(res).toHaveCookie('theme', { value: 'dark', path: '/' });
      expect(() => expect(res).toHaveCookie(NAMELESS)).toThrow(/The response sets no cookie named/);
    });

    // Known leak: redact.ts splits Set-Cookie lines with its own /^([^=;]*)=/ and so shows a nameless cookie's
    // value. Its rewrite should use setCookiePair and isSecretName(name, 'cookie'); then make these `it`.
    it('its value never appears in a failure message', async () => {
      const res = await get('/');
      for (const message of [
        failureOf(() => expect(res).toHaveCookie('sid')),
        failureOf(() => expect(res).not.toHaveHeader('set-cookie')),
      ]) {
        expect(message).not.toContain(NAMELESS);
        expect(message).not.toContain(AFTER_EQUALS);
      }
    });
  });
});

import { get as httpGet, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';
import {
  BIDI,
  CLEAR_SCREEN,
  CLIENTS,
  HYPERLINK,
  cleanups,
  expectSafe,
  hostileServer,
  useHostileServers,
} from './hostile.js';
import { outcomeOf } from './outcome.js';

// Hostile content in particular places, with particular matchers. Every matcher's own failing call on hostile
// responses is in its test file (test/matchers/<name>.test.ts), run by hostile() in ./hostile.ts through harden().
expect.extend(matchers);
useHostileServers();

/** Failing calls on a 4xx/5xx response of the matchers these cases use. */
const FAILING: Record<string, unknown[]> = {
  toHaveStatus: [200],
  toHaveTextBody: ['calm'],
  toHaveJsonBody: [{ title: 'calm' }],
};

describe('hostile content in particular places', () => {
  it('a header value or Location with U+009B (a one-byte CSI) is shown escaped', async () => {
    const res = await CLIENTS[0]!.get(`${hostileServer.rawUrl}/`);
    const header = (await outcomeOf('toHaveHeader', res, ['x-evil', 'calm'], false)) as { message: string };
    expectSafe(header.message);
    expect(header.message).toContain('x-evil: \\x9b2J');
    const retry = (await outcomeOf('toHaveStatus', res, [200], false)) as { message: string };
    expect(retry.message).toContain('retry-after: 1\\x9b31m');
  });

  it('a Location header with control characters, from a client that is not supported (a plain object)', async () => {
    const res = {
      status: 302,
      headers: { location: `/login${CLEAR_SCREEN}\n${BIDI}` },
      url: `http://x.test/${HYPERLINK}`,
    };
    const outcome = (await outcomeOf('toBeRedirectWithLocation', res, ['/elsewhere'], false)) as { message: string };
    expectSafe(outcome.message);
    expect(outcome.message).toContain('Received location: /login\\x1b[2J\\n\\u202egnp.exe');
  });
});

describe('cuts and summaries', () => {
  it.each(CLIENTS)(
    'a body excerpt is cut at a character boundary, never inside a surrogate pair ($name)',
    async (client) => {
      for (const name of ['toHaveStatus', 'toHaveTextBody']) {
        const res = await client.get(`${hostileServer.url}/emoji`);
        const outcome = (await outcomeOf(name, res, FAILING[name]!, false)) as { kind: string; message: string };
        if (!/Body \(/.test(outcome.message)) continue;
        expectSafe(outcome.message);
        expect(outcome.message).toMatch(
          /a(😀)+\n {2}… \(cut at 1,024 characters; the body is [\d,.]+ (KB|characters)\)/,
        );
      }
    },
  );

  it('a 100,000-character header value and a 50,000-character Location are cut', async () => {
    // fetch and Node refuse headers over 16 KB by default; a client configured for them gets them.
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(`${hostileServer.url}/long-header`, { maxHeaderSize: 1024 * 1024 }, (r) => {
        cleanups.push(() => r.resume());
        resolve(r);
      }).on('error', reject);
    });
    const header = (await outcomeOf('toHaveHeader', res, ['x-long', 'short'], false)) as { message: string };
    expect(header.message).toMatch(/x-long: v{300}… \(99,?700 more characters\)/);
    expect(header.message.length).toBeLessThan(4000);
    const redirect = (await outcomeOf('toBeRedirectWithLocation', res, ['/elsewhere'], false)) as { message: string };
    expect(redirect.message).toMatch(/Received location: \/next\?q+… \(\d+ more characters\)/);
    expect(redirect.message.length).toBeLessThan(4000);
  });

  it.each(CLIENTS)('binary bodies are summarised, not printed ($name)', async (client) => {
    for (const path of ['/png', '/octets']) {
      for (const name of ['toHaveStatus', 'toHaveTextBody', 'toHaveJsonBody']) {
        const res = await client.get(`${hostileServer.url}${path}`);
        const outcome = (await outcomeOf(name, res, FAILING[name]!, false)) as { message: string };
        expectSafe(outcome.message);
        if (/Body[ :(]/.test(outcome.message)) {
          // axios and got decode bodies as text unless asked for bytes: then the size is in characters.
          expect(outcome.message).toMatch(
            path === '/png'
              ? /Body: <binary, (195\.3 KB|200,000 characters once decoded as text), image\/png>/
              : /Body: <binary, (10 B|\d+ characters once decoded as text), application\/octet-stream>/,
          );
        }
        expect(outcome.message).not.toContain('start \\x1b');
      }
    }
  });
});

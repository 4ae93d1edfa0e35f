import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { matchers } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { outcomeOf } from './outcome.js';

// Every matcher is fed hostile content, so all of them are registered.
expect.extend(matchers);

// ---- what a hostile server sends ------------------------------------------------------------------------
// Sequences the runner never prints itself, so any raw occurrence in a message came from the server:
const CLEAR_SCREEN = '\u001b[2J';
const CURSOR_UP = '\u001b[1A';
const CONCEAL = '\u001b[8m';
const RECOLOUR = '\u001b[38;5;196m';
const HYPERLINK = '\u001b]8;;https://evil.test/\u0007click here\u001b]8;;\u0007';
const BIDI = '\u202egnp.exe';
const C1_CSI = '\u009b31m';
const INJECTED = [CLEAR_SCREEN, CURSOR_UP, CONCEAL, RECOLOUR, HYPERLINK, BIDI, C1_CSI];
const HOSTILE = `start ${INJECTED.join(' ')} carriage\rreturn backspace\b end`;

/** How each injected sequence reads once escaped: the terminal sees text, not a command. */
const ESCAPED = [
  '\\x1b[2J',
  '\\x1b[1A',
  '\\x1b[8m',
  '\\x1b[38;5;196m',
  '\\x1b]8;;https://evil.test/\\x07click here\\x1b]8;;\\x07',
  '\\u202egnp.exe',
  '\\x9b31m',
];

function routes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  switch (url.pathname) {
    case '/text':
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(HOSTILE);
      return;
    case '/json':
      // JSON escapes (\u001b) in the source become raw control characters once parsed.
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ title: HOSTILE, [`key ${CLEAR_SCREEN}`]: 1, list: [HOSTILE] }));
      return;
    case '/problem':
      res
        .writeHead(400, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ type: `https://x.test/${CLEAR_SCREEN}`, title: HOSTILE, status: 400, detail: HOSTILE }));
      return;
    case '/emoji': {
      // An odd number of ASCII characters first, so the cut at 1024 UTF-16 units falls inside a surrogate pair.
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`a${'😀'.repeat(3000)}`);
      return;
    }
    case '/long-header':
      res
        .writeHead(500, {
          'content-type': 'text/plain',
          'x-long': 'v'.repeat(100_000),
          location: `/next?${'q'.repeat(50_000)}`,
        })
        .end('x');
      return;
    case '/png': {
      const png = Buffer.alloc(200_000, 0);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
      png.write(HOSTILE, 100, 'latin1');
      res.writeHead(500, { 'content-type': 'image/png' }).end(png);
      return;
    }
    case '/octets':
      res
        .writeHead(500, { 'content-type': 'application/octet-stream' })
        .end(Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x00, 0x9b, 0x00, 0x01]));
      return;
    case '/deep':
      res.writeHead(500, { 'content-type': 'application/json' }).end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      return;
    case '/deep-object':
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
      return;
    case '/huge-json': {
      const items = Array.from({ length: 60_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] }));
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
      return;
    }
    default:
      res.writeHead(404).end();
  }
}

/**
 * A raw TCP server for what Node's http module refuses to send: control characters in the reason
 * phrase, and a header byte 0x9b (clients read header bytes as latin1, so it arrives as U+009B, a one-byte CSI).
 */
function rawRoutes(): TcpServer {
  return createTcpServer((socket) => {
    socket.once('data', () => {
      const body = Buffer.from(HOSTILE);
      socket.end(
        Buffer.concat([
          Buffer.from(`HTTP/1.1 503 Down ${CLEAR_SCREEN}${HYPERLINK}\r\n`, 'latin1'),
          Buffer.from('Content-Type: text/plain\r\nRetry-After: 1'),
          Buffer.from([0x9b]),
          Buffer.from(`31m\r\nX-Evil: `),
          Buffer.from([0x9b, 0x32, 0x4a, 0xe2, 0x80, 0xae]),
          Buffer.from(
            `\r\nLocation: /x\u009b2J\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
            'latin1',
          ),
          body,
        ]),
      );
    });
  });
}

let server: TestServer;
let raw: TcpServer;
let rawUrl: string;
beforeAll(async () => {
  server = await startServer(routes);
  raw = rawRoutes();
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => raw.close(() => resolve()));
  await server.close();
});

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(async (fn) => fn()));
});

// ---- clients ----------------------------------------------------------------------------------------------

const CLIENTS: Array<{ name: string; get(url: string): Promise<unknown> }> = [
  {
    name: 'fetch',
    async get(url) {
      const res = await fetch(url, { redirect: 'manual' });
      cleanups.push(() => res.body?.cancel());
      return res;
    },
  },
  {
    name: 'undici.request',
    async get(url) {
      const res = await undiciRequest(url);
      cleanups.push(() => res.body.dump());
      return res;
    },
  },
  {
    name: 'http.get',
    get: (url) =>
      new Promise((resolve, reject) => {
        httpGet(url, (res) => {
          cleanups.push(() => res.resume());
          resolve(res);
        }).on('error', reject);
      }),
  },
  {
    name: 'supertest',
    get: async (url) => await supertest(new URL(url).origin).get(new URL(url).pathname).redirects(0),
  },
  { name: 'axios', get: (url) => axios.get(url, { validateStatus: () => true, maxRedirects: 0 }) },
  { name: 'got', get: (url) => got(url, { throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } }) },
];

/** A failing call of every matcher on a 4xx/5xx response; a matcher without one fails the suite. */
const FAILING: Record<string, unknown[]> = {
  toHaveStatus: [200],
  toHaveStatusClass: ['2xx'],
  toBeInformational: [],
  toBeSuccessful: [],
  toBeRedirect: [],
  toBeClientError: [],
  toBeServerError: [],
  toBeRedirectWithLocation: ['/elsewhere'],
  toHaveHeader: ['x-evil', 'calm'],
  toHaveContentType: ['html'],
  toHaveCookie: ['session'],
  toHaveJsonBody: [{ title: 'calm' }],
  toMatchJsonBody: [{ title: 'calm', list: ['calm'] }],
  toHaveTextBody: ['calm'],
  toMatchSchema: [z.object({ title: z.number() })],
  toBeProblemDetails: [{ title: 'calm' }],
};

/**
 * The messages of `name`'s failing call, with and without .not (one of the two fails; usage errors
 * count too: they can quote the response). Each call gets a fresh response.
 */
async function messagesOf(name: string, get: () => Promise<unknown>): Promise<string[]> {
  const messages: string[] = [];
  for (const not of [false, true]) {
    const outcome = await outcomeOf(name, await get(), FAILING[name]!, not);
    if (outcome.kind === 'crash' || outcome.kind === 'argument-error') throw new Error(`${name}: ${outcome.kind}`);
    if (outcome.kind !== 'pass') messages.push(outcome.message);
  }
  if (messages.length === 0) throw new Error(`${name} passed with and without .not`);
  return messages;
}

// ---- what a message may contain ---------------------------------------------------------------------------
const ESC_NOT_COLOUR = /\u001b(?!\[\d+(?:;\d+)*m)/;
const OTHER_CONTROLS = /[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The raw message (colours included): only the runner's own colour codes may reach the terminal. */
function expectSafe(message: string): void {
  expect(ESC_NOT_COLOUR.exec(message)?.index, 'an ESC that does not start a colour code').toBeUndefined();
  expect(OTHER_CONTROLS.exec(message)?.[0], 'a raw control or bidi character').toBeUndefined();
  expect(LONE_SURROGATE.exec(message)?.[0], 'half a surrogate pair').toBeUndefined();
  // Colour codes the runner never uses: present raw only if a server injected them.
  for (const injected of [CONCEAL, RECOLOUR, CLEAR_SCREEN, CURSOR_UP]) expect(message).not.toContain(injected);
}

describe('hostile content never reaches the terminal raw', () => {
  it('has a failing call for every matcher', () => {
    expect(Object.keys(matchers).filter((n) => !(n in FAILING))).toEqual([]);
  });

  describe.each(CLIENTS)('$name', (client) => {
    it.each(['/text', '/json', '/problem', 'raw'])(
      'every matcher failing on %s: escaped, and shown escaped where shown',
      async (path) => {
        for (const name of Object.keys(matchers)) {
          for (const message of await messagesOf(name, () =>
            client.get(path === 'raw' ? `${rawUrl}/` : `${server.url}${path}`),
          )) {
            expectSafe(message);
            // A body or header excerpt shows what the server sent, as text.
            if (message.includes('start \\x1b') || message.includes('start \\u001b')) {
              for (const [i, seq] of ESCAPED.entries()) {
                const json = seq.replace(/\\x([0-9a-f]{2})/g, '\\u00$1');
                expect(
                  message.includes(seq) || message.includes(json),
                  `${name}: ${JSON.stringify(INJECTED[i])} shown escaped`,
                ).toBe(true);
              }
            }
          }
        }
      },
    );
  });

  it('a header value or Location with U+009B (a one-byte CSI) is shown escaped', async () => {
    const res = await CLIENTS[0]!.get(`${rawUrl}/`);
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
        const res = await client.get(`${server.url}/emoji`);
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
      httpGet(`${server.url}/long-header`, { maxHeaderSize: 1024 * 1024 }, (r) => {
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
        const res = await client.get(`${server.url}${path}`);
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

  it.each(CLIENTS)(
    '100,000 levels of nesting and a 2 MB JSON body are excerpted without blowing the stack ($name)',
    async (client) => {
      for (const path of ['/deep', '/deep-object', '/huge-json']) {
        for (const name of Object.keys(matchers)) {
          for (const message of await messagesOf(name, () => client.get(`${server.url}${path}`))) {
            expectSafe(message);
            // Bounded: the excerpt, a diff cut to size, the evidence.
            expect(message.length, `${name} on ${path}`).toBeLessThan(20_000);
          }
        }
      }
    },
    60_000,
  );
});

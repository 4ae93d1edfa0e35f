import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { outcomeOf } from './outcome.js';

// The engine of the hostile-content suite: servers that send control characters, bidi overrides, endless
// nesting and huge bodies, every client, and what a message may contain. Each matcher's test file hands its
// failing call to `hostile` (through harden()); test/hardening/hostile-content.test.ts holds the cases about
// particular places (a header byte, a Location, excerpt cuts, binary bodies).

// ---- what a hostile server sends ------------------------------------------------------------------------
// Sequences the runner never prints itself, so any raw occurrence in a message came from the server:
export const CLEAR_SCREEN = '\u001b[2J';
const CURSOR_UP = '\u001b[1A';
const CONCEAL = '\u001b[8m';
const RECOLOUR = '\u001b[38;5;196m';
export const HYPERLINK = '\u001b]8;;https://evil.test/\u0007click here\u001b]8;;\u0007';
export const BIDI = '\u202egnp.exe';
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

/** Where the hostile servers are: set by `useHostileServers` before its tests run. */
export const hostileServer = { url: '', rawUrl: '' };

/** Starts the hostile servers for the tests of the current describe block, and cleans up clients' bodies after each. */
export function useHostileServers(): void {
  let server: TestServer;
  let raw: TcpServer;
  beforeAll(async () => {
    server = await startServer(routes);
    raw = rawRoutes();
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    hostileServer.url = server.url;
    hostileServer.rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
    await server.close();
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(async (fn) => fn()));
  });
}

export const cleanups: Array<() => unknown> = [];

// ---- clients ----------------------------------------------------------------------------------------------

export const CLIENTS: Array<{ name: string; get(url: string): Promise<unknown> }> = [
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

/**
 * The messages of `name`'s failing call, with and without .not (one of the two fails; usage errors
 * count too: they can quote the response). Each call gets a fresh response.
 */
export async function messagesOf(
  name: string,
  args: readonly unknown[],
  get: () => Promise<unknown>,
): Promise<string[]> {
  const messages: string[] = [];
  for (const not of [false, true]) {
    const outcome = await outcomeOf(name, await get(), args, not);
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
export function expectSafe(message: string): void {
  expect(ESC_NOT_COLOUR.exec(message)?.index, 'an ESC that does not start a colour code').toBeUndefined();
  expect(OTHER_CONTROLS.exec(message)?.[0], 'a raw control or bidi character').toBeUndefined();
  expect(LONE_SURROGATE.exec(message)?.[0], 'half a surrogate pair').toBeUndefined();
  // Colour codes the runner never uses: present raw only if a server injected them.
  for (const injected of [CONCEAL, RECOLOUR, CLEAR_SCREEN, CURSOR_UP]) expect(message).not.toContain(injected);
}

/**
 * Registers one matcher's failing call (on a 4xx/5xx response) against every hostile response and client:
 * its messages, with and without .not, are escaped, and show the injected text escaped where they show it.
 */
export function hostile(name: string, args: readonly unknown[]): void {
  describe('hostile content never reaches the terminal raw', () => {
    useHostileServers();

    describe.each(CLIENTS)('$name', (client) => {
      it.each(['/text', '/json', '/problem', 'raw'])(
        `${name} failing on %s: escaped, and shown escaped where shown`,
        async (path) => {
          for (const message of await messagesOf(name, args, () =>
            client.get(path === 'raw' ? `${hostileServer.rawUrl}/` : `${hostileServer.url}${path}`),
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
        },
      );
    });

    it.each(CLIENTS)(
      `${name}: 100,000 levels of nesting and a 2 MB JSON body are excerpted without blowing the stack ($name)`,
      async (client) => {
        for (const path of ['/deep', '/deep-object', '/huge-json']) {
          for (const message of await messagesOf(name, args, () => client.get(`${hostileServer.url}${path}`))) {
            expectSafe(message);
            // Bounded: the excerpt, a diff cut to size, the evidence.
            expect(message.length, `${name} on ${path}`).toBeLessThan(20_000);
          }
        }
      },
      60_000,
    );
  });
}

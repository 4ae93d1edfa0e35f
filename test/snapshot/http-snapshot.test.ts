import { get as httpGet, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as playwrightRequest } from 'playwright-core';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configure, httpSnapshot, httpSnapshotSerializer, readBody } from '../../src/index.js';
import { resetConfig } from '../../src/config.js';
import { realClients } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.addSnapshotSerializer(httpSnapshotSerializer);

// A server whose every answer differs from the last in what changes between runs: the date, the etag, the ids.
let calls = 0;
function routes(req: IncomingMessage, res: ServerResponse): void {
  calls += 1;
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const changing = {
    date: new Date(Date.UTC(2026, 0, 1, 0, 0, calls)).toUTCString(),
    etag: `"v${calls}"`,
    'last-modified': new Date(Date.UTC(2025, 0, calls)).toUTCString(),
    'x-request-id': `req-${calls}-${Math.random()}`,
  };
  if (path === '/users') {
    res.writeHead(201, {
      ...changing,
      'content-type': 'application/json; charset=utf-8',
      location: `/users/${calls}`,
      'set-cookie': [`sid=s${calls}x9; Path=/; HttpOnly; Expires=${changing.date}`, 'theme=dark; Path=/'],
      'x-api-key': 'sk_live_9f8e7d6c5b4a',
    });
    res.end(
      JSON.stringify({
        id: calls,
        name: 'Ada',
        createdAt: new Date(Date.UTC(2026, 0, calls)).toISOString(),
        accessToken: 'eyJhbGciOiJIUzI1NiJ9.secret',
        // The API key of the headers, echoed under a name that says nothing: swept all the same.
        echo: 'sk_live_9f8e7d6c5b4a',
        items: [
          { id: calls * 10, label: 'first' },
          { id: calls * 10 + 1, label: 'second' },
        ],
      }),
    );
  } else if (path === '/text')
    res.writeHead(200, { 'content-type': 'text/plain' }).end('line one\n\u001b[31mred\u202e');
  else if (path === '/png')
    res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  else if (path === '/empty') res.writeHead(204, changing).end();
  else if (path === '/deep')
    res.writeHead(200, { 'content-type': 'application/json' }).end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  else if (path === '/zero') res.writeHead(200, { 'content-length': '0' }).end();
  else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());
const { clients, release } = realClients(() => server.url);
afterEach(async () => {
  resetConfig();
  await release();
});

const httpGetResponse = (path: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => httpGet(`${server.url}${path}`, resolve).on('error', reject));
const usersMasks = {
  headers: { location: expect.stringMatching(/^\/users\/\d+$/) },
  json: { '$.id': expect.any(Number), '$.createdAt': expect.any(String), '$.items[*].id': expect.any(Number) },
};

/** The snapshot text of `res`, after reading its body the way the README says to. */
async function snapshotText(res: unknown, masks = usersMasks): Promise<string> {
  await readBody(res);
  return httpSnapshotSerializer.serialize(httpSnapshot(res, masks));
}

describe('a response as HTTP text', () => {
  it('prints the status line, the headers sorted, and the body pretty-printed, masked and redacted', async () => {
    const res = await fetch(`${server.url}/users`);
    await readBody(res);
    expect(httpSnapshot(res, usersMasks)).toMatchInlineSnapshot(`
      HTTP 201 Created
      content-type: application/json; charset=utf-8
      date: [masked]
      etag: [masked]
      last-modified: [masked]
      location: StringMatching /^\\/users\\/\\d+$/
      set-cookie: sid=[masked]; Path=/; HttpOnly; Expires=[masked]
      set-cookie: theme=[masked]; Path=/
      x-api-key: [redacted]
      x-request-id: [masked]

      {
        "id": Any<Number>,
        "name": "Ada",
        "createdAt": Any<String>,
        "accessToken": "[redacted]",
        "echo": "[redacted]",
        "items": [
          {
            "id": Any<Number>,
            "label": "first"
          },
          {
            "id": Any<Number>,
            "label": "second"
          }
        ]
      }
    `);
    // The snapshot read nothing of its own: the body is still the user's.
    expect((await res.json()).name).toBe('Ada');
  });
});

describe('stable between runs, and the same for every client', () => {
  const kinds: Array<[string, () => Promise<unknown>]> = [
    ...clients.map((c): [string, () => Promise<unknown>] => [c.name, () => c.get('/users')]),
    ['http.get', () => httpGetResponse('/users')],
  ];

  it.each(kinds)('%s: two snapshots of a server whose date, etag and ids change are identical', async (_, get) => {
    const first = await snapshotText(await get());
    const second = await snapshotText(await get());
    expect(second).toBe(first);
    expect(first).toContain('"id": Any<Number>');
    expect(first).not.toMatch(/req-\d|"v\d+"|sk_live|eyJhbGci|sid=s\d/);
  });

  it('every client kind writes the same text for the same answer', async () => {
    const texts = new Set<string>();
    for (const [, get] of kinds) texts.add(await snapshotText(await get()));
    const context = await playwrightRequest.newContext();
    try {
      texts.add(await snapshotText(await context.get(`${server.url}/users`)));
    } finally {
      await context.dispose();
    }
    expect([...texts]).toHaveLength(1);
  });

  it('without masks, the changing ids are in the snapshot, so a second run would differ', async () => {
    const text = httpSnapshotSerializer.serialize(await supertestUsers());
    expect(text).toMatch(/"id": \d+/);
    expect(text).toContain('date: [masked]');
  });
});

describe('masks', () => {
  it('a value that does not match its mask is printed, so the snapshot fails and shows it', async () => {
    const text = await snapshotText(await supertestUsers(), { json: { '$.name': expect.any(Number) } } as never);
    expect(text).toContain('"name": "Ada"');
    expect(text).toMatch(/"id": \d+/);
  });

  it('a list of paths prints [masked]; $..id reaches every depth; a header by name, in any case', async () => {
    const text = await snapshotText(await supertestUsers(), { headers: ['Location'], json: ['$..id'] } as never);
    expect(text).toContain('location: [masked]');
    expect(text.match(/"id": \[masked\]/g)).toHaveLength(3);
  });

  it('configure({ snapshotMasks }) applies to every snapshot of a plain response', async () => {
    configure({ snapshotMasks: { json: { '$.createdAt': expect.any(String) } } });
    expect(httpSnapshotSerializer.serialize(await supertestUsers())).toContain('"createdAt": Any<String>');
  });

  it.each([
    [{ json: ['items[*].id'] }, /"items\[\*\]\.id" is not a JSON path to a member: write \$\.createdAt/],
    [{ json: { '$.id': 5 } }, /masks\.json\["\$\.id"\] must be an asymmetric matcher such as expect\.any\(String\)/],
    [{ header: ['date'] }, /masks take "headers" and "json", not "header"/],
    [['$.id'], /masks must be an object/],
  ])('bad masks are a usage error naming httpSnapshot: %j', async (masks, message) => {
    const res = await supertestUsers();
    expect(() => httpSnapshot(res, masks as never)).toThrow(message);
    expect(() => httpSnapshot(res, masks as never)).toThrow(/^httpSnapshot: /);
    expect(() => configure({ snapshotMasks: masks as never })).toThrow(/^configure: /);
  });
});

describe('bodies', () => {
  it('a streamed body nobody has read is a usage error that says to await readBody(res) first', async () => {
    const res = await request(`${server.url}/users`);
    try {
      expect(() => httpSnapshotSerializer.serialize(res)).toThrow(
        /^httpSnapshotSerializer: this undici\.request\(\) result's body is a stream nobody has read.*await readBody\(res\); expect\(res\)\.toMatchSnapshot\(\)/,
      );
      // Nothing was consumed: the body is still there for the test.
      expect((await readBody(res)).json()).toMatchObject({ name: 'Ada' });
    } finally {
      await res.body.dump();
    }
  });

  it('a 204 needs no read', async () => {
    const res = await fetch(`${server.url}/empty`);
    expect(res).toMatchInlineSnapshot(`
      HTTP 204 No Content
      date: [masked]
      etag: [masked]
      last-modified: [masked]
      x-request-id: [masked]
    `);
  });

  it('a Content-Length: 0 stream needs no read either', async () => {
    const res = await request(`${server.url}/zero`);
    expect(httpSnapshotSerializer.serialize(res)).toBe('HTTP 200 OK\ncontent-length: [masked]\ndate: [masked]');
  });

  it('a text body is printed as it is, with control characters and bidi overrides escaped', async () => {
    const res = await fetch(`${server.url}/text`);
    await readBody(res);
    const text = httpSnapshotSerializer.serialize(res);
    expect(text).toContain('line one\n\\x1b[31mred\\u202e');
    expect(text).not.toMatch(/\u001b|\u202e/);
  });

  it('a binary body is its size and a hash, which change when its bytes do', async () => {
    const res = await fetch(`${server.url}/png`);
    await readBody(res);
    expect(httpSnapshotSerializer.serialize(res)).toMatch(/^<binary, 8 bytes, image\/png, fnv1a [0-9a-f]{8}>$/m);
  });

  it('the vitest expect prints a response nested in an object with the serializer too', async () => {
    const res = await fetch(`${server.url}/empty`);
    expect({ res }).toMatchInlineSnapshot(`
      {
        "res": HTTP 204 No Content
        date: [masked]
        etag: [masked]
        last-modified: [masked]
        x-request-id: [masked],
      }
    `);
  });

  it('a JSON body nested too deep to pretty-print is printed as the text it is, not a crash', async () => {
    const res = await fetch(`${server.url}/deep`);
    await readBody(res);
    const text = httpSnapshotSerializer.serialize(res);
    expect(text).toContain(`\n\n${'['.repeat(1000)}`);
    expect(text.length).toBeGreaterThan(200_000);
  });

  it('a plain object with a status is not taken for a response', () => {
    expect(httpSnapshotSerializer.test({ status: 200, body: 'x' })).toBe(false);
    expect(httpSnapshotSerializer.test(200)).toBe(false);
  });
});

async function supertestUsers(): Promise<unknown> {
  const supertest = clients.find((c) => c.name === 'supertest');
  return supertest?.get('/users');
}

// The assertions of the memory section's "many assertions" tables, shared by the plain-Node process
// (memory-assertions.child.mjs) and the vitest and jest test files memory.bench.mjs writes. CommonJS, so
// jest's test file can require it as its own users' files do.
//
// Passing and failing status and header checks on real responses of four clients from a local node:http
// server (held, as a test holds them), and on a fresh in-process fetch Response every fourth time, so the
// library's per-response caches see a new key each time. "library" uses expect-http's matchers; "bare" the
// runner's built-ins on the same values: the runner's own memory, the floor.
const { createServer } = require('node:http');
const axios = require('axios');
const supertest = require('supertest');
const { request } = require('undici');

const HEADERS = { 'content-type': 'application/json', 'x-request-id': 'bench-1' };
// A failing response's JSON body of about 1 KB, with a token for the secret sweep to find.
const FAILING_BODY = JSON.stringify({
  error: 'internal',
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  items: Array.from({ length: 12 }, (_, id) => ({ id, name: 'item name', price: 12.5, tags: ['a', 'b'] })),
});

/** A 200 and a 500 of each client, bodies read; the server is closed again. */
async function realResponses() {
  const server = createServer((req, res) => {
    const failing = req.url === '/500';
    res.writeHead(failing ? 500 : 200, HEADERS).end(failing ? FAILING_BODY : '{"ok":true}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const out = { 200: [], 500: [] };
  for (const code of [200, 500]) {
    const url = `${base}/${code}`;
    const fetched = await fetch(url);
    await fetched.arrayBuffer();
    const undiciResult = await request(url);
    await undiciResult.body.dump();
    out[code].push(
      { res: fetched, status: fetched.status, type: fetched.headers.get('content-type') },
      { res: undiciResult, status: undiciResult.statusCode, type: undiciResult.headers['content-type'] },
      ...[await supertest(server).get(`/${code}`), await axios.get(url, { validateStatus: () => true })].map((res) => ({
        res,
        status: res.status,
        type: res.headers['content-type'],
      })),
    );
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return out;
}

/** The i-th response of a kind: a held real one, or every fifth time a fresh in-process fetch Response. */
function pick(list, i, code) {
  if (i % 5 !== 4) return list[i % list.length];
  const res = new Response(code === 200 ? '{"ok":true}' : FAILING_BODY, { status: code, headers: HEADERS });
  return { res, status: code, type: HEADERS['content-type'] };
}

/** `pass(i)` runs one passing assertion, `fail(i)` one failing one and returns its message's length. */
function assertions(expect, responses, variant) {
  const library = [
    (r) => expect(r.res).toHaveStatus(200),
    (r) => expect(r.res).toBeSuccessful(),
    (r) => expect(r.res).toHaveHeader('content-type', /json/),
    (r) => expect(r.res).not.toBeServerError(),
  ];
  const bare = [
    (r) => expect(r.status).toBe(200),
    (r) => expect(r.status >= 200 && r.status < 300).toBe(true),
    (r) => expect(r.type).toMatch(/json/),
    (r) => expect(r.status >= 500 && r.status < 600).not.toBe(true),
  ];
  const checks = variant === 'library' ? library : bare;
  const failing = variant === 'library' ? (r) => expect(r.res).toHaveStatus(200) : (r) => expect(r.status).toBe(200);
  return {
    pass(i) {
      checks[i % checks.length](pick(responses[200], i, 200));
    },
    fail(i) {
      try {
        failing(pick(responses[500], i, 500));
      } catch (error) {
        return error.message.length;
      }
      throw new Error('expected the assertion to fail');
    },
  };
}

/** Heap and ArrayBuffer memory after a forced GC (run with --expose-gc). */
function memory() {
  globalThis.gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
}

/** What keeps the process alive (timers, sockets, streams), by type. */
function activeResources() {
  const counts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

module.exports = { activeResources, assertions, memory, realResponses };

// One memory measurement, in a fresh process started by memory.bench.mjs with `node --expose-gc`:
// `count` fresh fetch Responses, each checked one way (a variant below) and then dropped. Prints one JSON
// line on stdout: the heap and ArrayBuffer memory after forced GC before the first response, after the
// last one while still in the same job (as a test file sees it), and once the job has ended.
//
//   node --expose-gc bench/memory.child.mjs '{"variant":"library","source":"constructed","count":2000,"size":1000,"lib":"/abs/index.js"}'
//
// Why "the same job": V8 keeps the target of every WeakRef made during a job alive until the microtask
// queue drains (ECMAScript's KeepDuringJob). undici 6's Response.clone() makes two, one per stream of
// the clone. A loop of awaits that never waits for I/O or a timer, like a test file whose tests check
// in-process Responses, is one job, so every clone made in it stays reachable until it ends.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { expect } from 'expect';
import { jsonOfSize, packageEntry } from './lib.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const {
  variant,
  source = 'constructed',
  count = 1000,
  size = 1000,
  timeLimit = 60_000,
  lib,
} = JSON.parse(process.argv[2] ?? '{}');
// The library build to measure (memory.bench.mjs bundles the current src/ and the patched one); the package by default.
const { matchers } = await import(lib ? pathToFileURL(lib).href : packageEntry('index.js'));

expect.extend(matchers);
const text = jsonOfSize(size);
const expected = JSON.parse(text);
const headers = { 'content-type': 'application/json' };

// --- where the responses come from --------------------------------------------------------------

let fresh;
let close = async () => {};
if (source === 'constructed') {
  // In-process, as msw, Hono's app.request() or a route handler returns it: no socket, no I/O.
  fresh = async () => new Response(text, { headers });
} else if (source === 'http') {
  // A real node:http server on 127.0.0.1: every response is an I/O wait, which ends the job.
  const body = Buffer.from(text);
  const server = createServer((req, res) =>
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  fresh = () => fetch(url);
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
} else if (source === 'msw') {
  // msw answers the fetch in-process (its own Response, which msw itself clones).
  const { http } = await import('msw');
  const { setupServer } = await import('msw/node');
  const server = setupServer(http.get('http://api.test/item', () => new Response(text, { headers })));
  server.listen({ onUnhandledRequest: 'error' });
  fresh = () => fetch('http://api.test/item');
  close = async () => server.close();
} else {
  throw new Error(`unknown source ${source}`);
}

// --- what is done with each response -------------------------------------------------------------

/** The fetch branch of src/body/read-body.ts (load → fromStream → collect), without the caps: clone, reader, read to the end. */
async function readClone(res, after) {
  const copy = res.clone();
  const reader = copy.body.getReader();
  const chunks = [];
  for (;;) {
    const step = await reader.read();
    if (step.done) break;
    chunks.push(step.value);
  }
  if (after) await after(reader);
  return JSON.parse(new TextDecoder().decode(concat(chunks)));
}

function concat(chunks) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const VARIANTS = {
  // The user reads the body; nothing clones it: the floor.
  'user-reads': async (res) => expect(await res.json()).toEqual(expected),
  // What users write without the library: read a clone.
  'bare-clone': async (res) => expect(await res.clone().json()).toEqual(expected),
  // The library (the build given by `lib`).
  library: (res) => expect(res).toHaveJsonBody(expected),
  // Fixes tried outside the library, on a copy of its read: clone, read through a reader to the end,
  'clone+reader': async (res) => expect(await readClone(res)).toEqual(expected),
  // + release the reader's lock once the clone is read,
  'clone+releaseLock': async (res) => expect(await readClone(res, (reader) => reader.releaseLock())).toEqual(expected),
  // + cancel the clone's reader after the read,
  'clone+cancel': async (res) => expect(await readClone(res, (reader) => reader.cancel())).toEqual(expected),
  // read the clone with arrayBuffer() rather than a reader,
  'clone+arrayBuffer': async (res) =>
    expect(JSON.parse(new TextDecoder().decode(await res.clone().arrayBuffer()))).toEqual(expected),
  // no clone: read the original and keep the bytes (what an opt-in would do; the user's body is then used up).
  'read-original': async (res) =>
    expect(JSON.parse(new TextDecoder().decode(await res.arrayBuffer()))).toEqual(expected),
};
const run = VARIANTS[variant];
if (!run) throw new Error(`unknown variant ${variant}; one of ${Object.keys(VARIANTS).join(', ')}`);

// --- measuring -----------------------------------------------------------------------------------

function memory() {
  globalThis.gc();
  const m = process.memoryUsage();
  // arrayBuffers is also counted in external: report it apart, never add the two.
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss };
}
/** Ends the job (timer turns), then GC: what is left is held by something, not merely kept for the job. */
async function afterJob() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return memory();
}

// Warm-up: loads undici's fetch, jest's expect and the library's lazy parts; then a clean baseline.
for (let i = 0; i < 20; i++) await run(await fresh());
const before = await afterJob();
const started = performance.now();
let done = 0;
while (done < count && performance.now() - started < timeLimit) {
  await run(await fresh());
  done++;
}
const elapsed = performance.now() - started;
const inJob = memory();
const ended = await afterJob();
await close();
process.stdout.write(
  `${JSON.stringify({ node: process.version, undici: process.versions.undici, variant, source, size, bodyBytes: Buffer.byteLength(text), count: done, stoppedEarly: done < count, elapsed, before, inJob, afterJob: ended })}\n`,
);

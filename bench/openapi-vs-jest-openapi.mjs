#!/usr/bin/env node
// expect-http/openapi beside jest-openapi 0.14.2 (openapi-validator inside), on the same OpenAPI 3.0 spec
// (test/openapi/specs/petstore-3.0.yaml) and the same real axios responses from a node:http server:
//   1. the verdict of each on each response, every disagreement listed;
//   2. the time per assertion on a passing response (after the first, which compiles), and against raw ajv validation
//      of the same body with the same schema;
//   3. the time to load a generated spec of about 5 MB.
// Medians of ROUNDS rounds with min–max, all in this one run. Needs `npm run build` first (it measures dist/).
//
//   node bench/openapi-vs-jest-openapi.mjs
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import axios from 'axios';
import { expect } from 'expect';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { packageEntry } from './lib.mjs';

const require = createRequire(import.meta.url);
const ROUNDS = 7;
const SPEC = fileURLToPath(new URL('../test/openapi/specs/petstore-3.0.yaml', import.meta.url));
const { loadApiSpec, openApiMatchers } = await import(packageEntry('openapi/index.js'));

// A real matcher context, from expect itself, so both libraries' matchers run as they would in a test.
let context;
expect.extend({
  probe() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context is what this probe is for
    context = this;
    return { pass: true, message: () => '' };
  },
});
expect(1).probe();

// jest-openapi registers on the global expect: catch its matchers instead, so the two never share a registry.
let theirs;
globalThis.expect = { extend: (m) => (theirs = m) };
require('jest-openapi').default(SPEC);
delete globalThis.expect;
const ours = await loadApiSpec(SPEC);

const PET = { id: 1, name: 'Rex', tag: null, born: '2020-02-29' };
const ROUTES = {
  '/v1/pets/1': [200, {}, PET],
  '/v1/pets/1?variant=wrong-types': [200, {}, { id: 'one', tag: 7 }],
  '/v1/pets/1?variant=write-only': [200, {}, { ...PET, password: 'hunter2' }],
  '/v1/pets/1?variant=bad-date': [200, {}, { ...PET, born: '2021-02-29' }],
  '/v1/pets/1?variant=not-found': [404, {}, { code: 404, message: 'no pet 1' }],
  '/v1/pets/1?variant=teapot': [418, { 'content-type': 'application/problem+json' }, { title: 't', status: 418 }],
  '/v1/pets/1?variant=html': [500, { 'content-type': 'text/html' }, '<h1>oops</h1>'],
  '/v1/pets': [200, { 'x-total-count': '1' }, [PET]],
  '/v1/pets?variant=no-count': [200, {}, [PET]],
  '/v1/pets?variant=bad-count': [200, { 'x-total-count': 'many' }, [PET]],
  '/v1/animals/1': [200, {}, { petType: 'cat', lives: 9 }],
  '/v1/animals/1?variant=bad-dog': [200, {}, { petType: 'dog', bark: 'loud' }],
  '/v1/jobs/7': [202, {}, { id: '0b6f3c9e-4c1f-4a4e-9a43-5f1c2b7d8e90', state: 'queued', finishedAt: null }],
  '/v1/jobs/7?variant=bad-state': [201, {}, { id: 'j-7', state: 'lost' }],
  '/v1/ping': [200, {}, ''],
  '/v1/ping?variant=with-body': [200, { 'content-type': 'text/plain' }, 'pong'],
  '/v1/tree?variant=deep': [200, {}, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }],
  '/v1/secret': [200, {}, { token: 'sk_live_abcdefghijklmnop', id: 1 }],
};
const server = createServer((req, res) => {
  const [status, headers, body] = ROUTES[req.url] ?? [404, {}, { code: 404, message: 'no route' }];
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text === '' ? undefined : text);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const get = (path) => axios.get(`${base}${path}`, { validateStatus: () => true });

const oursVerdict = async (res) => (await openApiMatchers.toSatisfyApiSpec.call(context, res, { spec: ours })).pass;
const theirVerdict = (res) => {
  try {
    return theirs.toSatisfyApiSpec.call(context, res).pass;
  } catch (error) {
    return `threw: ${String(error.message).split('\n')[0].slice(0, 80)}`;
  }
};

console.log('1. Verdicts (pass / fail) on the same axios responses\n');
console.log('| response | expect-http/openapi | jest-openapi 0.14.2 |');
console.log('| --- | --- | --- |');
const disagreements = [];
for (const path of Object.keys(ROUTES)) {
  const res = await get(path);
  const a = await oursVerdict(res);
  const b = theirVerdict(res);
  const show = (v) => {
    if (typeof v !== 'boolean') return v;
    return v ? 'pass' : 'fail';
  };
  console.log(`| GET ${path} | ${show(a)} | ${show(b)} |`);
  if (a !== b) disagreements.push(`GET ${path}: expect-http/openapi ${show(a)}, jest-openapi ${show(b)}`);
}
console.log(`\n${disagreements.length} disagreements:\n${disagreements.map((d) => `  - ${d}`).join('\n')}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs, unit = 'µs', scale = 1000) =>
  `${(median(xs) * scale).toFixed(1)} ${unit} (${(Math.min(...xs) * scale).toFixed(1)}–${(Math.max(...xs) * scale).toFixed(1)})`;

// 2. Time per assertion on a passing response (GET /v1/pets/1), the first call (compile) left out.
const res = await get('/v1/pets/1');
const N = 2000;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const yaml = (await import('yaml')).parse(await (await import('node:fs/promises')).readFile(SPEC, 'utf8'));
ajv.addSchema(yaml, 'spec');
const raw = ajv.compile({ $ref: 'spec#/components/schemas/Pet' });
const rawBody = res.data;
await oursVerdict(res);
theirVerdict(res);
const times = { ours: [], theirs: [], raw: [] };
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  for (let i = 0; i < N; i++) await oursVerdict(res);
  times.ours.push((performance.now() - t) / N);
  t = performance.now();
  for (let i = 0; i < N; i++) theirVerdict(res);
  times.theirs.push((performance.now() - t) / N);
  t = performance.now();
  for (let i = 0; i < N; i++) raw(rawBody);
  times.raw.push((performance.now() - t) / N);
}
const ratios = times.ours.map((o, i) => o / times.raw[i]);
const vsTheirs = times.ours.map((o, i) => times.theirs[i] / o);
console.log('\n2. Time per passing assertion (GET /v1/pets/1, axios response, after the first)\n');
console.log(`  expect-http/openapi: ${fmt(times.ours)}`);
console.log(`  jest-openapi 0.14.2: ${fmt(times.theirs)}`);
console.log(`  raw ajv validate of the body against the same schema: ${fmt(times.raw)}`);
console.log(
  `  expect-http/openapi / raw ajv: ${median(ratios).toFixed(1)}x (${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)})`,
);
console.log(
  `  jest-openapi / expect-http/openapi: ${median(vsTheirs).toFixed(2)}x (${Math.min(...vsTheirs).toFixed(2)}–${Math.max(...vsTheirs).toFixed(2)})`,
);

// 3. Loading a large spec: generated, 3.0, N operations each with its own component schema.
const dir = await mkdtemp(join(tmpdir(), 'expect-http-bigspec-'));
const big = { openapi: '3.0.3', info: { title: 'Big', version: '1' }, paths: {}, components: { schemas: {} } };
for (let i = 0; big.paths && JSON.stringify(big).length < 5 * 1024 * 1024; i++) {
  const properties = {};
  for (let p = 0; p < 25; p++)
    properties[`field${p}_${i}`] = { type: p % 3 ? 'string' : 'integer', description: `Field ${p} of resource ${i}.` };
  big.components.schemas[`Resource${i}`] = { type: 'object', required: [`field0_${i}`], properties };
  big.paths[`/resources${i}/{id}`] = {
    get: {
      operationId: `getResource${i}`,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } },
        },
      },
    },
  };
}
const bigPath = join(dir, 'big.json');
const text = JSON.stringify(big);
await writeFile(bigPath, text);
const loads = { ours: [], theirs: [] };
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const spec = await loadApiSpec(bigPath);
  // The first assertion on an operation compiles its schema: part of what a test pays.
  spec.schemas.check(spec.namedSchema('Resource0'), 'response', 'bench')({});
  loads.ours.push(performance.now() - t);
  t = performance.now();
  globalThis.expect = { extend: () => undefined };
  require('jest-openapi').default(bigPath);
  delete globalThis.expect;
  loads.theirs.push(performance.now() - t);
}
console.log(
  `\n3. Loading a generated ${(text.length / 1024 / 1024).toFixed(1)} MB spec (${Object.keys(big.paths).length} operations)\n`,
);
console.log(`  expect-http/openapi (load + first schema compiled): ${fmt(loads.ours, 'ms', 1)}`);
console.log(`  jest-openapi 0.14.2 (load): ${fmt(loads.theirs, 'ms', 1)}`);

await rm(dir, { recursive: true, force: true });
server.closeAllConnections();
server.close();

#!/usr/bin/env node
// What checkMocksAgainst costs a passing suite: N "tests", each one mocked fetch through msw's setupServer (read as
// JSON) followed by the afterEach that checkMocksAgainst registers (verify()), against the same N tests with no
// checks. The two are interleaved round by round in this one process, so the ratio compares like with like.
// Prints, per variant, the median time per test with min–max over ROUNDS, the ratio (checked / plain) per round,
// and the added µs per mocked request. Then the same through vitest itself (bench/openapi-mocks.suite.mjs): a suite
// of N tests, with checkMocksAgainst's afterEach or without, a fresh vitest per run, interleaved. Run by hand, after
// `npm run build`:
//
//   node bench/openapi-mocks.mjs [N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { startVitest } from 'vitest/node';
import { packageEntry, sized } from './lib.mjs';

const { checkMocksAgainst, loadApiSpec } = await import(packageEntry('openapi/index.js'));

const N = Number(process.argv[2] ?? sized(500, 20));
const ROUNDS = sized(11, 3);
const API = 'http://petstore.test/v1';
const spec = await loadApiSpec(fileURLToPath(new URL('../test/openapi/specs/petstore-3.0.yaml', import.meta.url)));

const server = setupServer(
  http.get(`${API}/pets/:petId`, ({ params }) =>
    HttpResponse.json({ id: Number(params.petId), name: 'Rex', tag: null, born: '2020-02-29' }),
  ),
  // The password is writeOnly: the request carries it, the response must not.
  http.post(`${API}/pets`, async ({ request }) => {
    const { name } = await request.json();
    return HttpResponse.json({ id: 3, name }, { status: 201 });
  }),
);
server.listen({ onUnhandledRequest: 'error' });

// One test: a GET or a POST with a body (half each), the app reading the response, then the afterEach hook.
async function suite(afterEach) {
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const res =
      i % 2 === 0
        ? await fetch(`${API}/pets/${i}`)
        : await fetch(`${API}/pets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Rex', password: 'p4ssw0rd-long' }),
          });
    await res.json();
    await afterEach();
  }
  return (performance.now() - started) / N;
}

const plain = [];
const checked = [];
const ratios = [];
await suite(async () => undefined); // warm-up: msw, undici and the JIT
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which variant goes first, so neither always runs on a warmer process.
  const order = round % 2 === 0 ? ['plain', 'checked'] : ['checked', 'plain'];
  const times = {};
  for (const variant of order) {
    if (variant === 'plain') times.plain = await suite(async () => undefined);
    else {
      const checks = checkMocksAgainst(server, spec, { afterEach: () => undefined });
      try {
        times.checked = await suite(checks.verify);
      } finally {
        checks.stop();
      }
    }
  }
  plain.push(times.plain);
  checked.push(times.checked);
  ratios.push(times.checked / times.plain);
}
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs, scale, digits, unit) =>
  `${(median(xs) * scale).toFixed(digits)}${unit} (${(Math.min(...xs) * scale).toFixed(digits)}–${(Math.max(...xs) * scale).toFixed(digits)})`;
const added = plain.map((p, i) => checked[i] - p);
console.log(
  `checkMocksAgainst on ${N} tests of one mocked fetch each (msw setupServer), ${ROUNDS} rounds, Node ${process.version}:`,
);
console.log(`  without checks: ${spread(plain, 1000, 0, ' µs')} per test`);
console.log(`  with checks:    ${spread(checked, 1000, 0, ' µs')} per test`);
console.log(`  ratio (with / without, per round): ${spread(ratios, 1, 2, 'x')}`);
console.log(`  added per mocked request: ${spread(added, 1000, 0, ' µs')}`);

// The same question asked of a vitest suite: its tests' own overhead (hooks, reporting) is part of what a user waits for.
const SUITE_ROUNDS = sized(7, 2);
const out = mkdtempSync(join(tmpdir(), 'expect-http-bench-mocks-'));
const inVitest = { plain: [], checked: [], ratios: [] };
process.env.SUITE_TESTS = String(N);
try {
  for (let round = 0; round < SUITE_ROUNDS; round++) {
    const order = round % 2 === 0 ? ['plain', 'checked'] : ['checked', 'plain'];
    const times = {};
    for (const variant of order) {
      process.env.CHECK_MOCKS = variant === 'checked' ? '1' : '0';
      process.env.SUITE_OUT = join(out, `${variant}.txt`);
      const vitest = await startVitest('test', [], {
        config: false,
        root: fileURLToPath(new URL('..', import.meta.url)),
        include: ['bench/openapi-mocks.suite.mjs'],
        reporters: ['dot'],
        watch: false,
      });
      await vitest.close();
      times[variant] = Number(readFileSync(process.env.SUITE_OUT, 'utf8')) / N;
    }
    inVitest.plain.push(times.plain);
    inVitest.checked.push(times.checked);
    inVitest.ratios.push(times.checked / times.plain);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(
  `\nThe same as a vitest suite of ${N} tests (first test's start to last afterEach), ${SUITE_ROUNDS} rounds:`,
);
console.log(`  without checks: ${spread(inVitest.plain, 1000, 0, ' µs')} per test`);
console.log(`  with checks:    ${spread(inVitest.checked, 1000, 0, ' µs')} per test`);
console.log(`  ratio (with / without, per round): ${spread(inVitest.ratios, 1, 2, 'x')}`);
console.log(
  `  added per test: ${spread(
    inVitest.plain.map((p, i) => inVitest.checked[i] - p),
    1000,
    0,
    ' µs',
  )}`,
);
process.exitCode = 0;

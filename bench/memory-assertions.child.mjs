// One "many assertions" memory measurement in plain Node, started by memory.bench.mjs with
// `node --expose-gc`: `pass` passing and `fail` failing assertions (each failure's message built and read)
// through jest's `expect`, with the library's matchers ("library") or the runner's built-ins ("bare").
// Prints one JSON line: memory after forced GC before, after the passing ones, after the failing ones, and
// once the job has ended; and the active resources (timers, sockets) before and after.
//
//   node --expose-gc bench/memory-assertions.child.mjs '{"variant":"library","pass":100000,"fail":10000}'
import { createRequire } from 'node:module';
import { expect } from 'expect';
import { packageEntry } from './lib.mjs';

const { activeResources, assertions, memory, realResponses } = createRequire(import.meta.url)(
  './memory-assertions.cjs',
);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const { variant, pass, fail } = JSON.parse(process.argv[2] ?? '{}');
const { matchers } = await import(packageEntry('index.js'));
if (variant === 'library') expect.extend(matchers);

const check = assertions(expect, await realResponses(), variant);
/** Ends the job (timer turns), then GC: what is left is held by something, not merely kept for the job. */
async function afterJob() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return memory();
}

// Warm-up: every code path once (the library's lazy parts, jest's message formatting), then a clean baseline.
for (let i = 0; i < 200; i++) check.pass(i);
for (let i = 0; i < 20; i++) check.fail(i);
const before = await afterJob();
const resourcesBefore = activeResources();
// A task turn every EVERY assertions, as between tests that wait for I/O: what a job keeps for its own length
// (undici 6 keeps each Response it makes until the job ends; see memory.child.mjs) is not counted as growth.
const EVERY = 1000;
const turn = () => new Promise((resolve) => setImmediate(resolve));
const started = performance.now();
for (let i = 0; i < pass; i++) {
  check.pass(i);
  if (i % EVERY === EVERY - 1) await turn();
}
const afterPass = memory();
let messageChars = 0;
for (let i = 0; i < fail; i++) {
  messageChars += check.fail(i);
  if (i % EVERY === EVERY - 1) await turn();
}
const afterFail = memory();
const elapsed = performance.now() - started;
const ended = await afterJob();
process.stdout.write(
  `${JSON.stringify({ node: process.version, variant, pass, fail, elapsed, messageChars, before, afterPass, afterFail, afterJob: ended, resourcesBefore, resourcesAfter: activeResources() })}\n`,
);

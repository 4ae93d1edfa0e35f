// Memory: what body matchers on fetch Responses keep alive, on every Node of the version matrix.
// Each cell is a fresh `node --expose-gc` process (bench/memory.child.mjs) that checks `count` fresh
// Responses one way and reports the heap and ArrayBuffer memory after forced GC: before the first one,
// after the last one while still in the same job (what the rest of a test file sees), and once the job
// has ended. The library is measured twice, both bundled here from one copy of src/: as it is ("after"),
// and with the fix (a task turn after reading a clone) taken out by bench/read-body-yield.mjs ("before"),
// so the fix's effect stays measured (the change is left in .cache/bench/memory/read-body-yield.diff).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, fmtRatio, fmtTime, jsonOfSize, PACKAGE, QUICK, ratioRounds, sized, spread, table } from './lib.mjs';
import { ensureNode, NODE_VERSIONS } from '../scripts/node-binaries.mjs';
import { READ_BODY_PATHS, removeYieldFix } from './read-body-yield.mjs';

// How the results table names each kind of cell.
const CELL_WORDS = { constructed: 'in-process', msw: 'with msw' };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, '.cache', 'bench', 'memory');
// Responses per cell. The baseline of a fresh process moves by a megabyte or two, so more responses make
// the per-1,000 figures steadier; in-process ones are fast, msw and a real socket slower.
const COUNT = sized({ constructed: 5000, msw: 3000, http: 1000 }, { constructed: 50, msw: 20, http: 20 });
const LARGE_COUNT = sized(100, 3);
// In-process cells take a second or two: each is run three times and the median shown.
const REPEATS = sized({ constructed: 3, msw: 1, http: 1 }, { constructed: 1, msw: 1, http: 1 });
const TIME_LIMIT = 60_000;

// --- the two builds ------------------------------------------------------------------------------

rmSync(WORK, { recursive: true, force: true });
const builds = { before: join(WORK, 'before', 'index.js'), after: join(WORK, 'after', 'index.js') };
// src/ as last committed (git archive only reads the repository): the working tree may be mid-edit.
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
const archive = head
  ? spawnSync('git', ['archive', '--format=tar', 'HEAD', 'src'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 })
  : undefined;
const srcFrom = archive?.status === 0 ? `commit ${head}` : 'the working tree';
for (const name of Object.keys(builds)) {
  mkdirSync(join(WORK, name), { recursive: true });
  if (archive?.status === 0) spawnSync('tar', ['-x', '-C', join(WORK, name)], { input: archive.stdout });
  else cpSync(join(ROOT, 'src'), join(WORK, name, 'src'), { recursive: true });
}
// "after" is src/ as it is; "before" the same with the fix taken out by text (bench/read-body-yield.mjs).
const READ_BODY = READ_BODY_PATHS.find((path) => existsSync(join(WORK, 'before', path))) ?? READ_BODY_PATHS[0];
const patchedSource = existsSync(join(WORK, 'before', READ_BODY))
  ? removeYieldFix(readFileSync(join(WORK, 'before', READ_BODY), 'utf8'))
  : new Error(`none of ${READ_BODY_PATHS.join(', ')} exists`);
let patchNote = '';
if (patchedSource instanceof Error) {
  // src/ moved on: the section still reports the library as it is, and says why "after" is missing.
  patchNote = `The fix could not be taken out of src/ (${patchedSource.message}), so only "after" is measured.`;
  delete builds.before;
} else {
  writeFileSync(join(WORK, 'before', READ_BODY), patchedSource);
  const diff = spawnSync(
    'diff',
    [
      '-u',
      '--label',
      `a/${READ_BODY}`,
      '--label',
      `b/${READ_BODY}`,
      join(WORK, 'before', READ_BODY),
      join(WORK, 'after', READ_BODY),
    ],
    { encoding: 'utf8' },
  );
  writeFileSync(join(WORK, 'read-body-yield.diff'), diff.stdout);
  // BENCH_QUICK=1: the fix is still taken out above (that code runs), but only "after" is built and measured.
  if (QUICK) delete builds.before;
}
const { build } = await import('tsup');
for (const name of Object.keys(builds)) {
  const common = {
    outDir: join(WORK, name),
    dts: false,
    silent: true,
    config: false,
    tsconfig: join(ROOT, 'tsconfig.json'),
  };
  const entry = (file) => join(WORK, name, 'src', file);
  // The core for the processes below, and the runner entries for the test files of the last table.
  await build({ ...common, entry: { index: entry('index.ts') }, format: ['esm'], platform: 'neutral' });
  await build({
    ...common,
    entry: { vitest: entry('vitest.ts') },
    format: ['esm'],
    platform: 'node',
    external: ['vitest'],
  });
  await build({
    ...common,
    entry: { jest: entry('jest.ts') },
    format: ['cjs'],
    platform: 'node',
    external: ['expect'],
  });
}

// --- the cells -----------------------------------------------------------------------------------

const nodes = [
  { label: `${process.version.slice(1)}`, bin: process.execPath },
  // BENCH_QUICK=1: this Node only, so a smoke test installs nothing.
  ...(QUICK ? [] : NODE_VERSIONS).map((version) => ({ label: version, bin: ensureNode(version) })),
];

function measure(node, options) {
  const child = spawnSync(
    node.bin,
    ['--expose-gc', join(ROOT, 'bench', 'memory.child.mjs'), JSON.stringify({ timeLimit: TIME_LIMIT, ...options })],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: TIME_LIMIT * 2,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (child.status !== 0)
    throw new Error(
      `memory cell ${node.label} ${JSON.stringify(options)} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`,
    );
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1));
  // Bytes kept per 1,000 responses: heap and ArrayBuffers (body bytes live outside the heap).
  const per1000 = (at) =>
    ((at.heapUsed - r.before.heapUsed + at.arrayBuffers - r.before.arrayBuffers) / r.count) * 1000;
  r.inJobPer1000 = per1000(r.inJob);
  r.afterJobPer1000 = per1000(r.afterJob);
  process.stderr.write(
    `  ${node.label.padEnd(8)} ${options.source.padEnd(11)} ${(options.variant + (options.build ? ` (${options.build})` : '')).padEnd(20)} ${String(r.count).padStart(5)} × ${r.bodyBytes} B: ${fmtMB(r.inJobPer1000)} per 1,000 in the job, ${fmtMB(r.afterJobPer1000)} after it\n`,
  );
  return r;
}

const VARIANTS = [
  { key: 'user-reads', label: 'user reads the body, no clone' },
  { key: 'bare-clone', label: '`expect(await res.clone().json()).toEqual(x)`' },
  { key: 'library', build: 'before', label: '`toHaveJsonBody(x)`, before' },
  { key: 'library', build: 'after', label: '`toHaveJsonBody(x)`, with the fix' },
].filter((v) => !v.build || builds[v.build]);
// BENCH_QUICK=1 measures one variant of each kind of cell, the library as it is: the code paths, not the figures.
const quickCut = (list) =>
  QUICK ? list.filter((v) => v.build === 'after' || (!v.build && v.key === 'library')) : list;

/** Each cell `repeats` times, in fresh processes; the figures are the medians. */
function cells(source, size, count, repeats = 1) {
  const out = [];
  for (const node of nodes) {
    for (const v of quickCut(VARIANTS)) {
      const runs = Array.from({ length: repeats }, () =>
        measure(node, { variant: v.key, build: v.build, lib: v.build && builds[v.build], source, size, count }),
      );
      const mid = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
      out.push({
        node,
        v,
        r: { ...runs[0], inJobPer1000: mid('inJobPer1000'), afterJobPer1000: mid('afterJobPer1000') },
      });
    }
  }
  return out;
}

process.stderr.write('memory: responses of 1 KB\n');
const small = Object.fromEntries(
  Object.entries(COUNT).map(([source, count]) => [source, cells(source, 1000, count, REPEATS[source])]),
);
process.stderr.write(`memory: ${LARGE_COUNT} responses of 1 MB per cell\n`);
const large = cells('constructed', sized(1000 ** 2, 10_000), LARGE_COUNT);

process.stderr.write('memory: fixes tried outside the library\n');
const TRIED = [
  { key: 'clone+reader', label: 'clone, read through a reader to the end (what the library does)' },
  { key: 'clone+releaseLock', label: '+ `reader.releaseLock()` after the read' },
  { key: 'clone+cancel', label: '+ `reader.cancel()` after the read' },
  { key: 'clone+arrayBuffer', label: 'clone, `arrayBuffer()` instead of a reader' },
  { key: 'read-original', label: 'no clone: read the original (takes the body from the user)' },
];
const triedNodes = nodes.slice(0, 2);
const tried = sized(TRIED, TRIED.slice(0, 1)).map((t) => ({
  t,
  r: triedNodes.map((node) =>
    measure(node, { variant: t.key, source: 'constructed', size: 1000, count: COUNT.constructed }),
  ),
}));

// The same inside real test files: one file of TESTS tests, each checking one in-process Response,
// run by vitest (its default forks pool) and by jest (in band, so --expose-gc reaches the tests); the
// first test takes the baseline, the last one measures, both after a forced GC, as the file runs.
const TESTS = sized(2000, 20);
const RUNNER = join(WORK, 'runner');
mkdirSync(RUNNER, { recursive: true });
const testFile = (
  runner,
) => `${runner === 'vitest' ? "import { expect, test } from 'vitest';\nimport { writeFileSync } from 'node:fs';" : "const { writeFileSync } = require('node:fs');"}
const text = process.env.MEM_TEXT;
const expected = JSON.parse(text);
const headers = { 'content-type': 'application/json' };
const mode = process.env.MEM_MODE;
let before;
const heap = () => { globalThis.gc(); const m = process.memoryUsage(); return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers }; };
test('baseline', () => { before = heap(); });
for (let i = 0; i < ${TESTS}; i++) {
  test(\`response \${i}\`, async () => {
    const res = new Response(text, { headers });
    if (mode === 'library') await expect(res).toHaveJsonBody(expected);
    else if (mode === 'bare-clone') expect(await res.clone().json()).toEqual(expected);
    else expect(await res.json()).toEqual(expected);
  });
}
test('measure', () => { writeFileSync(process.env.MEM_OUT, JSON.stringify({ before, after: heap(), node: process.version })); });
`;
writeFileSync(join(RUNNER, 'memory.test.mjs'), testFile('vitest'));
writeFileSync(join(RUNNER, 'memory.test.cjs'), testFile('jest'));
writeFileSync(
  join(RUNNER, 'vitest.config.mjs'),
  "export default { test: { include: ['memory.test.mjs'], execArgv: ['--expose-gc'], setupFiles: [process.env.MEM_SETUP], reporters: ['dot'] } };\n",
);
writeFileSync(
  join(RUNNER, 'jest.config.cjs'),
  "module.exports = { rootDir: __dirname, testEnvironment: 'node', testMatch: ['<rootDir>/memory.test.cjs'], setupFilesAfterEnv: [process.env.MEM_SETUP] };\n",
);
const RUNNER_TEXT = jsonOfSize(1000);
function runFile(runner, mode, build) {
  const out = join(RUNNER, 'result.json');
  rmSync(out, { force: true });
  const env = {
    ...process.env,
    MEM_MODE: mode,
    MEM_OUT: out,
    MEM_TEXT: RUNNER_TEXT,
    MEM_SETUP: join(WORK, build, runner === 'vitest' ? 'vitest.js' : 'jest.cjs'),
    FORCE_COLOR: '0',
    CI: 'true',
  };
  const args =
    runner === 'vitest'
      ? [
          join(ROOT, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--root',
          RUNNER,
          '--config',
          join(RUNNER, 'vitest.config.mjs'),
        ]
      : ['--expose-gc', join(ROOT, 'node_modules/jest/bin/jest.js'), '-c', join(RUNNER, 'jest.config.cjs'), '-i'];
  const child = spawnSync(process.execPath, args, { cwd: RUNNER, env, encoding: 'utf8', timeout: TIME_LIMIT * 2 });
  if (child.status !== 0)
    throw new Error(
      `${runner} memory file (${mode}, ${build}) failed (exit ${child.status}):\n${(child.stdout + child.stderr).slice(-3000)}`,
    );
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const kept = ((r.after.heapUsed - r.before.heapUsed + r.after.arrayBuffers - r.before.arrayBuffers) / TESTS) * 1000;
  process.stderr.write(`  ${runner} file, ${mode} (${build}): ${fmtMB(kept)} per 1,000 tests\n`);
  return kept;
}
const RUNNER_VARIANTS = VARIANTS.map((v) => ({ ...v, mode: v.key, setup: v.build ?? 'before' }));
process.stderr.write(`memory: test files of ${TESTS} tests\n`);
const runnerRows = quickCut(RUNNER_VARIANTS).map((v) => [
  v.label,
  ...['vitest', 'jest'].map((runner) => fmtMB(runFile(runner, v.mode, v.setup))),
]);

// Many assertions: PASSES passing and FAILS failing ones (each failure's message built and read), with the
// library's matchers and with the runner's built-ins on the same values (bench/memory-assertions.cjs): in a
// plain Node process through jest's `expect` (memory-assertions.child.mjs, a task turn every 1,000 assertions),
// and inside a vitest and a jest test file of ASSERTION_TESTS tests.
const PASSES = sized(100_000, 500);
const FAILS = sized(10_000, 50);
const ASSERTION_REPEATS = sized(3, 1);
const ASSERTION_TESTS = sized(1000, 5);
const HELPERS = join(ROOT, 'bench', 'memory-assertions.cjs');
const ASSERTION_VARIANTS = [
  { key: 'bare', label: "the runner's built-ins (`toBe`, `toMatch`), nothing registered" },
  { key: 'library', label: 'expect-http (`toHaveStatus`, `toBeSuccessful`, `toHaveHeader`, `.not.toBeServerError`)' },
];
const megabytes = (from, to) => to.heapUsed - from.heapUsed + to.arrayBuffers - from.arrayBuffers;
const resourcesText = (counts) =>
  Object.entries(counts)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ') || 'none';
/** The active resources before and after: "unchanged" when every count is the same. */
const resourcesChange = (before, after) =>
  resourcesText(before) === resourcesText(after)
    ? `unchanged (${resourcesText(before)})`
    : `${resourcesText(before)} → ${resourcesText(after)}`;
process.stderr.write(`memory: ${PASSES} passing and ${FAILS} failing assertions\n`);
const plainAssertions = ASSERTION_VARIANTS.map((v) => {
  const runs = [];
  for (let i = 0; i < ASSERTION_REPEATS; i++) {
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        join(ROOT, 'bench', 'memory-assertions.child.mjs'),
        JSON.stringify({ variant: v.key, pass: PASSES, fail: FAILS }),
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: TIME_LIMIT * 4, env: { ...process.env } },
    );
    if (child.status !== 0)
      throw new Error(`assertions memory (${v.key}) failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1));
    runs.push(r);
    process.stderr.write(
      `  plain ${v.key}: ${fmtMB(megabytes(r.before, r.afterPass))} after passes, ${fmtMB(megabytes(r.before, r.afterFail))} after failures, ${fmtMB(megabytes(r.before, r.afterJob))} after the job\n`,
    );
  }
  const mid = (fn) => spread(runs.map(fn)).median;
  return {
    v,
    afterPass: mid((r) => megabytes(r.before, r.afterPass)),
    afterFail: mid((r) => megabytes(r.before, r.afterFail)),
    afterJob: mid((r) => megabytes(r.before, r.afterJob)),
    elapsed: mid((r) => r.elapsed),
    messageChars: runs[0].messageChars / FAILS,
    resources: resourcesChange(runs[0].resourcesBefore, runs[0].resourcesAfter),
  };
});

const ASSERTIONS_DIR = join(WORK, 'assertions');
mkdirSync(ASSERTIONS_DIR, { recursive: true });
const PER_TEST_PASS = PASSES / ASSERTION_TESTS;
const PER_TEST_FAIL = FAILS / ASSERTION_TESTS;
const assertionsFile = (runner) => `${
  runner === 'vitest'
    ? `import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
const require = createRequire(import.meta.url);`
    : "const { writeFileSync } = require('node:fs');"
}
const { activeResources, assertions, memory, realResponses } = require(${JSON.stringify(HELPERS)});
let check;
let before;
let resourcesBefore;
beforeAll(async () => {
  check = assertions(expect, await realResponses(), process.env.MEM_VARIANT);
});
test('warm-up and baseline', () => {
  for (let i = 0; i < 200; i++) check.pass(i);
  for (let i = 0; i < 20; i++) check.fail(i);
  before = memory();
  resourcesBefore = activeResources();
});
for (let t = 0; t < ${ASSERTION_TESTS}; t++) {
  test(\`assertions \${t}\`, () => {
    for (let i = 0; i < ${PER_TEST_PASS}; i++) check.pass(t * ${PER_TEST_PASS} + i);
    for (let i = 0; i < ${PER_TEST_FAIL}; i++) check.fail(t * ${PER_TEST_FAIL} + i);
  });
}
test('measure', () => {
  writeFileSync(process.env.MEM_OUT, JSON.stringify({ before, after: memory(), resourcesBefore, resourcesAfter: activeResources() }));
});
`;
writeFileSync(join(ASSERTIONS_DIR, 'assertions.test.mjs'), assertionsFile('vitest'));
writeFileSync(join(ASSERTIONS_DIR, 'assertions.test.cjs'), assertionsFile('jest'));
writeFileSync(
  join(ASSERTIONS_DIR, 'vitest.config.mjs'),
  "export default { test: { include: ['assertions.test.mjs'], execArgv: ['--expose-gc'], setupFiles: process.env.MEM_SETUP ? [process.env.MEM_SETUP] : [], reporters: ['dot'], testTimeout: 600000 } };\n",
);
writeFileSync(
  join(ASSERTIONS_DIR, 'jest.config.cjs'),
  "module.exports = { rootDir: __dirname, testEnvironment: 'node', testMatch: ['<rootDir>/assertions.test.cjs'], setupFilesAfterEnv: process.env.MEM_SETUP ? [process.env.MEM_SETUP] : [], testTimeout: 600000 };\n",
);
function runAssertionsFile(runner, variant) {
  const out = join(ASSERTIONS_DIR, 'result.json');
  rmSync(out, { force: true });
  const setup = variant === 'library' ? join(PACKAGE, 'dist', runner === 'vitest' ? 'vitest.js' : 'jest.cjs') : '';
  const env = { ...process.env, MEM_VARIANT: variant, MEM_OUT: out, MEM_SETUP: setup, FORCE_COLOR: '0', CI: 'true' };
  const args =
    runner === 'vitest'
      ? [
          join(ROOT, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--root',
          ASSERTIONS_DIR,
          '--config',
          join(ASSERTIONS_DIR, 'vitest.config.mjs'),
        ]
      : [
          '--expose-gc',
          join(ROOT, 'node_modules/jest/bin/jest.js'),
          '-c',
          join(ASSERTIONS_DIR, 'jest.config.cjs'),
          '-i',
        ];
  const child = spawnSync(process.execPath, args, {
    cwd: ASSERTIONS_DIR,
    env,
    encoding: 'utf8',
    timeout: TIME_LIMIT * 4,
  });
  if (child.status !== 0)
    throw new Error(
      `${runner} assertions file (${variant}) failed (exit ${child.status}):\n${(child.stdout + child.stderr).slice(-3000)}`,
    );
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const kept = megabytes(r.before, r.after);
  process.stderr.write(`  ${runner} file, ${variant}: ${fmtMB(kept)} after all assertions\n`);
  return { kept, resources: resourcesChange(r.resourcesBefore, r.resourcesAfter) };
}
const runnerAssertions = quickCut(ASSERTION_VARIANTS).map((v) => ({
  v,
  vitest: runAssertionsFile('vitest', v.key),
  jest: runAssertionsFile('jest', v.key),
}));

// The fix's price per call: toHaveJsonBody on a 1 KB in-process Response, before against after, in
// interleaved rounds in this process (both builds registered under their own names).
let cost;
if (builds.after && builds.before) {
  process.stderr.write('memory: the fix, time per call\n');
  const { expect } = await import('expect');
  const before = await import(builds.before);
  const after = await import(builds.after);
  expect.extend({
    toHaveJsonBodyBefore: before.matchers.toHaveJsonBody,
    toHaveJsonBodyAfter: after.matchers.toHaveJsonBody,
  });
  const text = jsonOfSize(1000);
  const expected = JSON.parse(text);
  const headers = { 'content-type': 'application/json' };
  [cost] = await ratioRounds(
    [
      {
        name: 'patch',
        lib: async () => {
          await expect(new Response(text, { headers })).toHaveJsonBodyAfter(expected);
        },
        bare: async () => {
          await expect(new Response(text, { headers })).toHaveJsonBodyBefore(expected);
        },
      },
    ],
    { rounds: 9, calls: 100, blocks: 30 },
  );
}

// --- the report ----------------------------------------------------------------------------------

function fmtMB(bytes) {
  const mb = bytes / 1e6;
  if (Math.abs(mb) < 0.05) return '0.0 MB';
  // Below zero is the baseline's own movement: shown with its sign rather than hidden.
  return `${mb < 0 ? '−' : ''}${Math.abs(mb).toFixed(Math.abs(mb) < 10 ? 1 : 0)} MB`;
}
const undiciOf = (label) => small.constructed.find((c) => c.node.label === label).r.undici;
const nodeHeader = nodes.map((n) => `Node ${n.label} (undici ${undiciOf(n.label)})`);
const grid = (list, pick) =>
  VARIANTS.map((v) => [
    v.label,
    ...nodes.map((n) => {
      const cell = list.find((c) => c.node === n && c.v === v);
      return cell ? pick(cell.r) : '—';
    }),
  ]);
const inJob = (r) => fmtMB(r.inJobPer1000);
const both = (r) => `${fmtMB(r.inJobPer1000)} (${fmtMB(r.afterJobPer1000)})`;
const at = (list, label, v) => list.find((c) => c.node.label === label && c.v === v)?.r ?? { inJobPer1000: NaN };
const lib = VARIANTS.find((v) => v.build === 'before');
const fixed = VARIANTS.find((v) => v.build === 'after');
const node20 = nodes[0].label;

emit(`
## Memory: what a fetch clone keeps alive, per Node version

Heap plus ArrayBuffer memory after forced GC, per 1,000 fresh 1 KB (${small.constructed[0].r.bodyBytes} bytes) JSON
Responses each checked once and dropped (${Object.entries(COUNT)
  .map(([k, n]) => `${n.toLocaleString('en-US')} per cell ${CELL_WORDS[k] ?? 'over HTTP'}`)
  .join(', ')}), each cell a fresh
\`node --expose-gc\` process (bench/memory.child.mjs; in-process cells: the median of ${REPEATS.constructed}), measured after the last response while still in the same job,
as the rest of a test file sees it; in brackets, once the job has ended. "after" is the library's src/ at ${srcFrom},
"before" the same with the fix (the task turn in read-body.ts) taken out by bench/read-body-yield.mjs, both bundled here by tsup.${patchNote ? ` ${patchNote}` : ''}

**Why it grows.** undici 6 (Node 20 and 22) makes a \`WeakRef\` to each of the two streams of every
\`Response.clone()\`, and V8 keeps the target of every WeakRef made during a job alive until the microtask queue
drains. A test file whose tests check in-process Responses (msw, \`new Response\`, a route handler's return value)
never waits for I/O or a timer, so the job, and every clone made in it, lasts to the end of the file (vitest and
jest both run such tests back to back in one job; measured with 2,000 tests per file). The unread original holds the
body, so large bodies are held whole. Once the job ends, nothing is left (the bracketed figures): it is not a leak, it
is retention per job. undici 7 (Node 24) and 8 (Node 26) register no WeakRef for a Response that did not come from
\`fetch\`; a real \`fetch\` over a socket waits for I/O, which ends the job every time. The fix takes its task turn
only where the bundled undici is 6, so on Node 24 and 26 "with the fix" runs the same code as "before".

### In-process Responses (\`new Response(...)\`)

${table(['per 1,000 responses', ...nodeHeader], grid(small.constructed, both))}

### msw (\`setupServer\`, the handler returns a Response)

${table(['per 1,000 responses', ...nodeHeader], grid(small.msw, both))}

msw clones the Response itself, so on Node 20 and 22 it keeps memory without any body check; there the fixed
matcher's task turn ends the job for msw's clones too.

### A real node:http server on 127.0.0.1 (fetch over a socket)

${table(['per 1,000 responses', ...nodeHeader], grid(small.http, both))}

### 1 MB bodies, in-process (${LARGE_COUNT} responses of ${large[0].r.bodyBytes.toLocaleString('en-US')} bytes)

${table(['per 1,000 responses', ...nodeHeader], grid(large, inJob))}

Each clone keeps the whole body for the rest of the job (the original's half of the tee holds it unread).
Figures a few megabytes either side of zero are the baseline's own movement between processes.

### Inside test files (Node ${node20}, ${TESTS.toLocaleString('en-US')} tests in one file, each checking one in-process 1 KB Response)

${table(['per 1,000 tests', 'vitest 4 (forks pool)', 'jest 30 (in band)'], runnerRows)}

The first row is the runner's own bookkeeping per test, the floor. In both runners the clones of every test stay
until the file ends${runnerRows.length > 3 ? `; with the fix the matcher keeps ${runnerRows[3][1]} (vitest) and ${runnerRows[3][2]} (jest) per 1,000 tests, against the floor's ${runnerRows[0][1]} and ${runnerRows[0][2]}` : ''}.

### What was tried (in-process, 1 KB, in the job)

${table(
  ['read of the body', ...triedNodes.map((n) => `Node ${n.label}`)],
  tried.map(({ t, r }) => [t.label, ...r.map((x) => fmtMB(x.inJobPer1000))]),
)}

Releasing or cancelling the clone's reader, or reading it another way, changes nothing: what keeps the streams is
the job, not a reference of ours. Reading the original instead of a clone avoids it, but takes the body from the
user. ${
  fixed
    ? `What works is to end the job: the fix (src/body/read-body.ts) waits one task turn (a \`MessageChannel\`
message, which fake timers do not replace) after reading a clone. On Node ${node20} it takes \`toHaveJsonBody\` from
${fmtMB(at(small.constructed, node20, lib).inJobPer1000)} to ${fmtMB(at(small.constructed, node20, fixed).inJobPer1000)} per 1,000 in-process responses, and from ${fmtMB(at(large, node20, lib).inJobPer1000)} to ${fmtMB(at(large, node20, fixed).inJobPer1000)} per 1,000 1 MB ones.`
    : ''
}
${
  cost
    ? `Its price per call (1 KB in-process Response, jest's \`expect\`, ${cost.ratio.n} interleaved rounds): ${fmtTime(cost.lib.median)} after against
${fmtTime(cost.bare.median)} before, ${fmtRatio(cost.ratio)}, ${fmtTime(cost.diff.median)} per call (median of the per-round differences).`
    : ''
}

### Many assertions: ${PASSES.toLocaleString('en-US')} passing and ${FAILS.toLocaleString('en-US')} failing, each failure's message built

Status and header checks on held real responses of fetch, undici.request, supertest and axios from a local node:http
server, and on a fresh in-process fetch \`Response\` every fifth time (so per-response caches see new keys); each
failure is a 500 with a 1 KB JSON body, caught and its message read (expect-http's: ${plainAssertions[1].messageChars.toFixed(0)} characters on average, the
runner's: ${plainAssertions[0].messageChars.toFixed(0)}). Heap plus ArrayBuffer memory after forced GC, against the same process after a warm-up.
In plain Node ${process.version} through jest's \`expect\`, with a task turn every 1,000 assertions as between tests
that wait for I/O (median of ${ASSERTION_REPEATS} fresh processes each):

${table(
  [
    'assertions',
    'after the passing ones',
    'after the failing ones too',
    'once the job has ended',
    'time for all',
    'active resources before → after',
  ],
  plainAssertions.map((a) => [
    a.v.label,
    fmtMB(a.afterPass),
    fmtMB(a.afterFail),
    fmtMB(a.afterJob),
    fmtTime(a.elapsed),
    a.resources,
  ]),
)}

Inside test files: one file of ${ASSERTION_TESTS.toLocaleString('en-US')} tests, each with ${PER_TEST_PASS} passing and ${PER_TEST_FAIL} failing assertions,
measured in its last test against its first (expect-http in \`setupFiles\` / \`setupFilesAfterEnv\` from the built package, or nothing registered):

${table(
  ['assertions', 'vitest 4 (forks pool)', 'jest 30 (in band)', 'active resources before → after (vitest; jest)'],
  runnerAssertions.map((a) => [
    a.v.label,
    fmtMB(a.vitest.kept),
    fmtMB(a.jest.kept),
    `${a.vitest.resources}; ${a.jest.resources}`,
  ]),
)}

The first row of each table is the runner's own memory for the same number of assertions: the floor. What a row
keeps beyond it is what the library keeps; the active resources (timers, sockets, pipes) are the same before and after
when nothing is left running.
`);

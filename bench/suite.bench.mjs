// A 5,000-test vitest suite of status assertions, run with and without the library: the wall time of
// `vitest run`, rounds in rotating order, and what each test file costs inside its worker, from vitest's
// own per-file timings (setupDuration: importing the setup files; the tests' own durations). Generated
// under .cache/bench/ (git-ignored); each file starts a real node:http server, fetches its responses once,
// then asserts on them in 100 tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, fmtRatio, fmtTime, fmtTimeSpread, PACKAGE, QUICK, sized, spread, table, verdict } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = join(ROOT, '.cache', 'bench', 'suite');
const FILES = sized(50, 2);
const TESTS_PER_FILE = sized(100, 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? sized(3, 1));

const ASSERTIONS = {
  with: [
    'expect(ok).toHaveStatus(200);',
    'expect(missing).toBeClientError();',
    'expect(created).toBeSuccessful();',
    'expect(missing).not.toHaveStatus([200, 201]);',
  ],
  without: [
    'expect(ok.status).toBe(200);',
    'expect(missing.status >= 400 && missing.status < 500).toBe(true);',
    'expect(created.status >= 200 && created.status < 300).toBe(true);',
    'expect([200, 201]).not.toContain(missing.status);',
  ],
};

// Every variant runs the same 50 files; they differ in setupFiles, the pool options and, for the library's,
// the assertions. The floors say what vitest charges for a setup module before the library is in it: one that
// does nothing (vitest's own work per setup file), and one that registers 16 trivial matchers. The last four
// rows are the setups vitest's "Improving Performance" guide documents: isolate: false and pool: 'threads'.
const TRIVIAL = './setup/trivial-matchers.mjs';
const VARIANTS = {
  without: { label: 'no setup file, assertions by hand', setup: null, assertions: 'without' },
  'empty-setup': { label: 'floor: an empty setup module', setup: './setup/empty.mjs', assertions: 'without' },
  'trivial-setup': {
    label: 'floor: a setup module registering 16 trivial matchers',
    setup: TRIVIAL,
    assertions: 'without',
  },
  'setup-only': {
    label: "setupFiles: ['expect-http/vitest'], assertions by hand",
    setup: 'expect-http/vitest',
    assertions: 'without',
  },
  with: {
    label: "setupFiles: ['expect-http/vitest'], the library's matchers",
    setup: 'expect-http/vitest',
    assertions: 'with',
  },
  'no-isolate-floor': {
    label: 'isolate: false, the 16 trivial matchers, by hand',
    setup: TRIVIAL,
    assertions: 'without',
    options: { isolate: false },
  },
  'no-isolate': {
    label: "isolate: false, setupFiles: ['expect-http/vitest'], the library's matchers",
    setup: 'expect-http/vitest',
    assertions: 'with',
    options: { isolate: false },
  },
  'threads-floor': {
    label: "pool: 'threads', the 16 trivial matchers, by hand",
    setup: TRIVIAL,
    assertions: 'without',
    options: { pool: 'threads' },
  },
  threads: {
    label: "pool: 'threads', setupFiles: ['expect-http/vitest'], the library's matchers",
    setup: 'expect-http/vitest',
    assertions: 'with',
    options: { pool: 'threads' },
  },
};
// Each floor or alternative row and the row it is compared with, in the per-file table.
const FLOOR_OF = {
  with: 'trivial-setup',
  'setup-only': 'trivial-setup',
  'no-isolate': 'no-isolate-floor',
  threads: 'threads-floor',
};

// Writes each file's timings, as vitest measured them in its worker, to $SUITE_OUT.
const REPORTER = `import { writeFileSync } from 'node:fs';
export default class FileTimings {
  onTestRunEnd(testModules) {
    const files = testModules.map((m) => {
      const d = m.diagnostic();
      let tests = 0;
      let passed = 0;
      for (const t of m.children.allTests()) {
        tests += t.diagnostic()?.duration ?? 0;
        if (t.result().state === 'passed') passed++;
      }
      return { setup: d.setupDuration, collect: d.collectDuration, prepare: d.prepareDuration, environment: d.environmentSetupDuration, tests, passed };
    });
    writeFileSync(process.env.SUITE_OUT, JSON.stringify(files));
  }
}
`;

function generate(variant) {
  const { setup, assertions: kind, options = {} } = VARIANTS[variant];
  const dir = join(BASE, variant);
  mkdirSync(BASE, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  mkdirSync(join(dir, 'setup'), { recursive: true });
  writeFileSync(join(dir, 'setup', 'empty.mjs'), 'export {};\n');
  // As many matchers as expect-http 0.1.0 registered, each as small as a matcher can be.
  writeFileSync(
    join(dir, 'setup', 'trivial-matchers.mjs'),
    `import { expect } from 'vitest';\n\nexpect.extend({\n${Array.from(
      { length: 16 },
      (_, i) => `  toBeTrivially${i}: (received) => ({ pass: received !== undefined, message: () => '' }),\n`,
    ).join('')}});\n`,
  );
  writeFileSync(join(dir, 'file-timings.mjs'), REPORTER);
  // A project of its own, as a user's is. Without a package.json the nearest one is this repository's, named
  // expect-http: 'expect-http/vitest' then resolves to the repository's own dist/ by self-reference, outside
  // node_modules, and vitest transforms it and runs it through its module runner in every test file (16-26 ms more
  // per file than the same files loaded by Node from node_modules; decisions/0009).
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `suite-bench-${variant}`, private: true })}\n`);
  if (setup === 'expect-http/vitest') {
    // A copy in node_modules, as npm installs it: package.json and dist/. (A symlink to this repository
    // would make vitest see a file outside node_modules and transform it in every test file.)
    const target = join(dir, 'node_modules', 'expect-http');
    mkdirSync(target, { recursive: true });
    cpSync(join(PACKAGE, 'package.json'), join(target, 'package.json'));
    cpSync(join(PACKAGE, 'dist'), join(target, 'dist'), { recursive: true });
  }
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: ${JSON.stringify({
      include: ['test/**/*.test.mjs'],
      reporters: ['dot', './file-timings.mjs'],
      ...(setup && { setupFiles: [setup] }),
      ...options,
    })} };\n`,
  );
  const assertions = ASSERTIONS[kind];
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from(
      { length: TESTS_PER_FILE },
      (_, t) => `test('status ${t}', () => {\n  ${assertions[t % assertions.length]}\n});`,
    ).join('\n');
    writeFileSync(
      join(dir, 'test', `status-${String(f).padStart(2, '0')}.test.mjs`),
      `import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';

let server;
let ok;
let missing;
let created;
beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(Number(req.url.slice(1)), { 'content-type': 'application/json' }).end('{}'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = \`http://127.0.0.1:\${server.address().port}\`;
  [ok, missing, created] = await Promise.all([200, 404, 201].map((code) => fetch(\`\${base}/\${code}\`)));
});
afterAll(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));

${tests}
`,
    );
  }
  return dir;
}

function runSuite(dir) {
  const out = join(dir, 'file-timings.json');
  rmSync(out, { force: true });
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true', SUITE_OUT: out },
  });
  const wall = performance.now() - started;
  const files = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
  const passed = files.reduce((n, f) => n + f.passed, 0);
  if (child.status !== 0 || passed !== FILES * TESTS_PER_FILE) {
    throw new Error(
      `suite in ${dir} failed (exit ${child.status}, ${passed} passed)\n${child.stdout.slice(-3000)}\n${child.stderr.slice(-3000)}`,
    );
  }
  return { wall, files };
}

// The machine's speed during the run, so per-file figures of different runs can be compared: a fresh
// Node process importing vitest, timed inside the process, before and after the rounds.
function vitestImport() {
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const t0 = performance.now(); await import('vitest'); console.log(performance.now() - t0);",
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout.trim());
}
const speed = [];
for (let i = 0; i < sized(3, 1); i++) speed.push(vitestImport());

// BENCH_QUICK=1 runs one variant of each kind (none, a floor, the library, an option); the others show as NaN.
const QUICK_VARIANTS = ['without', 'trivial-setup', 'with', 'no-isolate'];
const names = Object.keys(VARIANTS).filter((v) => !QUICK || QUICK_VARIANTS.includes(v));
const allNames = Object.keys(VARIANTS);
const dirs = Object.fromEntries(names.map((v) => [v, generate(v)]));
// One unmeasured run each, so vite's transform cache is warm for all, as in a developer's repeated runs.
if (!QUICK) for (const v of names) runSuite(dirs[v]);
const walls = Object.fromEntries(allNames.map((v) => [v, []]));
// Per variant, per round: vitest's timings of each file.
const rounds = Object.fromEntries(allNames.map((v) => [v, []]));
const ratios = Object.fromEntries(names.filter((v) => v !== 'without').map((v) => [v, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so no variant always runs first or last.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  const t = {};
  for (const v of order) {
    const run = runSuite(dirs[v]);
    t[v] = run.wall;
    rounds[v].push(run.files);
  }
  for (const v of names) walls[v].push(t[v]);
  for (const v of Object.keys(ratios)) ratios[v].push(t[v] / t.without);
  process.stderr.write(
    `  round ${round + 1}/${ROUNDS}: ${names.map((v) => `${v} ${(t[v] / 1000).toFixed(2)} s`).join(', ')}\n`,
  );
}

for (let i = 0; i < sized(3, 1); i++) speed.push(vitestImport());

// Per file, inside the worker: medians over every file of every round (FILES × ROUNDS each).
const PHASES = {
  setup: (f) => f.setup,
  collect: (f) => f.collect,
  load: (f) => f.setup + f.collect,
  prepare: (f) => f.prepare,
  tests: (f) => f.tests,
};
const perFile = (v, phase) => spread(rounds[v].flat().map(PHASES[phase]));
const roundMedian = (v, phase, round) => spread((rounds[v][round] ?? []).map(PHASES[phase])).median;
/** Per round: the median file's figure of `v` against that of `base`, as a ratio or a difference. */
const against = (v, base, phase, fn) =>
  spread(rounds[v].map((_, r) => fn(roundMedian(v, phase, r), roundMedian(base, phase, r))));
const ratioOf = (a, b) => a / b;
const minus = (a, b) => a - b;
// The setup files' time summed over the files of a run (median over rounds): what the suite pays in all.
const setupSum = (v) => spread(rounds[v].map((files) => files.reduce((n, f) => n + f.setup, 0)));

const TARGET = 1.2;
const libVsFloor = against('with', 'trivial-setup', 'setup', ratioOf);
const wallSpread = spread(walls.without);
const workers = Math.max(availableParallelism() - 1, 1);
const vitestOwn = perFile('empty-setup', 'setup');
const libraryLoad = against('setup-only', 'trivial-setup', 'setup', minus);
const showSetup = (v) => (VARIANTS[v].setup ? fmtTimeSpread(perFile(v, 'setup')) : '0 (none)');

emit(`
## A 5,000-test suite with and without the library: per-file load against the floors (target ≤ ${TARGET}x the 16-matcher floor): ${verdict(libVsFloor.median <= TARGET)}

${FILES} files × ${TESTS_PER_FILE} tests of status assertions (each file fetches a 200, a 404 and a 201 from its own
local server once, then asserts on them), run by \`vitest run\` with its defaults (the forks pool, each test file in a
fresh child process; here ${workers} worker${workers > 1 ? 's' : ''} at a time: vitest takes the available cores minus one, ${availableParallelism()} − 1) unless the
row says otherwise. ${QUICK ? 'BENCH_QUICK=1: no warm-up, one round; these figures are not measurements.' : 'One unmeasured warm-up run of each variant, then'} ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} in rotating order. The machine's speed meanwhile: a fresh Node process
imports vitest in ${fmtTimeSpread(spread(speed))} (${speed.length} processes, before and after the rounds), for comparing runs.

### Per test file, measured inside the worker

vitest's own timings of each file: \`setupDuration\` (running the setup files), \`collectDuration\` (importing the
test file, which imports vitest itself when no setup file did), \`prepareDuration\` (starting the worker's runner),
and the tests' own durations. Medians over ${FILES} files × ${ROUNDS} rounds (min–max); "setup, all files" is the
setup time summed over the ${FILES} files of a run, median over the rounds.

${table(
  [
    'variant',
    'setup files',
    'importing the test file',
    'setup + import',
    'worker start',
    `setup, all ${FILES} files`,
    `${TESTS_PER_FILE} tests`,
  ],
  names.map((v) => [
    VARIANTS[v].label,
    showSetup(v),
    fmtTimeSpread(perFile(v, 'collect')),
    fmtTime(perFile(v, 'load').median),
    fmtTime(perFile(v, 'prepare').median),
    fmtTime(setupSum(v).median),
    fmtTime(perFile(v, 'tests').median),
  ]),
)}

Against its floor, per round (the median file of each run; ratio and difference, median (min–max)):

${table(
  ['variant', 'floor', 'setup files: ratio', 'setup files: difference', 'setup + import: ratio'],
  Object.entries(FLOOR_OF).map(([v, base]) => [
    VARIANTS[v].label,
    VARIANTS[base].label,
    fmtRatio(against(v, base, 'setup', ratioOf)),
    fmtTime(against(v, base, 'setup', minus).median),
    fmtRatio(against(v, base, 'load', ratioOf)),
  ]),
)}

**vitest's own work per setup file** is the empty setup module's row: ${fmtTime(vitestOwn.median)} per test file for a module
that does nothing (resolving it, running it through vitest's module runner, reporting). A setup module that imports
vitest and registers 16 trivial matchers costs ${fmtTime(perFile('trivial-setup', 'setup').median)}; it imports vitest, which the test
file would otherwise do itself (the test file's import takes ${fmtTime(perFile('without', 'collect').median)} with no setup file and
${fmtTime(perFile('trivial-setup', 'collect').median)} after this one). \`expect-http/vitest\` adds ${fmtTime(libraryLoad.median)} per test file to that floor (assertions by hand),
${fmtRatio(libVsFloor)} of the floor's setup time with its matchers in use: over ${FILES} files, about
${fmtTime(libraryLoad.median * FILES)} of worker time. vitest runs \`setupFiles\` in every test file's fresh process, so a suite pays it
once per file; the matchers themselves take ${fmtTime(perFile('with', 'tests').median)} for ${TESTS_PER_FILE} tests against ${fmtTime(perFile('setup-only', 'tests').median)} by hand.

**The setups vitest documents for speed.** With \`isolate: false\` the worker keeps its modules between test files:
setup files still run for each file, but the library's module is already loaded, so the setup time over all
${FILES} files is ${fmtTime(setupSum('no-isolate').median)} against ${fmtTime(setupSum('with').median)} isolated (its floor: ${fmtTime(setupSum('no-isolate-floor').median)}); the price is that
test files share module state, which vitest's guide accepts for projects that do not rely on side effects. With
\`pool: 'threads'\` every file still gets a fresh module graph: ${fmtTime(setupSum('threads').median)} over the files (its floor: ${fmtTime(setupSum('threads-floor').median)}).

### Wall time of the whole \`vitest run\`

${table(
  ['suite', 'wall time: median (min–max)', 'ratio to the first row (per round)'],
  [
    [VARIANTS.without.label, fmtTimeSpread(wallSpread), '—'],
    ...names
      .filter((v) => v !== 'without')
      .map((v) => [VARIANTS[v].label, fmtTimeSpread(spread(walls[v])), fmtRatio(spread(ratios[v]))]),
  ],
)}

The wall time of the same suite moves by ${fmtTime(wallSpread.max - wallSpread.min)} between rounds on this machine; the library's per-file load
adds up to about ${fmtTime(libraryLoad.median * FILES)}, so the per-file figures above split the cost where wall times can only bound it.
`);

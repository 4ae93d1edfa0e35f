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
import { emit, fmtRatio, fmtTime, fmtTimeSpread, PACKAGE, spread, table } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = join(ROOT, '.cache', 'bench', 'suite');
const FILES = 50;
const TESTS_PER_FILE = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

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

// Every variant runs the same 50 files; they differ in setupFiles and, for "with", in the assertions.
// The two floors say what vitest charges for a setup module before the library is in it.
const VARIANTS = {
  without: { label: 'no setup file, assertions by hand', setup: null, assertions: 'without' },
  'empty-setup': { label: 'floor: an empty setup module', setup: './setup/empty.mjs', assertions: 'without' },
  'vitest-setup': {
    label: "floor: a setup module that only imports 'vitest'",
    setup: './setup/vitest-only.mjs',
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
  const { setup, assertions: kind } = VARIANTS[variant];
  const dir = join(BASE, variant);
  mkdirSync(BASE, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  mkdirSync(join(dir, 'setup'), { recursive: true });
  writeFileSync(join(dir, 'setup', 'empty.mjs'), 'export {};\n');
  writeFileSync(
    join(dir, 'setup', 'vitest-only.mjs'),
    "import { expect } from 'vitest';\n\nexport const loaded = typeof expect;\n",
  );
  writeFileSync(join(dir, 'file-timings.mjs'), REPORTER);
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
    `export default { test: { include: ['test/**/*.test.mjs'], reporters: ['dot', './file-timings.mjs']${setup ? `, setupFiles: ['${setup}']` : ''} } };\n`,
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
for (let i = 0; i < 3; i++) speed.push(vitestImport());

const names = Object.keys(VARIANTS);
const dirs = Object.fromEntries(names.map((v) => [v, generate(v)]));
// One unmeasured run each, so vite's transform cache is warm for all, as in a developer's repeated runs.
for (const v of names) runSuite(dirs[v]);
const walls = Object.fromEntries(names.map((v) => [v, []]));
const files = Object.fromEntries(names.map((v) => [v, []]));
const ratios = Object.fromEntries(names.filter((v) => v !== 'without').map((v) => [v, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so no variant always runs first or last.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  const t = {};
  for (const v of order) {
    const run = runSuite(dirs[v]);
    t[v] = run.wall;
    files[v].push(...run.files);
  }
  for (const v of names) walls[v].push(t[v]);
  for (const v of Object.keys(ratios)) ratios[v].push(t[v] / t.without);
  process.stderr.write(
    `  round ${round + 1}/${ROUNDS}: ${names.map((v) => `${v} ${(t[v] / 1000).toFixed(2)} s`).join(', ')}\n`,
  );
}

for (let i = 0; i < 3; i++) speed.push(vitestImport());

// Per file, inside the worker: medians over every file of every round (FILES × ROUNDS each).
const perFile = (v, key) => spread(files[v].map((f) => f[key]));
const setup = Object.fromEntries(names.map((v) => [v, perFile(v, 'setup')]));
const testsTime = Object.fromEntries(names.map((v) => [v, perFile(v, 'tests')]));
const libraryLoad = setup['setup-only'].median - setup['vitest-setup'].median;
const libraryLoadWith = setup.with.median - setup['vitest-setup'].median;
const wallSpread = spread(walls.without);
const workers = Math.max(availableParallelism() - 1, 1);

emit(`
## A 5,000-test suite with and without the library

${FILES} files × ${TESTS_PER_FILE} tests of status assertions (each file fetches a 200, a 404 and a 201 from its own
local server once, then asserts on them), run by \`vitest run\` with its defaults: the forks pool, each test file in a
fresh child process, and here ${workers} worker${workers > 1 ? 's' : ''} at a time (vitest takes the available cores minus one: ${availableParallelism()} − 1). One unmeasured
warm-up run of each variant, then ${ROUNDS} rounds in rotating order. The machine's speed meanwhile: a fresh Node process
imports vitest in ${fmtTimeSpread(spread(speed))} (6 processes, before and after the rounds), for comparing runs.

### Per test file, measured inside the worker

vitest's own timings of each file (\`setupDuration\`: running the setup files; the tests' own durations), medians
over ${FILES} files × ${ROUNDS} rounds (min–max):

${table(
  ['variant', 'setup files, per test file', '100 tests, per test file'],
  names.map((v) => [
    VARIANTS[v].label,
    v === 'without' ? '0 (none)' : fmtTimeSpread(setup[v]),
    fmtTimeSpread(testsTime[v]),
  ]),
)}

Loading the library adds **${fmtTime(libraryLoad)} per test file** (${fmtTime(libraryLoadWith)} in the "with" runs) over a setup module that
only imports vitest, which costs ${fmtTime(setup['vitest-setup'].median)}; an empty setup module already costs ${fmtTime(setup['empty-setup'].median)}. vitest runs
\`setupFiles\` in every test file's fresh process, so a suite pays this once per file: about
${fmtTime(libraryLoad * FILES)} of worker time over these ${FILES} files. The matchers themselves: the 100 tests of a file take
${fmtTime(testsTime.with.median)} with them against ${fmtTime(testsTime['setup-only'].median)} by hand.

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

The wall time moves by ${fmtTime(wallSpread.max - wallSpread.min)} between rounds of the same suite on this machine, more than the
library's whole per-file load adds up to (${fmtTime(libraryLoad * FILES)}), so the wall times bound the cost but cannot split it: the per-file
figures above do.
`);

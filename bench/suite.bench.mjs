// A 5,000-test vitest suite of status assertions, run with and without the library: wall time of
// `vitest run`, rounds alternating. Generated under .cache/bench/ (git-ignored); each file starts a real
// node:http server, fetches its responses once, then asserts on them in 100 tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, fmtRatio, fmtTime, fmtTimeSpread, spread, table } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE = join(ROOT, '.cache', 'bench', 'suite');
const FILES = 50;
const TESTS_PER_FILE = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

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

// 'setup-only' loads the library through setupFiles but asserts by hand: it separates what loading the
// library costs from what its assertions cost.
function generate(variant) {
  const dir = join(BASE, variant);
  const assertions = ASSERTIONS[variant === 'with' ? 'with' : 'without'];
  const setup = variant !== 'without';
  mkdirSync(BASE, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  if (setup) {
    // Installed as npm installs it: the packed tarball unpacked into node_modules. (A symlink to this
    // repository would make vitest see a file outside node_modules and transform it in every test file.)
    const target = join(dir, 'node_modules', 'expect-http');
    mkdirSync(target, { recursive: true });
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', BASE], { cwd: ROOT, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const tarball = join(BASE, JSON.parse(pack.stdout)[0].filename);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
    rmSync(tarball);
  }
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['test/**/*.test.mjs']${setup ? ", setupFiles: ['expect-http/vitest']" : ''} } };\n`,
  );
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from({ length: TESTS_PER_FILE }, (_, t) => `test('status ${t}', () => {\n  ${assertions[t % assertions.length]}\n});`).join('\n');
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
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=dot'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true' },
  });
  const wall = performance.now() - started;
  const output = child.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const passed = Number(/Tests\s+(\d+) passed/.exec(output)?.[1] ?? 0);
  if (child.status !== 0 || passed !== FILES * TESTS_PER_FILE) throw new Error(`suite in ${dir} failed (exit ${child.status}, ${passed} passed)\n${output.slice(-3000)}\n${child.stderr.slice(-3000)}`);
  return wall;
}

const VARIANTS = ['without', 'setup-only', 'with'];
const dirs = Object.fromEntries(VARIANTS.map((v) => [v, generate(v)]));
// One unmeasured run each, so vite's transform cache is warm for all, as in a developer's repeated runs.
for (const v of VARIANTS) runSuite(dirs[v]);
const times = Object.fromEntries(VARIANTS.map((v) => [v, []]));
const ratios = { with: [], 'setup-only': [] };
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so no variant always runs first or last.
  const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
  const t = {};
  for (const variant of order) t[variant] = runSuite(dirs[variant]);
  for (const v of VARIANTS) times[v].push(t[v]);
  ratios.with.push(t.with / t.without);
  ratios['setup-only'].push(t['setup-only'] / t.without);
  process.stderr.write(`  round ${round + 1}/${ROUNDS}: ${VARIANTS.map((v) => `${v} ${(t[v] / 1000).toFixed(2)} s`).join(', ')}\n`);
}
const median = (v) => spread(times[v]).median;
const loading = median('setup-only') - median('without');
const asserting = median('with') - median('setup-only');

emit(`
## A 5,000-test suite with and without the library

${FILES} files × ${TESTS_PER_FILE} tests of status assertions (each file fetches a 200, a 404 and a 201 from its own
local server once, then asserts on them), run by \`vitest run\` (vitest's default pool, 2 cores). "with" registers the
matchers through \`setupFiles: ['expect-http/vitest']\` and asserts \`expect(ok).toHaveStatus(200)\`,
\`toBeClientError()\`, …; "without" asserts the same on \`res.status\` by hand. One unmeasured warm-up run each, then
${ROUNDS} rounds in rotating order; wall time of the whole \`vitest run\` process.

${table(
  ['suite', 'wall time: median (min–max)', 'ratio to "without" (per round)'],
  [
    ['without expect-http', fmtTimeSpread(spread(times.without)), '—'],
    ['library loaded by setupFiles, assertions by hand', fmtTimeSpread(spread(times['setup-only'])), fmtRatio(spread(ratios['setup-only']))],
    ['with expect-http', fmtTimeSpread(spread(times.with)), fmtRatio(spread(ratios.with))],
  ],
)}

Of the ${fmtTime(median('with') - median('without'))} between the medians, loading the library accounts for ${fmtTime(loading)}
(vitest runs \`setupFiles\` once per test file, so ${FILES} times: about ${fmtTime(loading / FILES)} each) and the
${(FILES * TESTS_PER_FILE).toLocaleString('en-US')} matcher calls for ${fmtTime(asserting)}; differences below a few hundred
milliseconds are within this machine's run-to-run spread.
`);

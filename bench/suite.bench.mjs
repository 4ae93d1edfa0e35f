// A 5,000-test vitest suite of status assertions, run with and without the library: wall time of
// `vitest run`, rounds alternating. Generated under .cache/bench/ (git-ignored); each file starts a real
// node:http server, fetches its responses once, then asserts on them in 100 tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, fmtRatio, fmtTimeSpread, spread, table } from './lib.mjs';

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

function generate(variant) {
  const dir = join(BASE, variant);
  mkdirSync(BASE, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  if (variant === 'with') {
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
    `export default { test: { include: ['test/**/*.test.mjs']${variant === 'with' ? ", setupFiles: ['expect-http/vitest']" : ''} } };\n`,
  );
  for (let f = 0; f < FILES; f++) {
    const tests = Array.from({ length: TESTS_PER_FILE }, (_, t) => `test('status ${t}', () => {\n  ${ASSERTIONS[variant][t % ASSERTIONS[variant].length]}\n});`).join('\n');
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

const dirs = { with: generate('with'), without: generate('without') };
// One unmeasured run each, so vite's transform cache is warm for both, as in a developer's repeated runs.
runSuite(dirs.without);
runSuite(dirs.with);
const times = { with: [], without: [] };
const ratios = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
  const pair = {};
  for (const variant of order) pair[variant] = runSuite(dirs[variant]);
  times.with.push(pair.with);
  times.without.push(pair.without);
  ratios.push(pair.with / pair.without);
  process.stderr.write(`  round ${round + 1}/${ROUNDS}: without ${(pair.without / 1000).toFixed(2)} s, with ${(pair.with / 1000).toFixed(2)} s\n`);
}

emit(`
## A 5,000-test suite with and without the library

${FILES} files × ${TESTS_PER_FILE} tests of status assertions (each file fetches a 200, a 404 and a 201 from its own
local server once, then asserts on them), run by \`vitest run\` (vitest's default pool, 2 cores). "with" registers the
matchers through \`setupFiles: ['expect-http/vitest']\` and asserts \`expect(ok).toHaveStatus(200)\`,
\`toBeClientError()\`, …; "without" asserts the same on \`res.status\` by hand. One unmeasured warm-up run each, then
${ROUNDS} rounds in alternating order; wall time of the whole \`vitest run\` process.

${table(
  ['suite', 'wall time: median (min–max)'],
  [
    ['without expect-http', fmtTimeSpread(spread(times.without))],
    ['with expect-http', fmtTimeSpread(spread(times.with))],
    ['ratio with / without (per round)', fmtRatio(spread(ratios))],
  ],
)}
`);

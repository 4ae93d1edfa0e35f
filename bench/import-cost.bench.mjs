// Import cost of `expect-http/vitest` in a fresh Node process, against importing vitest alone.
// Each run is a new process (cold module cache); runs alternate so drift hits both sides alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emit, fmtTime, fmtTimeSpread, packageEntry, spread, table, verdict } from './lib.mjs';

const TARGET_MS = 15;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Times inside the process: the import itself, without Node's own start-up.
const VITEST_ONLY = `const t0 = performance.now(); await import('vitest'); const t1 = performance.now();
console.log(JSON.stringify({ vitest: t1 - t0 }));`;
const WITH_LIBRARY = `const t0 = performance.now(); await import('vitest'); const t1 = performance.now();
await import(${JSON.stringify(packageEntry('vitest.js'))}); const t2 = performance.now();
console.log(JSON.stringify({ vitest: t1 - t0, library: t2 - t1 }));`;

function runOnce(code) {
  const started = performance.now();
  // Run from the repository, where vitest resolves; the library is the built package bench/run.mjs copied (see lib.mjs).
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(child.stderr);
  return { wall, ...JSON.parse(child.stdout.trim().split('\n').at(-1)) };
}

const alone = [];
const withLib = [];
for (let i = 0; i < RUNS; i++) {
  alone.push(runOnce(VITEST_ONLY));
  withLib.push(runOnce(WITH_LIBRARY));
  process.stderr.write(`  run ${i + 1}/${RUNS}\n`);
}
const extraInProcess = spread(withLib.map((r) => r.library));
const wallAlone = spread(alone.map((r) => r.wall));
const wallWith = spread(withLib.map((r) => r.wall));
const wallExtra = wallWith.median - wallAlone.median;

emit(`
## Import cost of \`expect-http/vitest\` (target < ${TARGET_MS} ms extra): ${verdict(extraInProcess.median < TARGET_MS && wallExtra < TARGET_MS)}

${RUNS} fresh Node processes each, alternating: one imports \`vitest\`, the other \`vitest\` then \`expect-http/vitest\`
(which loads the whole library and calls \`expect.extend\`). Median (min–max).

${table(
  ['measure', 'vitest alone', 'vitest + expect-http/vitest', 'extra'],
  [
    [
      'import time inside the process',
      fmtTimeSpread(spread(alone.map((r) => r.vitest))),
      `${fmtTimeSpread(spread(withLib.map((r) => r.vitest)))} + ${fmtTimeSpread(extraInProcess)}`,
      fmtTime(extraInProcess.median),
    ],
    ['whole process, wall time', fmtTimeSpread(wallAlone), fmtTimeSpread(wallWith), fmtTime(wallExtra)],
  ],
)}
`);

// Import cost of each entry in plain Node, against importing an empty module: every run is a fresh
// process (cold module cache), timed inside the process around the entry's import alone. The runner an
// entry extends (vitest, jest's expect) is imported first, untimed. Each round runs every variant once, in
// rotating order, so drift falls on all of them; ratios and differences are taken within a round.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emit, fmtRatio, fmtTime, fmtTimeSpread, packageEntry, sized, spread, table, verdict } from './lib.mjs';

const TARGET_MS = 15;
const RUNS = Number(process.env.BENCH_RUNS ?? sized(15, 1));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, '.cache', 'bench', 'import-cost');
mkdirSync(WORK, { recursive: true });
writeFileSync(join(WORK, 'empty.mjs'), 'export {};\n');
writeFileSync(join(WORK, 'empty.cjs'), 'module.exports = {};\n');

const url = (file) => JSON.stringify(file);
// Each variant: what runs untimed first (`before`), then the timed import (`entry`); both as ESM source text.
const VARIANTS = [
  {
    key: 'empty',
    label: 'an empty module (ESM)',
    entry: `await import(${url(pathToFileURL(join(WORK, 'empty.mjs')).href)})`,
  },
  {
    key: 'empty-cjs',
    label: 'an empty module (require)',
    entry: `require(${url(join(WORK, 'empty.cjs'))})`,
  },
  { key: 'index', label: "'expect-http' (ESM)", entry: `await import(${url(packageEntry('index.js'))})` },
  {
    key: 'index-cjs',
    label: "'expect-http' (require)",
    entry: `require(${url(fileURLToPath(packageEntry('index.cjs')))})`,
  },
  {
    key: 'vitest',
    label: "'expect-http/vitest', after 'vitest'",
    before: "await import('vitest')",
    entry: `await import(${url(packageEntry('vitest.js'))})`,
  },
  {
    key: 'jest',
    label: "'expect-http/jest', after jest's 'expect' as the global expect",
    before: "globalThis.expect = (await import('expect')).expect",
    entry: `await import(${url(packageEntry('jest.js'))})`,
  },
  // For the wall time of a whole process: vitest alone, against the 'vitest' variant above.
  { key: 'vitest-alone', label: "'vitest' alone", entry: "await import('vitest')" },
];

function runOnce(variant) {
  const code = `import { createRequire } from 'node:module';
const require = createRequire(${url(join(WORK, 'x.mjs'))});
const t0 = performance.now(); ${variant.before ?? ''}; const t1 = performance.now();
${variant.entry}; const t2 = performance.now();
console.log(JSON.stringify({ before: t1 - t0, entry: t2 - t1 }));`;
  const started = performance.now();
  // Run from the repository, where vitest resolves; the library is the built package bench/run.mjs copied (see lib.mjs).
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`${variant.key}: ${child.stderr}`);
  return { wall, ...JSON.parse(child.stdout.trim().split('\n').at(-1)) };
}

const runs = Object.fromEntries(VARIANTS.map((v) => [v.key, []]));
for (let round = 0; round < RUNS; round++) {
  for (let i = 0; i < VARIANTS.length; i++) {
    const v = VARIANTS[(i + round) % VARIANTS.length];
    runs[v.key].push(runOnce(v));
  }
  process.stderr.write(`  round ${round + 1}/${RUNS}\n`);
}

const entryTime = (key) => spread(runs[key].map((r) => r.entry));
const perRound = (key, base, fn) => spread(runs[key].map((r, i) => fn(r.entry, runs[base][i].entry)));
const baseOf = (key) => (key.endsWith('-cjs') ? 'empty-cjs' : 'empty');
const measured = VARIANTS.filter((v) => v.key !== 'vitest-alone');
const vitestExtra = entryTime('vitest');
const wallAlone = spread(runs['vitest-alone'].map((r) => r.wall));
const wallWith = spread(runs.vitest.map((r) => r.wall));
const wallExtra = spread(runs.vitest.map((r, i) => r.wall - runs['vitest-alone'][i].wall));

emit(`
## Import cost of each entry in plain Node (target for \`expect-http/vitest\`: < ${TARGET_MS} ms extra): ${verdict(vitestExtra.median < TARGET_MS && wallExtra.median < TARGET_MS)}

${RUNS} rounds; in each, every variant below runs once in a fresh Node process, in rotating order. The time is taken
inside the process around the import of the entry alone, after the runner it extends was imported (untimed);
"minus the empty module" and the ratio are taken within each round against an empty module imported the same way
(ESM or \`require\`). Median (min–max).

${table(
  ['import', 'time inside the process', 'minus the empty module', 'ratio to the empty module'],
  measured.map((v) => [
    v.label,
    fmtTimeSpread(entryTime(v.key)),
    v.key.startsWith('empty') ? '—' : fmtTime(perRound(v.key, baseOf(v.key), (a, b) => a - b).median),
    v.key.startsWith('empty') ? '—' : fmtRatio(perRound(v.key, baseOf(v.key), (a, b) => a / b)),
  ]),
)}

Whole process, wall time: \`vitest\` alone ${fmtTimeSpread(wallAlone)}, \`vitest\` then \`expect-http/vitest\`
${fmtTimeSpread(wallWith)}; the per-round difference, with minus alone: ${fmtTimeSpread(wallExtra)}. Importing
\`vitest\` itself took ${fmtTimeSpread(spread(runs.vitest.map((r) => r.before)))} in the same processes. Under
\`vitest run\` the cost per test file is higher than these plain-Node figures: see the suite section.
`);

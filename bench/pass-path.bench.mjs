// Pass path: what a passing status assertion costs with the library against the bare assertion a user
// writes today, on the real response objects of fetch, undici.request, supertest and axios; measured
// with jest's `expect` package in this process and with vitest's `expect` inside a vitest run. Under
// jest it is split in two: calling our matcher, and the tax every `expect(x)` pays once ours are registered.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'expect';
import {
  emit,
  fmtRatio,
  fmtTime,
  fmtTimeSpread,
  packageEntry,
  PACKAGE,
  ratioRounds,
  sized,
  spread,
  table,
  timeRounds,
  verdict,
} from './lib.mjs';
import { directTasks, floorPairs, passPathPairs, realResponses, trivialMatchers } from './pass-path-pairs.mjs';

const { matchers } = await import(packageEntry('index.js'));
const TARGET = 1.3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PROCESS_PAIRS = Number(process.env.BENCH_RUNS ?? sized(10, 1));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OURS = Object.keys(matchers).length;

// jest's `expect(x)` reads the registry (getMatchers()) on every call and builds six wrappers per registered
// matcher (expectation, .not, .resolves, .resolves.not, .rejects, .rejects.not). Snapshots of that registry,
// each a null-prototype object like jest's own, are swapped in before each block of a side: no `delete`,
// so no side measures a registry that a user never has.
const registry = globalThis[Symbol.for('$$jest-matchers-object')];
const snapshot = () => Object.assign(Object.create(null), registry.matchers);
const builtIn = snapshot();
expect.extend(matchers);
const withOurs = snapshot();
expect.extend(trivialMatchers);
const withTrivial = snapshot();
// As many no-op matchers again: how the tax grows with the number registered.
expect.extend(
  Object.fromEntries(
    Array.from({ length: OURS }, (_, i) => [`toBeNoop${i}`, () => ({ pass: true, message: () => '' })]),
  ),
);
const withDouble = snapshot();
const use = (set) => () => {
  registry.matchers = set;
};

const responses = await realResponses();
process.stderr.write('pass path, jest expect (interleaved)\n');
// "user": the library's assertion with it registered, against the bare one in a suite without it.
const userPairs = passPathPairs(expect, responses, { register: use(withOurs), unregister: use(builtIn) });
// "call": the same two assertions, both with the library registered: what calling our matcher costs.
const callPairs = passPathPairs(expect, responses, { register: use(withOurs), unregister: use(withOurs) });
const floorPair = floorPairs(expect, responses, { register: use(withTrivial), unregister: use(withTrivial) });
const taxPairs = [
  {
    name: 'tax',
    lib: () => expect(200).toBe(200),
    bare: () => expect(200).toBe(200),
    libSetup: use(withOurs),
    bareSetup: use(builtIn),
  },
  {
    name: 'tax, double',
    lib: () => expect(200).toBe(200),
    bare: () => expect(200).toBe(200),
    libSetup: use(withDouble),
    bareSetup: use(builtIn),
  },
];
// One set of rounds for all of them, so every comparison is spread over the same stretch of time.
const named = (prefix, list) => list.map((p) => ({ ...p, name: `${prefix}:${p.name}` }));
const all = await ratioRounds(
  [...named('user', userPairs), ...named('call', [...callPairs, ...floorPair]), ...named('tax', taxPairs)],
  { rounds: ROUNDS, calls: 200, blocks: 12 },
);
const unnamed = (prefix) =>
  all.filter((r) => r.name.startsWith(`${prefix}:`)).map((r) => ({ ...r, name: r.name.slice(prefix.length + 1) }));
const user = unnamed('user');
const call = unnamed('call');
const [tax, taxDouble] = unnamed('tax');
registry.matchers = withOurs;
process.stderr.write('the matcher functions alone\n');
const direct = await timeRounds(directTasks(matchers, responses), { rounds: ROUNDS, inner: 1000 });

// The tax once more, in fresh processes: one registers the library, the next does not, alternating;
// each times expect(200).toBe(200) with nothing swapped in and out.
process.stderr.write('registration tax, fresh processes\n');
// The median time of expect(200).toBe(200) over 25 blocks of 2,000 calls (5 warm-up blocks first), as source
// text for the child process and the vitest test file below.
const TIME_TO_BE = `const blocks = [];
for (let i = 0; i < ${sized(30, 6)}; i++) {
  const t0 = performance.now();
  for (let j = 0; j < ${sized(2000, 100)}; j++) expect(200).toBe(200);
  if (i >= 5) blocks.push((performance.now() - t0) / ${sized(2000, 100)});
}
blocks.sort((a, b) => a - b);
const median = blocks[blocks.length >> 1];`;
const TAX_CHILD = `import { expect } from 'expect';
if (process.env.REGISTER === '1') expect.extend((await import(${JSON.stringify(packageEntry('index.js'))})).matchers);
${TIME_TO_BE}
console.log(median);`;
const perProcess = { with: [], without: [] };
for (let i = 0; i < PROCESS_PAIRS; i++) {
  for (const side of i % 2 === 0 ? ['with', 'without'] : ['without', 'with']) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', TAX_CHILD], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, REGISTER: side === 'with' ? '1' : '0' },
    });
    if (child.status !== 0) throw new Error(child.stderr);
    perProcess[side].push(Number(child.stdout.trim()));
  }
}
const processTax = spread(perProcess.with.map((w, i) => w / perProcess.without[i]));

// The same question under vitest: one test file timing expect(200).toBe(200), run by `vitest run` with and
// without the library in setupFiles, alternating.
process.stderr.write('registration tax, vitest runs\n');
const VITEST_TAX = join(ROOT, '.cache', 'bench', 'vitest-tax');
mkdirSync(VITEST_TAX, { recursive: true });
writeFileSync(
  join(VITEST_TAX, 'tax.test.mjs'),
  `import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('expect(200).toBe(200)', () => {
${TIME_TO_BE}
  writeFileSync(process.env.TAX_OUT, String(median));
});
`,
);
writeFileSync(
  join(VITEST_TAX, 'vitest.config.mjs'),
  `export default { test: { include: ['tax.test.mjs'], setupFiles: process.env.REGISTER === '1' ? [${JSON.stringify(join(PACKAGE, 'dist', 'vitest.js'))}] : [] } };\n`,
);
const perVitestRun = { with: [], without: [] };
for (let i = 0; i < PROCESS_PAIRS; i++) {
  for (const side of i % 2 === 0 ? ['with', 'without'] : ['without', 'with']) {
    const taxOut = join(VITEST_TAX, 'result.txt');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', VITEST_TAX],
      {
        cwd: VITEST_TAX,
        encoding: 'utf8',
        env: { ...process.env, REGISTER: side === 'with' ? '1' : '0', TAX_OUT: taxOut, CI: 'true' },
      },
    );
    if (run.status !== 0)
      throw new Error(`vitest tax run failed:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
    perVitestRun[side].push(Number(readFileSync(taxOut, 'utf8')));
  }
}
const vitestTax = spread(perVitestRun.with.map((w, i) => w / perVitestRun.without[i]));

process.stderr.write('pass path, vitest expect (inside vitest run)\n');
const out = join(tmpdir(), `expect-http-bench-${process.pid}.json`);
const child = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.config.mjs'],
  {
    // vitest's own report goes to stderr: stdout is this section's markdown.
    cwd: ROOT,
    env: { ...process.env, BENCH_OUT: out, BENCH_ROUNDS: String(ROUNDS) },
    stdio: ['ignore', 2, 2],
  },
);
if (child.status !== 0) throw new Error(`the vitest host failed (exit ${child.status})`);
const vitest = JSON.parse(readFileSync(out, 'utf8'));
rmSync(out, { force: true });

const FLOOR = 'trivial custom matcher';
const real = (results) => results.filter((r) => r.name !== FLOOR);
const worst = Math.max(...user.map((r) => r.ratio.median), ...real(vitest).map((r) => r.ratio.median));
const floorOf = (results) => results.find((r) => r.name === FLOOR);
const bareText = (name) => userPairs.find((p) => p.name === name)?.bareText ?? floorPair[0].bareText;
const over = (r) => (r.ratio.median > TARGET && r.name !== FLOOR ? ' **over target**' : '');
const range = (results) =>
  `${Math.min(...results.map((r) => r.ratio.median)).toFixed(2)}x–${Math.max(...results.map((r) => r.ratio.median)).toFixed(2)}x`;
const perMatcher = (tax.diff.median / OURS) * 1e6;

const vitestRows = vitest.map((r) => [
  `\`${r.name}\``,
  `\`${r.bareText}\``,
  fmtTime(r.lib.median),
  fmtTime(r.bare.median),
  `${fmtRatio(r.ratio)}${over(r)}`,
]);
const jestRows = user.map((u) => {
  const c = call.find((r) => r.name === u.name);
  return [
    `\`${u.name}\``,
    `\`${bareText(u.name)}\``,
    fmtTime(c.lib.median),
    fmtTime(c.bare.median),
    fmtTime(u.bare.median),
    fmtRatio(c.ratio),
    `${fmtRatio(u.ratio)}${over(u)}`,
  ];
});
const floor = floorOf(call);
jestRows.push([
  `\`${FLOOR}\``,
  `\`${floor.bareText ?? bareText(FLOOR)}\``,
  fmtTime(floor.lib.median),
  fmtTime(floor.bare.median),
  '',
  fmtRatio(floor.ratio),
  '',
]);

emit(`
## Pass path (target ≤ ${TARGET}x): ${verdict(worst <= TARGET)}

A passing assertion with the library against the bare assertion on the same real response object (one real
response per client from a local node:http server). Interleaved A/B: each of ${ROUNDS} rounds runs every comparison,
alternating 12 blocks of 200 calls of each side (who goes first alternates too), so other load on the machine falls on
both sides; times are per call, medians over the rounds, and a ratio's range is min–max of the per-round ratios.

### vitest's \`expect\`, inside a vitest run

${table(['assertion', 'bare equivalent', 'with expect-http', 'bare', 'ratio: median (min–max)'], vitestRows)}

Under vitest a custom matcher pays the runner's wrapper: the row "${FLOOR}" is a matcher whose whole body is
\`{ pass: received.status === code }\`, and through \`expect.extend\` it costs ${fmtRatio(floorOf(vitest).ratio)} of \`expect(res.status).toBe(200)\`
(${fmtTime(floorOf(vitest).lib.median)} against ${fmtTime(floorOf(vitest).bare.median)}), because vitest routes every \`expect.extend\` matcher through its
wrapper (matcher state, \`this.utils\`, \`equals\`, the \`.not\`/promise handling) while \`toBe\` is a built-in.
\`expect-http/vitest\` registers ours that way and then puts a pass fast path on chai's prototype for the sync matchers
(decisions/0008): a plain assertion that passes runs the matcher and nothing else, and everything else takes the
\`expect.extend\` route. The library's rows, measured through the vitest entry as a user loads it, are ${range(real(vitest))}.
vitest adds custom matchers to chai's prototype once, at \`expect.extend\`, so
registering them costs nothing per \`expect(x)\`: a plain \`expect(200).toBe(200)\`, timed inside ${PROCESS_PAIRS} \`vitest run\`s
with the library in \`setupFiles\` and ${PROCESS_PAIRS} without, alternating, measures ${fmtRatio(vitestTax)} (${fmtTime(spread(perVitestRun.with).median)} against ${fmtTime(spread(perVitestRun.without).median)}).

### jest's \`expect\` package, in a plain Node process

${table(['assertion', 'bare equivalent', 'with expect-http', 'bare, expect-http registered', 'bare, nothing registered', 'calling the matcher (both registered)', 'what a user sees (against nothing registered)'], jestRows)}

Calling our matcher costs about what calling \`toBe\` does: with the library registered on both sides, the
ratios are ${range(call.filter((r) => r.name !== FLOOR))}. The rest of the "what a user sees" column, ${range(user)}, is the registration tax below.

### jest: the registration tax on every \`expect(x)\`

jest's \`expect(x)\` builds six wrappers for every registered matcher on every call. With expect-http's ${OURS}
matchers registered, a plain \`expect(200).toBe(200)\` takes ${fmtTime(tax.lib.median)} against ${fmtTime(tax.bare.median)} with jest's built-ins
alone: **${fmtRatio(tax.ratio)}** (interleaved in one process); in fresh processes, ${PROCESS_PAIRS} each, alternating and
timed inside the process: ${fmtRatio(processTax)}. That is ${fmtTime(tax.diff.median)} per \`expect(x)\`, about
${perMatcher.toFixed(0)} ns per registered matcher. It is what jest users pay for having the library registered
in \`setupFilesAfterEnv\`, on every assertion of every test, whether it uses our matchers or not. It grows with the
number of matchers: ${OURS} more no-op matchers on top (${OURS * 2} in all) make it ${fmtRatio(taxDouble.ratio)}.

### The library's own work

Each matcher function called directly with a minimal context and no runner (tinybench, ${ROUNDS} rounds):

${table(
  ['matcher call', 'time per call: median (min–max)'],
  direct.map((d) => [`\`${d.name}\``, fmtTimeSpread(d)]),
)}
${worst > TARGET ? missedAnalysis() : ''}
`);

function missedAnalysis() {
  const vitestWorst = Math.max(...real(vitest).map((r) => r.ratio.median));
  const jestWorst = Math.max(...user.map((r) => r.ratio.median));
  return `
**Where the target is missed:** ${
    vitestWorst > TARGET
      ? `under vitest the slowest row is ${vitestWorst.toFixed(2)}x, even with the fast path; `
      : `under vitest every row is within ${TARGET}x through the fast path; `
  }under jest the matcher call is as cheap as \`toBe\`, and what misses (up to ${jestWorst.toFixed(2)}x) is the
registration tax on every \`expect(x)\`, which no matcher can avoid (decisions/0008, "jest").`;
}

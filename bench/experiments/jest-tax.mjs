// Kept for decisions/0008: what jest's `expect(x)` pays per registered
// matcher, and what fewer registered names would save. jest's expect builds six closures per registered name on every
// `expect(x)` (expectation, .not, .resolves, .resolves.not, .rejects, .rejects.not), whatever the matcher is.
// Registries are swapped as bench/pass-path.bench.mjs does. Run from the repo root after `npm run build`:
//   node bench/experiments/jest-tax.mjs
import { expect } from 'expect';
import { packageEntry, ratioRounds } from '../lib.mjs';

const { matchers } = await import(packageEntry('index.js'));
const registry = globalThis[Symbol.for('$$jest-matchers-object')];
const snapshot = () => Object.assign(Object.create(null), registry.matchers);
const builtIn = snapshot();
const ours = Object.keys(matchers);
// The sync matchers: what `expect-http/jest` would register if the body matchers came from an entry of their own.
const syncOnly = Object.fromEntries(
  ours.filter((n) => !/Body|GraphQL|Schema|Response|ProblemDetails/.test(n)).map((n) => [n, matchers[n]]),
);
expect.extend(syncOnly);
const withSync = snapshot();
expect.extend(matchers);
const withOurs = snapshot();
const use = (set) => () => {
  registry.matchers = set;
};
const bare = () => expect(200).toBe(200);
const pairs = [
  { name: `all ${ours.length} vs none`, lib: bare, bare, libSetup: use(withOurs), bareSetup: use(builtIn) },
  {
    name: `${Object.keys(syncOnly).length} sync vs none`,
    lib: bare,
    bare,
    libSetup: use(withSync),
    bareSetup: use(builtIn),
  },
  {
    name: `all ${ours.length} vs ${Object.keys(syncOnly).length} sync`,
    lib: bare,
    bare,
    libSetup: use(withOurs),
    bareSetup: use(withSync),
  },
];
const results = await ratioRounds(pairs, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), calls: 200, blocks: 12 });
console.log(`built-in matchers: ${Object.keys(builtIn).length}`);
for (const r of results) {
  const f = (s) => `${(s.median * 1000).toFixed(2)} µs`;
  console.log(
    `${r.name}: ${r.ratio.median.toFixed(2)}x (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}), ${f(r.lib)} vs ${f(r.bare)}, +${(r.diff.median * 1e6).toFixed(0)} ns`,
  );
}

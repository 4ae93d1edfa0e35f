// Kept for decisions/0008: the pass path under vitest with the fast path on (the hybrid `expect-http/vitest`
// installs) and off (expect.extend alone),
// both against the bare toBe, interleaved in one run. Run from the repo root after `npm run build`:
//   BENCH_OUT=/tmp/fast.json npx vitest run --config bench/experiments/fast-path.vitest.config.mjs
import { writeFileSync } from 'node:fs';
import { chai, expect, test } from 'vitest';
import { packageEntry, ratioRounds } from '../lib.mjs';
import { passPathPairs, realResponses, trivialMatchers } from '../pass-path-pairs.mjs';

await import(packageEntry('vitest.js'));
const { matchers } = await import(packageEntry('index.js'));
const names = ['toHaveStatus', 'toBeClientError'];
const proto = chai.Assertion.prototype;
const fast = Object.fromEntries(names.map((n) => [n, proto[n]]));
expect.extend(matchers);
expect.extend(trivialMatchers);
const slow = Object.fromEntries(names.map((n) => [n, proto[n]]));
const useFast = () => Object.assign(proto, fast);
const useSlow = () => Object.assign(proto, slow);

test('pass path under vitest, fast path on and off', async () => {
  const responses = await realResponses();
  const pairs = [];
  for (const pair of process.env.ONLY_FAILURE ? [] : passPathPairs(expect, responses)) {
    pairs.push({ ...pair, name: `fast ${pair.name}`, libSetup: useFast });
    pairs.push({ ...pair, name: `slow ${pair.name}`, libSetup: useSlow });
    pairs.push({ ...pair, name: `fast/slow ${pair.name}`, libSetup: useFast, bare: pair.lib, bareSetup: useSlow });
  }
  const ok = responses[200]['fetch Response'];
  // A failure on the fast route runs the matcher twice (once cheaply, then expect.extend's route builds the message).
  const failing = () => {
    try {
      expect(ok).toHaveStatus(201);
    } catch {
      // expected
    }
  };
  pairs.push({
    name: 'fast/slow failure: toHaveStatus(201) on a 200',
    lib: failing,
    bare: failing,
    libSetup: useFast,
    bareSetup: useSlow,
  });
  pairs.push({
    name: 'trivial custom matcher',
    lib: () => expect(ok).toHaveStatusTrivially(200),
    bare: () => expect(ok.status).toBe(200),
  });
  const results = await ratioRounds(pairs, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), calls: 200, blocks: 12 });
  writeFileSync(process.env.BENCH_OUT, JSON.stringify(results));
});

// The pass-path pairs measured inside a vitest run, with vitest's own `expect` (it refuses custom
// matchers outside a run). Started by pass-path.bench.mjs; writes its figures to $BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { matchers } from 'expect-http';
import { expect, test } from 'vitest';
import { ratioRounds } from './lib.mjs';
import { floorPairs, passPathPairs, realResponses, trivialMatchers } from './pass-path-pairs.mjs';

expect.extend(matchers);
expect.extend(trivialMatchers);

test('pass path under vitest', async () => {
  const responses = await realResponses();
  const pairs = [...passPathPairs(expect, responses), ...floorPairs(expect, responses)];
  const results = await ratioRounds(pairs, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), inner: 200 });
  writeFileSync(process.env.BENCH_OUT, JSON.stringify(results.map((r) => ({ ...r, bareText: pairs.find((p) => p.name === r.name).bareText }))));
});

// The pass-path pairs measured inside a vitest run, with vitest's own `expect` (it refuses custom
// matchers outside a run). Started by pass-path.bench.mjs; writes its figures to $BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { packageEntry, ratioRounds } from './lib.mjs';
import { floorPairs, passPathPairs, realResponses, trivialMatchers } from './pass-path-pairs.mjs';

// As a user has it: the vitest entry registers the matchers with expect.extend and adds the pass fast path.
await import(packageEntry('vitest.js'));
expect.extend(trivialMatchers);

test('pass path under vitest', async () => {
  const responses = await realResponses();
  const pairs = [...passPathPairs(expect, responses), ...floorPairs(expect, responses)];
  const results = await ratioRounds(pairs, { rounds: Number(process.env.BENCH_ROUNDS ?? 7), calls: 200, blocks: 12 });
  writeFileSync(
    process.env.BENCH_OUT,
    JSON.stringify(results.map((r) => ({ ...r, bareText: pairs.find((p) => p.name === r.name).bareText }))),
  );
});

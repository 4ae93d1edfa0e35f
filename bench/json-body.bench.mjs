// toHaveJsonBody against the bare equivalent a user writes today, on fetch Responses with 1 KB, 1 MB and
// 10 MB JSON bodies: `await expect(res).toHaveJsonBody(x)` vs `expect(await res.clone().json()).toEqual(x)`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'expect';
import { emit, fmtRatio, fmtTime, jsonOfSize, packageEntry, ratioRounds, sized, table, verdict } from './lib.mjs';

const { matchers } = await import(packageEntry('index.js'));

const TARGET = 1.1;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// Decimal megabytes, so the 10 MB body stays under the default bodyLimit of 10 MiB.
// BENCH_QUICK=1: the same labels on small bodies, so the code runs in seconds.
const SIZES = [
  ['1 KB', 1000],
  ['1 MB', sized(1000 ** 2, 10_000)],
  ['10 MB', sized(10 * 1000 ** 2, 20_000)],
];
// Interleaved blocks per round and calls per block: a 10 MB call takes about a quarter of a second.
const BLOCKS = {
  '1 KB': { calls: 20, blocks: 15, warmupBlocks: 2 },
  '1 MB': { calls: 1, blocks: 10, warmupBlocks: 2 },
  '10 MB': { calls: 1, blocks: 3, warmupBlocks: 1 },
};

const source = fileURLToPath(new URL('../src/matchers/to-have-json-body.ts', import.meta.url));
if (!('toHaveJsonBody' in matchers) || !existsSync(source)) {
  // Kept so the section appears in results.md with the reason, rather than vanishing.
  process.stderr.write('json-body: skipped, toHaveJsonBody is not in this build\n');
  emit(
    '## toHaveJsonBody\n\nSkipped: `toHaveJsonBody` is not exported by this build (src/matchers/to-have-json-body.ts is missing).',
  );
  process.exit(0);
}

expect.extend(matchers);
const headers = { 'content-type': 'application/json' };
const pairs = SIZES.map(([label, size]) => {
  const text = jsonOfSize(size);
  const expected = JSON.parse(text);
  return {
    name: label,
    bytes: new TextEncoder().encode(text).length,
    lib: async () => {
      await expect(new Response(text, { headers })).toHaveJsonBody(expected);
    },
    bare: async () => {
      const res = new Response(text, { headers });
      expect(await res.clone().json()).toEqual(expected);
    },
  };
});

// The floor of any async body matcher under jest's expect: one that does only the bare form's work (clone, json(),
// this.equals). jest gives every async matcher call an error with a captured stack and two more promise reactions.
expect.extend({
  async bareWorkAsMatcher(received, expected) {
    return { pass: this.equals(await received.clone().json(), expected), message: () => 'not equal' };
  },
});
const small = { text: jsonOfSize(SIZES[0][1]) };
small.expected = JSON.parse(small.text);
const floorPair = {
  name: 'floor',
  lib: async () => {
    await expect(new Response(small.text, { headers })).bareWorkAsMatcher(small.expected);
  },
  bare: pairs[0].bare,
};

const results = [];
for (const pair of pairs) {
  results.push(...(await ratioRounds([pair], { rounds: ROUNDS, ...BLOCKS[pair.name] })));
}
// Ours against the floor, interleaved in the same rounds, so that ratio too is taken within a round.
const againstFloor = { name: 'against floor', lib: pairs[0].lib, bare: floorPair.lib };
const [floor, overFloor] = await ratioRounds([floorPair, againstFloor], { rounds: ROUNDS, ...BLOCKS['1 KB'] });
const worst = Math.max(...results.map((r) => r.ratio.median));
emit(`
## toHaveJsonBody (target ≤ ${TARGET}x): ${verdict(worst <= TARGET)}

\`await expect(res).toHaveJsonBody(expected)\` against \`expect(await res.clone().json()).toEqual(expected)\` on a fresh
fetch \`Response\` per call (jest's \`expect\`; \`expected\` is an equal but separate object, so both sides walk it
all). Interleaved A/B: each of ${ROUNDS} rounds alternates blocks of each side (blocks × calls per block:
${Object.entries(BLOCKS)
  .map(([l, b]) => `${l} ${b.blocks} × ${b.calls}`)
  .join(', ')}); per call, the median over the rounds; the ratio's range is min–max of the per-round ratios.

${table(
  ['body', 'toHaveJsonBody', 'bare', 'ratio: median (min–max)'],
  results.map((r) => {
    const pair = pairs.find((p) => p.name === r.name);
    return [
      `${r.name} (${pair.bytes.toLocaleString('en-US')} bytes)`,
      fmtTime(r.lib.median),
      fmtTime(r.bare.median),
      `${fmtRatio(r.ratio)}${r.ratio.median > TARGET ? ' **over target**' : ''}`,
    ];
  }),
)}

The floor for the 1 KB body: an async matcher that does only the bare form's work (\`await res.clone().json()\`, then
\`this.equals\`), against the same bare form: ${fmtTime(floor.lib.median)} against ${fmtTime(floor.bare.median)}, ${fmtRatio(floor.ratio)}.
jest's \`expect\` adds this to every async matcher call (an error with a captured stack, two promise reactions);
toHaveJsonBody against this floor, interleaved with it: ${fmtTime(overFloor.lib.median)} against ${fmtTime(overFloor.bare.median)}, ${fmtRatio(overFloor.ratio)}.
${analysis()}
`);

function analysis() {
  const over = results.filter((r) => r.ratio.median > TARGET);
  if (over.length === 0) return '';
  const small = results[0];
  return `
Missed for ${over.map((r) => r.name).join(', ')}. The matcher has a fixed cost per call of about
${fmtTime(small.diff.median)} (median of the per-round differences) on top of the bare form, which does not grow with the
body (the larger sizes). Part of it is the runner's: the floor above is what jest charges any async matcher. The rest is
ours: adapt, the shared read cache, the capped reader and, on Node 20 and 22 (undici 6), the task turn after reading a
clone, after which the clones of earlier calls are collected (the bare form leaves them to the end of the test file;
see the memory section and decisions/0004). (At 1 MB and up, \`toEqual\` also runs jest's \`iterableEquality\`
tester, which the matcher's \`this.equals\` call does not; that may account for part of the matcher being as fast or
faster there.)`;
}

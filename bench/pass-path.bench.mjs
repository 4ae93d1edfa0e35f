// Pass path: what a passing status assertion costs with the library against the bare assertion a user
// writes today, on the real response objects of fetch, undici.request, supertest and axios; measured
// with jest's `expect` package in this process and with vitest's `expect` inside a vitest run.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'expect';
import { matchers } from 'expect-http';
import { emit, fmtRatio, fmtTime, fmtTimeSpread, ratioRounds, table, timeRounds, verdict } from './lib.mjs';
import { directTasks, floorPairs, passPathPairs, realResponses, trivialMatchers } from './pass-path-pairs.mjs';

const TARGET = 1.3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// jest's expect builds every registered matcher into each `expect(x)` call, so registering ours can make
// even a bare `expect(n).toBe(200)` dearer. "Bare" is measured with our matchers unregistered, as a
// user without the library runs it; a separate pair measures that registration tax on its own.
const registry = globalThis[Symbol.for('$$jest-matchers-object')];
const register = () => expect.extend({ ...matchers, ...trivialMatchers });
const unregister = () => {
  for (const name of Object.keys({ ...matchers, ...trivialMatchers })) delete registry.matchers[name];
};

const responses = await realResponses();
process.stderr.write('pass path, jest expect\n');
const pairs = [...passPathPairs(expect, responses, { register, unregister }), ...floorPairs(expect, responses, { register, unregister })];
const jest = await ratioRounds(pairs, { rounds: ROUNDS, inner: 200 });
process.stderr.write('the matcher functions alone\n');
const direct = await timeRounds(directTasks(matchers, responses), { rounds: ROUNDS, inner: 1000 });
process.stderr.write('registration tax, jest expect\n');
const taxPairs = [{ name: 'tax', lib: () => expect(200).toBe(200), bare: () => expect(200).toBe(200), libSetup: register, bareSetup: unregister }];
const [tax] = await ratioRounds(taxPairs, { rounds: ROUNDS, inner: 200 });
unregister();

process.stderr.write('pass path, vitest expect (inside vitest run)\n');
const out = join(tmpdir(), `expect-http-bench-${process.pid}.json`);
const child = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'bench/vitest.config.mjs'], {
  // vitest's own report goes to stderr: stdout is this section's markdown.
  cwd: ROOT, env: { ...process.env, BENCH_OUT: out, BENCH_ROUNDS: String(ROUNDS) }, stdio: ['ignore', 2, 2],
});
if (child.status !== 0) throw new Error(`the vitest host failed (exit ${child.status})`);
const vitest = JSON.parse(readFileSync(out, 'utf8'));
rmSync(out, { force: true });

const real = (results) => results.filter((r) => r.name !== 'trivial custom matcher');
const worst = Math.max(...real(jest).map((r) => r.ratio.median), ...real(vitest).map((r) => r.ratio.median));
const floorOf = (results) => results.find((r) => r.name === 'trivial custom matcher');
const rows = (results) =>
  results.map((r) => [
    `\`${r.name}\``,
    `\`${(r.bareText ?? pairs.find((p) => p.name === r.name).bareText)}\``,
    fmtTime(r.lib.median),
    fmtTime(r.bare.median),
    `${fmtRatio(r.ratio)}${r.ratio.median > TARGET && r.name !== 'trivial custom matcher' ? ' **over target**' : ''}`,
  ]);
const header = ['assertion', 'bare equivalent', 'with expect-http', 'bare', 'ratio: median (min–max)'];
emit(`
## Pass path (target ≤ ${TARGET}x): ${verdict(worst <= TARGET)}

A passing assertion with the library against the bare assertion on the same real response object (one real
response per client from a local node:http server). Times are per call: the median of ${ROUNDS} rounds, each
round a tinybench run of 200 calls per sample; the ratio's range is min–max over the rounds.

### vitest's \`expect\`, inside a vitest run

${table(header, rows(vitest))}

### jest's \`expect\` package, in a plain Node process

${table(header, rows(jest))}

jest's \`expect(x)\` builds an object holding every registered matcher on each call, so registering this
library's ${Object.keys(matchers).length} matchers could slow bare assertions too: \`expect(200).toBe(200)\` measured
${fmtTime(tax.lib.median)} with them registered against ${fmtTime(tax.bare.median)} without, ${fmtRatio(tax.ratio)}${tax.ratio.min < 1 ? ' (the range spans 1: within the noise)' : ''}.
The "bare" column above is measured without them registered, as a user without the library runs it.
vitest adds custom matchers to chai's prototype once, so it has no such per-call tax.

### Where the time goes

The row "trivial custom matcher" is a matcher whose whole body is \`{ pass: received.status === code }\`:
it is what the runner charges for any custom matcher, before this library does anything. Under vitest it is
${fmtRatio(floorOf(vitest).ratio)} of the bare assertion (${fmtTime(floorOf(vitest).lib.median)} against ${fmtTime(floorOf(vitest).bare.median)}); under jest's \`expect\`
${fmtRatio(floorOf(jest).ratio)}. The library's own work, each matcher function called directly with a minimal context and no runner:

${table(['matcher call', 'time per call: median (min–max)'], direct.map((d) => [`\`${d.name}\``, fmtTimeSpread(d)]))}
${worst > TARGET ? missedAnalysis() : ''}
`);

function missedAnalysis() {
  const v = floorOf(vitest);
  const slowest = Math.max(...direct.map((d) => d.median));
  return `
**Why the target is missed:** the ${TARGET}x target cannot be met by any custom matcher under vitest: the trivial
matcher above already costs ${fmtRatio(v.ratio)} of \`expect(res.status).toBe(200)\`, because vitest routes every
\`expect.extend\` matcher through its wrapper (matcher state, \`this.utils\`, \`equals\`, the \`.not\`/promise
handling) while \`toBe\` is a built-in. The library's own work is at most ${fmtTime(slowest)} per call, a small part of
the ${fmtTime(Math.max(...real(vitest).map((r) => r.diff.median)))} difference. Under jest's \`expect\` the trivial custom matcher costs ${fmtRatio(floorOf(jest).ratio)},
and the library's rows are ${Math.min(...real(jest).map((r) => r.ratio.median)).toFixed(2)}x–${Math.max(...real(jest).map((r) => r.ratio.median)).toFixed(2)}x: the same floor plus noise. In absolute terms the difference is a few microseconds per assertion:
about ${fmtTime(5000 * Math.max(...real(vitest).map((r) => r.diff.median)))} over 5,000 assertions (see the suite benchmark below for a whole run).`;
}

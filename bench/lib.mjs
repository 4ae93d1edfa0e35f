// Shared by the bench/*.bench.mjs files: a local server, interleaved A/B ratio rounds, time rounds over
// tinybench, and formatting.
// Every figure is a ratio or a time measured in one process run; rounds repeat the measurement so the
// spread shows how much of a difference is noise on this machine.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

/**
 * The built package the benchmarks measure: the copy bench/run.mjs takes right after `npm run build`
 * ($BENCH_PACKAGE), so a rebuild of dist/ by other work in the same tree cannot pull it away mid-run; the
 * repository itself when a bench file runs alone.
 */
export const PACKAGE = process.env.BENCH_PACKAGE ?? fileURLToPath(new URL('..', import.meta.url));

/**
 * BENCH_QUICK=1 (`npm run bench:quick`): every benchmark runs at a tiny size, as a smoke test that it still runs
 * end to end. Its figures mean nothing, and bench/run.mjs does not write them to results.md.
 */
export const QUICK = process.env.BENCH_QUICK === '1';

/** A size for the real run, or the smaller one under BENCH_QUICK=1. */
export function sized(full, quick) {
  return QUICK ? quick : full;
}

/** The file URL of one of the package's built entries ('index.js', 'vitest.js'), for import(). */
export function packageEntry(file) {
  return pathToFileURL(join(PACKAGE, 'dist', file)).href;
}

/** A node:http server on 127.0.0.1: `/status/<code>?size=<bytes>` answers that code with a JSON body of about that size. */
export async function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const code = Number(/^\/status\/(\d{3})$/.exec(url.pathname)?.[1] ?? 404);
    const size = Number(url.searchParams.get('size') ?? 0);
    const body = size > 0 ? jsonOfSize(size) : JSON.stringify({ status: code });
    res.writeHead(code, { 'content-type': 'application/json', 'x-request-id': 'bench-1' }).end(body);
  });
  server.keepAliveTimeout = 100;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** A JSON text of about `bytes` bytes (never more): an error envelope with a long list of items, as an API returns. */
export function jsonOfSize(bytes) {
  const items = [];
  let length = 64;
  for (let id = 0; ; id++) {
    const item = { id, name: 'item name', price: 12.5, tags: ['a', 'b'], token: 'not-a-secret' };
    const add = JSON.stringify(item).length + 1;
    if (length + add > bytes && items.length > 0) break;
    items.push(item);
    length += add;
  }
  return JSON.stringify({ error: 'internal', message: 'Something broke', items });
}

/**
 * Interleaved A/B: for each pair ({ name, lib, bare, libSetup?, bareSetup? }), each round runs `blocks` short
 * blocks of `calls` calls of each side, alternating which side goes first, so load from other work on the
 * machine falls on both sides alike. A side's time in a round is the median of its blocks; the round's ratio is
 * lib/bare of those. `libSetup`/`bareSetup` run before each block of their side (they set the state it
 * measures in, e.g. which matchers are registered). Times are per call.
 */
export async function ratioRounds(pairs, options = {}) {
  const { rounds = 5, blocks = 12, calls = 200, warmupBlocks = 2 } = QUICK ? quickRatio(options) : options;
  const perPair = new Map(pairs.map((p) => [p.name, { ratios: [], lib: [], bare: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      const sides = {
        lib: { fn: pair.lib, setup: pair.libSetup, times: [] },
        bare: { fn: pair.bare, setup: pair.bareSetup, times: [] },
      };
      for (let block = 0; block < warmupBlocks + blocks; block++) {
        for (const side of block % 2 === 0 ? [sides.lib, sides.bare] : [sides.bare, sides.lib]) {
          side.setup?.();
          const time = await timeBlock(side.fn, calls);
          if (block >= warmupBlocks) side.times.push(time / calls);
        }
      }
      const lib = spread(sides.lib.times).median;
      const bare = spread(sides.bare.times).median;
      const entry = perPair.get(pair.name);
      entry.ratios.push(lib / bare);
      entry.lib.push(lib);
      entry.bare.push(bare);
    }
    process.stderr.write(`  round ${round + 1}/${rounds} done\n`);
  }
  return pairs.map((p) => ({ name: p.name, ...summarise(perPair.get(p.name)) }));
}

// BENCH_QUICK=1: one round of at most a few calls, whatever the bench file asked for.
function quickRatio({ blocks = 2, calls = 3, warmupBlocks = 1 }) {
  return {
    rounds: 1,
    blocks: Math.min(blocks, 2),
    calls: Math.min(calls, 3),
    warmupBlocks: Math.min(warmupBlocks, 1),
  };
}
const QUICK_TIME = { rounds: 1, time: 5, warmupTime: 0 };

/** Milliseconds for `calls` calls of fn, awaited one by one when it is async. */
async function timeBlock(fn, calls) {
  if (fn.constructor.name === 'AsyncFunction') {
    const started = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    return performance.now() - started;
  }
  // Sync functions stay sync: an await per call would add a promise to both sides.
  const started = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return performance.now() - started;
}

/** Median per-call time of one function over rounds (for figures that are not ratios). */
export async function timeRounds(tasks, options = {}) {
  // iterations: the fewest samples per task and round (tinybench's default, 64, is minutes for a 100 ms task).
  const {
    rounds = 5,
    time = 300,
    warmupTime = 100,
    inner = 1,
    iterations,
  } = QUICK ? { ...QUICK_TIME, inner: 1 } : options;
  const per = new Map(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({
      time,
      warmupTime,
      throws: true,
      ...(iterations !== undefined && { iterations, warmupIterations: Math.min(iterations, 5) }),
      ...(QUICK && { iterations: 2, warmupIterations: 1 }),
    });
    for (const task of tasks) bench.add(task.name, loop(task.fn, inner));
    await bench.run();
    for (const task of tasks) per.get(task.name).push(median(bench.getTask(task.name)) / inner);
    process.stderr.write(`  round ${round + 1}/${rounds} done\n`);
  }
  return tasks.map((t) => ({ name: t.name, ...spread(per.get(t.name)) }));
}

function loop(fn, inner) {
  // Keep sync functions sync: an async wrapper would add a promise per sample to both sides.
  if (fn.constructor.name === 'AsyncFunction') {
    return async () => {
      for (let i = 0; i < inner; i++) await fn();
    };
  }
  return () => {
    for (let i = 0; i < inner; i++) fn();
  };
}

function median(task) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state} ${result.error ?? ''}`);
  return result.latency.p50;
}

function summarise({ ratios, lib, bare }) {
  // diff: the extra time per call, taken within each round like the ratio.
  return { ratio: spread(ratios), lib: spread(lib), bare: spread(bare), diff: spread(lib.map((l, i) => l - bare[i])) };
}

/** Median and min–max of a list of figures. */
export function spread(values) {
  // Nothing measured (a variant BENCH_QUICK=1 skips): NaN, shown as such rather than failing the report.
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const med = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: med, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

export function fmtRatio(s) {
  return `${s.median.toFixed(2)}x (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

/** A time in ms, shown in the unit that reads best; a negative time (a difference) keeps its sign and its unit. */
export function fmtTime(ms) {
  if (ms < 0) return `−${fmtTime(-ms)}`;
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtTimeSpread(s) {
  return `${fmtTime(s.median)} (${fmtTime(s.min)}–${fmtTime(s.max)})`;
}

export function verdict(ok) {
  return ok ? 'met' : '**missed**';
}

/** A markdown table. */
export function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Prints a bench file's section: markdown on stdout (bench/run.mjs collects it), progress on stderr. */
export function emit(markdown) {
  process.stdout.write(`${markdown.trim()}\n`);
}

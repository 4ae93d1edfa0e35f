// Shared by the bench/*.bench.mjs files: a local server, ratio rounds over tinybench, and formatting.
// Every figure is a ratio or a time measured in one process run; rounds repeat the measurement so the
// spread shows how much of a difference is noise on this machine.
import { createServer } from 'node:http';
import { Bench } from 'tinybench';

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
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
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
 * Runs `pairs` (each { name, lib, bare, libSetup?, bareSetup? }) for `rounds` rounds; each round benchmarks every function with
 * tinybench and records lib/bare of the median latencies. `inner` calls per sample keep a sample well
 * above the timer's resolution; times are reported per call.
 */
export async function ratioRounds(pairs, { rounds = 5, time = 300, warmupTime = 100, inner = 100, iterations = 64, warmupIterations = 16 } = {}) {
  const perPair = new Map(pairs.map((p) => [p.name, { ratios: [], lib: [], bare: [] }]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime, iterations, warmupIterations, throws: true });
    for (const pair of pairs) {
      // beforeAll runs before each phase (warm-up, run) of that task: it sets the state the task measures in.
      bench.add(`${pair.name}|lib`, loop(pair.lib, inner), pair.libSetup ? { beforeAll: pair.libSetup } : {});
      bench.add(`${pair.name}|bare`, loop(pair.bare, inner), pair.bareSetup ? { beforeAll: pair.bareSetup } : {});
    }
    await bench.run();
    for (const pair of pairs) {
      const lib = median(bench.getTask(`${pair.name}|lib`)) / inner;
      const bare = median(bench.getTask(`${pair.name}|bare`)) / inner;
      const entry = perPair.get(pair.name);
      entry.ratios.push(lib / bare);
      entry.lib.push(lib);
      entry.bare.push(bare);
    }
    process.stderr.write(`  round ${round + 1}/${rounds} done\n`);
  }
  return pairs.map((p) => ({ name: p.name, ...summarise(perPair.get(p.name)) }));
}

/** Median per-call time of one function over rounds (for figures that are not ratios). */
export async function timeRounds(tasks, { rounds = 5, time = 300, warmupTime = 100, inner = 1 } = {}) {
  const per = new Map(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time, warmupTime, throws: true });
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
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const med = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: med, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

export function fmtRatio(s) {
  return `${s.median.toFixed(2)}x (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

/** A time in ms, shown in the unit that reads best. */
export function fmtTime(ms) {
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
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Prints a bench file's section: markdown on stdout (bench/run.mjs collects it), progress on stderr. */
export function emit(markdown) {
  process.stdout.write(`${markdown.trim()}\n`);
}

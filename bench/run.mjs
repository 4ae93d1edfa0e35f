#!/usr/bin/env node
// npm run bench: builds the package, runs every bench/*.bench.mjs in its own fresh Node process, and
// writes their sections to bench/results.md. Not part of npm test: figures depend on the machine and
// its load, so every section reports ratios measured within one process run, over several rounds.
//
//   npm run bench                      all benchmarks (about 15 minutes on 2 cores)
//   npm run bench -- pass-path suite   only those; the other sections of results.md are kept as they were
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
// The order of sections in results.md.
const ORDER = ['pass-path', 'failure-path', 'json-body', 'import-cost', 'suite', 'memory'];

const wanted = process.argv.slice(2);
const files = readdirSync(BENCH)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));

const started = Date.now();
const loadBefore = loadavg()[0];
const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.exit(1);
}
// The bench files measure this copy (see PACKAGE in lib.mjs): other work in the same tree may rebuild dist/ mid-run.
const PACKAGE = join(ROOT, '.cache', 'bench', 'package');
rmSync(PACKAGE, { recursive: true, force: true });
cpSync(join(ROOT, 'dist'), join(PACKAGE, 'dist'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(PACKAGE, 'package.json'));

// Sections are marked so a partial run replaces only its own.
const RESULTS = join(BENCH, 'results.md');
const previous = new Map();
if (existsSync(RESULTS)) {
  for (const m of readFileSync(RESULTS, 'utf8').matchAll(/<!-- bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/bench:\1 -->/g))
    previous.set(m[1], m[2]);
}
const fresh = new Map();
const timings = [];
let failed = false;
for (const name of files) {
  process.stderr.write(`\n== ${name}\n`);
  const t0 = Date.now();
  const child = spawnSync(process.execPath, [join(BENCH, `${name}.bench.mjs`)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_PACKAGE: PACKAGE },
  });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (child.status !== 0) {
    failed = true;
    fresh.set(
      name,
      `## ${name}\n\nFailed to run (exit ${child.status}); see the output of \`npm run bench -- ${name}\`.`,
    );
    continue;
  }
  process.stdout.write(`${child.stdout}\n`);
  fresh.set(name, child.stdout.trim());
}
const names = [...new Set([...ORDER, ...previous.keys(), ...fresh.keys()])].filter(
  (n) => fresh.has(n) || previous.has(n),
);
const sections = names.map((n) => `<!-- bench:${n} -->\n${fresh.get(n) ?? previous.get(n)}\n<!-- /bench:${n} -->`);
const kept = names.filter((n) => !fresh.has(n));

const cpu = cpus();
const header = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'},
1-minute load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after (other work on the machine shows
up as spread between rounds). Each bench file ran in its own fresh Node process: ${timings.join(', ')};
${((Date.now() - started) / 1000 / 60).toFixed(1)} minutes in all.${kept.length > 0 ? ` Kept from an earlier run: ${kept.join(', ')}.` : ''} Figures are medians over
rounds with min–max; ratios are taken within one round, so drift between rounds cancels out of them.`;

writeFileSync(RESULTS, `${[header, ...sections].join('\n\n')}\n`);
process.stderr.write(`\nwrote bench/results.md in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
process.exitCode = failed ? 1 : 0;

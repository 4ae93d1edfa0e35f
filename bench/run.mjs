#!/usr/bin/env node
// npm run bench: builds the package, runs every bench/*.bench.mjs in its own fresh Node process, and
// writes their sections to bench/results.md. Not part of npm test: figures depend on the machine and
// its load, so every section reports ratios measured within one process run, over several rounds.
//
//   npm run bench                      all benchmarks (about 15 minutes on 2 cores)
//   npm run bench -- pass-path suite   only those; the other sections of results.md are kept as they were
//   npm run bench:quick                every benchmark at a tiny size (BENCH_QUICK=1, see lib.mjs), two at a time: a
//                                      smoke test that they still run; prints the sections, leaves results.md alone
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
// The order of sections in results.md.
const ORDER = ['pass-path', 'failure-path', 'json-body', 'peers', 'openapi', 'import-cost', 'suite', 'memory'];

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const wanted = process.argv.slice(2).filter((arg) => arg !== '--quick');
const files = readdirSync(BENCH)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));

const started = Date.now();
const loadBefore = loadavg()[0];
// The bench files measure this copy (see PACKAGE in lib.mjs): other work in the same tree may rebuild dist/ mid-run.
const PACKAGE = join(ROOT, '.cache', 'bench', 'package');
rmSync(PACKAGE, { recursive: true, force: true });
// Quick: the JavaScript alone, built straight into the copy (no type declarations, dist/ left as it is).
// tsup's API with the project's tsup.config.ts, minus the declarations.
const build = QUICK
  ? await import('tsup')
      .then(({ build: tsup }) => tsup({ dts: false, outDir: join(PACKAGE, 'dist'), silent: true }))
      .then(
        () => ({ status: 0 }),
        (error) => ({ status: 1, stdout: '', stderr: String(error?.stack ?? error) }),
      )
  : spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.exit(1);
}
if (!QUICK) cpSync(join(ROOT, 'dist'), join(PACKAGE, 'dist'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(PACKAGE, 'package.json'));

if (QUICK) {
  await runQuick();
  process.exit(process.exitCode ?? 0);
}

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

/** npm run bench:quick: every bench file with BENCH_QUICK=1, two at a time; fails when one fails. */
async function runQuick() {
  const queue = [...files];
  const results = [];
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const t0 = Date.now();
      const child = spawn(process.execPath, [join(BENCH, `${name}.bench.mjs`)], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, BENCH_PACKAGE: PACKAGE, BENCH_QUICK: '1' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      const seconds = ((Date.now() - t0) / 1000).toFixed(0);
      process.stderr.write(`${code === 0 ? 'ok    ' : 'FAILED'} ${name} (${seconds} s)\n`);
      if (code !== 0) process.stderr.write(`${err.slice(-4000)}\n`);
      results.push({ name, code, out });
    }
  };
  await Promise.all([lane(), lane()]);
  for (const name of files) {
    const r = results.find((x) => x.name === name);
    if (r.code === 0) process.stdout.write(`${r.out.trim()}\n\n`);
  }
  const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
  process.stderr.write(
    `bench:quick: ${files.length - failed.length} of ${files.length} bench files ran in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''} (figures not measured; results.md untouched)\n`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

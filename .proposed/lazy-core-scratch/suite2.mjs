// Scratch: per-file setup cost under vitest, every variant in ONE `vitest run` (one vitest project per variant,
// files interleaved by name), so machine load falls on all variants alike. Usage: node suite2.mjs <before> <after> [runs]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const REPO = '/work/wt/lazy';
const [before, after] = process.argv.slice(2, 4);
const RUNS = Number(process.argv[4] ?? 3);
const FILES = 25;
const DIR = '/tmp/lazy/suite2';
rmSync(DIR, { recursive: true, force: true });
const trivial = Array.from(
  { length: 16 },
  (_, i) => `  m${i}(received) { return { pass: received != null, message: () => 'm${i}' }; },`,
).join('\n');
const VARIANTS = {
  empty: './setup/empty.mjs',
  vitestOnly: './setup/vitest-only.mjs',
  trivial16: './setup/trivial16.mjs',
  before: 'expect-http-before/vitest',
  after: 'expect-http/vitest',
};
mkdirSync(join(DIR, 'setup'), { recursive: true });
writeFileSync(join(DIR, 'setup/empty.mjs'), 'export {};\n');
writeFileSync(
  join(DIR, 'setup/vitest-only.mjs'),
  "import { expect } from 'vitest';\nexport const loaded = typeof expect;\n",
);
writeFileSync(join(DIR, 'setup/trivial16.mjs'), `import { expect } from 'vitest';\nexpect.extend({\n${trivial}\n});\n`);
for (const [name, dist] of [
  ['expect-http', after],
  ['expect-http-before', before],
]) {
  const t = join(DIR, 'node_modules', name);
  mkdirSync(t, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  pkg.name = name;
  writeFileSync(join(t, 'package.json'), JSON.stringify(pkg));
  cpSync(dist, join(t, 'dist'), { recursive: true });
}
writeFileSync(
  join(DIR, 'timings.mjs'),
  `import { writeFileSync } from 'node:fs';
export default class T { onTestRunEnd(mods) { writeFileSync(process.env.SUITE_OUT, JSON.stringify(mods.map((m) => ({ project: m.project.name, setup: m.diagnostic().setupDuration, prepare: m.diagnostic().prepareDuration })))); } }\n`,
);
for (const v of Object.keys(VARIANTS)) {
  mkdirSync(join(DIR, v), { recursive: true });
  for (let f = 0; f < FILES; f++)
    writeFileSync(
      join(DIR, v, `f${String(f).padStart(2, '0')}-${v}.test.mjs`),
      `import { expect, test } from 'vitest';\n${Array.from({ length: 10 }, (_, t) => `test('t${t}', () => { expect(${t}).toBe(${t}); });`).join('\n')}\n`,
    );
}
writeFileSync(
  join(DIR, 'vitest.config.mjs'),
  `export default { test: { reporters: ['dot', './timings.mjs'], sequence: { shuffle: { files: true } }, projects: ${JSON.stringify(Object.entries(VARIANTS).map(([name, setup]) => ({ test: { name, include: [`${name}/*.test.mjs`], setupFiles: [setup] } })))} } };\n`,
);
const all = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
const ratios = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
};
for (let r = 0; r <= RUNS; r++) {
  const out = join(DIR, 'out.json');
  const c = spawnSync(process.execPath, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--root', DIR], {
    cwd: DIR,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', SUITE_OUT: out },
  });
  if (c.status !== 0) throw new Error(c.stdout.slice(-3000) + c.stderr.slice(-3000));
  if (r === 0) continue; // warm-up: vite's transform cache
  const files = JSON.parse(readFileSync(out, 'utf8'));
  const med = {};
  for (const v of Object.keys(VARIANTS)) {
    const s = files.filter((f) => f.project === v).map((f) => f.setup);
    all[v].push(...s);
    med[v] = median(s);
  }
  for (const v of Object.keys(VARIANTS)) ratios[v].push(med[v] / med.trivial16);
  process.stderr.write(
    `run ${r}: ${Object.keys(VARIANTS)
      .map((v) => `${v} ${med[v].toFixed(2)}`)
      .join(', ')}\n`,
  );
}
const fmt = (a, d = 2, u = ' ms') =>
  `${median(a).toFixed(d)}${u} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;
console.log(
  `| setup file | setupDuration per test file: median (min–max) over ${FILES} files × ${RUNS} runs | ratio to 16 trivial matchers, per run: median (min–max) |`,
);
console.log('| --- | --- | --- |');
for (const v of Object.keys(VARIANTS))
  console.log(`| ${v} (${VARIANTS[v]}) | ${fmt(all[v])} | ${fmt(ratios[v], 2, 'x')} |`);

// Scratch: fresh Node process per import, interleaved; prints median (min–max) and the per-round ratio after/before.
import { execFileSync } from 'node:child_process';
const [before, after] = process.argv.slice(2, 4);
const N = Number(process.argv[4] ?? 31);
const variants = [
  ['empty module (ESM)', 'esm', '/tmp/lazy/empty.mjs'],
  ['empty module (CJS)', 'cjs', '/tmp/lazy/empty.cjs'],
  ...['index.js', 'jest.js', 'jest.cjs', 'index.cjs'].flatMap((f) => [
    [`before ${f}`, f.endsWith('cjs') ? 'cjs' : 'esm', `${before}/${f}`],
    [`after ${f}`, f.endsWith('cjs') ? 'cjs' : 'esm', `${after}/${f}`],
  ]),
];
const res = Object.fromEntries(variants.map(([n]) => [n, []]));
for (let i = 0; i < N; i++)
  for (const [n, k, p] of i % 2 ? [...variants].reverse() : variants)
    res[n].push(Number(execFileSync('node', ['/tmp/lazy/child.mjs', k, p], { encoding: 'utf8' })));
const med = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
};
for (const [n] of variants) {
  const a = res[n];
  console.log(`| ${n} | ${med(a).toFixed(2)} ms (${Math.min(...a).toFixed(2)}–${Math.max(...a).toFixed(2)}) |`);
}
for (const f of ['index.js', 'jest.js', 'jest.cjs', 'index.cjs']) {
  const r = res[`after ${f}`].map((x, i) => x / res[`before ${f}`][i]);
  console.log(
    `| ratio after/before ${f} | ${med(r).toFixed(2)}x (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}) |`,
  );
}

import fs from 'node:fs';
import vm from 'node:vm';
const src = fs.readFileSync('/tmp/lazy/dist-before/chunk-4NY47RPL.cjs', 'utf8');
const forms = {
  full: src,
  wrapped: `function w(exports, require, module){${src}\n}`,
  comment: '/*' + src.replace(/\*\//g, '') + '*/',
};
const res = {};
for (let r = 0; r < 25; r++)
  for (const [k, s] of Object.entries(forms)) {
    const t0 = performance.now();
    new vm.Script(s + `\n//${r}${k}`, { filename: `${k}${r}` });
    (res[k] ??= []).push(performance.now() - t0);
  }
// evaluation
const ev = [];
for (let r = 0; r < 1; r++) {
  const f = new vm.Script(`(function(exports, require, module){${src}\n})//e${r}`).runInThisContext();
  const m = { exports: {} };
  const t0 = performance.now();
  f(m.exports, () => ({}), m);
  ev.push(performance.now() - t0);
}
for (const [k, a] of Object.entries(res)) {
  a.sort((x, y) => x - y);
  console.log(k, 'median', a[a.length >> 1].toFixed(2), 'min', a[0].toFixed(2));
}
console.log(
  'first evaluation',
  ev.map((x) => x.toFixed(2)),
);

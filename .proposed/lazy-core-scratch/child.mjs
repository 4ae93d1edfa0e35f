// usage: node child.mjs <kind> <path>
const [kind, path] = process.argv.slice(2);
globalThis.expect = {
  extend(m) {
    globalThis.__n = Object.keys(m).length;
  },
};
const t0 = performance.now();
if (kind === 'esm') await import(path);
else if (kind === 'cjs') {
  const { createRequire } = await import('node:module');
  createRequire(import.meta.url)(path);
}
const t1 = performance.now();
process.stdout.write(String(t1 - t0));

#!/usr/bin/env node
// Builds and packs expect-http once, for every check that installs the tarball a user would get:
//   node scripts/pack.mjs .tmp/pack [--no-build]   → .tmp/pack/expect-http-<version>.tgz and .tmp/pack/pack.json
// CI runs it once and hands pack.json to `check:package`, `test:matrix` and `examples` (their --pack option);
// run alone, each of them builds and packs for itself through packPackage below.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run build` (unless build is false), then `npm pack` into `destination`. Returns npm's own description of
 * the tarball (files, size, integrity…) with `tarball`, its absolute path, and writes it as pack.json beside it.
 */
export function packPackage(destination, { build = true } = {}) {
  mkdirSync(destination, { recursive: true });
  if (build) npm(['run', 'build']);
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', destination]));
  const description = { ...packed, tarball: join(resolve(destination), packed.filename) };
  writeFileSync(join(destination, 'pack.json'), `${JSON.stringify(description, null, 2)}\n`);
  return description;
}

/** The description packPackage wrote, from its pack.json. */
export function readPack(file) {
  return JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));
}

function npm(args) {
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'no-build': { type: 'boolean', default: false } },
  });
  const destination = resolve(positionals[0] ?? join(ROOT, '.tmp', 'pack'));
  const packed = packPackage(destination, { build: !values['no-build'] });
  console.log(
    `packed ${packed.tarball} (${(packed.size / 1024).toFixed(1)} kB); description in ${join(destination, 'pack.json')}`,
  );
}

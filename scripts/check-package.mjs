#!/usr/bin/env node
// Packaging checks on the tarball a user would install:
//   1. publint: the package.json and the files it points at agree (every message fails, suggestions too);
//   2. @arethetypeswrong/cli: every entry point resolves to JavaScript and matching types for
//      node10, node16 from CJS, node16 from ESM and bundler resolution;
//   3. the packed size stays within a budget;
//   4. zero runtime dependencies, and the core entry (dist/index.* and every chunk it loads) imports no
//      `node:` module and no bare module; the runner entries import only their runner; the openapi entries import
//      only their optional peers (ajv, ajv-formats, yaml) and node's file modules, and every peer is optional.
//
//   npm run check:package            (builds first)
//   npm run check:package -- --no-build
//   npm run check:package -- --pack .tmp/pack/pack.json   the tarball scripts/pack.mjs made (CI packs once)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { packPackage, readPack } from './pack.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// About 15% above the size when the budget was last set; raise it on purpose, with the reason in the commit, never
// by habit. Set at 93.9 KB packed, 333 KB unpacked (16 matchers, ESM + CJS + types of each); raised at 137.2 KB
// packed, 476.1 KB unpacked, when the message pipeline gained the Redactor, the secret-name tokenizer, HTML error
// pages as text, the first difference of a large JSON body, and body decoding (Content-Encoding, charsets); and at
// 155.9 KB packed, 548.3 KB unpacked, when toMatchResponse and the two GraphQL matchers came (19 matchers); and at
// 195.3 KB packed, 699.9 KB unpacked, when the expect-http/openapi entries came (spec loading, operation lookup, ajv
// wiring, requests, msw mocks and the contract notes; ajv itself is a peer, not packed); and at 220.4 KB packed,
// 786.8 KB unpacked, when the lazy core split dist/ in two (what passing needs, and dist/lazy-side.* loaded on the first
// failure, with a stub for each function it holds) and response snapshots came.
const BUDGET = { packed: 255 * 1024, unpacked: 905 * 1024 };

const OPENAPI_IMPORTS = ['ajv', 'ajv/dist/2020.js', 'ajv-formats', 'yaml', 'node:url', 'node:path', 'node:fs/promises'];

// What each built entry may import that is not a relative chunk of our own.
const ALLOWED_IMPORTS = {
  'dist/index.js': [],
  'dist/index.cjs': [],
  'dist/vitest.js': ['vitest'],
  'dist/vitest.cjs': ['vitest'],
  'dist/jest.js': [],
  'dist/jest.cjs': [],
  // expect-http/openapi: the validator and YAML parser (optional peers, loaded by loadApiSpec) and Node's file reading.
  'dist/openapi/index.js': OPENAPI_IMPORTS,
  'dist/openapi/index.cjs': OPENAPI_IMPORTS,
  'dist/openapi/vitest.js': ['vitest', ...OPENAPI_IMPORTS],
  'dist/openapi/vitest.cjs': ['vitest', ...OPENAPI_IMPORTS],
  'dist/openapi/jest.js': OPENAPI_IMPORTS,
  'dist/openapi/jest.cjs': OPENAPI_IMPORTS,
};

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? `\n${detail.replace(/^/gm, '      ')}` : ''}`);
};

const work = await mkdtemp(join(tmpdir(), 'expect-http-package-'));
try {
  const { values: options } = parseArgs({
    options: { 'no-build': { type: 'boolean', default: false }, pack: { type: 'string' } },
  });
  const packed = options.pack ? readPack(options.pack) : packPackage(work, { build: !options['no-build'] });
  const { tarball } = packed;
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  console.log(
    `packed ${packed.filename}: ${packed.entryCount} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked\n`,
  );

  // 1. publint, on the tarball itself.
  const publint = await run(bin('publint'), ['run', tarball, '--level', 'suggestion', '--strict'], ROOT, {
    allowFailure: true,
  });
  const publintText = stripAnsi(publint.stdout + publint.stderr);
  check(
    'publint: no errors, warnings or suggestions',
    publint.code === 0 && /All good!/.test(publintText),
    publint.code === 0 && /All good!/.test(publintText) ? '' : publintText.trim(),
  );

  // 2. attw: the strict profile covers node10, node16 (CJS and ESM) and bundler for every entry point.
  const attw = await run(bin('attw'), [tarball, '--format', 'table-flipped', '--no-color', '--no-emoji'], ROOT, {
    allowFailure: true,
  });
  const attwText = stripAnsi(attw.stdout + attw.stderr).trim();
  const table = attwText.slice(attwText.indexOf('┌') >= 0 ? attwText.indexOf('┌') : 0);
  check(
    'attw: every entry point resolves for node10, node16 (CJS, ESM) and bundler',
    attw.code === 0,
    attw.code === 0 ? table : attwText,
  );

  // 3. size budget.
  if (BUDGET.packed === 0) {
    check(
      'size budget',
      false,
      `no budget set: the tarball is ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked`,
    );
  } else {
    check(`size: ${kb(packed.size)} packed (budget ${kb(BUDGET.packed)})`, packed.size <= BUDGET.packed);
    check(
      `size: ${kb(packed.unpackedSize)} unpacked (budget ${kb(BUDGET.unpacked)})`,
      packed.unpackedSize <= BUDGET.unpacked,
    );
  }

  // 4a. zero runtime dependencies.
  const runtimeDeps = ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'].flatMap(
    (field) =>
      Object.keys(
        Array.isArray(pkg[field]) ? Object.fromEntries(pkg[field].map((n) => [n, 1])) : (pkg[field] ?? {}),
      ).map((n) => `${field}: ${n}`),
  );
  check('zero runtime dependencies', runtimeDeps.length === 0, runtimeDeps.join('\n'));
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const required = peers.filter((n) => pkg.peerDependenciesMeta?.[n]?.optional !== true);
  check(
    `peer dependencies are all optional (${peers.join(', ') || 'none'})`,
    required.length === 0,
    required.map((n) => `required peer: ${n}`).join('\n'),
  );

  // 4b. what each built entry imports, following our own chunks.
  const files = new Set(packed.files.map((f) => f.path));
  for (const [entry, allowed] of Object.entries(ALLOWED_IMPORTS)) {
    if (!files.has(entry)) {
      check(`${entry} is in the package`, false);
      continue;
    }
    const { external, visited } = await importGraph(entry, files);
    const bad = external.filter(({ specifier }) => !allowed.includes(specifier));
    const what = allowed.length === 0 ? 'no node: module and no bare module' : `nothing but ${allowed.join(', ')}`;
    check(
      `${entry} (+${visited.length - 1} chunks) imports ${what}`,
      bad.length === 0,
      bad.map(({ file, specifier }) => `${file} imports ${JSON.stringify(specifier)}`).join('\n'),
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
console.log(`\npackage: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length > 0 ? 1 : 0;

// ---------------------------------------------------------------------------------------------------

/**
 * Every module specifier the built file and its relative imports use, found by TypeScript's scanner
 * (static and dynamic import, export-from and require; text inside strings and comments is not code).
 */
async function importGraph(entry, files) {
  const external = [];
  const visited = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    if (visited.includes(file)) continue;
    visited.push(file);
    const source = await readFile(join(ROOT, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(source, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier));
        if (!files.has(target)) external.push({ file, specifier: `${specifier} (not in the package)` });
        else queue.push(target);
      } else {
        external.push({ file, specifier });
      }
    }
  }
  return { external, visited };
}

function run(command, args, cwd, { allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 || allowFailure) resolve({ code, stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}

function bin(name) {
  return join(ROOT, 'node_modules', '.bin', name);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function stripAnsi(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

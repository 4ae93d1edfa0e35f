#!/usr/bin/env node
// The version matrix: the packed package, installed as a user installs it, run on every supported Node
// with every major of the test runners, mock library and HTTP clients it claims to work with.
//
//   npm run test:matrix                          every cell (about 5 minutes on 2 cores, warm npm cache)
//   npm run test:matrix -- --node 22 --cell vitest5 --jobs 1 --keep
//   npm run test:matrix -- --pack .tmp/pack/pack.json      the tarball scripts/pack.mjs made (CI packs once)
//
// Node binaries come from the npm registry's node-<platform>-<arch> packages (exact versions below),
// installed once into .cache/node/<version>/. Every cell installs into its own temporary directory:
//   npm install <packed tarball> <runner> <libs> typescript @types/node
// copies in test/matrix/ (every exported matcher checked generically, most with a case of their own; see suite.cjs),
// runs it with that cell's Node,
// then type-checks a usage file with tsc (skipLibCheck: false). Not the full cartesian product: each
// Node runs one vitest cell with the oldest supported majors, one with the newest, and the two jest
// styles; a cell whose packages' engines exclude a Node is reported as "not run: engines", and the plan
// is checked so that every axis value runs on every Node its engines allow.
//
// Two cells run in other runtimes instead of Node: Bun (`bun test`, Bun's expect) and Deno (`deno test`,
// jest's standalone expect). Their binaries come from the npm registry's bun and deno packages, whose
// platform packages (@oven/bun-*, @deno/*) carry the binary; installed once into .cache/<runtime>/<version>/.
// Each runs once, whatever --node says, with its tests' time bounded, and is reported in a table of its own.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { ensureNode, installIntoCache, NODE_VERSIONS, nodeBinary } from './node-binaries.mjs';
import { packPackage, readPack } from './pack.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, '.cache');
const LOGS = join(CACHE, 'matrix');

// @types/node follows the Node major a user is on (vitest 5 wants ^22 || >=24 of it).
const TYPES_NODE = { 20: '20.19.43', 22: '22.20.5', 24: '24.19.2', 26: '26.6.6' };
const TYPESCRIPT = '5.9.3';

/** Each cell: a runner style and the exact versions installed with the package. */
const CELLS = [
  {
    id: 'vitest4',
    title: 'vitest 4 · msw 2 · undici 7 · got 14 (oldest majors)',
    runner: 'vitest',
    packages: { vitest: '4.1.12', msw: '2.15.0', undici: '7.30.2', got: '14.6.6' },
    types: ['vitest.ts'],
  },
  {
    id: 'vitest5',
    title: 'vitest 5 · msw 3 · undici 8 · got 16 (newest majors)',
    runner: 'vitest',
    packages: { vitest: '5.1.1', msw: '3.0.5', undici: '8.12.4', got: '16.1.0' },
    types: ['vitest.ts'],
  },
  {
    id: 'jest-globals',
    title: 'jest 30 · @jest/globals, injectGlobals: false · undici 7',
    runner: 'jest-globals',
    packages: { jest: '30.5.2', '@jest/globals': '30.5.2', undici: '7.30.2' },
    types: ['jest-globals.ts'],
  },
  {
    id: 'jest-global',
    title: 'jest 30 · global expect + @types/jest · undici 7',
    runner: 'jest-global',
    packages: { jest: '30.5.2', '@types/jest': '30.0.0', undici: '7.30.2' },
    types: ['jest-global.ts'],
  },
  {
    id: 'bun',
    title: 'bun test · expect.extend(matchers) · fetch',
    runtime: { name: 'bun', version: '1.4.5' },
    packages: {},
    types: [],
  },
  {
    id: 'deno',
    title: "deno test · jest's expect 30 · fetch",
    runtime: { name: 'deno', version: '2.9.6' },
    packages: { expect: '30.5.2' },
    types: [],
  },
];

// How long a runtime cell's steps may take before they are killed and the cell counted as failed
// (on 2 busy cores: install about 10 s from a warm npm cache, tests 1–12 s).
const RUNTIME_INSTALL_TIMEOUT_MS = 300_000;
const RUNTIME_TEST_TIMEOUT_MS = 120_000;

// The packages whose majors are the matrix's axes; the coverage check below is over these.
const AXES = ['vitest', 'jest', 'msw', 'undici', 'got'];

// ---------------------------------------------------------------------------------------------------

const options = readOptions();
const started = Date.now();

const machine = {
  version: process.version.slice(1),
  bin: process.execPath,
  label: `${process.version.slice(1)} (machine)`,
};
const nodes = [
  machine,
  ...NODE_VERSIONS.map((version) => ({ version, bin: nodeBinary(version), label: version })),
].filter(
  (n) =>
    options.node.length === 0 || options.node.some((want) => n.version === want || n.version.startsWith(`${want}.`)),
);
const cells = CELLS.filter((c) => options.cell.length === 0 || options.cell.includes(c.id));
const nodeCells = cells.filter((c) => !c.runtime);
const runtimeCells = cells.filter((c) => c.runtime);
if (cells.length === 0 || (nodeCells.length > 0 && nodes.length === 0 && runtimeCells.length === 0)) {
  fail(`nothing to run: --node ${options.node.join(',')} --cell ${options.cell.join(',')}`);
}

await mkdir(LOGS, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'expect-http-matrix-'));

const { tarball } = options.pack
  ? readPack(options.pack)
  : (log('building and packing expect-http'), packPackage(work));
const own = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));

if (nodeCells.length > 0) {
  log(
    `installing Node ${
      nodes
        .filter((n) => n !== machine)
        .map((n) => n.version)
        .join(', ') || '(none)'
    } from the npm registry`,
  );
  for (const node of nodes) if (node !== machine) ensureNode(node.version);
}
// A runtime cell runs on its runtime's binary; it stands where the other cells have a Node.
const runtimes = new Map();
for (const cell of runtimeCells) {
  log(`installing ${cell.runtime.name} ${cell.runtime.version} from the npm registry`);
  runtimes.set(cell, await installRuntime(cell.runtime));
}

const engines = await lookUpEngines(nodeCells);
engines[`${own.name}@${own.version}`] = own.engines?.node ?? '*';

// The plan: which cell runs on which Node, and why the others do not.
const plan = [];
for (const cell of runtimeCells) plan.push({ cell, node: runtimes.get(cell), excluded: [], result: undefined });
for (const cell of nodeCells) {
  for (const node of nodes) {
    const excluded = Object.entries({ ...cell.packages, [own.name]: own.version })
      .map(([name, version]) => ({ spec: `${name}@${version}`, range: engines[`${name}@${version}`] ?? '*' }))
      .filter(({ range }) => !semver.satisfies(node.version, range));
    plan.push({ cell, node, excluded, result: excluded.length > 0 ? { state: 'engines' } : undefined });
  }
}
checkCoverage(plan);

const toRun = plan.filter((p) => p.result === undefined);
log(`running ${toRun.length} cells (${plan.length - toRun.length} excluded by engines), ${options.jobs} at a time`);
await pool(toRun, options.jobs, async (entry) => {
  entry.result = await runCell(entry.cell, entry.node);
  const r = entry.result;
  log(
    `${r.state === 'pass' ? 'pass' : 'FAIL'}  ${entry.cell.id} on ${entry.node.name ?? 'Node'} ${entry.node.version}  (${seconds(r.ms)}; install ${seconds(r.timing.install)}, tests ${seconds(r.timing.tests)}, types ${seconds(r.timing.types)})`,
  );
  if (r.state !== 'pass') {
    process.stdout.write(indent(r.tail));
    log(`full log: ${r.logFile}`);
  }
});

if (!options.keep) await rm(work, { recursive: true, force: true });
else log(`kept the cells in ${work}`);

printTable(plan);
const failed = plan.filter((p) => p.result.state === 'fail');
const ran = plan.filter((p) => p.result.state !== 'engines');
console.log(`\ntotal ${seconds(Date.now() - started)} with ${options.jobs} jobs; skipped = not run: engines`);
// The plain closing line CI reads: cells, not tests.
console.log(
  `matrix: ${ran.length - failed.length} passed, ${failed.length} failed, ${plan.length - ran.length} skipped`,
);
process.exitCode = failed.length > 0 ? 1 : 0;

// ---------------------------------------------------------------------------------------------------

async function runCell(cell, node) {
  if (cell.runtime) return runRuntimeCell(cell, node);
  const { dir, step, passed, failed } = await openCell(
    `${cell.id}-node${node.version}`,
    `${cell.id}@node${node.version}.log`,
    {
      PATH: `${dirname(node.bin)}:${process.env.PATH}`,
    },
  );
  let stage = 'install';
  let tests;
  try {
    const isVitest = cell.runner === 'vitest';
    await writeFile(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: `matrix-${cell.id}`, private: true, type: isVitest ? 'module' : 'commonjs' }, null, 2)}\n`,
    );
    const major = Number(node.version.split('.')[0]);
    const specs = [
      tarball,
      ...Object.entries(cell.packages).map(([n, v]) => `${n}@${v}`),
      `typescript@${TYPESCRIPT}`,
      `@types/node@${TYPES_NODE[major] ?? TYPES_NODE[24]}`,
    ];
    await step('install', 'npm', [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...specs,
    ]);
    await copyMatrixSuite(dir);
    await writeRunnerConfig(dir, cell);

    stage = 'tests';
    const report = join(dir, 'report.json');
    try {
      if (isVitest)
        await step('tests', node.bin, [
          'node_modules/vitest/vitest.mjs',
          'run',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ]);
      else
        await step('tests', node.bin, [
          'node_modules/jest/bin/jest.js',
          '--ci',
          '--config',
          'jest.config.cjs',
          '--json',
          `--outputFile=${report}`,
        ]);
    } finally {
      tests = await countTests(report);
    }

    // A suite that forgets an `await` on a body matcher must fail that test, by name (test/matrix/forgotten-await.check.mjs).
    stage = 'forgotten await';
    await step('tests', node.bin, ['forgotten-await.check.mjs', isVitest ? 'vitest' : 'jest']);

    stage = 'types';
    await step('types', node.bin, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json']);
    // The same types reached through tsconfig `types` alone, with no import of the entry (the README's TypeScript setup).
    await step('types', node.bin, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types-form.json']);
    return passed(tests);
  } catch (error) {
    return failed(error, stage, tests);
  }
}

/**
 * A Bun or Deno cell: the packed package (and the cell's packages) installed by npm into its own
 * directory, as a Bun or Deno user with a package.json does, then the runtime's own test runner over
 * test/matrix/<runtime>.test.mjs. No type check: the typed usage files are the runners' augmentations.
 */
async function runRuntimeCell(cell, runtime) {
  const { dir, step, passed, failed } = await openCell(
    `${cell.id}-${runtime.version}`,
    `${cell.id}@${runtime.version}.log`,
    {
      // Deno: its cache inside the cell, and no look-up of a newer release.
      DENO_DIR: join(work, `${cell.id}-${runtime.version}`, '.deno'),
      DENO_NO_UPDATE_CHECK: '1',
    },
  );
  let stage = 'install';
  let tests;
  try {
    await writeFile(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: `matrix-${cell.id}`, private: true, type: 'module' }, null, 2)}\n`,
    );
    const specs = [tarball, ...Object.entries(cell.packages).map(([n, v]) => `${n}@${v}`)];
    await step(
      'install',
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
      RUNTIME_INSTALL_TIMEOUT_MS,
    );
    await copyMatrixSuite(dir);

    stage = 'tests';
    const file = `./${cell.runtime.name}.test.mjs`;
    const report = join(dir, 'report.xml');
    const args =
      cell.runtime.name === 'bun'
        ? ['test', '--timeout', '20000', '--reporter=junit', `--reporter-outfile=${report}`, file]
        : // The server listens on and fetch reaches 127.0.0.1 only; reads stay inside the cell.
          [
            'test',
            '--no-prompt',
            '--allow-env',
            '--allow-read=.',
            '--allow-net=127.0.0.1',
            `--junit-path=${report}`,
            file,
          ];
    try {
      await step('tests', runtime.bin, args, RUNTIME_TEST_TIMEOUT_MS);
    } finally {
      tests = await countTests(report);
    }
    if (!tests)
      throw new Error(`${cell.runtime.name} test exited 0, but its JUnit report (${report}) counts no passed test`);
    return passed(tests);
  } catch (error) {
    return failed(error, stage, tests);
  }
}

/**
 * A cell's directory and log: `step` runs a command there (its time added to the step's total, its output to
 * the log), `passed` and `failed` close the log and describe the result.
 */
async function openCell(name, logName, extraEnv) {
  const dir = join(work, name);
  const logFile = join(LOGS, logName);
  await mkdir(dir, { recursive: true });
  const t0 = Date.now();
  const timing = { install: 0, tests: 0, types: 0 };
  const out = createWriteStream(logFile);
  const env = { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', ...extraEnv };
  const step = async (stepName, command, args, timeoutMs) => {
    const s = Date.now();
    out.write(`\n$ ${[command, ...args].join(' ')}\n`);
    try {
      return await run(command, args, { cwd: dir, env, stream: out, timeoutMs });
    } finally {
      timing[stepName] += Date.now() - s;
    }
  };
  const passed = (tests) => {
    out.end();
    return { state: 'pass', tests, ms: Date.now() - t0, timing, logFile };
  };
  const failed = async (error, stage, tests) => {
    out.write(`\n${error.stack ?? error}\n`);
    await new Promise((resolve) => out.end(resolve));
    const tail = (await readFile(logFile, 'utf8')).split('\n').slice(-60).join('\n');
    return { state: 'fail', stage, tests, ms: Date.now() - t0, timing, logFile, tail };
  };
  return { dir, step, passed, failed };
}

async function copyMatrixSuite(dir) {
  const from = join(ROOT, 'test', 'matrix');
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(dir, source.slice(from.length + 1));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
  }
}

async function writeRunnerConfig(dir, cell) {
  if (cell.runner === 'vitest') {
    await writeFile(
      join(dir, 'vitest.config.mjs'),
      "export default { test: { include: ['vitest.test.mjs', 'vitest-fast-path.test.mjs'], testTimeout: 20000 } };\n",
    );
  } else {
    const config =
      cell.runner === 'jest-globals'
        ? { testEnvironment: 'node', testMatch: ['<rootDir>/jest-globals.test.cjs'], injectGlobals: false }
        : {
            testEnvironment: 'node',
            testMatch: ['<rootDir>/jest-global.test.cjs'],
            setupFilesAfterEnv: ['expect-http/jest'],
          };
    await writeFile(join(dir, 'jest.config.cjs'), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
  }
  const types = ['node', ...(cell.packages['@types/jest'] ? ['jest'] : [])];
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types,
    },
    files: cell.types.map((f) => `types/${f}`),
  };
  await writeFile(join(dir, 'tsconfig.types.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const entry = cell.runner === 'vitest' ? 'expect-http/vitest' : 'expect-http/jest';
  const typesForm = {
    compilerOptions: { ...tsconfig.compilerOptions, types: [...types, entry] },
    files: [`types/types-form.${cell.runner}.ts`],
  };
  await writeFile(join(dir, 'tsconfig.types-form.json'), `${JSON.stringify(typesForm, null, 2)}\n`);
}

/**
 * Passed tests, from the report file the runner wrote: vitest's and jest's JSON (`numPassedTests`), or the
 * JUnit XML of bun and deno (the root element's tests minus failures, errors and skipped).
 */
async function countTests(reportFile) {
  if (!(await exists(reportFile))) return undefined;
  const text = await readFile(reportFile, 'utf8');
  if (reportFile.endsWith('.json')) return JSON.parse(text).numPassedTests;
  const root = /<testsuites\b([^>]*)>/.exec(text)?.[1] ?? '';
  const attribute = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? 0);
  return attribute('tests') - attribute('failures') - attribute('errors') - attribute('skipped');
}

// --- Bun and Deno binaries -------------------------------------------------------------------------

/**
 * The runtime's npm package (bun, deno) installed into .cache/<name>/<version>/. Its platform package (an
 * optional dependency) carries the binary; the postinstall script only links it (bun's moves it into
 * bun/bin/, and would download the platform package from the registry if npm had skipped it), so the
 * binary is looked for in both places.
 */
async function installRuntime({ name, version }) {
  const prefix = join(CACHE, name, version, 'node_modules');
  const label = `${name === 'bun' ? 'Bun' : 'Deno'} ${version}`;
  const candidates = runtimeBinaries(name).map((parts) => join(prefix, ...parts));
  const find = async () => {
    for (const bin of candidates) {
      if (!(await exists(bin))) continue;
      const reported = await run(bin, ['--version'], { cwd: ROOT }).then(
        (r) => r.stdout.trim(),
        () => '',
      );
      if (new RegExp(`^(${name} )?${version.replaceAll('.', '\\.')}\\b`).test(reported)) return bin;
    }
    return undefined;
  };
  let bin = await find();
  if (!bin) {
    installIntoCache(name, version, `${name}@${version}`);
    bin = await find();
  }
  if (!bin) fail(`npm installed ${name}@${version}, but none of these is a ${label} binary: ${candidates.join(', ')}`);
  return { name: label.split(' ')[0], version, bin, label };
}

/** Where the binary may be, below node_modules: in the platform package, or where the postinstall put it. */
function runtimeBinaries(name) {
  const { platform, arch } = process;
  if (!['linux', 'darwin'].includes(platform) || !['x64', 'arm64'].includes(arch))
    fail(`no ${name} binary package known for ${platform}-${arch}`);
  if (name === 'bun')
    return [
      ['@oven', `bun-${platform}-${arch === 'arm64' ? 'aarch64' : 'x64'}`, 'bin', 'bun'],
      ['bun', 'bin', 'bun.exe'],
    ];
  return [
    ['@deno', `${platform}-${arch}${platform === 'linux' ? '-glibc' : ''}`, 'deno'],
    ['deno', 'deno'],
  ];
}

// --- engines ------------------------------------------------------------------------------------

/** The `engines.node` range of every package version the cells install, from the registry, cached (versions are immutable). */
async function lookUpEngines(list) {
  const file = join(CACHE, 'matrix', 'engines.json');
  const known = (await exists(file)) ? JSON.parse(await readFile(file, 'utf8')) : {};
  const wanted = [...new Set(list.flatMap((c) => Object.entries(c.packages).map(([n, v]) => `${n}@${v}`)))];
  await Promise.all(
    wanted
      .filter((spec) => !(spec in known))
      .map(async (spec) => {
        const { stdout } = await run('npm', ['view', spec, 'engines', '--json', '--prefer-offline'], { cwd: ROOT });
        const parsed = stdout.trim() === '' ? {} : JSON.parse(stdout);
        known[spec] = parsed.node ?? '*';
      }),
  );
  await writeFile(file, `${JSON.stringify(known, null, 2)}\n`);
  return known;
}

/** Every axis value must run on every Node whose version its engines allow; otherwise the plan has a gap. */
function checkCoverage(entries) {
  const gaps = [];
  for (const node of nodes) {
    for (const axis of AXES) {
      for (const version of new Set(entries.map((e) => e.cell.packages[axis]).filter(Boolean))) {
        if (!semver.satisfies(node.version, engines[`${axis}@${version}`] ?? '*')) continue;
        const covered = entries.some(
          (e) => e.node === node && e.result === undefined && e.cell.packages[axis] === version,
        );
        if (!covered) gaps.push(`${axis}@${version} supports Node ${node.version} but no cell runs it there`);
      }
    }
  }
  if (gaps.length > 0 && options.cell.length === 0)
    fail(`the matrix plan has gaps; add or change a cell:\n  ${gaps.join('\n  ')}`);
}

// --- output ---------------------------------------------------------------------------------------

function printTable(entries) {
  if (nodeCells.length > 0 && nodes.length > 0) printNodeTable(entries);
  if (runtimeCells.length > 0) {
    const rows = runtimeCells.map((cell) => {
      const { node, result: r } = entries.find((e) => e.cell === cell);
      const text =
        r.state === 'fail' ? `FAIL: ${r.stage}${r.tests ? ` (${r.tests} tests pass)` : ''}` : `pass (${r.tests} tests)`;
      return [`${cell.id}: ${cell.title}`, node.label, text];
    });
    printRows(['cell', 'runtime', 'result'], rows);
  }
}

function printRows(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cols) => `| ${cols.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${rows.map(line).join('\n')}`);
}

function printNodeTable(entries) {
  const header = ['cell', ...nodes.map((n) => `Node ${n.label}`)];
  const rows = nodeCells.map((cell) => [
    `${cell.id}: ${cell.title}`,
    ...nodes.map((node) => {
      const r = entries.find((e) => e.cell === cell && e.node === node).result;
      if (r.state === 'engines') return 'not run: engines';
      if (r.state === 'fail')
        return r.stage === 'types' ? `FAIL: types (${r.tests ?? '?'} tests pass)` : `FAIL: ${r.stage}`;
      return `pass (${r.tests ?? '?'} tests, types ok)`;
    }),
  ]);
  printRows(header, rows);
  const notes = entries.filter((e) => e.result.state === 'engines');
  if (notes.length > 0) {
    console.log('\nnot run: engines');
    for (const e of notes) {
      console.log(
        `  ${e.cell.id} on Node ${e.node.version}: ${e.excluded.map((x) => `${x.spec} needs Node ${x.range}`).join('; ')}`,
      );
    }
  }
}

function log(message) {
  console.log(`[matrix ${seconds(Date.now() - started).padStart(6)}] ${message}`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function indent(text) {
  return `${text.replace(/^/gm, '    ')}\n`;
}

function fail(message) {
  console.error(`matrix: ${message}`);
  process.exit(2);
}

// --- processes ------------------------------------------------------------------------------------

/** Runs a command; resolves with its output, rejects (with the output) on a non-zero exit or when it outlives `timeoutMs`. */
function run(command, args, { cwd, env = process.env, stream, logFile, timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);
    const file = logFile ? createWriteStream(logFile) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      stream?.write(chunk);
      file?.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      stream?.write(chunk);
      file?.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      file?.end();
      if (code === 0 && !timedOut) resolve({ stdout, stderr });
      else {
        const how = timedOut ? `was killed after ${seconds(timeoutMs)}` : `exited with ${code ?? signal}`;
        reject(
          Object.assign(new Error(`${command} ${args.join(' ')} ${how}\n${stream ? '' : stderr.slice(-4000)}`), {
            stdout,
            stderr,
          }),
        );
      }
    });
  });
}

async function pool(items, size, worker) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await worker(items[next++]);
  });
  await Promise.all(lanes);
}

async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function readOptions() {
  const usage =
    'npm run test:matrix [-- --node 20,22 --cell vitest4,jest-global --jobs 2 --keep --pack .tmp/pack/pack.json]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        node: { type: 'string', multiple: true, default: [] },
        cell: { type: 'string', multiple: true, default: [] },
        jobs: { type: 'string', default: '2' },
        keep: { type: 'boolean', default: false },
        pack: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    fail(`${error.message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const list = (items) => items.flatMap((item) => item.split(',')).filter(Boolean);
  return {
    node: list(values.node),
    cell: list(values.cell),
    jobs: Math.max(1, Number(values.jobs) || 1),
    keep: values.keep,
    pack: values.pack,
  };
}

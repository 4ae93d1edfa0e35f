// npm run examples: runs every project in examples/ exactly as a user would have it. Builds the package, packs it
// once (`npm pack`), copies each example to a temporary directory, installs it with `npm ci` from its committed
// package-lock.json with expect-http taken from the packed tarball, runs its `npm test`, and prints a table. Exits
// non-zero if any example fails; an example that cannot run on this machine (no browser) says why and counts as
// skipped, not failed. An example whose lockfile lacks another platform's optional package fails before installing.
//
//   node scripts/examples.mjs                        every example
//   node scripts/examples.mjs vitest-msw jest-…      only these
//   node scripts/examples.mjs --show-failure NAME    run NAME's deliberately failing test (SHOW_FAILURE=1, or the
//                                                    env in PROVOKED_FAILURES) and print its output without colours,
//                                                    for the example's README
//   node scripts/examples.mjs --show-failure --update-readme NAME
//                                                    …and put that failure into examples/NAME/README.md, between
//                                                    its <!-- failure-output:start/end --> markers
//   node scripts/examples.mjs --update-lockfiles     regenerate each example's package-lock.json from scratch, then
//                                                    run the example with it (see writeLockfile)
//   --keep                                           keep the temporary directory, to poke at an install
//   --no-build                                       pack the dist/ already built instead of running npm run build
//   --pack .tmp/pack/pack.json                       the tarball scripts/pack.mjs made (CI packs once)
//   --verbose                                        stream every example's output, not only a failing one's
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packPackage, readPack } from './pack.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
// A hung example (a server left open, a browser that never answers) must not eat CI's budget.
const EXAMPLE_TIMEOUT_MS = 5 * 60_000;
// The line an example prints, with exit code 0, when it cannot run here (see examples/vitest-browser).
const SKIP_MARKER = /^EXAMPLE SKIPPED: (.+)$/m;
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
// Examples whose failure on purpose is provoked by their own env var rather than SHOW_FAILURE, and what it must say.
// Every run of such an example also runs it that way and fails the example unless its tests fail with each of these
// lines: CI proves that the failure is still caught, not only that the passing tests pass.
const PROVOKED_FAILURES = {
  'vitest-msw-openapi': {
    env: { DRIFT: '1' },
    mustSay: [
      'The msw traffic of this test breaks the contract (1 violation, checkMocksAgainst):',
      'GET https://api.shelter.test/v1/pets/1: the mocked response (status 200) breaks the contract',
      '  Handler:  GET https://api.shelter.test/v1/pets/:petId (test/handlers.ts:',
      '    - body.id must be an integer; received "1" (#/components/schemas/Pet/properties/id/type)',
    ],
  },
};

const USAGE =
  'usage: node scripts/examples.mjs [--show-failure [--update-readme]] [--update-lockfiles] [--keep] [--verbose] [--no-build] [--pack .tmp/pack/pack.json] [example…]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'show-failure': { type: 'boolean', default: false },
      'update-readme': { type: 'boolean', default: false },
      'update-lockfiles': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      pack: { type: 'string' },
    },
  });
} catch (error) {
  usage(error.message);
}
const { values, positionals: named } = parsed;
const showFailure = values['show-failure'];
const updateLockfiles = values['update-lockfiles'];
const keep = values.keep;
const verbose = values.verbose;
const noBuild = values['no-build'];
const updateReadme = values['update-readme'];

const all = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'package.json')))
  .map((d) => d.name)
  .sort();
const missing = named.filter((n) => !all.includes(n));
if (missing.length > 0) usage(`no example named ${missing.join(', ')} (there are: ${all.join(', ')})`);
const selected = named.length > 0 ? named : all;
if (showFailure && selected.length !== 1) usage('--show-failure takes exactly one example');
if (updateReadme && !showFailure) usage('--update-readme goes with --show-failure');

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'expect-http-examples-'));
let exitCode = 0;
try {
  if (!values.pack) log(noBuild ? 'Packing expect-http…' : 'Building and packing expect-http…');
  const packed = values.pack ? readPack(values.pack) : packPackage(work, { build: !noBuild });
  const { tarball } = packed;
  checkPacked(packed.files.map((f) => f.path));
  log(`Packed ${basename(tarball)} (${(packed.size / 1024).toFixed(1)} kB). Examples run in ${work}\n`);
  const pack = { tarball, version: packed.version, integrity: packed.integrity };

  const results = [];
  for (const name of selected) {
    const result = await runExample(name, pack);
    results.push(result);
    log(`${result.status.padEnd(7)} ${name} (${seconds(result.ms)})${result.reason ? `: ${result.reason}` : ''}`);
  }

  if (showFailure) {
    const [r] = results;
    // Here the test is meant to fail; anything else means the example's failing test did not run.
    process.stdout.write(`\n${r.output.replace(ANSI, '')}\n`);
    if (r.status !== 'failed') {
      log(`Expected ${r.name}'s deliberately failing test to fail, but the run ${r.status}.`);
      exitCode = 1;
    } else if (updateReadme) {
      writeFailureIntoReadme(r.name, r.output.replace(ANSI, ''));
    }
  } else {
    printTable(results);
    exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
  }
} catch (error) {
  log(`\n${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  if (keep) log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
log(`Total: ${seconds(Date.now() - started)}`);
process.exit(exitCode);

async function runExample(name, pack) {
  const source = join(EXAMPLES, name);
  const dir = join(work, name);
  const begin = Date.now();
  // Written first, so that a lockfile out of step with package.json (a dependency just added) can be regenerated.
  if (updateLockfiles) writeLockfile(name, pack.tarball, { ...process.env });
  // Copy only what is committed: an in-place node_modules or test output must not leak into the run.
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !/[\\/](node_modules|test-results|playwright-report|\.vitest-attachments)$/.test(path),
  });
  const provoked = PROVOKED_FAILURES[name];
  const failureEnv = provoked?.env ?? { SHOW_FAILURE: '1' };
  const env = { ...process.env, FORCE_COLOR: '1' };
  for (const key of ['SHOW_FAILURE', ...Object.keys(failureEnv)]) delete env[key];
  if (showFailure) Object.assign(env, failureEnv);

  // `npm ci` on the committed lockfile, as a user who copies the example runs it, with one difference: expect-http
  // comes from the tarball just packed, not from the registry (see useTarball).
  const lockProblem = useTarball(dir, pack);
  if (lockProblem)
    return { name, status: 'failed', types: '-', reason: lockProblem, ms: Date.now() - begin, output: '' };
  const install = await exec('npm', ['ci', '--no-audit', '--no-fund'], dir, env);
  if (install.code !== 0) {
    process.stdout.write(`\n── ${name}: npm ci exited ${install.code} ──\n${install.output}\n`);
    return {
      name,
      status: 'failed',
      types: '-',
      reason: 'npm ci failed',
      ms: Date.now() - begin,
      output: install.output,
    };
  }

  // The TypeScript examples type-check as a user's editor would: the matchers must be typed, not only registered.
  const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts ?? {};
  let types = '-';
  if (scripts.typecheck && !showFailure) {
    const check = await exec('npm', ['run', 'typecheck'], dir, env);
    types = check.code === 0 ? 'ok' : 'FAILED';
    if (check.code !== 0)
      process.stdout.write(`\n── ${name}: npm run typecheck exited ${check.code} ──\n${check.output}\n`);
  }

  const test = await exec('npm', ['test'], dir, env);
  // The failure on purpose must still be caught, with its message: a run that passes, or fails otherwise, fails here.
  const missed =
    provoked && (showFailure || test.code === 0) ? await provokedFailureMissed(dir, env, provoked, test) : undefined;
  const ms = Date.now() - begin;
  if (missed) {
    process.stdout.write(`\n── ${name}: ${missed.run} did not fail as expected ──\n${missed.output}\n`);
    return { name, status: 'failed', types, reason: missed.reason, ms, output: showFailure ? test.output : '' };
  }
  const skipped = test.output.replace(ANSI, '').match(SKIP_MARKER);
  const typeFailure = types === 'FAILED' ? { status: 'failed', reason: 'type errors (npm run typecheck)' } : undefined;
  if (test.code === 0 && skipped)
    return {
      name,
      types,
      ms,
      output: test.output,
      ...(typeFailure ?? { status: 'skipped', reason: skipped[1].trim() }),
    };
  if (test.code === 0) return { name, types, ms, output: test.output, ...(typeFailure ?? { status: 'passed' }) };
  if (!showFailure) process.stdout.write(`\n── ${name}: npm test exited ${test.code} ──\n${test.output}\n`);
  const reason = test.timedOut ? `timed out after ${seconds(EXAMPLE_TIMEOUT_MS)}` : `npm test exited ${test.code}`;
  return {
    name,
    status: 'failed',
    types,
    reason: typeFailure ? `${reason}; ${typeFailure.reason}` : reason,
    ms,
    output: test.output,
  };
}

// With the failure's env, `npm test` must fail and say each line of `mustSay`; undefined when it does.
async function provokedFailureMissed(dir, env, provoked, shown) {
  const setting = Object.entries(provoked.env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const run = showFailure ? shown : await exec('npm', ['test'], dir, { ...env, ...provoked.env });
  const text = run.output.replace(ANSI, '');
  const absent = provoked.mustSay.filter((line) => !text.includes(line));
  if (run.code !== 0 && absent.length === 0) {
    if (!showFailure) log(`        ${setting} npm test failed as expected, with the expected message`);
    return undefined;
  }
  const why = run.code === 0 ? 'passed' : `did not say ${JSON.stringify(absent[0])}`;
  return { run: `${setting} npm test`, reason: `${setting} npm test ${why}`, output: run.output };
}

// The failure itself, from the runner's heading for the failed test down to the `expect(…)` line of its code frame.
function writeFailureIntoReadme(name, output) {
  const lines = output.split('\n');
  const heading = [/^\s*● /, /^\s*1\) /, /^\s*FAIL\s.*>/]
    .map((re) => lines.findIndex((l) => re.test(l)))
    .find((i) => i >= 0);
  const frame =
    heading === undefined ? -1 : lines.findIndex((l, i) => i > heading && /^\s*>?\s*\d+\s*\|.*expect\(/.test(l));
  // A failure thrown from a hook (afterEach) has no code frame of the test's: it ends before vitest's ⎯⎯⎯ rule.
  const rule = heading === undefined ? -1 : lines.findIndex((l, i) => i > heading && /^\s*⎯{3,}/.test(l));
  const end = frame >= 0 && (rule < 0 || frame < rule) ? frame : rule - 1;
  if (heading === undefined || end < 0) throw new Error(`Could not find the failure in ${name}'s output.`);
  const block = lines
    .slice(heading, end + 1)
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n+$/, '');
  const file = join(EXAMPLES, name, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const markers = /(<!-- failure-output:start -->\n)[\s\S]*?(<!-- failure-output:end -->)/;
  if (!markers.test(readme))
    throw new Error(`examples/${name}/README.md has no <!-- failure-output:start/end --> markers.`);
  writeFileSync(
    file,
    readme.replace(markers, (_, start, stop) => `${start}\`\`\`text\n${block}\n\`\`\`\n${stop}`),
  );
  log(`Wrote the failure into examples/${name}/README.md`);
}

// The example's package-lock.json, resolved from scratch (no lockfile, no node_modules), so that it lists every
// platform's optional packages (@rolldown/binding-*, lightningcss-*, @unrs/resolver-binding-*, fsevents…) and not
// only this machine's. expect-http resolves from the tarball and is then written as a registry install of that
// version without `resolved` and `integrity`: the published tarball's hash is not this build's, and npm takes it from
// the registry. So `npm ci` accepts the lockfile in a copied example, and useTarball swaps the tarball back in here.
function writeLockfile(name, tarball, env) {
  const fresh = join(work, `${name}-lock`);
  cpSync(join(EXAMPLES, name), fresh, {
    recursive: true,
    filter: (p) => !/[\\/](node_modules|package-lock\.json)$/.test(p),
  });
  const result = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', tarball], {
    cwd: fresh,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm install --package-lock-only failed for ${name}:\n${result.stderr}`);
  const lock = JSON.parse(readFileSync(join(fresh, 'package-lock.json'), 'utf8'));
  const original = JSON.parse(readFileSync(join(EXAMPLES, name, 'package.json'), 'utf8'));
  const entry = lock.packages['node_modules/expect-http'];
  if (!entry) throw new Error(`npm install --package-lock-only for ${name} locked no expect-http.`);
  delete entry.resolved;
  delete entry.integrity;
  // The root entry mirrors package.json, as npm would write it after a registry install.
  const root = lock.packages[''];
  for (const field of ['dependencies', 'devDependencies']) {
    if (original[field]) root[field] = original[field];
    else delete root[field];
  }
  // An optional package the registry does not serve is left out silently (vite 8.4.0's Windows-only
  // napi-windows-process-start-time): the lockfile would then break on that platform. Pin the parent instead.
  const gaps = lockfileGaps(lock);
  if (gaps.length > 0)
    throw new Error(
      `The lockfile resolved for ${name} lacks optional packages (pin their parent to a version whose optional packages the registry serves):\n  ${gaps.join('\n  ')}`,
    );
  writeFileSync(join(EXAMPLES, name, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  log(`        wrote examples/${name}/package-lock.json`);
}

// In the temporary copy only: point package.json and the lockfile's expect-http at the packed tarball, with its
// integrity, so that `npm ci` installs exactly the committed lockfile plus this build. Returns why it cannot, if so.
function useTarball(dir, { tarball, version, integrity }) {
  const lockPath = join(dir, 'package-lock.json');
  if (!existsSync(lockPath)) return 'no package-lock.json (node scripts/examples.mjs --update-lockfiles writes it)';
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const gaps = lockfileGaps(lock);
  if (gaps.length > 0)
    return `package-lock.json lacks ${gaps.length} optional package(s) (${gaps[0]}${gaps.length > 1 ? ', …' : ''}): run --update-lockfiles`;
  const entry = lock.packages?.['node_modules/expect-http'];
  if (entry?.version !== version)
    return `package-lock.json locks expect-http ${entry?.version ?? '(none)'}, the tarball is ${version}: run --update-lockfiles`;
  const spec = `file:${relative(dir, tarball).split('\\').join('/')}`;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const field = ['dependencies', 'devDependencies'].find((f) => pkg[f]?.['expect-http']);
  if (!field) return 'package.json does not depend on expect-http';
  pkg[field]['expect-http'] = spec;
  lock.packages[''][field]['expect-http'] = spec;
  Object.assign(entry, { resolved: spec, integrity });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  return undefined;
}

// Each "<parent> → <optional dependency>" that the lockfile names but does not contain. npm writes every platform's
// optional packages when it resolves from scratch, but drops the ones this machine skipped when it updates a lockfile
// next to a node_modules, or when the registry does not serve one; `npm ci` then installs nothing for that platform.
function lockfileGaps(lock) {
  const packages = lock.packages ?? {};
  const gaps = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (entry.link || entry.inBundle) continue;
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
      // Node's lookup: the package's own node_modules, then each enclosing one up to the root's.
      let found = false;
      for (let base = path; !found;) {
        found = `${base ? `${base}/` : ''}node_modules/${dep}` in packages;
        if (!base) break;
        const cut = base.lastIndexOf('/node_modules/');
        base = cut < 0 ? '' : base.slice(0, cut);
      }
      if (!found) gaps.push(`${path.replace(/^.*node_modules\//, '') || '(root)'} → ${dep}`);
    }
  }
  return gaps;
}

// Every file the exports map names must be in the tarball; if one is missing (dist/ rebuilt mid-pack, a `files`
// entry dropped), stop here with that name rather than with six examples failing to import.
function checkPacked(paths) {
  const targets = new Set();
  const walk = (node) => {
    if (typeof node === 'string') targets.add(node.replace(/^\.\//, ''));
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).exports);
  const absent = [...targets].filter((t) => !paths.includes(t));
  if (absent.length > 0)
    throw new Error(`The packed tarball lacks ${absent.join(', ')}, which package.json's exports name.`);
}

function exec(command, argv, cwd, env) {
  return new Promise((resolve) => {
    // Own process group, so a timeout ends the runner and everything it started (servers, browsers).
    const child = spawn(command, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, EXAMPLE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output: dropNpmNoise(output), timedOut });
    });
  });
}

// npm's warnings about this machine's own npmrc say nothing about the example.
function dropNpmNoise(text) {
  return text
    .split('\n')
    .filter((line) => !/^npm warn (Unknown user config|install-scripts)/.test(line))
    .join('\n');
}

function printTable(results) {
  const result = (r) => (r.status === 'passed' ? 'passed' : `${r.status}: ${r.reason}`);
  const rows = [
    ['example', 'result', 'types', 'time'],
    ...results.map((r) => [r.name, result(r), r.types, seconds(r.ms)]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  log(`\n${line(rows[0])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) log(line(row));
  const count = (s) => results.filter((r) => r.status === s).length;
  log(
    `\nexamples: ${count('passed')} passed, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`,
  );
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function log(text) {
  process.stdout.write(`${text}\n`);
}

function usage(problem) {
  log(`scripts/examples.mjs: ${problem}\n${USAGE}`);
  process.exit(2);
}

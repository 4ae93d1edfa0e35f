// A forgotten `await` on a body matcher must fail its own test, named, with a frame at the assertion's
// line; the other tests keep their own verdicts, and nothing is reported as unhandled.
//   node forgotten-await.check.mjs vitest|jest      (in a matrix cell, with the cell's Node)
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

const runner = process.argv[2];
const fixture = runner === 'vitest' ? 'forgotten-await.vitest.fixture.mjs' : 'forgotten-await.jest.fixture.cjs';
const line = runner === 'vitest' ? 18 : 15;
const report = 'forgotten-await.report.json';

let args;
if (runner === 'vitest') {
  await writeFile('forgotten-await.vitest.config.mjs', `export default { test: { include: ['${fixture}'] } };\n`);
  args = [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'forgotten-await.vitest.config.mjs',
    '--reporter=json',
    '--reporter=default',
    `--outputFile.json=${report}`,
  ];
} else if (runner === 'jest') {
  const config = {
    testEnvironment: 'node',
    testMatch: [`<rootDir>/${fixture}`],
    setupFilesAfterEnv: ['expect-http/jest'],
  };
  await writeFile('forgotten-await.jest.config.cjs', `module.exports = ${JSON.stringify(config)};\n`);
  args = [
    'node_modules/jest/bin/jest.js',
    '--ci',
    '--config',
    'forgotten-await.jest.config.cjs',
    '--json',
    `--outputFile=${report}`,
  ];
} else {
  throw new Error('usage: node forgotten-await.check.mjs vitest|jest');
}

const output = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.on('error', reject);
  child.on('close', () => {
    clearTimeout(timer);
    resolve(text);
  });
});
const results = JSON.parse(await readFile(report, 'utf8')).testResults.flatMap((file) => file.assertionResults);
const byTitle = new Map(results.map((r) => [r.title, r]));
const failure = (byTitle.get('forgets the await on a failing body matcher')?.failureMessages ?? []).join('\n');

const checks = [
  [
    'the test that forgot the await failed',
    byTitle.get('forgets the await on a failing body matcher')?.status === 'failed',
  ],
  ['with the failure message', failure.includes('toHaveJsonBody') && failure.includes('"id": 2')],
  [`with a frame at ${fixture}:${line}`, failure.includes(`${fixture}:${line}:`)],
  [
    'the passing unawaited test passed',
    byTitle.get('forgets the await on a passing body matcher')?.status === 'passed',
  ],
  ['the later test passed', byTitle.get('a later test')?.status === 'passed'],
  ['nothing unhandled', !/Unhandled (Rejection|Error)/i.test(output)],
  // The body in a status failure (issue: every failing sync matcher shows the body, for every client).
  ...statusChecks(),
];

function statusChecks() {
  const messageOf = (title) => (byTitle.get(title)?.failureMessages ?? []).join('\n');
  const failed = (title) => byTitle.get(title)?.status === 'failed';
  const forgotten = messageOf('forgets the await on a failing status matcher');
  const awaited = messageOf('awaits a failing status matcher');
  const checks = [
    ['a failing status matcher without await fails its test', failed('forgets the await on a failing status matcher')],
    ['an awaited failing status matcher fails its test', failed('awaits a failing status matcher')],
    ['with the status in the message', forgotten.includes('Received status: 500') && awaited.includes('500')],
    [
      'a passing status matcher stays synchronous and reads nothing',
      byTitle.get('a passing status matcher stays synchronous and reads nothing')?.status === 'passed',
    ],
    [
      'the body is still readable after a failure',
      byTitle.get('the body is still readable after a failing status matcher')?.status === 'passed',
    ],
    ['no credential in any message', !/tok_9f8e7d6c5b4a/.test(output) && !/tok_9f8e7d6c5b4a/.test(forgotten + awaited)],
  ];
  if (runner === 'vitest') {
    // vitest holds the test open for the read (readBodyOnFailure): the body is in both messages, awaited or not.
    checks.push(
      ['the body is in the message, awaited', awaited.includes('"error": "database down"')],
      ['the body is in the message, await forgotten', forgotten.includes('"error": "database down"')],
      ['expect.soft without await fails its test', failed('soft: forgets the await on a failing status matcher')],
    );
  } else {
    // jest cannot hold a test open for an assertion nobody awaited: the failure is synchronous, without the body.
    checks.push(['the failure is synchronous, without the unread body', !awaited.includes('database down')]);
  }
  return checks;
}
for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${runner}: ${what}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`forgotten await: ${checks.length - failed} passed, ${failed} failed`);
if (failed > 0) {
  console.log(output.slice(-6000));
  process.exitCode = 1;
}

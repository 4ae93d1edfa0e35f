import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

// checkMocksAgainst reports from afterEach: under each runner, as its users set it up, a drifted mock must fail the
// test that used it, even when the app swallowed what went wrong, and that test only (not the one after it). Each
// runner runs test/openapi/msw-fixtures in its own process; both write the same JSON report shape.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'test/openapi/msw-fixtures';

interface Report {
  testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

async function run(argv: (outputFile: string) => string[], extraEnv: Record<string, string> = {}): Promise<Report> {
  const dir = await mkdtemp(join(tmpdir(), 'expect-http-msw-runners-'));
  const outputFile = join(dir, 'report.json');
  // A clean environment: the nested run must not think it is a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, argv(outputFile), {
        cwd: ROOT,
        env: { ...env, ...extraEnv, NO_COLOR: '1', CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(stripVTControlCharacters(text));
      });
    });
    if (!existsSync(outputFile)) throw new Error(`the nested run wrote no report:\n${output}`);
    return JSON.parse(await readFile(outputFile, 'utf8')) as Report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function verdicts(report: Report): Record<string, string> {
  const results = report.testResults.flatMap((file) => file.assertionResults);
  return Object.fromEntries(
    results.map((r) => [r.title, r.status === 'failed' ? r.failureMessages.join('\n') : r.status]),
  );
}

function expectOnlyTheDriftedTestFailed(report: Report): void {
  const found = verdicts(report);
  expect(found['a mock that keeps the contract']).toBe('passed');
  expect(found['the next test, with a mock that keeps the contract']).toBe('passed');
  const message = stripVTControlCharacters(found['a drifted mock whose failure the app swallows'] ?? '');
  expect(message).toContain('The msw traffic of this test breaks the contract (1 violation, checkMocksAgainst):');
  expect(message).toContain('GET http://petstore.test/v1/pets/2: the mocked response (status 200) breaks the contract');
  expect(message).toContain(`Handler:  GET http://petstore.test/v1/pets/:petId (${FIXTURES}/handlers.mjs:7:8)`);
  expect(message).toContain('- body.id must be an integer; received "2" (#/components/schemas/Pet/properties/id/type)');
}

describe('checkMocksAgainst under each runner', () => {
  it('vitest (expect-http/openapi/vitest, no globals): fails the test whose mock drifted, and only that one', async () => {
    const report = await run((outputFile) => [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config',
      `${FIXTURES}/vitest.config.ts`,
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ]);
    expectOnlyTheDriftedTestFailed(report);
  });

  // Over the built package, as test/jest does (`npm test` builds first).
  it('jest 30 (setupFilesAfterEnv, global afterEach): fails the test whose mock drifted, and only that one', async () => {
    const report = await run(
      (outputFile) => [
        'node_modules/jest/bin/jest.js',
        '--config',
        `${FIXTURES}/jest.config.cjs`,
        '--json',
        `--outputFile=${outputFile}`,
      ],
      // msw 2.15 loads ESM-only packages, which jest on Node 20 can only run as native ESM.
      { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
    );
    expectOnlyTheDriftedTestFailed(report);
  });
});

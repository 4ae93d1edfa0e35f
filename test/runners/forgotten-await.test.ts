import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

// A forgotten `await` on a body matcher must fail its own test, by name, with a code frame at the line of
// the assertion: not show ✓ and then an "Unhandled Rejection" with no test name. This runs a small suite
// that makes the mistake in its own vitest process and reads the JSON report. (vitest 5 and jest 30:
// the version matrix runs the same fixture, see test/matrix/.)
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/runners/fixtures/forgotten-await.fixture.ts';

interface Report {
  numFailedTests: number;
  testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

async function runFixture(): Promise<{ report: Report; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'expect-http-forgotten-await-'));
  const outputFile = join(dir, 'report.json');
  // A clean environment: the nested run must not think it is a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/vitest/vitest.mjs',
          'run',
          '--config',
          'test/runners/fixtures/vitest.config.ts',
          '--reporter=json',
          '--reporter=default',
          `--outputFile.json=${outputFile}`,
        ],
        { cwd: ROOT, env: { ...env, NO_COLOR: '1', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
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
    return { report: JSON.parse(await readFile(outputFile, 'utf8')) as Report, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a forgotten await on a body matcher, under vitest', () => {
  it('fails its own test, with the failure, a note and a frame at its line; nothing is unhandled', async () => {
    const { report, output } = await runFixture();
    const results = new Map(report.testResults[0]?.assertionResults.map((r) => [r.title, r]));
    const failure = (title: string): string =>
      stripVTControlCharacters(results.get(title)?.failureMessages.join('\n') ?? '');

    expect(results.get('forgets the await on a failing body matcher')?.status).toBe('failed');
    const forgotten = failure('forgets the await on a failing body matcher');
    expect(forgotten).toContain('expect(response).toHaveJsonBody(expected)');
    expect(forgotten).toContain('-   "id": 2,');
    expect(forgotten).toContain('This assertion was not awaited: write `await expect(…).toHaveJsonBody(…)`.');
    expect(forgotten).toContain(`${FIXTURE}:20:15`);
    // The code frame vitest prints is at the test's line.
    expect(output).toContain(`❯ ${FIXTURE}:20:15`);
    expect(output).toMatch(/^ +20\| +expect\(res\)\.toHaveJsonBody\(\{ id: 2 \}\);/m);

    // A passing one still passes: the test waited for it.
    expect(results.get('forgets the await on a passing body matcher')?.status).toBe('passed');
    // An awaited failure has no note, and now also points at its line.
    const awaited = failure('awaits a failing body matcher');
    expect(awaited).toContain('-   "id": 3,');
    expect(awaited).not.toContain('not awaited');
    expect(awaited).toContain(`${FIXTURE}:30:21`);
    // The user's Response stays readable after an unawaited matcher.
    expect(results.get('forgets the await and reads the body afterwards')?.status).toBe('failed');
    expect(failure('forgets the await and reads the body afterwards')).toContain('toMatchJsonBody(…)');

    // expect.soft: the runner records the failure; the test still waits for it and fails.
    expect(results.get('forgets the await on a failing soft assertion')?.status).toBe('failed');
    expect(failure('forgets the await on a failing soft assertion')).toContain('-   "id": 5,');

    // A status matcher that reads the body on failure (readBodyOnFailure) is held to the same rule.
    expect(results.get('forgets the await on a failing status matcher that reads the body')?.status).toBe('failed');
    const status = failure('forgets the await on a failing status matcher that reads the body');
    expect(status).toContain('Received status: 200 OK (2xx Successful)');
    expect(status).toContain('Body (8 B, JSON):');
    expect(status).toContain('This assertion was not awaited: write `await expect(…).toHaveStatus(…)`.');

    // Why readBodyOnFailure is opt-in: un-awaited, the test runs on, and an error thrown later is the one reported.
    const later = failure('forgets the await on a status matcher that reads the body, then throws');
    expect(later).toContain('a later error in the same test');
    expect(later).not.toContain('toHaveStatus');

    expect(report.numFailedTests).toBe(6);
    expect(output).not.toMatch(/Unhandled (Rejection|Error)/);
  }, 90_000);
});

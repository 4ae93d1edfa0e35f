// The lazy core (decisions/0009-lazy-core.md), through the built package as a user installs it: passing sync
// assertions never load dist/lazy-side, the first failure does, and the messages are the ones src/ builds.
// Each run is a fresh Node process (the module cache is what is under test). Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { expect as jestExpect } from 'expect';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HttpMatcherUsageError, matchers } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { cases } from './fixtures/lazy-core-cases.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/lazy-core-child.mjs', import.meta.url));

interface Report {
  loadedAtImport: boolean;
  loadedAfterPasses: boolean;
  loadedAfterFailures: boolean;
  messages: Record<string, string>;
  usageError: boolean;
}

function runChild(format: 'esm' | 'cjs', base: string, dist = DIST, more: string[] = [], node: string[] = []) {
  return new Promise<Report>((resolve, reject) => {
    const args = [...node, CHILD, format, dist, base, ...more];
    execFile(process.execPath, args, { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Report);
    });
  });
}

let server: TestServer;
let fromSource: Record<string, string>;
beforeAll(async () => {
  expect(existsSync(`${DIST}/lazy-side.js`), 'dist/ is missing or stale: run npm run build').toBe(true);
  server = await startServer();
  // The same assertions through src/ and the same runner (jest's expect), for the messages to compare with.
  jestExpect.extend(matchers);
  const { failing } = await cases(jestExpect, server.url);
  fromSource = {};
  for (const [name, assertion] of Object.entries(failing)) {
    try {
      await assertion();
      fromSource[name] = 'passed';
    } catch (error) {
      fromSource[name] = stripVTControlCharacters((error as Error).message);
      if (name === 'usage error') expect(error).toBeInstanceOf(HttpMatcherUsageError);
    }
  }
});
afterAll(() => server.close());

describe.each(['esm', 'cjs'] as const)('the built package (%s)', (format) => {
  let report: Report;
  beforeAll(async () => {
    report = await runChild(format, server.url);
  });

  test('importing it and passing every sync matcher loads nothing of the lazy side', () => {
    expect(report.loadedAtImport).toBe(false);
    expect(report.loadedAfterPasses).toBe(false);
  });

  test('the first failure loads it, and every message is the one src/ builds, byte for byte', () => {
    expect(report.loadedAfterFailures).toBe(true);
    expect(Object.keys(report.messages)).toEqual(Object.keys(fromSource));
    for (const [name, message] of Object.entries(report.messages)) {
      expect(message, name).not.toBe('passed');
      expect(message, name).toBe(fromSource[name]);
    }
    expect(report.messages.toHaveStatus).toContain('Received status: 404 Not Found (4xx Client Error)');
    expect(report.messages.toHaveJsonBody).toContain('"a": 2');
  });

  test('a usage error from the lazy side is still the package’s HttpMatcherUsageError', () => {
    expect(report.usageError).toBe(true);
    expect(report.messages['usage error']).toMatch(/^toHaveStatus: expected must be a status code/);
  });
});

// vitest's vm pools and an inlined dependency load the package outside Node's own module graph, while the lazy side is
// required by Node: it then brings a second copy of the core. Simulated with a copy of dist/ whose lazy side is the
// original's: configure() on the copy must still rule the messages the original's lazy side builds.
test('a lazy side loaded with another copy of the core follows the config of the copy that asked', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'expect-http-lazy-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    writeFileSync(join(copy, 'lazy-side.js'), `export * from ${JSON.stringify(`${DIST}/lazy-side.js`)};\n`);
    const report = await runChild('esm', server.url, copy, ['x-trace']);
    expect(report.loadedAfterFailures).toBe(true);
    expect(report.messages.toHaveHeader).toContain('Received header: x-trace: [redacted]');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

// Where Node has no require(esm) (as on Node 20.16–20.18 under vitest 3.2), and in a browser, the ESM core imports the
// lazy side as it loads instead: nothing is deferred, and every message is the same.
test('without require(esm), the ESM core imports the lazy side at load, with the same messages', async () => {
  const report = await runChild('esm', server.url, DIST, [], ['--no-experimental-require-module']);
  expect(report.messages).toEqual(fromSource);
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';

// One place proves the set is complete: every file in src/matchers is a matcher that is exported (by the
// generated barrel), typed with JSDoc and an example, documented in the README table, wired by the vitest entry,
// and hardened by its own test file's case table.
const root = fileURLToPath(new URL('../../', import.meta.url));
const files = readdirSync(`${root}src/matchers`)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));
// As scripts/barrel.mjs names them: kebab-case to camelCase, with an acronym written as a word (graphql → GraphQL).
const nameOf = (file: string): string =>
  file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/Graphql/g, 'GraphQL');
const fileNames = files.map(nameOf);
const types = readFileSync(`${root}src/matcher-types.ts`, 'utf8');
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('the matcher set', () => {
  it('exports exactly one matcher per file in src/matchers', () => {
    expect(Object.keys(matchers).sort()).toEqual([...fileNames].sort());
  });

  it.each(Object.keys(matchers))('%s is typed with JSDoc and an @example', (name) => {
    const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*${name}\\(`).exec(types);
    expect(declaration, `${name} is not declared in src/matcher-types.ts`).not.toBeNull();
    expect(declaration?.[1]).toContain('@example');
  });

  it.each(Object.keys(matchers))('%s has a row in the README matcher table', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\\(`, 'm'));
  });

  it('the vitest entry registers every matcher on expect', async () => {
    await import('../../src/vitest.js');
    for (const name of Object.keys(matchers)) {
      expect(typeof (expect(200) as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('src/matchers/index.ts is what scripts/barrel.mjs generates from the files', () => {
    const generated = execFileSync(process.execPath, [`${root}scripts/barrel.mjs`, '--stdout'], { encoding: 'utf8' });
    const committed = readFileSync(`${root}src/matchers/index.ts`, 'utf8');
    expect(committed === generated, 'src/matchers/index.ts is stale: run node scripts/barrel.mjs').toBe(true);
  });

  it.each(files)('%s has a test file that hardens it with its case table', (file) => {
    const testFile = `${root}test/matchers/${file}.test.ts`;
    expect(existsSync(testFile), `test/matchers/${file}.test.ts is missing`).toBe(true);
    const source = readFileSync(testFile, 'utf8');
    expect(source, `test/matchers/${file}.test.ts has no matcherCases('${nameOf(file)}', …)`).toMatch(
      new RegExp(`matcherCases\\(\\s*'${nameOf(file)}'`),
    );
    expect(source, `test/matchers/${file}.test.ts does not call harden(…)`).toMatch(/^harden\(/m);
  });
});

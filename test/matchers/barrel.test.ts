import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';

// One place proves the set is complete: every file in src/matchers is a matcher that is exported,
// typed with JSDoc and an example, documented in the README table, and wired by the vitest entry.
const root = fileURLToPath(new URL('../../', import.meta.url));
const fileNames = readdirSync(`${root}src/matchers`)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
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
});

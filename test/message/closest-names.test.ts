import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveHeader } from '../../src/matchers/to-have-header.js';
import { listNames, nearNames } from '../../src/message/closest-names.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { getWithManyHeaders } from '../helpers/shapes.js';

expect.extend({ toHaveHeader });

const MANY = 10_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_, res) => {
    const headers: string[] = [];
    for (let i = 0; i < MANY; i++) headers.push(`x-custom-header-number-${i}`, String(i));
    headers.push('x-request-identifier', 'abc');
    res.writeHead(200, headers).end('ok');
  });
});
afterAll(() => server.close());

describe('"Did you mean" over a response with 10,000 headers', () => {
  it('still suggests the near-miss name, and lists only 20 of the rest', async () => {
    const res = await getWithManyHeaders(server.url);
    expect(Object.keys(res.headers).length).toBeGreaterThan(MANY);
    const message = failureOf(() => expect(res).toHaveHeader('x-request-identifer'));
    expect(message).toContain('Did you mean x-request-identifier?');
    expect(message).toMatch(/Headers present \(10\d{3}\): x-request-identifier, connection, .*, … and 99\d\d more/);
  });
});

// The unbounded search this replaced: the full table for every name, then sorted.
function osa(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[i]![j] = j;
        continue;
      }
      let best = Math.min(
        rows[i - 1]![j]! + 1,
        rows[i]![j - 1]! + 1,
        rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
const normalise = (name: string): string => name.toLowerCase().replace(/[-_]/g, '').slice(0, 100);
function referenceNear(wanted: string, names: readonly string[]): string[] {
  const w = normalise(wanted);
  const limit = Math.max(1, Math.floor(w.length / 4));
  return [...new Set(names)]
    .map((name, index) => ({ name, index, d: osa(w, normalise(name)) }))
    .filter((x) => x.name !== wanted && x.d <= limit)
    .sort((x, y) => x.d - y.d || x.index - y.index)
    .slice(0, 5)
    .map((x) => x.name);
}

describe('nearNames', () => {
  it('finds typos, transpositions and case or separator differences, closest first', () => {
    expect(nearNames('X-Request-ID', ['content-type', 'x_request_id', 'x-requst-id', 'x-request-di'])).toEqual([
      'x_request_id',
      'x-requst-id',
      'x-request-di',
    ]);
    expect(nearNames('etag', ['date', 'vary'])).toEqual([]);
  });

  it('agrees with the full edit distance on generated names (same names, same order, at most 5)', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'A', '-', '_', 'é');
    const name = fc.string({ unit: letter, maxLength: 14 });
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 30 }), (wanted, names) => {
        expect(nearNames(wanted, names)).toEqual(referenceNear(wanted, names));
      }),
      { numRuns: 1_000 },
    );
  });

  it('finishes on 100,000 names, and still finds the near miss at the end', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `x-custom-header-number-${i}`);
    names.push('x-request-identifier');
    expect(nearNames('x-request-identifer', names)).toEqual(['x-request-identifier']);
    // 100,000 names, thousands of them one edit away: only the first 5 of the closest.
    expect(nearNames('x-custom-header-number-1', names)).toEqual(
      [0, 2, 3, 4, 5].map((n) => `x-custom-header-number-${n}`),
    );
  });

  it('finds a name equal up to case and separators even after the distance work is spent', () => {
    const similar = Array.from({ length: 100_000 }, (_, i) => `${'a'.repeat(90)}${i % 10}${'b'.repeat(8)}`);
    similar.push(`${'A'.repeat(45)}-${'A'.repeat(45)}_${'b'.repeat(8)}`);
    expect(nearNames(`${'a'.repeat(90)}${'b'.repeat(8)}`, similar)).toContain(
      `${'A'.repeat(45)}-${'A'.repeat(45)}_${'b'.repeat(8)}`,
    );
  });
});

describe('listNames', () => {
  it('shows at most 20 names and counts the rest', () => {
    const names = Array.from({ length: 25 }, (_, i) => `n${i}`);
    expect(listNames(names)).toBe(`${names.slice(0, 20).join(', ')}, … and 5 more`);
  });
});

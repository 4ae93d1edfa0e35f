import { diff } from '@vitest/utils/diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { cutText, escapeDeep, escapeLine, escapeText, safeLine } from '../../src/message/escape.js';
import { hostileText } from '../hardening/arbitraries.js';
import { failureOf } from '../helpers/message.js';

expect.extend({ toHaveStatus });

describe('escapeText (multi-line text such as body excerpts)', () => {
  it('escapes ANSI escape sequences, so a server cannot recolour or rewrite the log', () => {
    expect(escapeText('\u001b[31mred\u001b[0m \u001b]8;;http://x\u0007link')).toBe(
      '\\x1b[31mred\\x1b[0m \\x1b]8;;http://x\\x07link',
    );
  });

  it('escapes C1 controls, including the one-byte CSI (U+009B), and DEL', () => {
    expect(escapeText('a\u009b31mb\u0085c\u007f')).toBe('a\\x9b31mb\\x85c\\x7f');
  });

  it('escapes bidi overrides and isolates, which reorder text on screen', () => {
    expect(escapeText('user\u202Egnp.exe\u2066x\u2069\u200E\u200F')).toBe(
      'user\\u202egnp.exe\\u2066x\\u2069\\u200e\\u200f',
    );
  });

  it('keeps newlines and tabs, escapes carriage returns and NUL', () => {
    expect(escapeText('line 1\n\tline 2\r\nend\u0000')).toBe('line 1\n\tline 2\\r\nend\\x00');
  });

  it('leaves ordinary text, accents, CJK and emoji alone', () => {
    const text = 'Größe: 東京 😀 — “quoted”';
    expect(escapeText(text)).toBe(text);
  });
});

describe('escapeLine (one-line values such as headers and URLs)', () => {
  it('escapes newlines too, so a header value cannot fake another line of the message', () => {
    expect(escapeLine('120\nReceived status: 200 OK\r\n')).toBe('120\\nReceived status: 200 OK\\r\\n');
    expect(escapeLine('a\tb\u001b[2Jc')).toBe('a\\tb\\x1b[2Jc');
  });
});

describe('cutText', () => {
  it('returns short text as it is and cuts long text at max UTF-16 units', () => {
    expect(cutText('hello', 5)).toBe('hello');
    expect(cutText('hello world', 5)).toBe('hello');
  });

  it('never splits a surrogate pair', () => {
    const text = 'ab😀cd';
    expect(cutText(text, 3)).toBe('ab');
    expect(cutText(text, 4)).toBe('ab😀');
    for (let max = 0; max <= text.length; max++) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(() => encodeURIComponent(cut)).not.toThrow(); // throws on a lone surrogate
    }
  });
});

describe('safeLine', () => {
  it('cuts long values and says how much is left out', () => {
    expect(safeLine('x'.repeat(310))).toBe(`${'x'.repeat(300)}… (10 more characters)`);
    expect(safeLine('abcdef', 3)).toBe('abc… (3 more characters)');
  });
});

describe('escaping in a failure message', () => {
  it('escapes a header value on its one line but keeps the line breaks of a body', () => {
    const res = {
      status: 503,
      headers: { 'retry-after': '120\n\nReceived status: 200 OK', 'content-type': 'text/plain' },
      body: 'first line\nsecond \u001b[32mgreen\u001b[0m line',
    };
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain('  retry-after: 120\\n\\nReceived status: 200 OK\n');
    expect(message).toContain('Body (37 B):\n  first line\n  second \\x1b[32mgreen\\x1b[0m line');
    expect(message).not.toContain('\u001b');
  });
});

// What may never reach a log raw: C0 controls (a value keeps \n and \t), DEL, C1 controls, bidi controls.
const RAW_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const RAW_IN_KEY = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The runner's own diff of two values, as vitest prints it under a failing toEqual. */
function runnerDiff(received: unknown, expected: unknown): string {
  return diff(expected, received, { expand: false }) ?? '';
}

/** Every value of a copy (which escapeDeep makes a tree), with the keys it sits under; bounded by `max`. */
function walk(value: unknown, visit: (v: unknown, key?: string) => void, max = 1_000_000): number {
  let count = 0;
  const stack: Array<[unknown, string | undefined]> = [[value, undefined]];
  while (stack.length > 0 && count < max) {
    const [v, key] = stack.pop()!;
    count++;
    visit(v, key);
    if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], k]);
    }
  }
  return count;
}

describe('escapeDeep (the values the runner diffs)', () => {
  const HOSTILE_JSON =
    '{"__proto__":{"note":"\\u001b[8mhidden\\u001b[0m"},"constructor":{"prototype":"\\u001b[8mx"},"prototype":"\\u001b]8;;http://evil.test\\u0007"}';

  it('keeps a "__proto__" key of a JSON body as a member and escapes what is under it', () => {
    const body: unknown = JSON.parse(HOSTILE_JSON);
    const copy = escapeDeep(body) as Record<string, Record<string, unknown>>;
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor', 'prototype']);
    // A plain object (Bun prints a null-prototype one as "[Object: null prototype]"), its members defined, not assigned.
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ note: '\\x1b[8mhidden\\x1b[0m' });
    expect(copy.constructor?.prototype).toBe('\\x1b[8mx');
  });

  it("leaves no ESC [ 8 m (which the final net lets through as a colour) in the runner's diff", () => {
    const expected = { __proto__: null, constructor: { prototype: 'y' } };
    const message = runnerDiff(escapeDeep(JSON.parse(HOSTILE_JSON)), escapeDeep(expected));
    expect(message).toContain('\\x1b[8mhidden');
    expect(message).toContain('"__proto__": {');
    expect(message).not.toContain('\u001b[8m');
    expect(message).not.toContain('\u001b]8');
  });

  it('escapes a copy that an assignment to "__proto__" already polluted, instead of passing it through', () => {
    const polluted: Record<string, unknown> = {};
    polluted['__proto__'] = { note: '\u001b[8mhidden' };
    polluted.own = '\u001b[8mown';
    expect(runnerDiff(escapeDeep(polluted), {})).not.toContain('\u001b[8m');
    expect(escapeDeep(polluted)).toEqual({ own: '\\x1b[8mown' });
  });

  it('escapes keys on one line, so a key cannot fake a line of the diff', () => {
    expect(Object.keys(escapeDeep({ 'a\n+ "b": 1': 1 }) as object)).toEqual(['a\\n+ "b": 1']);
  });

  it('finishes on an object with two references back to itself', () => {
    const e: Record<string, unknown> = { name: '\u001b[2J' };
    e.parent = e;
    e.self = e;
    expect(escapeDeep(e)).toEqual({ name: '\\x1b[2J', parent: '[Circular]', self: '[Circular]' });
  });

  it('finishes on 30 objects each referencing the next twice (2^30 paths), within its node budget', () => {
    let chain: Record<string, unknown> = { end: '\u009b31m' };
    for (let i = 0; i < 30; i++) chain = { left: chain, right: chain };
    const copy = escapeDeep(chain, { maxNodes: 5_000 });
    expect(walk(copy, () => undefined)).toBeLessThanOrEqual(5_000 + 64);
    expect(JSON.stringify(copy)).toContain('[…]');
    expect(JSON.stringify(copy)).toContain('\\\\x9b31m');
    // The copy is a tree, so printing it is as bounded as making it.
    expect(runnerDiff(copy, {})).toContain('left');
  });

  it('keeps asymmetric matchers, dates and class instances as they are', () => {
    const any = expect.any(String);
    const date = new Date(0);
    const copy = escapeDeep({ any, date, list: [any] }) as Record<string, unknown>;
    expect(copy.any).toBe(any);
    expect(copy.date).toBe(date);
    expect((copy.list as unknown[])[0]).toBe(any);
  });

  it('shows a member whose getter throws as unreadable instead of throwing', () => {
    const trap = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(escapeDeep({ ok: 1, trap })).toEqual({ ok: 1, trap: '[unreadable]' });
  });

  // Hostile keys (prototype names, controls, ESC sequences) over generated shapes with cycles and many
  // shared references: every copy finishes within its budget, and nothing raw is left in any string.
  const hostileKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '\u001b[8m'),
    hostileText,
  );
  const shape = fc.array(
    fc.record({
      array: fc.boolean(),
      members: fc.array(fc.tuple(hostileKey, fc.oneof(fc.nat(40), hostileText)), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 40 },
  );

  function build(nodes: ReadonlyArray<{ array: boolean; members: ReadonlyArray<[string, number | string]> }>): unknown {
    const objects = nodes.map((n) => (n.array ? [] : {})) as Array<Record<string, unknown> | unknown[]>;
    nodes.forEach((node, i) => {
      for (const [key, target] of node.members) {
        // Numbers are references to other nodes (earlier, later, or this one: cycles and shared members).
        const value = typeof target === 'number' ? objects[target % objects.length] : target;
        const into = objects[i]!;
        if (Array.isArray(into)) into.push(value);
        else Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
      }
    });
    return objects[0];
  }

  it('finishes on any generated shape and leaves no raw control character in a key or a string', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 3_000 }), (nodes, maxNodes) => {
        const copy = escapeDeep(build(nodes), { maxNodes });
        const count = walk(copy, (v, key) => {
          if (key !== undefined) expect(key).not.toMatch(RAW_IN_KEY);
          if (typeof v === 'string') expect(v).not.toMatch(RAW_IN_VALUE);
          if (typeof v === 'object' && v !== null && !Array.isArray(v))
            expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
        });
        expect(count).toBeLessThanOrEqual(maxNodes + 64 + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every hostile key of a generated object as an own member', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hostileKey, { maxLength: 8 }), fc.string(), (keys, text) => {
        const source = {};
        for (const key of keys) Object.defineProperty(source, key, { value: text, enumerable: true });
        const copy = escapeDeep(source) as object;
        expect(Object.keys(copy)).toEqual(Object.keys(source).map(escapeLine));
      }),
      { numRuns: 300 },
    );
  });
});

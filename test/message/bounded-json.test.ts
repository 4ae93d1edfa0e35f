import { describe, expect, it } from 'vitest';
import { boundedJson } from '../../src/message/bounded-json.js';

describe('boundedJson', () => {
  it('pretty-prints like JSON.stringify(v, null, 2), with lists of scalars on one line', () => {
    const value = {
      id: 7,
      name: 'Ada',
      tags: ['a', 'b'],
      ok: true,
      none: null,
      nested: { list: [{ x: 1 }] },
      empty: {},
      nothing: [],
    };
    expect(boundedJson(value, 1024)).toEqual({
      complete: true,
      text: [
        '{',
        '  "id": 7,',
        '  "name": "Ada",',
        '  "tags": ["a", "b"],',
        '  "ok": true,',
        '  "none": null,',
        '  "nested": {',
        '    "list": [',
        '      {',
        '        "x": 1',
        '      }',
        '    ]',
        '  },',
        '  "empty": {},',
        '  "nothing": []',
        '}',
      ].join('\n'),
    });
    expect(JSON.parse(boundedJson(value, 1024).text)).toEqual(value);
  });

  it('respects the budget on a 10 MB object, reading only the members it can show', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) big[`item${i}`] = 'x'.repeat(100);
    let reads = 0;
    const counted = new Proxy(big, { get: (target, key) => (reads++, Reflect.get(target, key)) });
    const { text, complete } = boundedJson(counted, 1024);
    expect(complete).toBe(false);
    expect(text.length).toBeLessThanOrEqual(1024);
    expect(text.startsWith('{\n  "item0": "xxxx')).toBe(true);
    // About 1 KB of output holds fewer than 10 members of 100 characters: the other 99,990 are never read.
    expect(reads).toBeLessThan(20);
  });

  it('respects the budget on one huge string or a huge list, without copying them whole', () => {
    const huge = 'y'.repeat(10 * 1024 * 1024);
    const one = boundedJson({ blob: huge }, 1024);
    expect(one.complete).toBe(false);
    expect(one.text.length).toBeLessThanOrEqual(1024);
    const list = boundedJson(
      Array.from({ length: 1_000_000 }, (_, i) => i),
      1024,
    );
    expect(list.complete).toBe(false);
    expect(list.text.length).toBeLessThanOrEqual(1024);
    expect(list.text.startsWith('[0, 1, 2, 3')).toBe(true);
  });

  it('cuts nesting at 32 levels without overflowing the stack on a 100,000-deep object', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const { text } = boundedJson(deep, 100_000);
    expect(text.match(/"a":/g)).toHaveLength(32);
    expect(text).toContain('"a": {…}');
    let deepList: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deepList = [deepList];
    expect(boundedJson(deepList, 100_000).text).toContain('[…]');
  });

  it('shows cycles instead of looping, and repeats a shared (non-cyclic) object', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node.self = node;
    const shared = { v: 1 };
    const { text, complete } = boundedJson({ node, left: shared, right: shared }, 1024);
    expect(complete).toBe(true);
    expect(text).toContain('"self": "[circular]"');
    expect(text.match(/"v": 1/g)).toHaveLength(2);
  });

  it('shows throwing getters and toJSON methods as unreadable instead of throwing', () => {
    const value = {
      fine: 1,
      get broken(): never {
        throw new Error('boom');
      },
      date: new Date(0),
      custom: {
        toJSON(): never {
          throw new Error('no');
        },
      },
    };
    const { text, complete } = boundedJson(value, 1024);
    expect(complete).toBe(true);
    expect(text).toBe(
      '{\n  "fine": 1,\n  "broken": "[unreadable]",\n  "date": "1970-01-01T00:00:00.000Z",\n  "custom": "[unreadable]"\n}',
    );
  });

  it('survives a Proxy whose traps throw', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(boundedJson({ ok: 1, hostile }, 1024)).toEqual({
      text: '{\n  "ok": 1,\n  "hostile": "[unreadable]"\n}',
      complete: true,
    });
  });

  it('redacts secret fields and records their values for the sweep', () => {
    const hidden = new Set<string>();
    const { text } = boundedJson(
      { user: 'bob', accessToken: 'tok-123', nested: { password: 'hunter2' } },
      1024,
      hidden,
    );
    expect(text).toContain('"accessToken": "[redacted]"');
    expect(text).toContain('"password": "[redacted]"');
    expect(text).not.toContain('tok-123');
    expect([...hidden].sort()).toEqual(['hunter2', 'tok-123']);
  });

  it('writes values JSON has no form for as JSON.stringify would inside an array', () => {
    expect(boundedJson([undefined, Number.NaN, Infinity, () => 1, Symbol('s'), 10n], 1024).text).toBe(
      '[null, null, null, null, null, 10]',
    );
  });
});

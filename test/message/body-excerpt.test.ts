import { describe, expect, it } from 'vitest';
import { bodyExcerpt, formatBytes } from '../../src/message/body-excerpt.js';

const text = (t: string) => ({ type: 'text', text: t }) as const;
const bytes = (b: Uint8Array) => ({ type: 'bytes', bytes: b }) as const;
const value = (v: unknown) => ({ type: 'value', value: v }) as const;

describe('bodyExcerpt', () => {
  it('shows a short text body whole, indented under its heading', () => {
    expect(bodyExcerpt(text('upstream timed out\nafter 30 s'), 'text/plain', 1024)).toEqual({
      heading: 'Body (29 B):',
      text: '  upstream timed out\n  after 30 s',
    });
  });

  it('says when a body is empty', () => {
    expect(bodyExcerpt(text(''), 'text/plain', 1024)).toEqual({ heading: 'Body: empty' });
    expect(bodyExcerpt(bytes(new Uint8Array()), undefined, 1024)).toEqual({ heading: 'Body: empty' });
  });

  it('cuts a long body at the limit and marks the cut with the whole size', () => {
    const excerpt = bodyExcerpt(text('a'.repeat(5000)), 'text/plain', 1024);
    expect(excerpt.heading).toBe('Body (4.9 KB):');
    expect(excerpt.text).toBe(`  ${'a'.repeat(1024)}\n  … (cut at 1,024 characters; the body is 4.9 KB)`);
  });

  it('pretty-prints JSON, by Content-Type or, without one, by its first character', () => {
    expect(
      bodyExcerpt(text('{"error":"bad","fields":["email"]}'), 'application/problem+json; charset=utf-8', 1024),
    ).toEqual({
      heading: 'Body (34 B, JSON):',
      text: '  {\n    "error": "bad",\n    "fields": ["email"]\n  }',
    });
    expect(bodyExcerpt(text('[1,2]'), undefined, 1024).text).toBe('  [1, 2]');
    // Declared as text: shown as sent.
    expect(bodyExcerpt(text('{"a":1}'), 'text/plain', 1024).text).toBe('  {"a":1}');
  });

  it('shows invalid JSON as it came', () => {
    expect(bodyExcerpt(text('{"error": oops'), 'application/json', 1024)).toEqual({
      heading: 'Body (14 B):',
      text: '  {"error": oops',
    });
  });

  it('shows a value the client parsed (axios data) as JSON', () => {
    expect(bodyExcerpt(value({ ok: false }), undefined, 1024)).toEqual({
      heading: 'Body (JSON, as the client parsed it):',
      text: '  {\n    "ok": false\n  }',
    });
    expect(bodyExcerpt(value(Array.from({ length: 1000 }, (_, i) => i)), undefined, 64).text).toMatch(
      /^ {2}\[0, 1, 2, .*\n {2}… \(cut at 64 characters\)$/,
    );
  });

  it('summarises binary bytes instead of printing them', () => {
    const png = new Uint8Array(2048);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bodyExcerpt(bytes(png), 'image/png', 1024)).toEqual({ heading: 'Body: <binary, 2.0 KB, image/png>' });
    expect(bodyExcerpt(bytes(new Uint8Array([0xff, 0xfe, 0xfd, 0x41, 0x42, 0x43, 0x44])), undefined, 1024)).toEqual({
      heading: 'Body: <binary, 7 B>',
    });
  });

  it('decodes UTF-8 bytes as text, and invalid UTF-8 in a textual type with replacement characters', () => {
    expect(bodyExcerpt(bytes(new TextEncoder().encode('héllo ✓')), 'text/plain', 1024)).toEqual({
      heading: 'Body (10 B):',
      text: '  héllo ✓',
    });
    expect(bodyExcerpt(bytes(new Uint8Array([0x6f, 0x6b, 0xff, 0x21])), 'text/plain; charset=utf-8', 1024)).toEqual({
      heading: 'Body (4 B):',
      text: '  ok\uFFFD!',
    });
  });

  it('cuts long bytes without splitting a character at the cut', () => {
    const body = new TextEncoder().encode('é'.repeat(3000));
    const excerpt = bodyExcerpt(bytes(body), 'text/plain', 100);
    expect(excerpt.heading).toBe('Body (5.9 KB):');
    expect(excerpt.text).toBe(`  ${'é'.repeat(100)}\n  … (cut at 100 characters; the body is 5.9 KB)`);
  });

  it('escapes terminal controls but keeps line breaks', () => {
    expect(bodyExcerpt(text('ok\n\u001b[2Jgone'), 'text/plain', 1024).text).toBe('  ok\n  \\x1b[2Jgone');
  });

  it('redacts secrets in the excerpt and records them', () => {
    const hidden = new Set<string>();
    expect(bodyExcerpt(text('{"token":"abcd-1234","user":"bob"}'), 'application/json', 1024, hidden).text).toBe(
      '  {\n    "token": "[redacted]",\n    "user": "bob"\n  }',
    );
    expect(
      bodyExcerpt(text('access_token=zzz-999&scope=read'), 'application/x-www-form-urlencoded', 1024, hidden).text,
    ).toBe('  access_token=[redacted]&scope=read');
    expect([...hidden].sort()).toEqual(['abcd-1234', 'zzz-999']);
  });
});

describe('formatBytes', () => {
  it('uses B, KB, MB and GB', () => {
    expect([
      formatBytes(0),
      formatBytes(1023),
      formatBytes(1024),
      formatBytes(1536 * 1024),
      formatBytes(3 * 1024 ** 3),
    ]).toEqual(['0 B', '1023 B', '1.0 KB', '1.5 MB', '3.0 GB']);
  });
});

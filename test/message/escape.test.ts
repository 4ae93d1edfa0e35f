import { describe, expect, it } from 'vitest';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { cutText, escapeLine, escapeText, safeLine } from '../../src/message/escape.js';
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
    expect(message).toContain('Body (37 characters):\n  first line\n  second \\x1b[32mgreen\\x1b[0m line');
    expect(message).not.toContain('\u001b');
  });
});

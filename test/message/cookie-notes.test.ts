import { get, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveCookie } from '../../src/matchers/to-have-cookie.js';
import { setCookieEvidence } from '../../src/message/cookie-notes.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend({ toHaveCookie });

const MANY = 10_000;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_, res) => {
    const headers: string[] = [];
    // Values under 8 characters: longer ones are swept from the whole message one by one, which takes
    // seconds over the 10,000 lines of evidence this message still carries (see redact.ts, sweepSecrets).
    for (let i = 0; i < MANY; i++) headers.push('set-cookie', `cookie_${i}=v${i}; Path=/; HttpOnly`);
    res.writeHead(200, headers).end('ok');
  });
});
afterAll(() => server.close());

/** node:http with room for 10,000 Set-Cookie lines (the defaults are 16 KB and 2,000 headers). */
function getWithManyHeaders(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { maxHeaderSize: 10_000_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.maxHeadersCount = 0;
    req.on('error', reject);
  });
}

describe('toHaveCookie over a response with 10,000 Set-Cookie lines', () => {
  let res: IncomingMessage;
  beforeAll(async () => {
    res = await getWithManyHeaders(server.url);
  });

  it('the evidence shows 20 lines, the wanted cookie first, values hidden, and counts the rest', () => {
    const lines = res.headers['set-cookie'] ?? [];
    expect(lines).toHaveLength(MANY);
    const evidence = setCookieEvidence(lines, 'cookie_9999') ?? '';
    expect(evidence.split('\n')).toEqual([
      'Set-Cookie lines (10000):',
      '  set-cookie: cookie_9999=[redacted]; Path=/; HttpOnly',
      ...Array.from({ length: 19 }, (_, i) => `  set-cookie: cookie_${i}=[redacted]; Path=/; HttpOnly`),
      '  … and 9980 more Set-Cookie lines',
    ]);
    expect(evidence).not.toMatch(/=v\d/);
    expect(evidence.length).toBeLessThan(2_000);
  });

  it("the message's notes name 20 cookies and count the rest, whatever the evidence below them", () => {
    const message = failureOf(() => expect(res).toHaveCookie('cookie_1x'));
    const notes = message.slice(0, message.indexOf('\nRequest:'));
    expect(notes).toContain('Did you mean "cookie_1" or "cookie_10" or "cookie_11"?');
    expect(notes).toContain('Cookies set (10000): cookie_1, cookie_10, cookie_11, cookie_12, cookie_13, ');
    expect(notes).toContain(', … and 9980 more');
    expect(notes.length).toBeLessThan(2_000);
  });
});

describe('setCookieEvidence', () => {
  it('shows every line when there are few, and nothing when there are none', () => {
    expect(setCookieEvidence(['a=1', 'b=2; Secure'], 'b')).toBe(
      'Set-Cookie lines (2):\n  set-cookie: b=[redacted]; Secure\n  set-cookie: a=[redacted]',
    );
    expect(setCookieEvidence(['a=1', 'b=2', 'c=3'], 'z', 2)).toBe(
      'Set-Cookie lines (3):\n  set-cookie: a=[redacted]\n  set-cookie: b=[redacted]\n  … and 1 more Set-Cookie line',
    );
    expect(setCookieEvidence([], 'a')).toBeUndefined();
  });

  it('escapes a line that carries terminal controls', () => {
    expect(setCookieEvidence(['a=1; Path=/\u001b[8m'], 'a')).toBe(
      'Set-Cookie lines (1):\n  set-cookie: a=[redacted]; Path=/\\x1b[8m',
    );
  });
});

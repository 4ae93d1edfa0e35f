import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveCookie } from '../../src/matchers/to-have-cookie.js';
import { failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { getWithManyHeaders } from '../helpers/shapes.js';

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

describe('toHaveCookie over a response with 10,000 Set-Cookie lines', () => {
  let res: IncomingMessage;
  beforeAll(async () => {
    res = await getWithManyHeaders(server.url);
  });

  it('the evidence shows 20 Set-Cookie lines, values hidden, and counts the rest', () => {
    expect(res.headers['set-cookie']).toHaveLength(MANY);
    const message = failureOf(() => expect(res).toHaveCookie('cookie_1x'));
    const evidence = message.slice(message.indexOf('Response headers'));
    expect(evidence.split('\n').filter((l) => l.startsWith('  set-cookie: '))).toEqual(
      Array.from({ length: 20 }, (_, i) => `  set-cookie: cookie_${i}=[redacted]; Path=/; HttpOnly`),
    );
    expect(evidence).toContain('  … and 9,980 more set-cookie lines');
    expect(evidence).not.toMatch(/=v\d/);
    expect(message.length).toBeLessThan(6_000);
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

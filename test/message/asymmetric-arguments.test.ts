import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';
import { asyncFailureOf, failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

// An asymmetric matcher passed as the expectation is shown the way the runner prints it, with its sample,
// in every matcher's message (0.1.0 printed `Expected status: Any` and `to an object`).
expect.extend(matchers);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const redirect = (): string =>
  `/status/302?h.location=${encodeURIComponent('/home')}&h.set-cookie=${encodeURIComponent('sid=abc123; Path=/')}`;

describe('asymmetric expectations in messages', () => {
  it('toHaveStatus', async () => {
    const res = await fetch(`${server.url}/status/404`);
    await res.body?.cancel();
    expect(failureOf(() => expect(res).toHaveStatus(expect.any(String)))).toContain('Expected status: Any<String>\n');
    expect(failureOf(() => expect(res).not.toHaveStatus(expect.any(Number)))).toContain(
      'Expected status: not Any<Number>\n',
    );
  });

  it('toBeRedirectWithLocation', async () => {
    const res = await fetch(`${server.url}${redirect()}`, { redirect: 'manual' });
    await res.body?.cancel();
    expect(failureOf(() => expect(res).toBeRedirectWithLocation(expect.stringContaining('/login')))).toContain(
      'a redirect (300, 301, 302, 303, 307, 308) to StringContaining "/login"\n',
    );
  });

  it('toHaveHeader and toHaveCookie', async () => {
    const res = await fetch(`${server.url}${redirect()}`, { redirect: 'manual' });
    await res.body?.cancel();
    expect(failureOf(() => expect(res).toHaveHeader('location', expect.stringMatching(/^\/login/)))).toContain(
      'Expected header: location: StringMatching /^\\/login/\n',
    );
    expect(failureOf(() => expect(res).toHaveCookie('sid', { value: expect.stringContaining('zzz') }))).toContain(
      'Expected cookie: "sid" with value StringContaining "zzz"\n',
    );
  });

  it('toHaveTextBody', async () => {
    const res = await fetch(`${server.url}/status/200?body=pong`);
    expect(await asyncFailureOf(() => expect(res).toHaveTextBody(expect.stringContaining('pi')))).toContain(
      'Expected body:   StringContaining "pi"\n',
    );
  });

  it('inside toHaveJsonBody and toMatchJsonBody: the diff prints the matcher', async () => {
    const res = await fetch(`${server.url}/status/404`);
    expect(await asyncFailureOf(() => expect(res).toHaveJsonBody({ status: expect.any(String) }))).toMatch(
      /- +"status": Any<String>,/,
    );
    expect(await asyncFailureOf(() => expect(res).toMatchJsonBody({ status: expect.any(String) }))).toMatch(
      /- +"status": Any<String>,/,
    );
  });
});

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveStatus } from '../../src/matchers/to-have-status.js';
import { failureOf } from '../helpers/message.js';

expect.extend({ toHaveStatus });

const API = 'http://api.example.test';
const mock = setupServer(http.get(`${API}/down`, () => HttpResponse.error()));
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

describe('the hint for a status-0 network error', () => {
  it("does not claim msw's HttpResponse.error() makes one: with msw, fetch rejects instead", async () => {
    const outcome = await fetch(`${API}/down`).then(
      (res) => `resolved with status ${res.status}`,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(TypeError);
    expect((outcome as TypeError).message).toBe('Failed to fetch');
  });

  it('says so in the message of the one kind that does reach a matcher, a Response.error()', () => {
    const message = failureOf(() => expect(Response.error()).toHaveStatus(200));
    expect(message).toContain('Received status: 0 (a network error: no HTTP response)');
    expect(message).toContain(
      "fetch itself rejects on a network error, and so does msw's HttpResponse.error() (TypeError: Failed to fetch).",
    );
    expect(message).not.toContain('makes one');
  });
});

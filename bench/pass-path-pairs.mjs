// The pass-path pairs, shared by the jest-expect host (pass-path.bench.mjs) and the vitest host
// (pass-path.vitest.mjs): a passing assertion with the library and the bare one a user writes today.
import axios from 'axios';
import supertest from 'supertest';
import { request } from 'undici';
import { startServer } from './lib.mjs';

/** One real response of each client for 200 and for 404, bodies already read. */
export async function realResponses() {
  const server = await startServer();
  const responses = {};
  for (const code of [200, 404]) {
    const url = `${server.url}/status/${code}`;
    const fetched = await fetch(url);
    await fetched.arrayBuffer();
    const undiciResult = await request(url);
    await undiciResult.body.dump();
    responses[code] = {
      'fetch Response': fetched,
      'undici.request': undiciResult,
      supertest: await supertest(server.server).get(`/status/${code}`),
      axios: await axios.get(url, { validateStatus: () => true }),
    };
  }
  await server.close();
  return responses;
}

/**
 * A custom matcher that does nothing but compare the status: what any custom matcher costs in the runner,
 * before the library does any work.
 */
export const trivialMatchers = {
  toHaveStatusTrivially(received, code) {
    return { pass: received.status === code, message: () => '' };
  },
};

/** The runner's floor: the trivial custom matcher against the bare assertion (fetch Response). */
export function floorPairs(expect, responses, { register, unregister } = {}) {
  const ok = responses[200]['fetch Response'];
  return [
    {
      name: 'trivial custom matcher',
      bareText: 'expect(res.status).toBe(200)',
      lib: () => expect(ok).toHaveStatusTrivially(200),
      bare: () => expect(ok.status).toBe(200),
      libSetup: register,
      bareSetup: unregister,
    },
  ];
}

/** The library's own work: each matcher function called directly, with a minimal context, no runner. */
export function directTasks(matchers, responses) {
  const ctx = { isNot: false, promise: '', equals: Object.is, utils: {} };
  return Object.keys(responses[200]).flatMap((kind) => [
    { name: `${kind}: toHaveStatus(200)`, fn: () => matchers.toHaveStatus.call(ctx, responses[200][kind], 200).pass },
    { name: `${kind}: toBeClientError()`, fn: () => matchers.toBeClientError.call(ctx, responses[404][kind]).pass },
  ]);
}

export function passPathPairs(expect, responses, { register, unregister } = {}) {
  const pairs = [];
  for (const kind of Object.keys(responses[200])) {
    const ok = responses[200][kind];
    const missing = responses[404][kind];
    const field = kind === 'undici.request' ? 'statusCode' : 'status';
    pairs.push({
      name: `${kind}: toHaveStatus(200)`,
      bareText: `expect(res.${field}).toBe(200)`,
      lib: () => expect(ok).toHaveStatus(200),
      bare: () => expect(ok[field]).toBe(200),
      libSetup: register,
      bareSetup: unregister,
    });
    pairs.push({
      name: `${kind}: toBeClientError()`,
      bareText: `expect(res.${field} >= 400 && res.${field} < 500).toBe(true)`,
      lib: () => expect(missing).toBeClientError(),
      bare: () => expect(missing[field] >= 400 && missing[field] < 500).toBe(true),
      libSetup: register,
      bareSetup: unregister,
    });
  }
  return pairs;
}

import axios, { type AxiosRequestConfig } from 'axios';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';

export interface Client {
  readonly name: string;
  /** GET `path` from the server, without following redirects and without throwing on 4xx/5xx. */
  get(path: string): Promise<unknown>;
}

/**
 * The real clients the header matchers run over: fetch, supertest, axios, got and undici.request.
 * Streamed bodies are released by `release()` (call it in afterEach), so no socket is left waiting;
 * `cleanups` takes more of the same from the test itself.
 */
export function realClients(base: () => string, options: { axios?: AxiosRequestConfig } = {}) {
  const cleanups: Array<() => unknown> = [];
  const clients: readonly Client[] = [
    {
      name: 'fetch',
      async get(path) {
        const res = await fetch(`${base()}${path}`, { redirect: 'manual' });
        cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
        return res;
      },
    },
    { name: 'supertest', get: async (path) => await supertest(base()).get(path) },
    {
      name: 'axios',
      get: (path) => axios.get(`${base()}${path}`, { validateStatus: () => true, maxRedirects: 0, ...options.axios }),
    },
    {
      name: 'got',
      get: (path) => got(`${base()}${path}`, { throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } }),
    },
    {
      name: 'undici.request',
      async get(path) {
        const res = await undiciRequest(`${base()}${path}`);
        cleanups.push(() => res.body.dump());
        return res;
      },
    },
  ];
  return {
    clients,
    cleanups,
    release: async (): Promise<void> => {
      await Promise.all(cleanups.splice(0).map((fn) => fn()));
    },
  };
}

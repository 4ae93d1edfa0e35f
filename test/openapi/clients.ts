import { get as httpGet, type IncomingMessage } from 'node:http';
import axios from 'axios';
import { got } from 'got';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';

export interface ApiClient {
  readonly name: string;
  /** What the response keeps of its request: toSatisfyApiSpec needs the operation named where it keeps less. */
  readonly keeps: 'method and url' | 'url' | 'nothing';
  get(path: string): Promise<unknown>;
}

/** Every client kind the library accepts, against `base()`: GET, no redirects followed, no throwing on 4xx/5xx. */
export function apiClients(base: () => string) {
  const cleanups: Array<() => unknown> = [];
  let playwright: APIRequestContext | undefined;
  const clients: readonly ApiClient[] = [
    {
      name: 'fetch',
      keeps: 'url',
      async get(path) {
        const res = await fetch(`${base()}${path}`, { redirect: 'manual' });
        cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
        return res;
      },
    },
    { name: 'supertest', keeps: 'method and url', get: async (path) => await supertest(base()).get(path) },
    {
      name: 'axios',
      keeps: 'method and url',
      get: (path) => axios.get(`${base()}${path}`, { validateStatus: () => true, maxRedirects: 0 }),
    },
    {
      name: 'got',
      keeps: 'method and url',
      get: (path) => got(`${base()}${path}`, { throwHttpErrors: false, followRedirect: false, retry: { limit: 0 } }),
    },
    {
      name: 'undici.request',
      keeps: 'nothing',
      async get(path) {
        const res = await undiciRequest(`${base()}${path}`);
        cleanups.push(() => res.body.dump());
        return res;
      },
    },
    {
      name: 'http.get',
      keeps: 'method and url',
      get: (path) =>
        new Promise<IncomingMessage>((resolve, reject) => {
          httpGet(`${base()}${path}`, (res) => {
            cleanups.push(() => res.resume());
            resolve(res);
          }).on('error', reject);
        }),
    },
    {
      name: 'Playwright',
      keeps: 'url',
      async get(path) {
        playwright ??= await playwrightRequest.newContext();
        const res = await playwright.get(`${base()}${path}`, { maxRedirects: 0 });
        cleanups.push(() => res.dispose());
        return res;
      },
    },
  ];
  return {
    clients,
    release: async (): Promise<void> => {
      await Promise.all(cleanups.splice(0).map((fn) => fn()));
    },
    close: async (): Promise<void> => {
      await playwright?.dispose();
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';

// The Petstore API of test/openapi/specs, served for real under /v1: `?variant=<name>` makes a route break its
// contract in one named way, so each check is passed and failed on real responses.

const PET = { id: 1, name: 'Rex', tag: null, born: '2020-02-29' };
const VARIANTS: Record<string, Record<string, () => [number, Record<string, string>, string]>> = {
  '/v1/pets': {
    ok: () => [200, { 'x-total-count': '1' }, JSON.stringify([PET])],
    'no-count': () => [200, {}, JSON.stringify([PET])],
    'bad-count': () => [200, { 'x-total-count': 'many' }, JSON.stringify([PET])],
  },
  '/v1/pets/1': {
    ok: () => [200, {}, JSON.stringify(PET)],
    'wrong-types': () => [200, {}, JSON.stringify({ id: 'one', tag: 7 })],
    'write-only': () => [200, {}, JSON.stringify({ ...PET, password: 'hunter2' })],
    'not-found': () => [404, {}, JSON.stringify({ code: 404, message: 'no pet 1' })],
    teapot: () => [
      418,
      { 'content-type': 'application/problem+json' },
      JSON.stringify({ title: 'teapot', status: 418 }),
    ],
    html: () => [500, { 'content-type': 'text/html' }, '<h1>Internal Server Error</h1>'],
    'bad-date': () => [200, {}, JSON.stringify({ ...PET, born: '2021-02-29' })],
  },
  '/v1/pets/mine': { ok: () => [200, {}, JSON.stringify([PET])] },
  '/v1/animals/1': {
    ok: () => [200, {}, JSON.stringify({ petType: 'cat', lives: 9 })],
    'bad-dog': () => [200, {}, JSON.stringify({ petType: 'dog', bark: 'loud' })],
    cow: () => [200, {}, JSON.stringify({ petType: 'cow' })],
  },
  '/v1/jobs/7': {
    ok: () => [
      202,
      {},
      JSON.stringify({ id: '0b6f3c9e-4c1f-4a4e-9a43-5f1c2b7d8e90', state: 'queued', finishedAt: null }),
    ],
    'bad-state': () => [201, {}, JSON.stringify({ id: 'j-7', state: 'lost' })],
  },
  '/v1/ping': {
    ok: () => [200, {}, ''],
    'with-body': () => [200, { 'content-type': 'text/plain' }, 'pong'],
  },
  '/v1/tree': {
    ok: () => [200, {}, JSON.stringify({ name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] })],
    deep: () => [200, {}, JSON.stringify({ name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] })],
  },
  '/v1/secret': {
    ok: () => [200, {}, JSON.stringify({ token: 'sk_live_abcdefghijklmnop', id: 'x' })],
  },
};

export function apiRoutes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'DELETE' && url.pathname === '/v1/pets/1') {
    res.writeHead(url.searchParams.get('variant') === 'body' ? 200 : 204, { 'content-type': 'application/json' });
    res.end(url.searchParams.get('variant') === 'body' ? '{"deleted":true}' : undefined);
    return;
  }
  const route = VARIANTS[url.pathname]?.[url.searchParams.get('variant') ?? 'ok'];
  if (!route) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 404, message: 'no route' }));
    return;
  }
  const [status, headers, body] = route();
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === '' ? undefined : body);
}

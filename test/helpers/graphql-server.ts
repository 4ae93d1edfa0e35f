import type { IncomingMessage, ServerResponse } from 'node:http';
import axios from 'axios';
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { got } from 'got';
import supertest from 'supertest';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type TestServer } from './server.js';

// A real GraphQL-over-HTTP server for the GraphQL matchers' tests: graphql-js executes a real schema, and the
// handler answers as the GraphQL-over-HTTP spec asks. With Accept: application/graphql-response+json, a request
// that fails before execution (bad JSON, no query, a parse or validation error) is a 400; with application/json
// every well-formed request is a 200. GET /graphql?query=… runs queries too (the operation is then in the URL).

const schema = buildSchema(`
  type User { id: ID!, name: String!, email: String }
  type Query { user(id: ID!): User, me: User! }
`);

const ADA = { id: '7', name: 'Ada', email: 'ada@example.test' };
const rootValue = {
  user: ({ id }: { id: string }) => {
    if (id === ADA.id) return ADA;
    throw new GraphQLError(`User ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
  },
  me: () => {
    throw new GraphQLError('Not signed in', { extensions: { code: 'UNAUTHENTICATED' } });
  },
};

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';
export const JSON_MEDIA = 'application/json';

/** The routes: /graphql (GET and POST), /echo-errors, and bodies that break the format: /empty-errors, /not-graphql, /gateway. */
export function graphqlRoutes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const media = (req.headers.accept ?? '').includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : JSON_MEDIA;
  const send = (status: number, body: unknown, type = media): void => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8` }).end(JSON.stringify(body));
  };
  if (url.pathname === '/empty-errors') return send(200, { data: { user: ADA }, errors: [] }, JSON_MEDIA);
  // An error that echoes the request's credentials and carries terminal control sequences.
  if (url.pathname === '/echo-errors')
    return send(200, {
      errors: [{ message: `${req.headers.authorization ?? ''} rejected \u001b[2J\u202e`, path: ['me\u001b[31m'] }],
      data: null,
    });
  if (url.pathname === '/not-graphql') return send(200, { ok: true, user: ADA }, JSON_MEDIA);
  if (url.pathname === '/gateway') {
    res.writeHead(502, { 'content-type': 'text/html' }).end('<html><title>502 Bad Gateway</title></html>');
    return;
  }
  if (url.pathname !== '/graphql') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let params: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      params =
        req.method === 'GET'
          ? Object.fromEntries(url.searchParams)
          : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof params);
    } catch {
      return send(400, { errors: [{ message: 'The request body is not JSON' }] });
    }
    if (typeof params.query !== 'string') return send(400, { errors: [{ message: 'No query given' }] });
    // Before execution: a 400 with application/graphql-response+json, a 200 with application/json.
    const early = media === GRAPHQL_RESPONSE ? 400 : 200;
    let document: DocumentNode;
    try {
      document = parse(params.query);
    } catch (error) {
      return send(early, { errors: [(error as GraphQLError).toJSON()] });
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return send(early, { errors: invalid.map((e) => e.toJSON()) });
    void Promise.resolve(
      execute({
        schema,
        document,
        rootValue,
        variableValues: params.variables as Record<string, unknown> | undefined,
        operationName: typeof params.operationName === 'string' ? params.operationName : undefined,
      }),
    ).then((result) => send(200, result));
  });
}

export interface GraphQLClient {
  readonly name: string;
  /** POSTs a GraphQL request to `path`, asking for `accept`; never throws on 4xx/5xx. */
  post(path: string, body: object, accept: string): Promise<unknown>;
}

/** The real clients, each POSTing JSON. Streamed bodies are released by `release()` (call it in afterEach). */
export function graphqlClients(base: () => string) {
  const cleanups: Array<() => unknown> = [];
  const json = (accept: string) => ({ 'content-type': 'application/json', accept });
  const clients: readonly GraphQLClient[] = [
    {
      name: 'fetch',
      async post(path, body, accept) {
        const res = await fetch(`${base()}${path}`, {
          method: 'POST',
          headers: json(accept),
          body: JSON.stringify(body),
        });
        cleanups.push(() => (res.bodyUsed ? undefined : res.body?.cancel()));
        return res;
      },
    },
    {
      name: 'supertest',
      post: async (path, body, accept) => await supertest(base()).post(path).set('accept', accept).send(body),
    },
    {
      name: 'axios',
      post: (path, body, accept) =>
        axios.post(`${base()}${path}`, body, { headers: json(accept), validateStatus: () => true }),
    },
    {
      name: 'got',
      post: (path, body, accept) =>
        got.post(`${base()}${path}`, { json: body, headers: { accept }, throwHttpErrors: false, retry: { limit: 0 } }),
    },
    {
      name: 'undici.request',
      async post(path, body, accept) {
        const res = await undiciRequest(`${base()}${path}`, {
          method: 'POST',
          headers: json(accept),
          body: JSON.stringify(body),
        });
        cleanups.push(() => res.body.dump());
        return res;
      },
    },
  ];
  return {
    clients,
    release: async (): Promise<void> => {
      await Promise.all(cleanups.splice(0).map((fn) => fn()));
    },
  };
}

/** Queries both GraphQL matcher suites send: a user that exists, one that does not, and an invalid field. */
export const QUERIES = {
  ada: { query: 'query Ada { user(id: "7") { id name } }' },
  missing: { query: 'query Missing { user(id: "8") { id name } }' },
  invalid: { query: '{ user(id: "7") { nme } }' },
};

/**
 * The real GraphQL server for one test file, started before its tests and closed after them, with every POST
 * client crossed with both media types (`cells`) and the server's URL.
 */
export function useGraphQLServer() {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(graphqlRoutes);
  });
  afterAll(async () => {
    await server.close();
  });
  const { clients, release } = graphqlClients(() => server.url);
  afterEach(release);
  const cells = clients.flatMap((client) => [JSON_MEDIA, GRAPHQL_RESPONSE].map((media) => ({ client, media })));
  return { clients, cells, url: () => server.url };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHaveGraphQLData } from '../../src/matchers/to-have-graphql-data.js';
import { toHaveGraphQLErrors } from '../../src/matchers/to-have-graphql-errors.js';
import { asyncFailureOf } from '../helpers/message.js';

expect.extend({ toHaveGraphQLData, toHaveGraphQLErrors });

// The GraphQL matchers against graphql-http, the GraphQL-over-HTTP working group's reference server, on
// 127.0.0.1: the statuses and media types are the spec's as that server implements them, not our reading of it.

// Both loaded as CommonJS: graphql-http requires graphql, and a schema from graphql's ES module build would be
// "from another realm" to it.
const require = createRequire(import.meta.url);
const { buildSchema, GraphQLError } = require('graphql') as typeof import('graphql');
const { createHandler } = require('graphql-http/lib/use/http') as typeof import('graphql-http/lib/use/http');

const schema = buildSchema('type User { id: ID!, name: String! } type Query { user(id: ID!): User }');
const rootValue = {
  user: ({ id }: { id: string }) => {
    if (id === '7') return { id, name: 'Ada' };
    throw new GraphQLError(`User ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
  },
};

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(createHandler({ schema, rootValue }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(
  () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
);

const MEDIA = ['application/graphql-response+json', 'application/json'] as const;
const post = (accept: string, query: string): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });

describe.each(MEDIA)('graphql-http answering %s', (accept) => {
  it('a query that runs: toHaveGraphQLData passes, toHaveGraphQLErrors fails', async () => {
    const res = await post(accept, '{ user(id: "7") { id name } }');
    expect(res.headers.get('content-type')).toContain(accept);
    await expect(res).toHaveGraphQLData({ user: { name: 'Ada' } });
    await expect(res).not.toHaveGraphQLErrors();
    expect(await asyncFailureOf(() => expect(res).toHaveGraphQLErrors())).toContain(
      'There are no "errors": the operation ran without any.',
    );
  });

  it('an error in a field: a 200, the error matched by message, path and code', async () => {
    const res = await post(accept, '{ user(id: "8") { id } }');
    expect(res.status).toBe(200);
    await expect(res).toHaveGraphQLErrors({
      message: 'User 8 not found',
      path: ['user'],
      extensions: { code: 'NOT_FOUND' },
    });
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData());
    expect(message).toContain('"User 8 not found" at user');
  });

  it('a validation error: the status the spec gives for this media type, explained', async () => {
    const res = await post(accept, '{ user(id: "7") { nope } }');
    expect(res.status).toBe(accept === 'application/json' ? 200 : 400);
    await expect(res).toHaveGraphQLErrors({ message: /Cannot query field "nope"/ });
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData());
    expect(message).toMatch(
      accept === 'application/json' ? /Status 200 with application\/json says nothing about the outcome/ : /400/,
    );
  });
});

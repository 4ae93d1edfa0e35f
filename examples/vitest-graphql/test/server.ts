// The API under test: a GraphQL server (graphql-http, which follows the GraphQL-over-HTTP spec) on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const schema = buildSchema(`
  type Book { id: ID!, title: String!, author: String! }
  type Query { book(id: ID!): Book, books: [Book!]! }
`);

const BOOKS = [
  { id: '1', title: 'Kindred', author: 'Octavia E. Butler' },
  { id: '2', title: 'The Dispossessed', author: 'Ursula K. Le Guin' },
];

const rootValue = {
  books: () => BOOKS,
  book: ({ id }: { id: string }) => {
    const book = BOOKS.find((b) => b.id === id);
    if (book === undefined) throw new GraphQLError(`Book ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
    return book;
  },
};

/** Starts the server on a random port; returns its /graphql URL and a way to stop it. */
export async function startGraphQLServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(createHandler({ schema, rootValue }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

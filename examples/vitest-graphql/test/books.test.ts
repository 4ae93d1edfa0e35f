import { httpSnapshot, readBody, responseSpec } from 'expect-http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGraphQLServer } from './server.js';

let server: Awaited<ReturnType<typeof startGraphQLServer>>;
beforeAll(async () => {
  server = await startGraphQLServer();
});
afterAll(() => server.close());

/** POSTs a query, asking for the GraphQL-over-HTTP media type (whose statuses mean something) or plain JSON. */
function query(document: string, accept = 'application/graphql-response+json'): Promise<Response> {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query: document }),
  });
}

// The contract every successful query answer keeps, stated once.
const graphqlOk = responseSpec({ status: 200, contentType: 'application/graphql-response+json' });

describe('books', () => {
  test('a query that runs has data and no errors', async () => {
    const res = await query('{ books { id title } }');
    await expect(res).toMatchResponse(graphqlOk);
    await expect(res).toHaveGraphQLData({ books: [{ id: '1', title: 'Kindred' }, expect.anything()] });
  });

  test('a missing book is an error at its path, with a 200 (the operation ran)', async () => {
    const res = await query('{ book(id: "9") { title } }');
    expect(res).toHaveStatus(200);
    await expect(res).toHaveGraphQLErrors({ path: ['book'], extensions: { code: 'NOT_FOUND' } });
  });

  test('a query that does not validate is a 400 with application/graphql-response+json', async () => {
    const res = await query('{ books { isbn } }');
    expect(res).toHaveStatus(400);
    await expect(res).toHaveGraphQLErrors({ message: /Cannot query field "isbn"/ });
  });

  test('with Accept: application/json the same query is a 200: only the body tells', async () => {
    const res = await query('{ books { isbn } }', 'application/json');
    expect(res).toHaveStatus(200);
    await expect(res).toHaveGraphQLErrors({ message: /Cannot query field "isbn"/ });
  });

  test('a snapshot of the answer: headers sorted, the date masked', async () => {
    const res = await query('{ book(id: "2") { id title author } }');
    await readBody(res); // a snapshot is taken synchronously: read the body first
    expect(httpSnapshot(res, { json: { '$.data.book.id': expect.any(String) } })).toMatchInlineSnapshot(`
      HTTP 200 OK
      content-type: application/graphql-response+json; charset=utf-8
      date: [masked]

      {
        "data": {
          "book": {
            "id": Any<String>,
            "title": "The Dispossessed",
            "author": "Ursula K. Le Guin"
          }
        }
      }
    `);
  });
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
test.runIf(process.env.SHOW_FAILURE)('shows a failure: a GraphQL error behind a 200', async () => {
  const res = await query('{ book(id: "9") { title } }');
  await expect(res).toHaveGraphQLData({ book: { title: expect.any(String) } });
});

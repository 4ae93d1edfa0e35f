import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toHaveGraphQLData } from '../../src/matchers/to-have-graphql-data.js';
import { asymmetric, jsonValue } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on, onProblem } from '../hardening/harden.js';
import { GRAPHQL_RESPONSE, JSON_MEDIA, QUERIES, useGraphQLServer } from '../helpers/graphql-server.js';
import { asyncFailureOf } from '../helpers/message.js';

expect.extend({ toHaveGraphQLData });

const { clients, cells, url } = useGraphQLServer();
const ADA = QUERIES.ada;
const MISSING = QUERIES.missing;
const INVALID = QUERIES.invalid;

describe('toHaveGraphQLData', () => {
  it.each(cells)(
    '$client.name, $media: passes on data, fails on errors, and the body stays readable',
    async ({ client, media }) => {
      const res = await client.post('/graphql', ADA, media);
      await expect(res).toHaveGraphQLData();
      await expect(res).toHaveGraphQLData({ user: { id: '7', name: expect.any(String) } });
      await expect(res).not.toHaveGraphQLData({ user: { name: 'Grace' } });
      expect((await readBody(res)).json()).toEqual({ data: { user: { id: '7', name: 'Ada' } } });

      const failed = await client.post('/graphql', MISSING, media);
      await expect(failed).not.toHaveGraphQLData();
      const message = await asyncFailureOf(() => expect(failed).toHaveGraphQLData());
      expect(message).toContain('  - "User 8 not found" at user (line:column 1:17 in the document) ["NOT_FOUND"]');
    },
  );

  it('lists the errors and explains a 200 with application/json', async () => {
    const res = await fetch(`${url()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: JSON_MEDIA },
      body: JSON.stringify(MISSING),
    });
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData({ user: { id: '8' } }));
    expect(message).toMatchInlineSnapshot(`
      "expect(response).toHaveGraphQLData(subset)

      Expected body:   a GraphQL response with "data" matching the subset and no "errors"
      Received status: 200 OK (2xx Successful)

      GraphQL errors (1):
        - "User 8 not found" at user (line:column 1:17 in the document) ["NOT_FOUND"]

      - Expected
      + Received

        {
      -   "user": {
      -     "id": "8",
      -   },
      +   "user": null,
        }

      Status 200 with application/json says nothing about the outcome: a GraphQL server answers 200 to every well-formed request, errors or not, so only the body tells (GraphQL over HTTP). Send Accept: application/graphql-response+json for a status that means something.

      URL: http://127.0.0.1:PORT/graphql

      Response headers (1 of 5 shown):
        content-type: application/json; charset=utf-8

      Body (151 B, JSON):
        {
          "errors": [
            {
              "message": "User 8 not found",
              "locations": [
                {
                  "line": 1,
                  "column": 17
                }
              ],
              "path": ["user"],
              "extensions": {
                "code": "NOT_FOUND"
              }
            }
          ],
          "data": {
            "user": null
          }
        }"
    `);
  });

  it('explains a 400 with application/graphql-response+json: the document failed validation, nothing ran', async () => {
    const res = await clients[0]!.post('/graphql', INVALID, GRAPHQL_RESPONSE);
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData());
    expect(message).toContain('Received status: 400 Bad Request (4xx Client Error)');
    expect(message).toContain(
      '  - "Cannot query field \\"nme\\" on type \\"User\\". Did you mean \\"name\\"?" (line:column 1:19 in the document)',
    );
    expect(message).toContain('There is no "data": the request failed before execution began (GraphQL spec §7.1.2).');
    expect(message).toContain(
      'Status 400 with application/graphql-response+json: the request failed before execution. The document did not parse or failed validation, or the operation or variables were wrong, so nothing ran (GraphQL over HTTP).',
    );
  });

  it('diffs the data against the subset', async () => {
    const res = await clients[2]!.post('/graphql', ADA, GRAPHQL_RESPONSE);
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData({ user: { name: 'Grace' } }));
    expect(message).toContain('-     "name": "Grace",\n+     "name": "Ada",');
    expect(message).toContain(
      'Status 200 with application/graphql-response+json: the request was valid and the operation was executed',
    );
  });

  it('names the operation when the request URL carries it (GET)', async () => {
    const query = encodeURIComponent(MISSING.query);
    const res = await fetch(`${url()}/graphql?query=${query}`);
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData());
    expect(message).toContain('Operation: Missing');
  });

  it.each(['supertest', 'axios', 'got'])(
    'names the operation of a POST when %s keeps the request body (operationName, else the query)',
    async (name) => {
      const client = clients.find((c) => c.name === name)!;
      const named = await client.post('/graphql', { ...MISSING, operationName: 'Missing' }, GRAPHQL_RESPONSE);
      expect(await asyncFailureOf(() => expect(named).toHaveGraphQLData())).toContain('Operation: Missing');
      const unnamed = await client.post('/graphql', { query: MISSING.query }, GRAPHQL_RESPONSE);
      expect(await asyncFailureOf(() => expect(unnamed).toHaveGraphQLData())).toContain('Operation: Missing');
    },
  );

  it('says no operation for a fetch POST, which keeps no request body', async () => {
    const res = await clients.find((c) => c.name === 'fetch')!.post('/graphql', MISSING, GRAPHQL_RESPONSE);
    expect(await asyncFailureOf(() => expect(res).toHaveGraphQLData())).not.toContain('Operation:');
  });

  it('fails on an empty "errors" list, saying it is a server bug; .not passes', async () => {
    const res = await clients[1]!.post('/empty-errors', ADA, JSON_MEDIA);
    await expect(res).not.toHaveGraphQLData();
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLData({ user: { id: '7' } }));
    expect(message).toContain(
      'Not a well-formed GraphQL response:\n  - "errors" is an empty list: a server bug. The GraphQL spec (§7.1.2) requires "errors", if present, to hold at least one error, and leaves it out when there are none.',
    );
  });

  it('fails on a response that is not GraphQL: JSON of another shape, or a gateway page', async () => {
    const other = await asyncFailureOf(async () =>
      expect(await clients[3]!.post('/not-graphql', ADA, JSON_MEDIA)).toHaveGraphQLData(),
    );
    expect(other).toContain(
      'The body is a JSON object with neither "data" nor "errors": not a GraphQL response (GraphQL spec §7.1).',
    );
    const page = await asyncFailureOf(async () =>
      expect(await clients[4]!.post('/gateway', ADA, JSON_MEDIA)).toHaveGraphQLData(),
    );
    expect(page).toContain('Received status: 502 Bad Gateway (5xx Server Error)');
    expect(page).toContain('The body is an HTML page, not JSON (Content-Type: text/html)');
  });

  it('throws a usage error for a subset that is not an object, also under .not', async () => {
    const res = await clients[0]!.post('/graphql', ADA, JSON_MEDIA);
    expect(() => expect(res).not.toHaveGraphQLData('Ada' as never)).toThrow(HttpMatcherUsageError);
    expect(() => expect(res).toHaveGraphQLData(7 as never)).toThrow(
      "toHaveGraphQLData: subset must be an object, as for toMatchObject, e.g. { user: { id: '7' } }; got 7.",
    );
    await expect(expect(200).toHaveGraphQLData()).rejects.toThrow(
      'toHaveGraphQLData: received the status code 200, which has no body: pass the response itself.',
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveGraphQLData', {
  mode: 'async',
  fuzzArgs: either(
    fc.oneof(
      fc.constant([]),
      fc.tuple(fc.oneof(fc.object({ maxDepth: 2 }), fc.array(jsonValue, { maxLength: 3 }), asymmetric)),
    ),
  ),
  secrets: [on(401, false), onProblem(401, false, { user: { id: '7' } })],
  hostile: [{ title: 'calm' }],
  bodies: [{ id: 7 }],
});

harden(cases);

import axios from 'axios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpMatcherUsageError, readBody } from '../../src/index.js';
import { toHaveGraphQLErrors } from '../../src/matchers/to-have-graphql-errors.js';
import { asymmetric } from '../hardening/arbitraries.js';
import { either, harden, matcherCases, on, onProblem } from '../hardening/harden.js';
import { GRAPHQL_RESPONSE, JSON_MEDIA, QUERIES, useGraphQLServer } from '../helpers/graphql-server.js';
import { asyncFailureOf } from '../helpers/message.js';

expect.extend({ toHaveGraphQLErrors });

const { clients, cells, url } = useGraphQLServer();
const ADA = QUERIES.ada;
const INVALID = QUERIES.invalid;
// Two field errors: the order they come in is the server's, not the test's.
const TWO_ERRORS = { query: 'query Two { a: user(id: "8") { id } b: me { id } }' };

describe('toHaveGraphQLErrors', () => {
  it.each(cells)(
    '$client.name, $media: matches errors by message, path and code in any order; .not passes on data',
    async ({ client, media }) => {
      const res = await client.post('/graphql', TWO_ERRORS, media);
      await expect(res).toHaveGraphQLErrors();
      await expect(res).toHaveGraphQLErrors([
        { message: 'Not signed in', path: ['b'], extensions: { code: 'UNAUTHENTICATED' } },
        { message: /not found/, path: ['a'], extensions: { code: 'NOT_FOUND' } },
      ]);
      await expect(res).toHaveGraphQLErrors({ message: expect.stringContaining('User 8') });
      await expect(res).not.toHaveGraphQLErrors({ extensions: { code: 'FORBIDDEN' } });
      expect((await readBody(res)).json()).toMatchObject({ data: null, errors: [{ path: ['a'] }, { path: ['b'] }] });

      const invalid = await client.post('/graphql', INVALID, media);
      await expect(invalid).toHaveGraphQLErrors({
        message: /Cannot query field "nme"/,
        locations: [{ line: 1, column: 19 }],
      });
      await expect(await client.post('/graphql', ADA, media)).not.toHaveGraphQLErrors();
    },
  );

  it('says there are no errors when the operation succeeded', async () => {
    const res = await clients[0]!.post('/graphql', ADA, GRAPHQL_RESPONSE);
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLErrors({ message: 'User 7 not found' }));
    expect(message).toContain(
      'expect(response).toHaveGraphQLErrors(expected)\n\nExpected body:   a GraphQL response with errors matching the expected one\nReceived status: 200 OK',
    );
    expect(message).toContain('There are no "errors": the operation ran without any.');
  });

  it('lists the expected errors no received error matches, then the received ones', async () => {
    const res = await clients[3]!.post('/graphql', TWO_ERRORS, JSON_MEDIA);
    const message = await asyncFailureOf(() =>
      expect(res).toHaveGraphQLErrors([{ path: ['a'] }, { message: /forbidden/i, extensions: { code: 'FORBIDDEN' } }]),
    );
    expect(message).toContain(
      [
        'No error received matches:',
        '  - message /forbidden/i, extensions.code "FORBIDDEN"',
        '',
        'GraphQL errors (2):',
        '  - "User 8 not found" at a (line:column 1:13 in the document) ["NOT_FOUND"]',
        '  - "Not signed in" at b (line:column 1:37 in the document) ["UNAUTHENTICATED"]',
      ].join('\n'),
    );
    expect(message).toContain('Status 200 with application/json says nothing about the outcome');
  });

  it('under .not, fails on errors and names the status meaning for graphql-response+json', async () => {
    const res = await clients[4]!.post('/graphql', INVALID, GRAPHQL_RESPONSE);
    const message = await asyncFailureOf(() => expect(res).not.toHaveGraphQLErrors());
    expect(message).toContain(
      'expect(response).not.toHaveGraphQLErrors()\n\nExpected body:   not a GraphQL response with errors\nReceived status: 400 Bad Request (4xx Client Error)',
    );
  });

  it('names the operation when the request URL carries it (GET)', async () => {
    const res = await fetch(`${url()}/graphql?query=${encodeURIComponent(ADA.query)}&operationName=Ada`);
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLErrors());
    expect(message).toContain('Operation: Ada');
  });

  it('does not count an empty "errors" list as errors: it fails, saying it is a server bug; .not passes', async () => {
    const res = await clients[2]!.post('/empty-errors', ADA, JSON_MEDIA);
    await expect(res).not.toHaveGraphQLErrors();
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLErrors());
    expect(message).toContain('"errors" is an empty list: a server bug.');
  });

  it('fails on a response that is not GraphQL, saying what it is', async () => {
    const other = await asyncFailureOf(async () =>
      expect(await clients[1]!.post('/not-graphql', ADA, JSON_MEDIA)).toHaveGraphQLErrors(),
    );
    expect(other).toContain('not a GraphQL response (GraphQL spec §7.1).');
    const page = await asyncFailureOf(async () =>
      expect(await clients[0]!.post('/gateway', ADA, JSON_MEDIA)).toHaveGraphQLErrors(),
    );
    expect(page).toContain('The body is an HTML page, not JSON (Content-Type: text/html)');
  });

  it('shows error messages and paths with the request token redacted and control characters escaped', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig-4f9c2a7e1b';
    const res = await axios.post(`${url()}/echo-errors`, ADA, {
      headers: { authorization: `Bearer ${token}` },
      validateStatus: () => true,
    });
    const message = await asyncFailureOf(() => expect(res).toHaveGraphQLErrors({ message: 'other' }));
    expect(message).toContain('GraphQL errors (1):');
    expect(message).not.toContain(token);
    expect(message).not.toMatch(/\u001b\[2J|\u202e|\u001b\[31m/);
    expect(message).toContain('  - "Bearer [redacted] rejected \\u001b[2J\\u202e" at me\\x1b[31m');
  });

  it('throws a usage error for expected errors it cannot read, also under .not', async () => {
    const res = await clients[0]!.post('/graphql', TWO_ERRORS, JSON_MEDIA);
    expect(() => expect(res).not.toHaveGraphQLErrors('Not signed in' as never)).toThrow(HttpMatcherUsageError);
    expect(() => expect(res).toHaveGraphQLErrors([])).toThrow(
      'toHaveGraphQLErrors: expected must be an error or a non-empty list of errors; leave it out to expect any error.',
    );
    expect(() => expect(res).toHaveGraphQLErrors([{ path: ['a'] }, { message: 5 } as never])).toThrow(
      'toHaveGraphQLErrors: expected[1].message must be a string, a RegExp or an asymmetric matcher; got 5.',
    );
    expect(() => expect(res).toHaveGraphQLErrors(expect.anything() as never)).toThrow(
      "toHaveGraphQLErrors: expected must be a partial error object, e.g. { message: /not found/, path: ['user'], extensions: { code: 'NOT_FOUND' } }; got an asymmetric matcher.",
    );
  });
});

// The hardening suites' cases (fuzz, secrets, hostile content, bodies): see test/hardening/harden.ts.
const cases = matcherCases('toHaveGraphQLErrors', {
  mode: 'async',
  fuzzArgs: either(
    fc.oneof(
      fc.constant([]),
      fc.tuple(
        fc.record(
          {
            message: fc.oneof(fc.string(), asymmetric),
            path: fc.array(fc.oneof(fc.string(), fc.nat())),
            extensions: fc.record({ code: fc.string() }),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  ),
  secrets: [on(401, false), onProblem(401, false, { message: 'Unauthorized' })],
  hostile: [{ message: 'calm' }],
  bodies: [{ message: 'calm' }],
});

harden(cases);

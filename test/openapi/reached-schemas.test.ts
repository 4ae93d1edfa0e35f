import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiSpec, openApiMatchers } from '../../src/openapi/index.js';
import { asyncFailureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

// ajv is given only the schemas an assertion reaches, each rewritten into a copy of its own, and the spec's lookups are
// kept between assertions: these hold the verdicts and locations to what the spec says through recursion, YAML aliases,
// 3.1 `$id`s, and broken or data-only `$ref`s.

expect.extend(openApiMatchers);

// `/<anything>?body=<json>` answers 200 with that JSON.
function echo(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  res.writeHead(200, { 'content-type': 'application/json' }).end(url.searchParams.get('body') ?? '{}');
}
let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer(echo);
  dir = await mkdtemp(join(tmpdir(), 'expect-http-reached-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
const answer = (path: string, body: unknown) =>
  fetch(`${server.url}${path}?body=${encodeURIComponent(JSON.stringify(body))}`);
const json = (schema: object) => ({ description: 'ok', content: { 'application/json': { schema } } });
const spec30 = (paths: object, schemas: object) => ({
  openapi: '3.0.3',
  info: { title: 'Reached', version: '1' },
  paths,
  components: { schemas },
});

describe('schemas reached through $refs', () => {
  it('follows mutual recursion (A → B → A) to any depth, and names the schema that failed', async () => {
    const spec = await loadApiSpec(
      spec30(
        { '/a': { get: { responses: { 200: json({ $ref: '#/components/schemas/A' }) } } } },
        {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: {
            type: 'object',
            required: ['n'],
            properties: { n: { type: 'integer' }, a: { $ref: '#/components/schemas/A' } },
          },
        },
      ),
    );
    const deep = { b: { n: 1, a: { b: { n: 2, a: { b: { n: 3 } } } } } };
    await expect(await answer('/a', deep)).toSatisfyApiSpec({ spec, method: 'GET' });
    const message = await asyncFailureOf(async () =>
      expect(await answer('/a', { b: { n: 1, a: { b: { n: 'two' } } } })).toSatisfyApiSpec({ spec, method: 'GET' }),
    );
    expect(message).toContain(
      'body.b.a.b.n must be an integer; received "two" (#/components/schemas/B/properties/n/type)',
    );
  });

  it('keeps each operation to its own schema when several share components, pass after fail and fail after pass', async () => {
    const spec = await loadApiSpec(
      spec30(
        {
          '/pets': {
            get: { responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }) } },
          },
          '/pets/{id}': { get: { responses: { 200: json({ $ref: '#/components/schemas/Pet' }) } } },
        },
        { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      ),
    );
    await expect(await answer('/pets/1', { name: 'Rex' })).toSatisfyApiSpec({ spec, method: 'GET' });
    const list = await asyncFailureOf(async () =>
      expect(await answer('/pets', [{ name: 'Rex' }, { name: 7 }])).toSatisfyApiSpec({ spec, method: 'GET' }),
    );
    expect(list).toContain('body[1].name must be a string; received 7 (#/components/schemas/Pet/properties/name/type)');
    await expect(await answer('/pets', [{ name: 'Rex' }])).toSatisfyApiSpec({ spec, method: 'GET' });
    await expect(await answer('/pets/2', { name: 'Tom' })).toSatisfyApiSpec({ spec, method: 'GET' });
    await expect(await answer('/pets/3', {})).not.toSatisfyApiSpec({ spec, method: 'GET' });
  });

  it('reads a schema that YAML aliases into two responses the same in both', async () => {
    const file = join(dir, 'aliases.yaml');
    await writeFile(
      file,
      [
        'openapi: 3.0.3',
        'info: { title: Aliases, version: "1" }',
        'paths:',
        '  /one:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        '              schema: &count { type: object, required: [count], properties: { count: { type: integer, minimum: 0 } } }',
        '  /two:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        '              schema: *count',
      ].join('\n'),
    );
    const spec = await loadApiSpec(file);
    await expect(await answer('/one', { count: 1 })).toSatisfyApiSpec({ spec, method: 'GET' });
    await expect(await answer('/two', { count: 2 })).toSatisfyApiSpec({ spec, method: 'GET' });
    const message = await asyncFailureOf(async () =>
      expect(await answer('/two', { count: -1 })).toSatisfyApiSpec({ spec, method: 'GET' }),
    );
    expect(message).toContain('body.count must be >= 0; received -1');
  });

  it('resolves a 3.1 schema’s $refs against the document, whatever $id it declares', async () => {
    const spec = await loadApiSpec({
      openapi: '3.1.0',
      info: { title: 'Ids', version: '1' },
      paths: { '/pet': { get: { responses: { 200: json({ $ref: '#/components/schemas/Pet' }) } } } },
      components: {
        schemas: {
          Pet: {
            $id: 'https://example.com/schemas/pet',
            type: 'object',
            properties: { tag: { $ref: '#/components/schemas/Tag' } },
          },
          Tag: { type: ['string', 'null'] },
        },
      },
    });
    await expect(await answer('/pet', { tag: null })).toSatisfyApiSpec({ spec, method: 'GET' });
    const message = await asyncFailureOf(async () =>
      expect(await answer('/pet', { tag: 7 })).toSatisfyApiSpec({ spec, method: 'GET' }),
    );
    expect(message).toContain('(#/components/schemas/Tag/type)');
  });
});

describe('$refs checked once, while loading', () => {
  it('names a broken $ref inside a list by its place', async () => {
    const error = await loadApiSpec(
      spec30(
        { '/a': { get: { responses: { 200: json({ $ref: '#/components/schemas/A' }) } } } },
        { A: { allOf: [{ type: 'object' }, { $ref: '#/components/schemas/Missing' }] } },
      ),
    ).catch((e: unknown) => e);
    expect(String(error)).toContain(
      '#/components/schemas/A/allOf/1/$ref: $ref "#/components/schemas/Missing" points nowhere',
    );
  });

  it('takes a $ref-shaped value in an example, enum, const or default as data: no file is read for it', async () => {
    const data = { $ref: 'no-such-file.yaml' };
    const spec = await loadApiSpec(
      spec30(
        { '/a': { get: { responses: { 200: json({ $ref: '#/components/schemas/A' }) } } } },
        { A: { type: 'object', example: data, default: data, enum: [data, { ok: true }] } },
      ),
    );
    await expect(await answer('/a', { ok: true })).toSatisfyApiSpec({ spec, method: 'GET' });
    await expect(await answer('/a', { ok: false })).not.toSatisfyApiSpec({ spec, method: 'GET' });
  });
});

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';
import { failureOf } from '../helpers/message.js';

expect.extend(openApiMatchers);

const specPath = (name: string) => fileURLToPath(new URL(`./specs/${name}`, import.meta.url));
const specs: Record<string, ApiSpec> = {};
beforeAll(async () => {
  specs['3.0'] = await loadApiSpec(specPath('petstore-3.0.yaml'));
  specs['3.1'] = await loadApiSpec(specPath('petstore-3.1.yaml'));
  specs['2.0'] = await loadApiSpec(specPath('swagger-2.0.json'));
});

describe.each(['3.0', '3.1'])('toSatisfySchemaInApiSpec, OpenAPI %s', (version) => {
  const spec = () => specs[version] as ApiSpec;

  it('passes a valid value, synchronously and awaited; nullable (3.0) and type arrays (3.1) both take null', async () => {
    expect({ id: 1, name: 'Rex', tag: null }).toSatisfySchemaInApiSpec('Pet', { spec: spec() });
    await expect({ id: 1, name: 'Rex' }).toSatisfySchemaInApiSpec('Pet', { spec: spec() });
    expect({ petType: 'dog', bark: true }).toSatisfySchemaInApiSpec('Animal', { spec: spec() });
  });

  it('fails with each error, its path, plain words, the received value and the schema location', () => {
    const message = failureOf(() =>
      expect({ id: 1.5, name: '', born: 'yesterday' }).toSatisfySchemaInApiSpec('Pet', { spec: spec() }),
    );
    expect(message).toContain('expect(received).toSatisfySchemaInApiSpec(schemaName)');
    expect(message).toContain('The value does not match the schema at #/components/schemas/Pet (3 errors):');
    expect(message).toContain(
      'value.id must be an integer; received 1.5 (#/components/schemas/Pet/properties/id/type)',
    );
    expect(message).toContain('value.name must be at least 1 character long; received ""');
    expect(message).toContain('value.born must be a valid date; received "yesterday"');
  });

  it('collapses a oneOf to the alternative the value meant (its discriminator)', () => {
    const message = failureOf(() =>
      expect({ petType: 'cat', lives: 10 }).toSatisfySchemaInApiSpec('Animal', { spec: spec() }),
    );
    expect(message).toContain('(1 error):');
    expect(message).toContain(
      'value.lives must be <= 9; received 10 (#/components/schemas/Cat/properties/lives/maximum)',
    );
    expect(message).not.toContain('Dog');
  });

  it('under .not: fails a valid value, passes an invalid one', () => {
    expect(failureOf(() => expect({ name: 'a' }).not.toSatisfySchemaInApiSpec('Node', { spec: spec() }))).toContain(
      'Expected the value not to match the schema Node (#/components/schemas/Node), but it does.',
    );
    expect({ name: 1 }).not.toSatisfySchemaInApiSpec('Node', { spec: spec() });
  });

  it('names the nearest schema for an unknown name, and refuses a wrong name or options', () => {
    expect(() => expect({}).toSatisfySchemaInApiSpec('pet', { spec: spec() })).toThrow(
      `toSatisfySchemaInApiSpec: the spec "${spec().title}" has no schema named "pet" in components.schemas (did you mean Pet?).`,
    );
    expect(() => expect({}).toSatisfySchemaInApiSpec(7 as never)).toThrow(
      "toSatisfySchemaInApiSpec: schemaName must be the name of a schema in the spec, such as 'Pet'; got 7.",
    );
    expect(() => expect({}).not.toSatisfySchemaInApiSpec('Pet', { spce: spec() } as never)).toThrow(
      'toSatisfySchemaInApiSpec: options has unknown key "spce" (did you mean spec?). Known keys: spec.',
    );
  });
});

it('3.0 and 3.1 disagree where their dialects do: nullable is no keyword in 3.1', async () => {
  const doc = (openapi: string) => ({
    openapi,
    info: { title: 'N', version: '1' },
    paths: {},
    components: { schemas: { Tag: { type: 'string', nullable: true } } },
  });
  const v30 = await loadApiSpec(doc('3.0.3'));
  const v31 = await loadApiSpec(doc('3.1.0'));
  expect(null).toSatisfySchemaInApiSpec('Tag', { spec: v30 });
  expect(failureOf(() => expect(null).toSatisfySchemaInApiSpec('Tag', { spec: v31 }))).toContain(
    'value must be a string; received null',
  );
});

it('allOf with additionalProperties: false rejects the members\u2019 properties, as JSON Schema says', async () => {
  const spec = await loadApiSpec({
    openapi: '3.1.0',
    info: { title: 'A', version: '1' },
    paths: {},
    components: {
      schemas: {
        Base: { type: 'object', properties: { id: { type: 'integer' } } },
        Closed: { allOf: [{ $ref: '#/components/schemas/Base' }], additionalProperties: false },
        Sealed: { allOf: [{ $ref: '#/components/schemas/Base' }], unevaluatedProperties: false },
      },
    },
  });
  expect(failureOf(() => expect({ id: 1 }).toSatisfySchemaInApiSpec('Closed', { spec }))).toContain(
    'value has "id", which the schema does not allow (additionalProperties: false) (#/components/schemas/Closed/additionalProperties)',
  );
  expect({ id: 1 }).toSatisfySchemaInApiSpec('Sealed', { spec });
  expect(failureOf(() => expect({ id: 1, x: 2 }).toSatisfySchemaInApiSpec('Sealed', { spec }))).toContain(
    'value has "x", which the schema does not allow (unevaluatedProperties: false)',
  );
});

it('Swagger 2.0: definitions, x-nullable and a boolean exclusiveMinimum', () => {
  const spec = specs['2.0'] as ApiSpec;
  expect({ id: 1, name: 'a', tag: null }).toSatisfySchemaInApiSpec('Pet', { spec });
  expect(failureOf(() => expect({ id: 0, name: 'a' }).toSatisfySchemaInApiSpec('Pet', { spec }))).toContain(
    'value.id must be > 0; received 0 (#/definitions/Pet/properties/id/exclusiveMinimum)',
  );
});

it('names an unknown format once, and accepts any value for it', async () => {
  const spec = await loadApiSpec({
    openapi: '3.0.3',
    info: { title: 'F', version: '1' },
    paths: {},
    components: { schemas: { Phone: { type: 'string', format: 'phone', minLength: 3 } } },
  });
  expect('anything').toSatisfySchemaInApiSpec('Phone', { spec });
  const message = failureOf(() => expect('ab').toSatisfySchemaInApiSpec('Phone', { spec }));
  expect(message).toContain('value must be at least 3 characters long; received "ab"');
  expect(message.split('Not checked: format "phone" (unknown to ajv-formats, so any value passes).')).toHaveLength(2);
});

it('never shows the value of a secret-named member, even the one the schema rejects', async () => {
  const spec = await loadApiSpec({
    openapi: '3.1.0',
    info: { title: 'S', version: '1' },
    components: {
      schemas: {
        Login: {
          type: 'object',
          properties: {
            user: { type: 'string' },
            password: { type: 'integer' },
            apiKey: { type: 'string', maxLength: 4 },
          },
        },
      },
    },
  });
  const message = failureOf(() =>
    expect({ user: 'ada', password: 'hunter2-Xk9', apiKey: 'sk_live_abcdefghijklmnop' }).toSatisfySchemaInApiSpec(
      'Login',
      {
        spec,
      },
    ),
  );
  expect(message).toContain('value.password must be an integer; received "[redacted]"');
  expect(message).toContain('value.apiKey must be at most 4 characters long; received "[redacted]"');
  expect(message).not.toMatch(/hunter2|sk_live/);
});

it('OpenAPI 3.2: the 2020-12 dialect, as 3.1', async () => {
  const spec = await loadApiSpec({
    openapi: '3.2.0',
    info: { title: 'V', version: '1' },
    components: { schemas: { Tag: { type: ['string', 'null'], maxLength: 3 } } },
  });
  expect(spec.version).toBe('3.2');
  expect(null).toSatisfySchemaInApiSpec('Tag', { spec });
  expect(failureOf(() => expect('long').toSatisfySchemaInApiSpec('Tag', { spec }))).toContain(
    'value must be at most 3 characters long; received "long" (#/components/schemas/Tag/maxLength)',
  );
});

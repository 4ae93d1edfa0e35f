import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { loadApiSpec, openApiMatchers, type ApiSpec } from '../../src/openapi/index.js';

// The verdicts of toSatisfySchemaInApiSpec (ajv underneath) against a second, independent validator
// (@cfworker/json-schema, 2020-12) on the same 3.1 schemas and generated values. Formats both check the same way
// (date, uuid) are in; int32 and byte, which cfworker does not check, are not (see decisions/0007).

expect.extend(openApiMatchers);

const SCHEMAS = {
  Pet: {
    type: 'object',
    required: ['id', 'name'],
    additionalProperties: false,
    properties: {
      id: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1, maxLength: 8 },
      tag: { type: ['string', 'null'] },
      born: { type: 'string', format: 'date' },
      kind: { enum: ['cat', 'dog'] },
      owner: { type: 'string', format: 'uuid' },
      toys: {
        type: 'array',
        maxItems: 3,
        items: { type: 'object', required: ['n'], properties: { n: { type: 'number' } } },
      },
    },
  },
  Shape: {
    oneOf: [
      {
        type: 'object',
        required: ['kind', 'r'],
        properties: { kind: { const: 'circle' }, r: { type: 'number', minimum: 0 } },
      },
      { type: 'object', required: ['kind', 'w'], properties: { kind: { const: 'square' }, w: { type: 'integer' } } },
    ],
  },
} as const;

let spec: ApiSpec;
beforeAll(async () => {
  spec = await loadApiSpec({
    openapi: '3.1.0',
    info: { title: 'D', version: '1' },
    paths: {},
    components: { schemas: SCHEMAS },
  });
});

const near = fc.oneof(
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom('', 'Rex', 'a-very-long-name', '2020-02-29', '2021-02-29', 'cat', 'dog', 'circle', 'square'),
  fc.constantFrom('0b6f3c9e-4c1f-4a4e-9a43-5f1c2b7d8e90', 'not-a-uuid', null, true, 1.5),
  fc.jsonValue({ maxDepth: 1 }),
);
const pets = fc.record(
  {
    id: near,
    name: near,
    tag: near,
    born: near,
    kind: near,
    owner: near,
    toys: fc.oneof(fc.array(fc.record({ n: near }, { requiredKeys: [] }), { maxLength: 4 }), near),
    extra: near,
  },
  { requiredKeys: [] },
);
// Values that are mostly right, so that passing verdicts are compared too.
const validPets = fc.record(
  {
    id: fc.integer({ min: 1, max: 9 }),
    name: fc.constantFrom('Rex', 'Tom', ''),
    tag: fc.constantFrom(null, 'x', 3),
    born: fc.constantFrom('2020-02-29', '2021-02-29'),
    kind: fc.constantFrom('cat', 'dog', 'cow'),
    toys: fc.array(fc.record({ n: fc.oneof(fc.integer(), fc.constant('1')) }), { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'name'] },
);
const shapes = fc.record({ kind: near, r: near, w: near }, { requiredKeys: [] });

it.each([
  ['Pet', fc.oneof(validPets, pets)],
  ['Shape', shapes],
] as const)('%s: our verdict and @cfworker/json-schema agree on generated values', (name, values) => {
  const other = new Validator(SCHEMAS[name] as never, '2020-12', false);
  let passed = 0;
  fc.assert(
    fc.property(values, (value) => {
      const theirs = other.validate(value).valid;
      let ours = true;
      try {
        expect(value).toSatisfySchemaInApiSpec(name, { spec });
      } catch {
        ours = false;
      }
      if (ours) passed++;
      expect({ value, ours }).toEqual({ value, ours: theirs });
    }),
    { numRuns: 1000, seed: 15 },
  );
  // Both verdicts were exercised, not only failures.
  expect(passed).toBeGreaterThan(0);
});

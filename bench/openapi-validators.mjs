// Which JSON Schema validator expect-http/openapi builds on (decisions/0007): the same OpenAPI schemas through ajv 8
// (+ ajv-formats), @hyperjump/json-schema and @cfworker/json-schema. Per candidate, the verdict on each dialect case
// (right or wrong against what the OpenAPI and JSON Schema specifications say) and the time to compile a schema and to
// validate an instance with it, over rounds, all in one run. Used by bench/openapi.bench.mjs (`npm run bench -- openapi`).
import { performance } from 'node:perf_hooks';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator as CfValidator } from '@cfworker/json-schema';
import * as hyper30 from '@hyperjump/json-schema/openapi-3-0';
import * as hyper31 from '@hyperjump/json-schema/openapi-3-1';
import { setShouldValidateFormat } from '@hyperjump/json-schema/draft-2020-12';
import '@hyperjump/json-schema/formats';
import { spread } from './lib.mjs';

const pet = (extra = {}) => ({
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer', format: 'int64', readOnly: true },
    name: { type: 'string', minLength: 1 },
    tag: { type: 'string' },
    born: { type: 'string', format: 'date' },
    owner: { type: 'string', format: 'email' },
    ...extra,
  },
});

// [name, dialect ('3.0' | '3.1'), schema, [instance, valid per the specifications][]]
const tagged = (schema) => ({ ...schema, required: [...schema.required, 'petType'] });

const CASES = [
  [
    '3.0 nullable',
    '3.0',
    { type: 'string', nullable: true },
    [
      ['a', true],
      [null, true],
      [1, false],
    ],
  ],
  ['3.0 no nullable: null fails', '3.0', { type: 'string' }, [[null, false]]],
  [
    '3.1 type array',
    '3.1',
    { type: ['string', 'null'] },
    [
      ['a', true],
      [null, true],
      [1, false],
    ],
  ],
  [
    '3.1 const',
    '3.1',
    { const: 'cat' },
    [
      ['cat', true],
      ['dog', false],
    ],
  ],
  [
    // JSON Schema: additionalProperties sees only the properties beside it, so allOf members' properties are
    // "additional" (jest-openapi #296 is this case). 3.1's unevaluatedProperties is the way to close an allOf.
    'allOf + additionalProperties:false (3.0)',
    '3.0',
    { allOf: [pet(), { type: 'object', properties: { extra: { type: 'string' } } }], additionalProperties: false },
    [
      [{ id: 1, name: 'a' }, false],
      [{}, false],
    ],
  ],
  [
    'allOf + unevaluatedProperties:false (3.1)',
    '3.1',
    { allOf: [pet(), { type: 'object', properties: { extra: { type: 'string' } } }], unevaluatedProperties: false },
    [
      [{ id: 1, name: 'a', extra: 'x' }, true],
      [{ id: 1, name: 'a', other: 1 }, false],
    ],
  ],
  [
    'oneOf + discriminator',
    '3.0',
    {
      oneOf: [
        tagged(pet({ petType: { type: 'string', enum: ['cat'] }, lives: { type: 'integer' } })),
        tagged(pet({ petType: { type: 'string', enum: ['dog'] }, bark: { type: 'boolean' } })),
      ],
      discriminator: { propertyName: 'petType' },
    },
    [
      [{ id: 1, name: 'a', petType: 'cat', lives: 9 }, true],
      [{ id: 1, name: 'a', petType: 'dog', bark: 'x' }, false],
    ],
  ],
  [
    // OpenAPI 3.0 does not make the discriminator property required in each branch; ajv's discriminator does.
    'oneOf + discriminator, tag not required',
    '3.0',
    {
      oneOf: [pet({ petType: { type: 'string', enum: ['cat'] } }), pet({ petType: { type: 'string', enum: ['dog'] } })],
      discriminator: { propertyName: 'petType' },
    },
    [[{ id: 1, name: 'a', petType: 'cat' }, true]],
  ],
  [
    'formats',
    '3.0',
    {
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        id: { type: 'string', format: 'uuid' },
        mail: { type: 'string', format: 'email' },
        link: { type: 'string', format: 'uri' },
        small: { type: 'integer', format: 'int32' },
        data: { type: 'string', format: 'byte' },
      },
    },
    [
      [{ at: '2026-11-29T08:00:00Z', day: '2026-11-29', id: '0b6f3c9e-4c1f-4a4e-9a43-5f1c2b7d8e90' }, true],
      [{ at: 'yesterday' }, false],
      [{ day: '2026-02-30' }, false],
      [{ id: 'not-a-uuid' }, false],
      [{ mail: 'nobody' }, false],
      [{ link: 'no scheme' }, false],
      [{ small: 2 ** 31 }, false],
      [{ data: 'aGVsbG8=' }, true],
      [{ data: 'not base64!' }, false],
    ],
  ],
];

// 3.0's dialect on a JSON Schema validator: nullable → a type array (ajv has its own `nullable`; cfworker needs this).
function from30(schema) {
  if (Array.isArray(schema)) return schema.map(from30);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'discriminator') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, from30(s)])) : from30(v);
  }
  if (schema.nullable === true && typeof schema.type === 'string') out.type = [schema.type, 'null'];
  return out;
}

const CANDIDATES = {
  'ajv 8.20 + ajv-formats 3.0.1': () => {
    const options = { strict: false, allErrors: true, discriminator: true };
    const draft7 = addFormats(new Ajv(options));
    const v2020 = addFormats(new Ajv2020(options));
    return {
      compile: (schema, dialect) => {
        const fn = (dialect === '3.0' ? draft7 : v2020).compile(schema);
        return (value) => fn(value);
      },
    };
  },
  '@hyperjump/json-schema 1.18': () => {
    setShouldValidateFormat(true);
    let n = 0;
    return {
      async: true,
      compile: async (schema, dialect) => {
        const uri = `https://example.com/bench/${n++}`;
        const lib = dialect === '3.0' ? hyper30 : hyper31;
        const $schema =
          dialect === '3.0'
            ? 'https://spec.openapis.org/oas/3.0/dialect'
            : 'https://spec.openapis.org/oas/3.1/dialect/base';
        lib.registerSchema({ $schema, ...schema }, uri);
        const fn = await lib.validate(uri);
        return (value) => fn(value).valid;
      },
    };
  },
  '@cfworker/json-schema 4.1.6': () => ({
    compile: (schema, dialect) => {
      const v = new CfValidator(dialect === '3.0' ? from30(schema) : schema, dialect === '3.0' ? '7' : '2020-12');
      return (value) => v.validate(value).valid;
    },
  }),
};

const bigSchema = CASES[6][2]; // the discriminated oneOf: the shape a real response schema has
const bigValue = { id: 1, name: 'Rex', petType: 'dog', bark: true, born: '2020-01-02', owner: 'a@b.co' };

/**
 * Per candidate: { name, right, total, wrong (the cases it got wrong), compile, validate } with compile and validate
 * as spread() of per-round times in ms (`compiles` compiles and `validates` validations per round).
 */
export async function measureValidators({ rounds, compiles, validates }) {
  const results = [];
  for (const [name, make] of Object.entries(CANDIDATES)) {
    const candidate = make();
    const wrong = [];
    let total = 0;
    for (const [label, dialect, schema, instances] of CASES) {
      let check;
      try {
        check = await candidate.compile(structuredClone(schema), dialect);
      } catch (error) {
        wrong.push(`${label}: compile threw ${String(error.message).slice(0, 100)}`);
        total += instances.length;
        continue;
      }
      for (const [value, valid] of instances) {
        total++;
        let got;
        try {
          got = check(value);
        } catch (error) {
          got = `threw ${error.message}`;
        }
        if (got !== valid) wrong.push(`${label}: ${JSON.stringify(value)} → ${got}, should be ${valid}`);
      }
    }
    const compileTimes = [];
    const validateTimes = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      for (let i = 0; i < compiles; i++) await candidate.compile(structuredClone(bigSchema), '3.0');
      compileTimes.push((performance.now() - t0) / compiles);
      const check = await candidate.compile(structuredClone(bigSchema), '3.0');
      const t1 = performance.now();
      for (let i = 0; i < validates; i++) check(bigValue);
      validateTimes.push((performance.now() - t1) / validates);
    }
    results.push({
      name,
      right: total - wrong.length,
      total,
      wrong,
      compile: spread(compileTimes),
      validate: spread(validateTimes),
    });
  }
  return results;
}

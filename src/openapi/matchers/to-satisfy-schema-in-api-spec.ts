import { showArgument } from '../../arguments.js';
import { HttpMatcherUsageError } from '../../errors.js';
import { nearNames } from '../../message/closest-names.js';
import { namedSchemaMessage } from '../../message/openapi-notes.js';
import type { MatcherContext, MatcherResult } from '../../types.js';
import { ApiSpec, specFor } from '../spec/api-spec.js';
import { unknownKeysProblem } from '../../message/closest-names.js';

const name = 'toSatisfySchemaInApiSpec';

/** Synchronous when the spec is loaded (always, with a `spec` option or after `await useApiSpec(...)`). */
export function toSatisfySchemaInApiSpec(
  this: MatcherContext,
  received: unknown,
  schemaName: unknown,
  options?: unknown,
): MatcherResult {
  if (typeof schemaName !== 'string' || schemaName === '')
    throw new HttpMatcherUsageError(
      name,
      `schemaName must be the name of a schema in the spec, such as 'Pet'; got ${showArgument(schemaName)}.`,
      toSatisfySchemaInApiSpec,
    );
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    throw new HttpMatcherUsageError(
      name,
      `options must be { spec }; got ${showArgument(options)}.`,
      toSatisfySchemaInApiSpec,
    );
  const unknown = options && unknownKeysProblem(options, ['spec']);
  if (unknown) throw new HttpMatcherUsageError(name, unknown.replace(/^expected/, 'options'), toSatisfySchemaInApiSpec);
  const spec = specFor((options as { spec?: unknown } | undefined)?.spec, name, toSatisfySchemaInApiSpec);
  if (!(spec instanceof ApiSpec))
    throw new HttpMatcherUsageError(
      name,
      'the default spec is still loading: `await useApiSpec(...)` before the tests run (in a setup file, or beforeAll).',
      toSatisfySchemaInApiSpec,
    );
  const at = spec.namedSchema(schemaName);
  if (at === undefined) {
    const near = nearNames(schemaName, spec.schemaNames());
    throw new HttpMatcherUsageError(
      name,
      `the spec "${spec.title}" has no schema named ${showArgument(schemaName)} in ${spec.version === '2.0' ? 'definitions' : 'components.schemas'}${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}.`,
      toSatisfySchemaInApiSpec,
    );
  }
  const issues = spec.schemas.check(at, 'response', name)(received);
  const location = spec.docs.label(at.url, at.pointer);
  return {
    pass: issues.length === 0,
    message: () =>
      namedSchemaMessage(
        this,
        { matcher: name, schemaName, location, issues, value: received },
        spec.schemas.unknownFormats('response'),
      ),
  };
}

import { adapt } from '../adapters/index.js';
import { judgeJson } from '../body/judge.js';
import { expectedErrors, graphqlResponse, unmatchedErrors } from '../expectations/graphql.js';
import { expectedErrorLine, graphqlErrorLines, graphqlNotes } from '../message/graphql-notes.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveGraphQLErrors(
  this: MatcherContext,
  received: unknown,
  expected?: unknown,
): Promise<MatcherResult> {
  const name = 'toHaveGraphQLErrors';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection.
  const wanted = expectedErrors(name, expected, toHaveGraphQLErrors);
  const res = adapt(name, received, toHaveGraphQLErrors);
  const count = wanted.length === 1 ? 'the expected one' : `the ${wanted.length} expected`;
  const which = wanted.length === 0 ? '' : ` matching ${count}`;
  return judgeJson(this, res, {
    matcher: name,
    args: expected === undefined ? '' : 'expected',
    expected: `a GraphQL response with errors${which}`,
    test: (value) => {
      const doc = graphqlResponse(value);
      if ('notGraphQL' in doc || doc.problems.length > 0 || doc.errors === undefined) return false;
      return doc.errors.length > 0 && unmatchedErrors(this, doc.errors, wanted).length === 0;
    },
    notes: (value) =>
      graphqlNotes(res, graphqlResponse(value), (doc) => {
        const out: string[] = [];
        if (!doc.hasErrorsKey) out.push('There are no "errors": the operation ran without any.');
        const errors = doc.errors ?? [];
        const missing = unmatchedErrors(this, errors, wanted);
        if (errors.length > 0 && missing.length > 0)
          out.push(`No error received matches:\n${missing.map((want) => expectedErrorLine(this, want)).join('\n')}`);
        if (errors.length > 0) out.push(graphqlErrorLines(errors));
        return out;
      }),
  });
}

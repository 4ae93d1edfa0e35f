import { adapt } from '../adapters/index.js';
import { showArgument } from '../arguments.js';
import { judgeJson } from '../body/judge.js';
import { equals } from '../equality.js';
import { HttpMatcherUsageError } from '../errors.js';
import { graphqlResponse } from '../expectations/graphql.js';
import { graphqlErrorLines, graphqlNotes } from '../message/graphql-notes.js';
import { jsonDiff } from '../message/json-diff.js';
import type { MatcherContext, MatcherResult } from '../types.js';

export function toHaveGraphQLData(this: MatcherContext, received: unknown, subset?: unknown): Promise<MatcherResult> {
  const name = 'toHaveGraphQLData';
  // Argument checks and adapt() before anything async: a usage error is thrown, not a rejection (Bun
  // replaces a matcher's rejection with an error of its own).
  if (subset !== undefined && (typeof subset !== 'object' || subset === null)) {
    throw new HttpMatcherUsageError(
      name,
      `subset must be an object, as for toMatchObject, e.g. { user: { id: '7' } }; got ${showArgument(subset)}.`,
      toHaveGraphQLData,
    );
  }
  const res = adapt(name, received, toHaveGraphQLData);
  const matches = (data: unknown): boolean => subset === undefined || equals(this, data, subset, 'subset');
  return judgeJson(this, res, {
    matcher: name,
    args: subset === undefined ? '' : 'subset',
    expected: `a GraphQL response with "data"${subset === undefined ? '' : ' matching the subset'} and no "errors"`,
    test: (value) => {
      const doc = graphqlResponse(value);
      if ('notGraphQL' in doc) return false;
      return doc.problems.length === 0 && !doc.hasErrorsKey && doc.hasData && matches(doc.data);
    },
    notes: (value) =>
      graphqlNotes(res, graphqlResponse(value), (doc) => {
        const out: string[] = [];
        if (doc.errors !== undefined && doc.errors.length > 0) out.push(graphqlErrorLines(doc.errors));
        if (!doc.hasData)
          out.push('There is no "data": the request failed before execution began (GraphQL spec §7.1.2).');
        else if (!matches(doc.data)) out.push(jsonDiff(this, subset, doc.data, 'subset'));
        return out;
      }),
  });
}

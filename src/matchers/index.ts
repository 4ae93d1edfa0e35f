import { guardAwait } from '../await-guard.js';
import type { MatcherContext, MatcherResult } from '../types.js';
import { toBeClientError } from './to-be-client-error.js';
import { toBeInformational } from './to-be-informational.js';
import { toBeProblemDetails } from './to-be-problem-details.js';
import { toBeRedirect } from './to-be-redirect.js';
import { toBeRedirectWithLocation } from './to-be-redirect-with-location.js';
import { toBeServerError } from './to-be-server-error.js';
import { toBeSuccessful } from './to-be-successful.js';
import { toHaveContentType } from './to-have-content-type.js';
import { toHaveCookie } from './to-have-cookie.js';
import { toHaveHeader } from './to-have-header.js';
import { toHaveJsonBody } from './to-have-json-body.js';
import { toHaveStatus } from './to-have-status.js';
import { toHaveStatusClass } from './to-have-status-class.js';
import { toHaveTextBody } from './to-have-text-body.js';
import { toMatchJsonBody } from './to-match-json-body.js';
import { toMatchSchema } from './to-match-schema.js';

type MatcherFn = (this: MatcherContext, received: unknown, ...args: never[]) => MatcherResult | Promise<MatcherResult>;

/**
 * Every matcher, for `expect.extend(matchers)`. A test proves each file in this folder is here, typed and documented.
 * The async (body) matchers are wrapped so that, under vitest, a forgotten `await` fails its own test (src/await-guard.ts).
 */
export const matchers = {
  toHaveStatus,
  toHaveStatusClass,
  toBeInformational,
  toBeSuccessful,
  toBeRedirect,
  toBeClientError,
  toBeServerError,
  toBeRedirectWithLocation,
  toHaveHeader,
  toHaveContentType,
  toHaveCookie,
  toHaveJsonBody: guardAwait(toHaveJsonBody),
  toMatchJsonBody: guardAwait(toMatchJsonBody),
  toHaveTextBody: guardAwait(toHaveTextBody),
  toMatchSchema: guardAwait(toMatchSchema),
  toBeProblemDetails: guardAwait(toBeProblemDetails),
} satisfies Record<string, MatcherFn>;

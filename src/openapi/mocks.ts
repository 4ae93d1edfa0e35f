import { HttpMatcherUsageError } from '../errors.js';

/**
 * Checks every response an msw server mocks, and the request the app sent, against the spec. Not built yet: it
 * throws, so a suite that calls it does not pass while checking nothing.
 */
export function checkMocksAgainst(_server: unknown, _sourceOrSpec: unknown): never {
  throw new HttpMatcherUsageError('checkMocksAgainst', 'is not implemented yet (issue #15).', checkMocksAgainst);
}

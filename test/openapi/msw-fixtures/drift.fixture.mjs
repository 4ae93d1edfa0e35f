// Fails on purpose (test/openapi/msw-runners.test.ts): the middle test's mock drifted, and the app swallowed it.
import { expect, test } from '@jest/globals';
import { petName } from './handlers.mjs';

test('a mock that keeps the contract', async () => {
  expect(await petName(1)).toBe('Rex');
});

test('a drifted mock whose failure the app swallows', async () => {
  expect(await petName(2)).toBeUndefined();
});

test('the next test, with a mock that keeps the contract', async () => {
  expect(await petName(1)).toBe('Rex');
});

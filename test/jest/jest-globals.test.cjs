// jest 30 with `@jest/globals` imports instead of the global expect: the same matchers are there,
// because expect.extend registers them on jest's shared matcher table.
const { expect, test } = require('@jest/globals');

test('matchers registered by expect-http/jest are on the @jest/globals expect', () => {
  expect(404).toBeClientError();
  expect(503).toHaveStatus([502, 503, 504]);
  expect(() => expect(200).toHaveStatus(201)).toThrow(/Received status: 200 OK/);
});

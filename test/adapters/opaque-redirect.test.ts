import { describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure, HttpMatcherUsageError, matchers } from '../../src/index.js';
import { OpaqueRedirect } from '../helpers/shapes.js';

expect.extend(matchers);

describe('an opaque redirect hides its headers, so no header matcher can judge it', () => {
  const calls: Array<[string, (res: Response) => void]> = [
    ['toHaveHeader', (res) => expect(res).not.toHaveHeader('location')],
    ['toHaveContentType', (res) => expect(res).not.toHaveContentType('html')],
    ['toHaveCookie', (res) => expect(res).not.toHaveCookie('session')],
    ['toHaveHeader', (res) => expect(res).toHaveHeader('location')],
  ];
  it.each(calls)('%s is a usage error, also under .not', (name, call) => {
    const attempt = (): void => call(new OpaqueRedirect());
    expect(attempt).toThrow(HttpMatcherUsageError);
    expect(attempt).toThrow(`${name}: received an opaque redirect (fetch with redirect: 'manual' in a browser)`);
  });
});

describe('configure({ redact })', () => {
  it('refuses a list with holes, which every() would have let through', () => {
    try {
      expect(() => configure({ redact: new Array(2) })).toThrow('redact must be an array of strings and RegExps');
      const sparse: Array<string | RegExp> = ['x-tenant', 'x-other', /x/];
      delete sparse[1];
      expect(() => configure({ redact: sparse })).toThrow(HttpMatcherUsageError);
    } finally {
      resetConfig();
    }
  });
});

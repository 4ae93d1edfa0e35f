import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, describeStatus, getStatus, listStatuses, statusClass, statusLabel } from '../../src/index.js';

describe('getStatus', () => {
  it('returns the entry with its derived class and official flag', () => {
    expect(getStatus(404)).toMatchObject({
      code: 404,
      reason: 'Not Found',
      class: '4xx',
      official: true,
      spec: 'RFC 9110 §15.5.5',
    });
    expect(getStatus(413)).toMatchObject({
      reason: 'Content Too Large',
      aliases: expect.arrayContaining(['Payload Too Large', 'Request Entity Too Large']),
    });
    expect(getStatus(422)?.aliases).toContain('Unprocessable Entity');
    expect(getStatus(302)?.aliases).toContain('Moved Temporarily');
  });

  it('returns unofficial codes with their origin', () => {
    expect(getStatus(520)).toMatchObject({ official: false, origin: 'Cloudflare', class: '5xx' });
    expect(getStatus(444)).toMatchObject({ official: false, origin: 'nginx' });
    expect(getStatus(444)?.spec).toBeUndefined();
  });

  it('returns undefined for unregistered codes and anything that is not a code', () => {
    for (const code of [299, 99, 600, 0, -404, 200.5, Number.NaN, Infinity]) expect(getStatus(code)).toBeUndefined();
    expect(getStatus('404' as unknown as number)).toBeUndefined();
  });

  it('hands out frozen entries, so a test cannot change the registry for the next one', () => {
    const entry = getStatus(200);
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry?.aliases)).toBe(true);
    expect(() => {
      (entry as { reason: string }).reason = 'Changed';
    }).toThrow(TypeError);
    expect(getStatus(200)?.reason).toBe('OK');
  });
});

describe('statusClass', () => {
  it('gives the class of every whole number from 100 to 599', () => {
    expect([100, 199, 200, 299, 300, 404, 499, 500, 599].map(statusClass)).toEqual([
      '1xx',
      '1xx',
      '2xx',
      '2xx',
      '3xx',
      '4xx',
      '4xx',
      '5xx',
      '5xx',
    ]);
  });

  it('is undefined outside 100-599 and for non-integers', () => {
    for (const code of [99, 600, 0, -200, 200.5, 1e3, Number.NaN, Infinity, -Infinity])
      expect(statusClass(code)).toBeUndefined();
    expect(statusClass('200' as unknown as number)).toBeUndefined();
  });
});

describe('statusLabel', () => {
  it('reads as messages print it', () => {
    expect(statusLabel(503)).toBe('503 Service Unavailable (5xx Server Error)');
    expect(statusLabel(520)).toBe(
      '520 Web Server Returned an Unknown Error (5xx Server Error; unofficial, Cloudflare)',
    );
    expect(statusLabel(305)).toBe('305 Use Proxy (3xx Redirection; deprecated)');
    expect(statusLabel(299)).toBe('299 (2xx Successful; unregistered)');
  });

  it('is the bare number for what is not a code', () => {
    expect(statusLabel(99)).toBe('99');
    expect(statusLabel(600)).toBe('600');
    expect(statusLabel(200.5)).toBe('200.5');
  });

  it('shows the (Unused) codes without the placeholder as a name, both the same way', () => {
    expect(statusLabel(306)).toBe('306 (3xx Redirection; unused)');
    expect(statusLabel(418)).toBe('418 (4xx Client Error; unused)');
  });

  it('marks the temporary registration 104', () => {
    expect(statusLabel(104)).toBe('104 Upload Resumption Supported (1xx Informational; temporary)');
  });

  it('names a non-number by its type instead of passing it off as a code', () => {
    expect(statusLabel('200' as unknown as number)).toBe("the string '200' (not a status code)");
    expect(statusLabel(undefined as unknown as number)).toBe('undefined (not a status code)');
    expect(statusLabel(200n as unknown as number)).toBe('the bigint 200n (not a status code)');
  });
});

describe('describeStatus', () => {
  it('gives one line: label and description', () => {
    expect(describeStatus(404)).toBe(`404 Not Found (4xx Client Error): ${getStatus(404)?.description}`);
    expect(describeStatus(404)).not.toContain('\n');
  });

  it('says so for unofficial codes', () => {
    expect(describeStatus(499)).toMatch(/^499 Client Closed Request \(4xx Client Error; unofficial, nginx\): /);
  });

  it('describes an unregistered code in range by its class, as the x00 of that class (RFC 9110 §15)', () => {
    expect(describeStatus(299)).toBe(
      '299 (2xx Successful; unregistered): not in the IANA registry; clients treat it as 200 OK.',
    );
    expect(describeStatus(477)).toBe(
      '477 (4xx Client Error; unregistered): not in the IANA registry; clients treat it as 400 Bad Request.',
    );
    expect(describeStatus(199)).toBe(
      '199 (1xx Informational; unregistered): not in the IANA registry; clients treat it as 100 Continue.',
    );
  });

  it('describes 104 as registered, and temporary', () => {
    const text = describeStatus(104);
    expect(text).toMatch(/^104 Upload Resumption Supported \(1xx Informational; temporary\): /);
    expect(text).not.toContain('not in the IANA registry');
    expect(getStatus(104)).toMatchObject({ official: true, temporary: true, class: '1xx' });
  });

  it('describes the (Unused) 418 by what it once was', () => {
    expect(describeStatus(418)).toMatch(/^418 \(4xx Client Error; unused\): Defined as I'm a teapot /);
  });

  it('names the type it got when the code is not a number, and the number to pass when there is one', () => {
    expect(describeStatus('200' as unknown as number)).toBe(
      "Not an HTTP status code: got the string '200'; pass the number 200.",
    );
    expect(describeStatus(404n as unknown as number)).toBe(
      'Not an HTTP status code: got the bigint 404n; pass the number 404.',
    );
    const noNumber = '; status codes are whole numbers from 100 to 599.';
    expect(describeStatus('OK' as unknown as number)).toBe(`Not an HTTP status code: got the string 'OK'${noNumber}`);
    expect(describeStatus('700' as unknown as number)).toBe(`Not an HTTP status code: got the string '700'${noNumber}`);
    for (const [value, named] of [
      [undefined, 'undefined'],
      [null, 'null'],
      [true, 'the boolean true'],
      [{ status: 200 }, 'an object'],
      [[200], 'an array'],
      [Symbol('200'), 'a symbol'],
      [() => 200, 'a function'],
    ] as const) {
      expect(describeStatus(value as unknown as number)).toBe(`Not an HTTP status code: got ${named}${noNumber}`);
    }
  });

  it('does not echo a string that could drive the terminal, or a long one', () => {
    const hostile = describeStatus(`\u001b[2J${'9'.repeat(10)}` as unknown as number);
    expect(hostile).toContain('got a string;');
    expect(hostile).not.toContain('\u001b');
    const long = describeStatus('9'.repeat(100) as unknown as number);
    expect(long).toContain('got a string;');
    expect(long.length).toBeLessThan(140);
  });

  it('says a value outside 100-599 or a non-integer is not a status code', () => {
    expect(describeStatus(99)).toBe('99 is not an HTTP status code (they are whole numbers from 100 to 599).');
    expect(describeStatus(600)).toBe('600 is not an HTTP status code (they are whole numbers from 100 to 599).');
    expect(describeStatus(200.5)).toBe('200.5 is not an HTTP status code (they are whole numbers from 100 to 599).');
    expect(describeStatus(Number.NaN)).toBe('NaN is not an HTTP status code (they are whole numbers from 100 to 599).');
  });
});

describe('listStatuses', () => {
  it('lists every entry once, sorted by code, official and unofficial', () => {
    const list = listStatuses();
    const codes = list.map((s) => s.code);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [100, 103, 208, 226, 308, 418, 421, 451, 511]) expect(codes).toContain(code);
    for (const code of [
      419, 420, 440, 444, 449, 460, 463, 464, 494, 498, 499, 509, 520, 526, 529, 530, 561, 598, 599,
    ]) {
      expect(list.find((s) => s.code === code)?.official).toBe(false);
    }
    expect(list.every((s) => s === getStatus(s.code))).toBe(true);
  });

  it('returns a copy: changing it does not change the registry', () => {
    const list = listStatuses() as StatusEntryList;
    const length = list.length;
    list.pop();
    expect(listStatuses()).toHaveLength(length);
  });
});

describe('CLASS_NAMES', () => {
  it('is frozen, so a test cannot rename a class for the next one', () => {
    expect(Object.isFrozen(CLASS_NAMES)).toBe(true);
    expect(() => {
      (CLASS_NAMES as Record<string, string>)['4xx'] = 'Your Fault';
    }).toThrow(TypeError);
    expect(statusLabel(404)).toBe('404 Not Found (4xx Client Error)');
  });

  it('names the five classes as RFC 9110 §15 does', () => {
    expect(CLASS_NAMES).toEqual({
      '1xx': 'Informational',
      '2xx': 'Successful',
      '3xx': 'Redirection',
      '4xx': 'Client Error',
      '5xx': 'Server Error',
    });
  });
});

type StatusEntryList = ReturnType<typeof listStatuses>[number][];

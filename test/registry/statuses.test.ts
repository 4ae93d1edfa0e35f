import { describe, expect, it } from 'vitest';

import { STATUS_RECORDS } from '../../src/registry/statuses.js';
import type { StatusRecord } from '../../src/registry/types.js';

/** Inclusive integer range. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Every code in the IANA HTTP Status Code Registry, temporary registrations (104) included. */
const IANA_CODES: readonly number[] = [
  ...range(100, 104),
  ...range(200, 208),
  226,
  ...range(300, 308),
  ...range(400, 418),
  ...range(421, 426),
  428,
  429,
  431,
  451,
  ...range(500, 508),
  510,
  511,
];

/** Unofficial codes the registry must know, with who sends them. */
const UNOFFICIAL_CODES: readonly number[] = [
  419, 420, 440, 444, 449, 460, 463, 464, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522, 523, 524, 525, 526, 529,
  530, 561, 598, 599,
];

/** The codes testers meet most: each must carry a hint. */
const COMMON_CODES: readonly number[] = [
  100, 101, 103, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 408, 409, 410,
  412, 413, 414, 415, 416, 418, 421, 422, 425, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
];

function record(code: number): StatusRecord {
  const found = STATUS_RECORDS.filter((r) => r.code === code);
  expect(found, `exactly one record for ${code}`).toHaveLength(1);
  return found[0] as StatusRecord;
}

/** A sentence end: terminal punctuation followed by whitespace and a capital, or by the end of the text. */
function sentenceCount(text: string): number {
  return (text.match(/[.!?](?=\s+[A-Z]|$)/g) ?? []).length;
}

describe('STATUS_RECORDS', () => {
  it('has no duplicate codes', () => {
    const codes = STATUS_RECORDS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is sorted by code', () => {
    const codes = STATUS_RECORDS.map((r) => r.code);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('keeps every code an integer in 100-599', () => {
    for (const r of STATUS_RECORDS) {
      expect(Number.isInteger(r.code), `${r.code}`).toBe(true);
      expect(r.code, `${r.code}`).toBeGreaterThanOrEqual(100);
      expect(r.code, `${r.code}`).toBeLessThanOrEqual(599);
    }
  });

  it.each(IANA_CODES)('lists IANA code %i once, as official, with its spec', (code) => {
    const r = record(code);
    expect(r.origin).toBeUndefined();
    // A temporary registration cites the Internet-Draft IANA lists, as there is no RFC yet.
    expect(r.spec).toMatch(r.temporary ? /^draft-ietf-[a-z\d-]+$/ : /^RFC \d+( §\d+(\.\d+)*)?$/);
  });

  it.each(UNOFFICIAL_CODES)('lists unofficial code %i once, with its origin and no spec', (code) => {
    const r = record(code);
    expect(r.origin).toEqual(expect.any(String));
    expect(r.origin?.trim()).not.toBe('');
    expect(r.spec).toBeUndefined();
  });

  it('holds nothing beyond the IANA and unofficial lists', () => {
    const known = new Set([...IANA_CODES, ...UNOFFICIAL_CODES]);
    expect(STATUS_RECORDS.filter((r) => !known.has(r.code)).map((r) => r.code)).toEqual([]);
  });

  it('gives every unofficial record an origin and every official one a spec, never both', () => {
    for (const r of STATUS_RECORDS) {
      expect(r.origin === undefined, `${r.code}`).toBe(r.spec !== undefined);
    }
  });

  it('describes each code in one plain sentence under 200 characters', () => {
    for (const r of STATUS_RECORDS) {
      const d = r.description;
      expect(d, `${r.code}`).toBe(d.trim());
      expect(d, `${r.code}`).toMatch(/^\S.*\.$/s);
      expect(d.length, `${r.code}: ${d}`).toBeLessThanOrEqual(200);
      expect(sentenceCount(d), `${r.code}: ${d}`).toBe(1);
      expect(d, `${r.code}`).not.toMatch(/\bindicates\b/i);
      expect(d, `${r.code}`).not.toContain('\n');
    }
  });

  it('keeps each hint to one or two short sentences', () => {
    for (const r of STATUS_RECORDS) {
      if (r.hint === undefined) continue;
      const h = r.hint;
      expect(h, `${r.code}`).toBe(h.trim());
      expect(h, `${r.code}`).toMatch(/\.$/);
      expect(h.length, `${r.code}: ${h}`).toBeLessThanOrEqual(240);
      expect(sentenceCount(h), `${r.code}: ${h}`).toBeGreaterThanOrEqual(1);
      expect(sentenceCount(h), `${r.code}: ${h}`).toBeLessThanOrEqual(2);
      expect(h, `${r.code}`).not.toContain('\n');
    }
  });

  it('has non-empty reasons and aliases, with no alias repeating the reason', () => {
    for (const r of STATUS_RECORDS) {
      expect(r.reason.trim(), `${r.code}`).not.toBe('');
      expect(r.reason, `${r.code}`).toBe(r.reason.trim());
      const aliases = r.aliases ?? [];
      expect(new Set(aliases).size, `${r.code}`).toBe(aliases.length);
      for (const alias of aliases) {
        expect(alias.trim(), `${r.code}`).not.toBe('');
        expect(alias.toLowerCase(), `${r.code}`).not.toBe(r.reason.toLowerCase());
      }
    }
  });

  it.each(COMMON_CODES)('gives common code %i a hint', (code) => {
    expect(record(code).hint).toEqual(expect.any(String));
  });

  it('gives every unofficial code a hint', () => {
    for (const code of UNOFFICIAL_CODES) {
      expect(record(code).hint, `${code}`).toEqual(expect.any(String));
    }
  });

  it.each([
    [200, 'OK'],
    [302, 'Found'],
    [306, '(Unused)'],
    [413, 'Content Too Large'],
    [414, 'URI Too Long'],
    [416, 'Range Not Satisfiable'],
    [418, '(Unused)'],
    [421, 'Misdirected Request'],
    [422, 'Unprocessable Content'],
    [425, 'Too Early'],
    [451, 'Unavailable For Legal Reasons'],
    [510, 'Not Extended'],
  ])('uses the IANA reason phrase for %i', (code, reason) => {
    expect(record(code).reason).toBe(reason);
  });

  it.each([
    [302, 'Moved Temporarily'],
    [306, 'Switch Proxy'],
    [413, 'Payload Too Large'],
    [413, 'Request Entity Too Large'],
    [414, 'Request-URI Too Long'],
    [416, 'Requested Range Not Satisfiable'],
    [418, "I'm a teapot"],
    [422, 'Unprocessable Entity'],
  ])('knows %i by its older name %j', (code, alias) => {
    expect(record(code).aliases ?? []).toContain(alias);
  });

  it.each([
    [100, 'RFC 9110 §15.2.1'],
    [200, 'RFC 9110 §15.3.1'],
    [206, 'RFC 9110 §15.3.7'],
    [306, 'RFC 9110 §15.4.7'],
    [308, 'RFC 9110 §15.4.9'],
    [401, 'RFC 9110 §15.5.2'],
    [417, 'RFC 9110 §15.5.18'],
    [418, 'RFC 9110 §15.5.19'],
    [421, 'RFC 9110 §15.5.20'],
    [422, 'RFC 9110 §15.5.21'],
    [426, 'RFC 9110 §15.5.22'],
    [505, 'RFC 9110 §15.6.6'],
    [103, 'RFC 8297 §2'],
    [425, 'RFC 8470 §5.2'],
    [429, 'RFC 6585 §4'],
    [451, 'RFC 7725 §3'],
    [510, 'RFC 2774 §7'],
  ])('cites the defining section for %i', (code, spec) => {
    expect(record(code).spec).toBe(spec);
  });

  it('points every RFC 9110 code at the right subsection of §15', () => {
    const nines = STATUS_RECORDS.filter((r) => r.spec?.startsWith('RFC 9110 '));
    for (const r of nines) {
      expect(r.spec, `${r.code}`).toMatch(new RegExp(`^RFC 9110 §15\\.${Math.floor(r.code / 100) + 1}\\.\\d+$`));
    }
  });

  it('marks 305, 306 and the obsoleted 510 deprecated', () => {
    expect(record(305).deprecated).toBe(true);
    expect(record(306).deprecated).toBe(true);
    expect(record(510).deprecated).toBe(true);
  });

  it('treats the two codes IANA lists as (Unused), 306 and 418, the same way', () => {
    const unused = STATUS_RECORDS.filter((r) => r.reason === '(Unused)');
    expect(unused.map((r) => r.code)).toEqual([306, 418]);
    for (const r of unused) expect(r.deprecated, `${r.code}`).toBe(true);
  });

  it('lists 104 as IANA does: a temporary registration from the resumable-upload draft', () => {
    expect(record(104)).toMatchObject({
      reason: 'Upload Resumption Supported',
      spec: 'draft-ietf-httpbis-resumable-upload',
      temporary: true,
    });
    expect(STATUS_RECORDS.filter((r) => r.temporary).map((r) => r.code)).toEqual([104]);
  });

  it('leaves temporary unset rather than false', () => {
    for (const r of STATUS_RECORDS) expect(r.temporary, `${r.code}`).not.toBe(false);
  });

  it('is frozen, so an importer cannot add, drop or reorder codes', () => {
    expect(Object.isFrozen(STATUS_RECORDS)).toBe(true);
    const length = STATUS_RECORDS.length;
    expect(() => (STATUS_RECORDS as StatusRecord[]).push(record(200))).toThrow(TypeError);
    expect(STATUS_RECORDS).toHaveLength(length);
  });

  it('leaves deprecated unset rather than false', () => {
    for (const r of STATUS_RECORDS) {
      expect(r.deprecated, `${r.code}`).not.toBe(false);
    }
  });

  it('says that 510 is obsolete', () => {
    expect(record(510).description).toMatch(/obsolete|historic/i);
  });

  it('mentions the IIS meaning of 451', () => {
    const r = record(451);
    expect(r.description).toMatch(/IIS.*Redirect/);
  });

  it('credits the right origin for the unofficial families', () => {
    for (const code of [444, 494, 495, 496, 497, 499]) expect(record(code).origin, `${code}`).toBe('nginx');
    for (const code of [520, 521, 522, 523, 524, 525, 526, 530])
      expect(record(code).origin, `${code}`).toBe('Cloudflare');
    for (const code of [460, 463, 464, 561]) {
      expect(record(code).origin, `${code}`).toBe('AWS Elastic Load Balancing');
    }
    expect(record(498).origin).toMatch(/Esri/);
    expect(record(460).description).toMatch(/Application Load Balancer/);
    expect(record(498).origin).not.toMatch(/nginx/);
  });
});

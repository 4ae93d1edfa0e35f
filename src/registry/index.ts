import { CLASS_NAMES, statusClass } from './classes.js';
import { STATUS_RECORDS } from './statuses.js';
import type { StatusClass, StatusEntry } from './types.js';

export { CLASS_NAMES, statusClass } from './classes.js';
export type { StatusClass, StatusEntry } from './types.js';

// IANA's reason for codes that are reserved but not to be used (306, 418).
const UNUSED = '(Unused)';

const byCode = new Map<number, StatusEntry>();
for (const record of STATUS_RECORDS) {
  byCode.set(
    record.code,
    Object.freeze({
      ...record,
      aliases: Object.freeze([...(record.aliases ?? [])]),
      class: statusClass(record.code) as StatusClass,
      official: record.origin === undefined,
    }),
  );
}

/** The registry entry for `code`, or `undefined` when the code is not registered (IANA or well-known unofficial). */
export function getStatus(code: number): StatusEntry | undefined {
  return byCode.get(code);
}

/** Every registered entry, sorted by code. */
export function listStatuses(): readonly StatusEntry[] {
  return [...byCode.values()];
}

/**
 * One line for people: `404 Not Found (4xx Client Error): <description>`. An unregistered code in
 * range is described by its class, as RFC 9110 §15 tells clients to treat it as the class's x00.
 */
export function describeStatus(code: number): string {
  if (typeof code !== 'number') {
    const asNumber = typeof code === 'string' || typeof code === 'bigint' ? Number(code) : Number.NaN;
    const fix = statusClass(asNumber)
      ? `pass the number ${asNumber}`
      : 'status codes are whole numbers from 100 to 599';
    return `Not an HTTP status code: got ${nonNumber(code)}; ${fix}.`;
  }
  const cls = statusClass(code);
  if (cls === undefined) return `${String(code)} is not an HTTP status code (they are whole numbers from 100 to 599).`;
  const entry = byCode.get(code);
  if (entry === undefined) {
    const base = byCode.get(Number(cls[0]) * 100);
    // Worded like statusLabel, so the same code reads the same in a message and here.
    return `${statusLabel(code)}: not in the IANA registry; clients treat it as ${base?.code} ${base?.reason}.`;
  }
  return `${statusLabel(code)}: ${entry.description}`;
}

/**
 * The code with its reason and class, as messages print it: `503 Service Unavailable (5xx Server Error)`,
 * `520 Web Server Returned an Unknown Error (5xx Server Error; unofficial, Cloudflare)`, `299 (2xx Successful; unregistered)`.
 */
export function statusLabel(code: number): string {
  if (typeof code !== 'number') return `${nonNumber(code)} (not a status code)`;
  const cls = statusClass(code);
  if (cls === undefined) return String(code);
  const entry = byCode.get(code);
  const classText = `${cls} ${CLASS_NAMES[cls]}`;
  if (entry === undefined) return `${code} (${classText}; unregistered)`;
  // "(Unused)" is a placeholder, not a name: "418 (Unused) (4xx …)" would read as two asides.
  if (entry.reason === UNUSED) return `${code} (${classText}; unused)`;
  let flags = entry.official ? '' : `; unofficial, ${entry.origin}`;
  if (entry.temporary) flags = '; temporary';
  if (entry.official && entry.deprecated) flags = '; deprecated';
  return `${code} ${entry.reason} (${classText}${flags})`;
}

// What a caller passed instead of a number, named by its type: "the string '200'".
function nonNumber(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  // Echoed only when it is short and printable: the registry has no escaping of its own, and needs none.
  if (typeof value === 'string') return /^[\x20-\x7e]{0,40}$/.test(value) ? `the string '${value}'` : 'a string';
  if (typeof value === 'bigint') return `the bigint ${value}n`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`.replace(/^a o/, 'an o');
}

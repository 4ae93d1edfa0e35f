import { cutText } from './escape.js';
import { hideSecret, isSecretName, REDACTED } from './redact.js';

const MAX_DEPTH = 32;

class Full extends Error {}

/**
 * Pretty JSON of `value`, at most about `limit` characters, secret fields redacted. It stops as soon
 * as the budget is spent, so a 10 MB object costs what its first kilobyte costs; deep nesting is cut
 * at 32 levels instead of overflowing the stack; cycles and throwing getters are shown, not thrown.
 */
export function boundedJson(value: unknown, limit: number, hidden?: Set<string>): { text: string; complete: boolean } {
  let out = '';
  const write = (s: string): void => {
    out += s;
    if (out.length > limit) {
      out = cutText(out, limit);
      throw new Full();
    }
  };
  // A 10 MB string value is quoted by its first `limit` characters only: the rest could never be shown.
  const quote = (s: string): string => JSON.stringify(s.length > limit ? cutText(s, limit) : s);
  const seen = new Set<object>();

  const walk = (v: unknown, indent: string, depth: number): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      try {
        v = (v as { toJSON: () => unknown }).toJSON();
      } catch {
        return write('"[unreadable]"');
      }
    }
    if (v === null || v === undefined) return write('null');
    if (typeof v === 'string') return write(quote(v));
    if (typeof v === 'number') return write(Number.isFinite(v) ? String(v) : 'null');
    if (typeof v === 'boolean') return write(String(v));
    if (typeof v === 'bigint') return write(`${v}`);
    if (typeof v !== 'object') return write('null');
    if (seen.has(v)) return write('"[circular]"');
    if (depth >= MAX_DEPTH) return write(Array.isArray(v) ? '[…]' : '{…}');
    seen.add(v);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) write('[]');
      else if (allScalars(v, limit)) {
        // [0, 1, 2] on one line: a list of ids one per line would fill the excerpt with line breaks.
        write('[');
        for (let i = 0; i < v.length; i++) {
          if (i) write(', ');
          walk(read(v, i), inner, depth + 1);
        }
        write(']');
      } else {
        write('[');
        for (let i = 0; i < v.length; i++) {
          write(`${i ? ',' : ''}\n${inner}`);
          walk(read(v, i), inner, depth + 1);
        }
        write(`\n${indent}]`);
      }
    } else {
      const keys = ownKeys(v);
      if (keys === undefined) write('"[unreadable]"');
      else if (keys.length === 0) write('{}');
      else {
        write('{');
        keys.forEach((key, i) => {
          write(`${i ? ',' : ''}\n${inner}${quote(key)}: `);
          if (isSecretName(key)) {
            const secret = read(v, key);
            if (typeof secret === 'string' || typeof secret === 'number') hideSecret(hidden, String(secret));
            write(`"${REDACTED}"`);
          } else walk(read(v, key), inner, depth + 1);
        });
        write(`\n${indent}}`);
      }
    }
    seen.delete(v);
  };

  try {
    walk(value, '', 0);
    return { text: out, complete: true };
  } catch (error) {
    if (error instanceof Full) return { text: out, complete: false };
    return { text: '[unreadable]', complete: false };
  }
}

// Only the first `limit` items are looked at: each takes at least 3 characters ("0, "), so the
// budget runs out before any later item is written.
function allScalars(items: readonly unknown[], limit: number): boolean {
  const end = Math.min(items.length, limit);
  for (let i = 0; i < end; i++) {
    const item = read(items, i);
    if (item !== null && typeof item === 'object') return false;
  }
  return true;
}

function ownKeys(value: object): string[] | undefined {
  try {
    return Object.keys(value);
  } catch {
    // A Proxy whose ownKeys trap throws.
    return undefined;
  }
}

function read(container: object, key: PropertyKey): unknown {
  try {
    return (container as Record<PropertyKey, unknown>)[key];
  } catch {
    return '[unreadable]';
  }
}
